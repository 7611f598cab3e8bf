package io.jynamo.tck.model;

import io.jynamo.annotations.SortKey;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A composite key (last name, first name) with a global index on e-mail. */
@Entity
@IdClass(Person.Key.class)
@Table(name = "person", indexes = @Index(name = "byEmail", columnList = "email"))
public class Person {
    @Id
    private String lastName;
    @Id
    @SortKey
    private String firstName;
    private String email;
    private Integer age;

    protected Person() {
    }

    public Person(String lastName, String firstName, String email, Integer age) {
        this.lastName = lastName;
        this.firstName = firstName;
        this.email = email;
        this.age = age;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Integer getAge() {
        return age;
    }

    public void setAge(Integer age) {
        this.age = age;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String lastName;
        private String firstName;

        public Key() {
        }

        public Key(String lastName, String firstName) {
            this.lastName = lastName;
            this.firstName = firstName;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(lastName, k.lastName) && Objects.equals(firstName, k.firstName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lastName, firstName);
        }
    }
}
