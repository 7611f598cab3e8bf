package io.jynamo.tck.relationship;

import io.jynamo.tck.relationship.model.Book;
import io.jynamo.tck.relationship.model.Card;
import io.jynamo.tck.relationship.model.Client;
import io.jynamo.tck.relationship.model.Holder;
import io.jynamo.tck.relationship.model.Purchase;
import io.jynamo.tck.relationship.model.Shelf;
import io.jynamo.tck.relationship.model.Store;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceUnitUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How relationships are stored and loaded, with the exact DynamoDB calls of each load path. */
class RelationshipLoadingTest {

    private TestUnit unit;

    @BeforeEach
    void start() {
        unit = TestUnit.of(Client.class, Purchase.class, Store.class, Card.class, Holder.class, io.jynamo.tck.relationship.model.Badge.class, Shelf.class, Book.class).build();
    }

    @AfterEach
    void stop() {
        unit.close();
    }

    private Map<String, AttributeValue> item(String table, String keyName, String key) {
        return unit.calls().client().getItem(g -> g.tableName(unit.prefix() + table)
                .key(Map.of(keyName, AttributeValue.fromS(key)))).item();
    }

    @Test
    void owningToOneStoresTheTargetKeyUnderTheDefaultOrJoinColumnNameAndNullAsAbsent() {
        unit.inTransaction(em -> {
            Client c = new Client("c1", "Ann");
            em.persist(c);
            Store s = new Store("s1", "Main");
            em.persist(s);
            Purchase p = new Purchase("p1", 5, c);
            p.store = s;
            em.persist(p);
            em.persist(new Purchase("p2", 6, null));
            Holder h = new Holder("h1");
            em.persist(h);
            em.persist(new Card("4111", h));
        });
        Map<String, AttributeValue> p1 = item("Purchase", "id", "p1");
        assertEquals("c1", p1.get("client_id").s());
        assertEquals("s1", p1.get("store_id").s());
        assertFalse(p1.containsKey("client"));
        Map<String, AttributeValue> p2 = item("Purchase", "id", "p2");
        assertFalse(p2.containsKey("client_id"));
        assertFalse(p2.containsKey("store_id"));
        assertEquals("h1", item("Card", "number", "4111").get("holderId").s());
    }

    @Test
    void compositeTargetKeyIsStoredAsOneAttributePerKeyAttribute() {
        unit.inTransaction(em -> {
            Shelf shelf = new Shelf("hall", 3, "novels");
            em.persist(shelf);
            em.persist(new Book("978", shelf));
        });
        Map<String, AttributeValue> book = item("Book", "isbn", "978");
        assertEquals("hall", book.get("shelf_room").s());
        assertEquals("3", book.get("shelf_position").n());
        Book found = unit.fromTransaction(em -> em.find(Book.class, "978"));
        assertEquals("novels", found.shelf.label);
    }

    private void purchases(int n, boolean withStores) {
        unit.inTransaction(em -> {
            for (int i = 0; i < n; i++) {
                Client c = new Client("c" + i, "Client " + i);
                em.persist(c);
                Purchase p = new Purchase("p" + i, 7, c);
                if (withStores) {
                    Store s = new Store("s" + i, "Store " + i);
                    em.persist(s);
                    p.store = s;
                }
                em.persist(p);
            }
        });
        unit.calls().reset();
    }

    @Test
    void queryOfHundredOwnersThenTouchingEachLazyTargetIsOneQueryAndOneBatchGet() {
        purchases(100, false);
        unit.inTransaction(em -> {
            List<Purchase> found = em.createQuery("SELECT p FROM Purchase p WHERE p.amount = 7", Purchase.class).getResultList();
            assertEquals(100, found.size());
            assertEquals(1, unit.calls().total());
            PersistenceUnitUtil util = unit.emf().getPersistenceUnitUtil();
            assertFalse(util.isLoaded(found.get(0), "client"));
            for (Purchase p : found) {
                assertEquals("Client " + p.id.substring(1), p.client.getName());
            }
            assertTrue(util.isLoaded(found.get(0), "client"));
        });
        assertEquals(1, unit.calls().count("query"));
        assertEquals(1, unit.calls().count("batchGetItem"));
        assertEquals(2, unit.calls().total());
    }

