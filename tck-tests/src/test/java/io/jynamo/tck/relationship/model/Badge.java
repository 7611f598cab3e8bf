package io.jynamo.tck.relationship.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The target of an owning one-to-one with orphan removal. */
@Entity
public class Badge {
    @Id
    public String id;
    public String label;

    public Badge() {
    }

    public Badge(String id) {
        this.id = id;
    }
}
