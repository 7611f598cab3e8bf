package io.jynamo.tck.relationship;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.relationship.model.Badge;
import io.jynamo.tck.relationship.model.Card;
import io.jynamo.tck.relationship.model.Client;
import io.jynamo.tck.relationship.model.Holder;
import io.jynamo.tck.relationship.model.Purchase;
import io.jynamo.tck.relationship.model.Store;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.RollbackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cascades (JPA 3.2 section 3.2) over one-to-many, many-to-one and one-to-one, and orphan removal. */
class CascadeTest {

    private TestUnit unit;

    @BeforeEach
    void start() {
        unit = TestUnit.of(Client.class, Purchase.class, Store.class, Card.class, Holder.class, Badge.class).build();
    }

    @AfterEach
    void stop() {
        unit.close();
    }

    private void clientWithPurchases() {
        unit.inTransaction(em -> {
            Client c = new Client("c1", "Ann");
            c.buy("p1", 10);
            c.buy("p2", 20);
            c.buy("p3", 30);
            em.persist(c);
        });
    }

    private <T> T find(Class<T> type, Object id) {
        return unit.fromTransaction(em -> em.find(type, id));
    }

    @Test
    void persistCascadesToChildrenAndEveryItemGoesInTheSameBatch() {
        clientWithPurchases();
        assertEquals(1, unit.calls().count("batchWriteItem"));
        BatchWriteItemRequest batch = unit.calls().<BatchWriteItemRequest>requests("batchWriteItem").get(0);
        assertEquals(4, batch.requestItems().values().stream().mapToInt(java.util.List::size).sum());
        assertEquals(30, find(Purchase.class, "p3").amount);
    }

    @Test
    void removeOfNewOwnerIsIgnoredButCascadesToItsManagedTarget() {
        unit.inTransaction(em -> {
            Badge badge = new Badge("b9");
            em.persist(badge);
            Holder fresh = new Holder("h9");
            fresh.badge = badge;
            em.remove(fresh);
            assertFalse(em.contains(badge), "REMOVE cascades from a new instance (JPA 3.2 section 3.3.3)");
        });
        assertNull(find(Badge.class, "b9"));
        assertNull(find(Holder.class, "h9"));
    }

    @Test
    void persistingAgainWhatWasRemovedAndFlushedStoresItOnceMore() {
        unit.inTransaction(em -> {
            Card card = new Card("k1", new Holder("h1"));
            em.persist(card);
            em.flush();
            em.remove(card.holder);
            em.remove(em.find(Card.class, "k1"));
            em.flush();
            assertNull(em.find(Card.class, "k1"));
            em.persist(card); // JPA 3.2 section 3.3.2: a removed entity becomes managed again, cascading
            em.flush();
            assertTrue(em.contains(card));
            assertTrue(em.contains(card.holder));
        });
        assertNotNull(find(Card.class, "k1"));
        assertNotNull(find(Holder.class, "h1"));
    }

    @Test
    void inAtomicModeOwnerAndChildrenAreOneTransaction() {
        unit.close();
        unit = TestUnit.of(Client.class, Purchase.class, Store.class, Card.class, Holder.class, Badge.class)
                .property(JynamoProperties.WRITE_MODE, "atomic").build();
        clientWithPurchases();
        assertEquals(1, unit.calls().count("transactWriteItems"));
        assertEquals(0, unit.calls().count("batchWriteItem"));
        assertEquals(4, unit.calls().<TransactWriteItemsRequest>requests("transactWriteItems").get(0).transactItems().size());
    }