    @Test
    void eagerTargetsOfAQueryAreReadWithOneBatchGetPerHundredDistinctKeys() {
        purchases(150, true);
        unit.inTransaction(em -> {
            List<Purchase> found = em.createQuery("SELECT p FROM Purchase p WHERE p.amount = 7", Purchase.class).getResultList();
            assertEquals(150, found.size());
            assertEquals(1, unit.calls().count("query"));
            assertEquals(2, unit.calls().count("batchGetItem"));
            int before = unit.calls().total();
            for (Purchase p : found) {
                assertEquals("Store " + p.id.substring(1), p.store.name);
            }
            assertEquals(before, unit.calls().total());
            assertTrue(Persistence.getPersistenceUtil().isLoaded(found.get(0), "store"));
        });
    }

    @Test
    void eachResultOfAStreamHasItsEagerTargetLoadedWhenHandedOut() {
        purchases(3, true);
        unit.inTransaction(em -> {
            try (java.util.stream.Stream<Purchase> stream = em.createQuery(
                    "SELECT p FROM Purchase p WHERE p.amount = 7", Purchase.class).getResultStream()) {
                stream.forEach(p -> assertTrue(Persistence.getPersistenceUtil().isLoaded(p, "store"), p.id));
            }
        });
    }

    @Test
    void findAllOfOwnersReadsTheirEagerTargetsInOneBatchGet() {
        purchases(30, true);
        unit.inTransaction(em -> {
            List<Purchase> found = em.unwrap(io.jynamo.JynamoEntityManager.class).findAll(Purchase.class, java.util.stream.IntStream.range(0, 30).mapToObj(i -> "p" + i).toList());
            assertEquals(30, found.size());
            assertEquals("Store 29", found.get(29).store.name);
        });
        assertEquals(2, unit.calls().count("batchGetItem"));
        assertEquals(0, unit.calls().count("getItem"));
    }

    @Test
    void targetAlreadyManagedIsTheSameInstanceWithoutACall() {
        purchases(1, true);
        unit.inTransaction(em -> {
            Store s = em.find(Store.class, "s0");
            Client c = em.find(Client.class, "c0");
            unit.calls().reset();
            Purchase p = em.find(Purchase.class, "p0");
            assertSame(s, p.store);
            assertSame(c, p.client);
            assertEquals(1, unit.calls().total());
        });
    }

    @Test
    void inverseSideLoadsOnFirstUseWithOneQueryOnTheForeignKeyIndex() {
        unit.inTransaction(em -> {
            Client c = new Client("c1", "Ann");
            em.persist(c);
            em.persist(new Purchase("p1", 30, c));
            em.persist(new Purchase("p2", 10, c));
            em.persist(new Purchase("p3", 20, c));
            em.persist(new Purchase("other", 1, null));
        });
        unit.calls().reset();
        unit.inTransaction(em -> {
            Client c = em.find(Client.class, "c1");
            int afterFind = unit.calls().total();
            assertFalse(unit.emf().getPersistenceUnitUtil().isLoaded(c, "purchases"));
            assertFalse(Persistence.getPersistenceUtil().isLoaded(c, "purchases"));
            assertEquals(afterFind, unit.calls().total());
            assertEquals(List.of("p2", "p3", "p1"), c.purchases.stream().map(p -> p.id).toList()); // @OrderBy("amount")
            assertTrue(unit.emf().getPersistenceUnitUtil().isLoaded(c, "purchases"));
            assertSame(c, c.purchases.get(0).client);
            assertEquals(afterFind + 1, unit.calls().total());
        });
        List<QueryRequest> queries = unit.calls().requests("query");
        QueryRequest fkQuery = queries.stream().filter(q -> q.tableName().endsWith("Purchase")).findFirst().orElseThrow();
        assertEquals("fk_client_id", fkQuery.indexName());
    }

    @Test
    void inverseOneToOneIsLoadedByOneQueryOnTheJoinColumnIndex() {
        unit.inTransaction(em -> {
            Holder h = new Holder("h1");
            em.persist(h);
            em.persist(new Card("4111", h));
            em.persist(new Holder("h2"));
        });
        unit.calls().reset();
        unit.inTransaction(em -> {
            Holder h1 = em.find(Holder.class, "h1");
            assertEquals("4111", h1.card.number);
            assertSame(h1, h1.card.holder);
            assertNull(em.find(Holder.class, "h2").card);
        });
        assertEquals(2, unit.calls().count("query"));
        assertEquals("fk_holderId", unit.calls().<QueryRequest>requests("query").get(0).indexName());
    }

