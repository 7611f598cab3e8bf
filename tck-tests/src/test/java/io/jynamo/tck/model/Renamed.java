package io.jynamo.tck.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;

/** {@code @Column(name)} renames stored attributes (the key too); {@code @Transient} and transient fields are not stored. */
@Entity
public class Renamed {
    @Id
    @Column(name = "pk")
    public String id;
    @Column(name = "full_name")
    public String name;
    @Transient
    public String scratch;
    public transient String cache;

    public Renamed() {
    }

    public Renamed(String id, String name) {
        this.id = id;
        this.name = name;
    }
}
