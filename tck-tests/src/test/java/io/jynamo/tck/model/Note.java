package io.jynamo.tck.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity inheriting mapped attributes from {@link Audited}. */
@Entity
public class Note extends Audited {
    @Id
    public String id;
    public String body;

    public Note() {
    }

    public Note(String id, String body) {
        this.id = id;
        this.body = body;
    }
}
