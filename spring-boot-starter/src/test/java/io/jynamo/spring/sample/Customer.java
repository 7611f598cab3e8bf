package io.jynamo.spring.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A table keyed by id alone, with a global index on email and one on (city, age). */
@Entity
@Table(name = "customer", indexes = {
        @Index(name = "byEmail", columnList = "email"),
        @Index(name = "byCity", columnList = "city, age")})
public class Customer {
    @Id
    private String id;
    private String name;
    private String email;
    private String city;
    private int age;
    private boolean active = true;
    @Version
    private Long version;

    protected Customer() {
    }

    public Customer(String id, String name, String email, String city, int age) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.city = city;
        this.age = age;
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

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public int getAge() {
        return age;
    }

    public void setAge(int age) {
        this.age = age;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Customer<" + id + ">";
    }
}