    @Test
    void aCollectionNeverLoadedCannotLoadOnceItsOwnerIsDetachedButOneLoadedStaysUsable() {
        purchases(1, false);
        Client unloaded = unit.fromTransaction(em -> em.find(Client.class, "c0"));
        jakarta.persistence.PersistenceException e = assertThrows(jakarta.persistence.PersistenceException.class,
                () -> unloaded.purchases.size());
        assertTrue(e.getMessage().contains("'purchases'"), e.getMessage());
        Client loaded = unit.fromTransaction(em -> {
            Client c = em.find(Client.class, "c0");
            unit.emf().getPersistenceUnitUtil().load(c, "purchases");
            return c;
        });
        assertTrue(unit.emf().getPersistenceUnitUtil().isLoaded(loaded, "purchases"));
        assertEquals("p0", loaded.purchases.get(0).id);
    }

    @Test
    void anEntityWithAnUnloadedCollectionSerializesWithItsElements() throws Exception {
        purchases(1, false);
        byte[] bytes = unit.fromTransaction(em -> {
            Client c = em.find(Client.class, "c0");
            try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                 java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(out)) {
                o.writeObject(c);
                o.flush();
                return out.toByteArray();
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            Client copy = (Client) in.readObject();
            assertEquals(Client.class, copy.getClass());
            assertEquals(java.util.ArrayList.class, copy.purchases.getClass());
            assertEquals("p0", copy.purchases.get(0).id);
        }
    }

    @Test
    void touchingADanglingLazyReferenceThrowsEntityNotFound() {
        purchases(1, true);
        // Nothing stops a delete of a referenced item (no foreign keys): here another program deletes it.
        unit.calls().client().deleteItem(d -> d.tableName(unit.prefix() + "Client").key(Map.of("id", AttributeValue.fromS("c0"))));
        unit.inTransaction(em -> {
            Purchase p = em.find(Purchase.class, "p0");
            assertThrows(EntityNotFoundException.class, () -> p.client.getName());
        });
    }

    @Test
    void aLazyReferenceABatchFoundNoItemForThrowsEntityNotFoundWithoutAnotherCall() {
        purchases(2, false);
        unit.calls().client().deleteItem(d -> d.tableName(unit.prefix() + "Client").key(Map.of("id", AttributeValue.fromS("c1"))));
        unit.calls().reset();
        unit.inTransaction(em -> {
            List<Purchase> found = em.createQuery("SELECT p FROM Purchase p WHERE p.amount = 7 ORDER BY p.id", Purchase.class)
                    .getResultList();
            assertEquals("Client 0", found.get(0).client.getName()); // both clients read together
            assertEquals(1, unit.calls().count("batchGetItem"));
            assertThrows(EntityNotFoundException.class, () -> found.get(1).client.getName());
            assertEquals(1, unit.calls().count("batchGetItem"), "the batch told already that c1 is gone");
            assertEquals(0, unit.calls().count("getItem"));
        });
    }

    @Test
    void aDanglingEagerReferenceIsNull() {
        purchases(1, true);
        unit.inTransaction(em -> em.remove(em.find(Store.class, "s0")));
        unit.calls().reset();
        unit.inTransaction(em -> assertNull(em.find(Purchase.class, "p0").store));
        assertEquals(0, unit.calls().count("batchWriteItem"), "reading a dangling key writes nothing");
    }

    @Test
    void changingTheOwningSideRewritesTheForeignKeyAndNullRemovesIt() {
        purchases(2, true);
        unit.inTransaction(em -> {
            Purchase p = em.find(Purchase.class, "p0");
            p.client = em.getReference(Client.class, "c1");
            p.store = null;
        });
        Map<String, AttributeValue> p0 = item("Purchase", "id", "p0");
        assertEquals("c1", p0.get("client_id").s());
        assertFalse(p0.containsKey("store_id"));
    }

    @Test
    void changingOnlyTheInverseSideStoresNothing() {
        purchases(2, false);
        unit.inTransaction(em -> {
            Client c0 = em.find(Client.class, "c0");
            c0.purchases.add(em.find(Purchase.class, "p1")); // p1.client is still c1: the owning side decides
            unit.calls().reset();
        });
        assertEquals(0, unit.calls().count("batchWriteItem"));
        assertEquals("c1", item("Purchase", "id", "p1").get("client_id").s());
    }
}
