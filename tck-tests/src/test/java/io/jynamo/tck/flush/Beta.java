package io.jynamo.tck.flush;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity whose items equal those of {@link Alpha} in another table: equal writes can go to both. */
@Entity
public class Beta {
    @Id
    private String id;
    private String label;

    protected Beta() {
    }

    Beta(String id, String label) {
        this.id = id;
        this.label = label;
    }
}
