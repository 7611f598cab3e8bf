package io.jynamo.examples.model;

import io.jynamo.annotations.SortKey;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * PynamoDB's second {@code UserModel}: hash key {@code last_name}, range key {@code first_name},
 * and a global index on e-mail (PynamoDB's {@code custom_index}). It lives in its own table because
 * a DynamoDB table has one key schema.
 */
@Entity
@IdClass(NamedUser.Key.class)
@Table(name = "dynamodb-user-by-name", indexes = @Index(name = "custom_index", columnList = "email"))
public class NamedUser {
    @Id
    private String lastName;
    @Id
    @SortKey
    private String firstName;
    private String email;

    protected NamedUser() {
    }

    public NamedUser(String lastName, String firstName, String email) {
        this.lastName = lastName;
        this.firstName = firstName;
        this.email = email;
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

    @Override
    public String toString() {
        return "dynamodb-user<" + lastName + ", " + firstName + ", " + email + ">";
    }

    /** The composite primary key. */
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