    @Test
    void inAtomicModeFlushCascadesAndChecksWithoutWriting() {
        unit.close();
        unit = TestUnit.of(Client.class, Purchase.class, Store.class, Card.class, Holder.class,
                io.jynamo.tck.relationship.model.Badge.class).property(JynamoProperties.WRITE_MODE, "atomic").build();
        EntityManager em = unit.emf().createEntityManager();
        try {
            em.getTransaction().begin();
            Client c = new Client("c1", "Ann");
            em.persist(c);
            Purchase late = c.buy("late", 5);
            em.flush();
            assertTrue(em.contains(late), "persist cascades at flush");
            Purchase p = new Purchase("p1", 1, null);
            p.store = new Store(null, "no key yet");
            em.persist(p);
            assertThrows(IllegalStateException.class, em::flush);
        } finally {
            em.close();
        }
        assertEquals(0, unit.calls().count("transactWriteItems"));
    }

    @Test
    void persistCascadesAgainAtFlushToChildrenAddedAfterPersist() {
        unit.inTransaction(em -> {
            Client c = new Client("c1", "Ann");
            em.persist(c);
            c.buy("late", 5);
        });
        assertEquals("c1", find(Purchase.class, "late").client.id);
    }

    @Test
    void persistCascadesOverAnOwningOneToOne() {
        unit.inTransaction(em -> em.persist(new Card("4111", new Holder("h1"))));
        assertNotNull(find(Holder.class, "h1"));
    }

