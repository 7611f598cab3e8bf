package io.jynamo.examples.spring;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer: partition key {@code id}, a global index on {@code email}. */
@Entity
@Table(indexes = @Index(name = "byEmail", columnList = "email"))
public class Customer {
    @Id
    private String id;
    private String name;
    private String email;
    @Version
    private Long version;

    protected Customer() {
    }

    public Customer(String id, String name, String email) {
        this.id = id;
        this.name = name;
        this.email = email;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    @Override
    public String toString() {
        return name + " <" + email + ">";
    }
}
