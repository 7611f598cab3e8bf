package io.jynamo.tck.relationship;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code o.sample MEMBER OF o.lines}: an owning to-one of the root tested for membership in the root's own inverse
 * collection (the official TCK's {@code o.sampleLineItem MEMBER OF o.lineItemsCollection}), which is the target's
 * owning side naming the root, evaluated in Java on the targets loaded after the read.
 */
class MemberOfToOneTest {

    @Entity
    @Table(name = "MoBasket")
    public static class Basket {
        @Id
        public String id;
        @OneToMany(mappedBy = "basket")
        public List<Fruit> fruits = new ArrayList<>();
        @OneToOne(fetch = FetchType.LAZY)
        public Fruit sample;

        public Basket() {
        }

        Basket(String id) {
            this.id = id;
        }
    }

    @Entity
    @Table(name = "MoFruit")
    public static class Fruit {
        @Id
        public String id;
        @ManyToOne(fetch = FetchType.LAZY)
        public Basket basket;

        public Fruit() {
        }

        Fruit(String id, Basket basket) {
            this.id = id;
            this.basket = basket;
        }
    }

    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Basket.class, Fruit.class).property("jynamo.scan", "allow").property("jynamo.client-side", "allow")
                .build();
        unit.inTransaction(em -> {
            Basket b1 = new Basket("b1");
            Basket b2 = new Basket("b2");
            Basket b3 = new Basket("b3");
            Basket b4 = new Basket("b4");
            List.of(b1, b2, b3, b4).forEach(em::persist);
            Fruit f1 = new Fruit("f1", b1);
            Fruit f9 = new Fruit("f9", null);
            em.persist(f1);
            em.persist(f9);
            b1.sample = f1; // in b1
            b2.sample = f1; // in another basket
            b4.sample = f9; // in none; b3 has no sample
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static List<String> ids(String jpql) {
        return unit.withEntityManager(em -> em.createQuery(jpql, Basket.class).getResultList()).stream()
                .map(b -> b.id).sorted().toList();
    }

    @Test
    void aToOneOfTheRootIsAMemberOfItsCollectionWhenItsOwningSideNamesTheRoot() {
        assertEquals(List.of("b1"), ids("SELECT b FROM Basket b WHERE b.sample MEMBER OF b.fruits"));
        assertEquals(List.of("b2", "b4"), ids("SELECT b FROM Basket b WHERE b.sample NOT MEMBER OF b.fruits"),
                "b3 has no sample: UNKNOWN either way, as a NULL element");
    }
}
