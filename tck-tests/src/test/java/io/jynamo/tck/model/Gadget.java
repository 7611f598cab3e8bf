package io.jynamo.tck.model;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;

/** Property access: the getters are mapped, the fields have other names and are not read directly. */
@Entity
@Access(AccessType.PROPERTY)
public class Gadget {
    private String key;
    private String label;
    private int calls;

    public Gadget() {
    }

    public Gadget(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Id
    public String getCode() {
        return key;
    }

    public void setCode(String code) {
        this.key = code;
    }

    @Column(name = "title")
    public String getName() {
        return label;
    }

    public void setName(String name) {
        this.label = name;
    }

    @Transient
    public int getCalls() {
        return calls;
    }

    @Transient
    public String getShout() {
        return label == null ? null : label.toUpperCase(java.util.Locale.ROOT);
    }
}
