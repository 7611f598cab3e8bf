package io.jynamo.tck.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.util.UUID;

/** A generated UUID key. */
@Entity
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;
    public String title;

    public Ticket() {
    }

    public Ticket(String title) {
        this.title = title;
    }
}
