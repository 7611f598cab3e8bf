package io.jynamo.tck.cache;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity that says nothing about caching: cached only under ALL and DISABLE_SELECTIVE. */
@Entity
public class Draft {
    @Id
    private String id;
    private String text;

    protected Draft() {
    }

    public Draft(String id, String text) {
        this.id = id;
        this.text = text;
    }

    public String getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
