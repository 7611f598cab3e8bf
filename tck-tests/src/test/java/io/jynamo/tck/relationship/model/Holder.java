package io.jynamo.tck.relationship.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;

/**
 * The inverse side of a one-to-one (its card, loaded with the holder by one Query on the card's join column
 * index) and an owning one (its badge); both remove orphans.
 */
@Entity
public class Holder {
    @Id
    public String id;
    @OneToOne(mappedBy = "holder", orphanRemoval = true)
    public Card card;
    @OneToOne(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "badge")
    public Badge badge;

    public Holder() {
    }

    public Holder(String id) {
        this.id = id;
    }
}
