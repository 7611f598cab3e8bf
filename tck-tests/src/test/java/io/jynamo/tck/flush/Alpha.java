package io.jynamo.tck.flush;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity whose items equal those of {@link Beta} in another table: equal writes can go to both. */
@Entity
public class Alpha {
    @Id
    private String id;
    private String label;

    protected Alpha() {
    }

    Alpha(String id, String label) {
        this.id = id;
        this.label = label;
    }
}
