package io.jynamo.local;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity for the tests that share one factory across test classes. */
@Entity
@Table(name = "local-note")
public class Note {

    @Id
    private String id;
    private String text;

    protected Note() {
    }

    Note(String id, String text) {
        this.id = id;
        this.text = text;
    }

    String id() {
        return id;
    }
}
