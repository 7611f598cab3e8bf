package io.jynamo.tck.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A generated UUID key held as a String. */
@Entity
public class Label {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public String id;
    public String text;

    public Label() {
    }

    public Label(String text) {
        this.text = text;
    }
}
