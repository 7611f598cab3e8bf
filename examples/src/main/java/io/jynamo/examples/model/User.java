package io.jynamo.examples.model;

import io.jynamo.annotations.Capacity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

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
    /** Stored on each purchase (its customer_email attribute); loaded by one Query on fk_customer_email. */
    @OneToMany(mappedBy = "customer")
    private List<Purchase> purchases = new ArrayList<>();

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

    public List<Purchase> getPurchases() {
        return purchases;
    }

    @Override
    public String toString() {
        return "dynamodb-user<" + email + ">";
    }
}
