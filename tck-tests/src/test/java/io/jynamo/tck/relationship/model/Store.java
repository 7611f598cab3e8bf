package io.jynamo.tck.relationship.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The target of an eager many-to-one. */
@Entity
public class Store implements java.io.Serializable {
    @Id
    public String id;
    public String name;

    public Store() {
    }

    public Store(String id, String name) {
        this.id = id;
        this.name = name;
    }
}
