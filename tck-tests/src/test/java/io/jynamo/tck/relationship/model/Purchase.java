package io.jynamo.tck.relationship.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Owning to-one sides: a lazy one (client, default column client_id) and an eager one without cascade (store). */
@Entity
@Table(indexes = @Index(name = "byAmount", columnList = "amount"))
public class Purchase implements java.io.Serializable {
    @Id
    public String id;
    public int amount;
    @ManyToOne(fetch = FetchType.LAZY)
    public Client client;
    @ManyToOne
    public Store store;

    public Purchase() {
    }

    public Purchase(String id, int amount, Client client) {
        this.id = id;
        this.amount = amount;
        this.client = client;
    }
}
