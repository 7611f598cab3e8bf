package io.jynamo.tck.relationship.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

/** The inverse side of a one-to-one: loaded with the holder by one Query on the card's join column index. */
@Entity
public class Holder {
    @Id
    public String id;
    @OneToOne(mappedBy = "holder")
    public Card card;

    public Holder() {
    }

    public Holder(String id) {
        this.id = id;
    }
}
