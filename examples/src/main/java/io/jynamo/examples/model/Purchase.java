package io.jynamo.examples.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A user's purchase: the owning side of the relationship, storing the user's key as customer_email. */
@Entity
@Table(name = "dynamodb-purchase")
public class Purchase {
    @Id
    private String id;
    private int amount;
    @ManyToOne(fetch = FetchType.LAZY)
    private User customer;

    protected Purchase() {
    }

    public Purchase(String id, int amount, User customer) {
        this.id = id;
        this.amount = amount;
        this.customer = customer;
    }

    public String getId() {
        return id;
    }

    public int getAmount() {
        return amount;
    }

    public User getCustomer() {
        return customer;
    }

    @Override
    public String toString() {
        return id + " (" + amount + ")";
    }
}
