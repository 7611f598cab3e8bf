package io.jynamo.tck.relationship.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;

/** The owning side of a one-to-one, with a named join column. */
@Entity
public class Card {
    @Id
    public String number;
    @OneToOne(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "holderId")
    public Holder holder;

    public Card() {
    }

    public Card(String number, Holder holder) {
        this.number = number;
        this.holder = holder;
    }
}
