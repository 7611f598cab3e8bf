package io.jynamo.tck.relationship.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The target of a unidirectional one-to-many: it knows nothing of its team. */
@Entity
public class Player {
    @Id
    public String id;
    public int number;

    public Player() {
    }

    public Player(String id, int number) {
        this.id = id;
        this.number = number;
    }
}
