package io.jynamo.tck.relationship.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import java.util.ArrayList;
import java.util.List;

/** The inverse side of a one-to-many: a client's purchases, loaded by the foreign-key index. */
@Entity
@jakarta.persistence.NamedEntityGraph(name = "Client.purchases", attributeNodes = @jakarta.persistence.NamedAttributeNode("purchases"))
public class Client implements java.io.Serializable {
    @Id
    public String id;
    public String name;
    @OneToMany(mappedBy = "client", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("amount")
    public List<Purchase> purchases = new ArrayList<>();

    public Client() {
    }

    public Client(String id, String name) {
        this.id = id;
        this.name = name;
    }

    /** A method, so that a lazy reference loads (reading a field of a proxy runs no code). */
    public String getName() {
        return name;
    }

    /** Keeps both sides: the owning side (Purchase.client) is what is stored. */
    public Purchase buy(String purchaseId, int amount) {
        Purchase p = new Purchase(purchaseId, amount, this);
        purchases.add(p);
        return p;
    }

    /**
     * The shop data of the relationship query tests: store s1, clients c0..c2 with four purchases each (c0-p0 ..
     * c2-p3, amounts 0..3), every purchase made in s1.
     */
    public static void persistShop(jakarta.persistence.EntityManager em) {
        Store shop = new Store("s1", "Shop");
        em.persist(shop);
        for (int c = 0; c < 3; c++) {
            Client client = new Client("c" + c, "Client " + c);
            for (int p = 0; p < 4; p++) {
                client.buy("c" + c + "-p" + p, p).store = shop;
            }
            em.persist(client);
        }
    }
}
