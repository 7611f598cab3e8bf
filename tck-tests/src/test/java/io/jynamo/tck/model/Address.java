package io.jynamo.tck.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An embeddable stored as a DynamoDB map. */
@Embeddable
public class Address {
    public String street;
    @Column(name = "zip")
    public String postalCode;
    public Integer number;

    public Address() {
    }

    public Address(String street, String postalCode, Integer number) {
        this.street = street;
        this.postalCode = postalCode;
        this.number = number;
    }
}