    @Test
    void aNewEntityReachableWithoutPersistCascadeFailsTheFlush() {
        EntityManager em = unit.emf().createEntityManager();
        try {
            em.getTransaction().begin();
            Purchase p = new Purchase("p1", 1, null);
            p.store = new Store(null, "no key yet");
            em.persist(p);
            RollbackException e = assertThrows(RollbackException.class, () -> em.getTransaction().commit());
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("'store'"), e.getCause().getMessage());
        } finally {
            em.close();
        }
        assertEquals(0, unit.calls().count("batchWriteItem"));
    }

    @Test
    void aNewEntityWithAnAssignedKeyIsToldFromADetachedOneByOneBatchGet() {
        unit.inTransaction(em -> em.persist(new Store("stored", "Main")));
        unit.calls().reset();
        EntityManager em = unit.emf().createEntityManager();
        try {
            em.getTransaction().begin();
            Purchase p = new Purchase("p1", 1, null);
            p.store = new Store("never-persisted", "new");
            em.persist(p);
            RollbackException e = assertThrows(RollbackException.class, () -> em.getTransaction().commit());
            assertInstanceOf(IllegalStateException.class, e.getCause());
        } finally {
            em.close();
        }
        assertEquals(1, unit.calls().count("batchGetItem"));
        assertEquals(0, unit.calls().count("batchWriteItem"));
        unit.calls().reset();
        unit.inTransaction(em2 -> {
            Purchase p = new Purchase("p2", 1, null);
            p.store = new Store("stored", "a detached copy made by the application");
            em2.persist(p);
            em2.flush();
            em2.createQuery("SELECT s FROM Store s WHERE s.id = 'stored'").getResultList(); // flushes again first
        });
        assertEquals(1, unit.calls().count("batchGetItem"), "a detached target found stored is not read again");
        assertEquals("Main", find(Purchase.class, "p2").store.name);
    }

    @Test
    void removeCascadesToTheStoredChildrenWithOneQueryAndOneBatch() {
        clientWithPurchases();
        unit.calls().reset();
        unit.inTransaction(em -> em.remove(em.find(Client.class, "c1")));
        assertEquals(1, unit.calls().count("getItem"));
        assertEquals(1, unit.calls().count("query"));
        assertEquals(1, unit.calls().count("batchWriteItem"));
        assertNull(find(Purchase.class, "p2"));
        assertNull(find(Client.class, "c1"));
    }

    @Test
    void removingAChildFromAnOrphanRemovalCollectionDeletesIt() {
        clientWithPurchases();
        unit.inTransaction(em -> {
            Client c = em.find(Client.class, "c1");
            c.purchases.removeIf(p -> p.id.equals("p2"));
        });
        assertNull(find(Purchase.class, "p2"));
        assertNotNull(find(Purchase.class, "p1"));
    }

    @Test
    void aReplacedLoadedCollectionRemovesTheChildrenItNoLongerHolds() {
        clientWithPurchases();
        unit.inTransaction(em -> {
            Client c = em.find(Client.class, "c1");
            Purchase keep = c.purchases.get(0);
            c.purchases = new java.util.ArrayList<>(java.util.List.of(keep));
        });
        assertNotNull(find(Purchase.class, "p1"));
        assertNull(find(Purchase.class, "p2"));
        assertNull(find(Purchase.class, "p3"));
    }

    @Test
    void anOwningOneToOneWithOrphanRemovalDeletesTheTargetItNoLongerRefersTo() {
        unit.inTransaction(em -> {
            Holder h = new Holder("h1");
            h.badge = new io.jynamo.tck.relationship.model.Badge("b1");
            em.persist(h);
        });
        assertNotNull(find(io.jynamo.tck.relationship.model.Badge.class, "b1"));
        unit.inTransaction(em -> em.find(Holder.class, "h1").badge = null);
        assertNull(find(io.jynamo.tck.relationship.model.Badge.class, "b1"));
    }

    @Test
    void anInverseOneToOneWithOrphanRemovalDeletesTheChildItNoLongerHolds() {
        unit.inTransaction(em -> {
            Holder h = new Holder("h1");
            em.persist(h);
            em.persist(new Card("4111", h));
        });
        unit.inTransaction(em -> em.find(Holder.class, "h1").card = null);
        assertNull(find(Card.class, "4111"));
    }

    @Test
    void mergeCascadesToChildrenChangedOrAddedWhileDetached() {
        clientWithPurchases();
        Client detached = unit.fromTransaction(em -> {
            Client c = em.find(Client.class, "c1");
            c.purchases.size();
            return c;
        });
        detached.purchases.get(0).amount = 11;
        detached.buy("p4", 40);
        unit.inTransaction(em -> {
            Client managed = em.merge(detached);
            assertTrue(em.contains(managed.purchases.get(0)));
        });
        assertEquals(11, find(Purchase.class, "p1").amount);
        assertEquals("c1", find(Purchase.class, "p4").client.id);
    }

    @Test
    void mergeCascadeOverAReferenceNeverLoadedKeepsTheTargetsStoredState() {
        unit.inTransaction(em -> {
            Holder h = new Holder("h1");
            h.badge = new io.jynamo.tck.relationship.model.Badge("b1");
            h.badge.label = "gold";
            em.persist(h);
        });
        Holder detached = find(Holder.class, "h1");
        detached.badge = unit.fromTransaction(em -> em.getReference(io.jynamo.tck.relationship.model.Badge.class, "b1"));
        unit.inTransaction(em -> em.merge(detached)); // Holder.badge cascades MERGE, but the reference has no state
        assertEquals("gold", find(io.jynamo.tck.relationship.model.Badge.class, "b1").label);
    }

    @Test
    void mergeWithoutCascadeRefersToTheManagedTargetByKey() {
        unit.inTransaction(em -> em.persist(new Store("s1", "Main")));
        Purchase p = new Purchase("p1", 1, null);
        p.store = new Store("s1", "a detached copy with another name");
        unit.inTransaction(em -> em.merge(p));
        Purchase stored = find(Purchase.class, "p1");
        assertEquals("Main", stored.store.name);
    }

    @Test
    void detachCascadesToLoadedChildren() {
        clientWithPurchases();
        unit.inTransaction(em -> {
            Client c = em.find(Client.class, "c1");
            Purchase p1 = c.purchases.get(0);
            em.detach(c);
            assertFalse(em.contains(c));
            assertFalse(em.contains(p1));
        });
    }

    @Test
    void refreshCascadesToLoadedChildren() {
        clientWithPurchases();
        unit.inTransaction(em -> {
            Client c = em.find(Client.class, "c1");
            Purchase p1 = c.purchases.get(0);
            p1.amount = 99;
            em.refresh(c);
            assertEquals(10, p1.amount);
        });
    }
}
