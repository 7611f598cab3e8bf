package io.jynamo.examples.model;

import io.jynamo.annotations.Capacity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * PynamoDB's {@code UserModel}: table {@code dynamodb-user}, hash key {@code email}.
 */
@Entity
@Table(name = "dynamodb-user")
@Capacity(read = 1, write = 1)
public class User {
    @Id
    private String email;
    private String firstName;
    private String lastName;

    protected User() {
    }

    public User(String email, String firstName, String lastName) {
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    @Override
    public String toString() {
        return "dynamodb-user<" + email + ">";
    }
}
