package io.jynamo.tck.flush;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One of two entities in two tables with keys of the same shape, so equal writes can go to both. */
@Entity
public class Beta {
    @Id
    private String id;
    private String label;

    protected Beta() {
    }

    public Beta(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
