package io.jynamo.tck.cache;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.jynamo.tck.cache.CacheModeTest.getItemsOfFind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second-level cache never answers with an item DynamoDB no longer holds because of a write through
 * the same factory, and never holds anything of a transaction that rolled back.
 */
class CoherenceTest {

    private TestUnit unit;

    private TestUnit unit(String... properties) {
        TestUnit.Builder builder = TestUnit.of(Product.class, Wallet.class);
        for (int i = 0; i < properties.length; i += 2) {
            builder.property(properties[i], properties[i + 1]);
        }
        unit = builder.build();
        unit.inTransaction(em -> {
            em.persist(new Product("p", "Pen", 3));
            em.persist(new Wallet("w", 10));
        });
        unit.calls().reset();
        return unit;
    }

    @AfterEach
    void stop() {
        unit.close();
    }

    private Product product() {
        EntityManager em = unit.emf().createEntityManager();
        try {
            return em.find(Product.class, "p");
        } finally {
            em.close();
        }
    }

    private Wallet wallet() {
        EntityManager em = unit.emf().createEntityManager();
        try {
            return em.find(Wallet.class, "w");
        } finally {
            em.close();
        }
    }

    @Test
    void aCommittedUpdateIsWhatTheNextFindSeesWithoutACall() {
        unit();
        assertEquals(3, product().getPrice());
        unit.inTransaction(em -> em.find(Product.class, "p").setPrice(7));
        unit.calls().reset();
        assertEquals(7, product().getPrice());
        assertEquals(0, unit.calls().total());
    }

    @Test
    void aVersionedUpdateCachesTheItemDynamoDbReturns() {
        unit();
        unit.inTransaction(em -> em.find(Wallet.class, "w").setBalance(20));
        unit.calls().reset();
        Wallet w = wallet();
        assertEquals(0, unit.calls().total());
        assertEquals(20, w.getBalance());
        assertEquals(1L, w.getVersion());
    }

    @Test
    void aPatchUpdateCachesTheWholeStoredItemNotJustWhatItKnew() {
        unit(JynamoProperties.UPDATE_MODE, "patch");
        product();
        // Someone else sets the name; this entity manager's patch of the price must not put the old name back.
        unit.inTransaction(em -> {
            Product p = em.find(Product.class, "p");
            unit.calls().client().updateItem(b -> b.tableName(unit.prefix() + "Product").key(Map.of("id", AttributeValue.fromS("p")))
                    .updateExpression("SET #n = :n").expressionAttributeNames(Map.of("#n", "name"))
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("Quill"))));
            p.setPrice(9);
        });
        Product p = product();
        assertEquals(9, p.getPrice());
        assertEquals("Quill", p.getName());
    }

    @Test
    void anAtomicUpdateEvictsTheKeyAndTheNextFindReadsIt() {
        unit(JynamoProperties.WRITE_MODE, "atomic");
        product();
        unit.inTransaction(em -> em.find(Product.class, "p").setPrice(8));
        unit.calls().reset();
        assertEquals(8, product().getPrice());
        // A put is whole, so the item of an atomic put is known and published.
        assertEquals(0, unit.calls().count("getItem"));
        wallet();
        unit.inTransaction(em -> em.find(Wallet.class, "w").setBalance(11));
        unit.calls().reset();
        assertEquals(11, wallet().getBalance());
        assertEquals(1, unit.calls().count("getItem"), "an update inside TransactWriteItems returns no item");
    }

    @Test
    void aRolledBackChangeNeverReachesTheCache() {
        unit();
        product();
        EntityManager em = unit.emf().createEntityManager();
        em.getTransaction().begin();
        em.find(Product.class, "p").setPrice(99);
        em.persist(new Product("q", "Quill", 1));
        em.getTransaction().rollback();
        em.close();
        unit.calls().reset();
        assertEquals(3, product().getPrice());
        assertEquals(0, unit.calls().total());
        assertFalse(unit.emf().getCache().contains(Product.class, "q"));
    }

    @Test
    void aFlushedThenRolledBackChangeIsEvictedAndNotPublished() {
        unit();
        product();
        EntityManager em = unit.emf().createEntityManager();
        em.getTransaction().begin();
        em.find(Product.class, "p").setPrice(99);
        em.persist(new Product("q", "Quill", 1));
        em.flush();
        assertFalse(unit.emf().getCache().contains(Product.class, "p"), "evicted when written");
        em.getTransaction().rollback();
        em.close();
        assertFalse(unit.emf().getCache().contains(Product.class, "p"));
        assertFalse(unit.emf().getCache().contains(Product.class, "q"));
        // Batch mode wrote it at flush (DynamoDB has no rollback of it): the cache now says what DynamoDB says.
        assertEquals(1, getItemsOfFind(unit, Product.class, "p"));
        assertEquals(99, product().getPrice());
    }

    @Test
    void aFailedCommitPublishesNothing() {
        unit();
        product();
        unit.calls().fault((operation, request, real) -> {
            if (operation.equals("batchWriteItem")) {
                throw software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder().message("boom").build();
            }
            return real.call(request);
        });
        assertThrows(RollbackException.class, () -> unit.inTransaction(em -> em.find(Product.class, "p").setPrice(50)));
        unit.calls().fault(null);
        assertFalse(unit.emf().getCache().contains(Product.class, "p"), "a write that may have happened evicts");
        assertEquals(3, product().getPrice());
    }

    @Test
    void aDeleteEvicts() {
        unit();
        product();
        assertTrue(unit.emf().getCache().contains(Product.class, "p"));
        unit.inTransaction(em -> em.remove(em.getReference(Product.class, "p")));
        assertFalse(unit.emf().getCache().contains(Product.class, "p"));
        assertNull(product());
    }

    @Test
    void aBulkDeleteEvicts() {
        unit();
        unit.inTransaction(em -> em.persist(new Product("q", "Quill", 3)));
        product();
        unit.inTransaction(em -> em.createQuery("DELETE FROM Product p WHERE p.price = 3")
                .setHint(JynamoProperties.SCAN, "allow").executeUpdate());
        assertFalse(unit.emf().getCache().contains(Product.class, "p"));
        assertFalse(unit.emf().getCache().contains(Product.class, "q"));
        assertNull(product());
    }

    @Test
    void aBulkDeleteKeepsTheOtherCachedItemsOfItsEntity() {
        unit();
        unit.inTransaction(em -> {
            em.persist(new Product("q", "Quill", 4));
            em.persist(new Product("r", "Ruler", 4));
        });
        product();
        unit.inTransaction(em -> em.createQuery("DELETE FROM Product p WHERE p.price = 4")
                .setHint(JynamoProperties.SCAN, "allow").executeUpdate());
        assertFalse(unit.emf().getCache().contains(Product.class, "q"));
        assertFalse(unit.emf().getCache().contains(Product.class, "r"));
        unit.calls().reset();
        assertEquals(3, product().getPrice());
        assertEquals(0, unit.calls().total());
    }

    @Test
    void aReadThatRacesABulkDeleteDoesNotPutTheDeletedItemBack() {
        unit();
        unit.inTransaction(em -> em.persist(new Product("q", "Quill", 3)));
        unit.emf().getCache().evictAll();
        AtomicBoolean once = new AtomicBoolean();
        // The find's GetItem returns the item; before the find stores it, another entity manager deletes it in bulk.
        unit.calls().fault((operation, request, real) -> {
            Object response = real.call(request);
            if (operation.equals("getItem") && once.compareAndSet(false, true)) {
                unit.calls().fault(null);
                unit.inTransaction(em -> em.createQuery("DELETE FROM Product p WHERE p.price = 3")
                        .setHint(JynamoProperties.SCAN, "allow").executeUpdate());
            }
            return response;
        });
        assertEquals(3, product().getPrice(), "the racing find returns what it read");
        assertTrue(once.get());
        assertFalse(unit.emf().getCache().contains(Product.class, "p"));
        assertNull(product(), "and the cache does not hold the deleted item");
    }

    @Test
    void aBulkDeleteByKeyEvicts() {
        unit();
        product();
        unit.inTransaction(em -> em.createQuery("DELETE FROM Product p WHERE p.id = 'p'").executeUpdate());
        assertNull(product());
    }

    @Test
    void aBulkUpdateEvicts() {
        unit();
        product();
        unit.inTransaction(em -> em.createQuery("UPDATE Product p SET p.price = 42 WHERE p.id = 'p'").executeUpdate());
        assertEquals(42, product().getPrice());
    }

    @Test
    void anOptimisticLockFailureEvictsTheKey() {
        unit();
        wallet();
        // Someone else (not through this factory) moves the version on; the cache still holds version 0.
        unit.calls().client().updateItem(b -> b.tableName(unit.prefix() + "Wallet").key(Map.of("id", AttributeValue.fromS("w")))
                .updateExpression("SET #v = :v, #b = :b").expressionAttributeNames(Map.of("#v", "version", "#b", "balance"))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("5"), ":b", AttributeValue.fromN("500"))));
        RollbackException e = assertThrows(RollbackException.class,
                () -> unit.inTransaction(em -> em.find(Wallet.class, "w").setBalance(1)));
        assertInstanceOf(OptimisticLockException.class, e.getCause());
        assertFalse(unit.emf().getCache().contains(Wallet.class, "w"));
        unit.calls().reset();
        Wallet w = wallet();
        assertEquals(1, unit.calls().count("getItem"));
        assertEquals(500, w.getBalance());
        assertEquals(5L, w.getVersion());
        // And the retry now succeeds.
        unit.inTransaction(em -> em.find(Wallet.class, "w").setBalance(2));
        assertEquals(2, wallet().getBalance());
    }

    @Test
    void aReadThatRacesAWriteDoesNotPutTheOldItemBack() {
        unit();
        unit.emf().getCache().evictAll();
        AtomicBoolean once = new AtomicBoolean();
        // The find's GetItem returns the old item; before the find stores it, another entity manager commits a change.
        unit.calls().fault((operation, request, real) -> {
            Object response = real.call(request);
            if (operation.equals("getItem") && once.compareAndSet(false, true)) {
                unit.calls().fault(null);
                // Its commit publishes nothing (store mode BYPASS): only the invalidation stands between
                // the racing read and a stale cache.
                EntityManager other = unit.emf().createEntityManager(Map.of("jakarta.persistence.cache.storeMode", "BYPASS"));
                other.getTransaction().begin();
                other.find(Product.class, "p").setPrice(77);
                other.getTransaction().commit();
                other.close();
            }
            return response;
        });
        assertEquals(3, product().getPrice(), "the racing find returns what it read");
        assertTrue(once.get());
        assertEquals(77, product().getPrice(), "but the cache has the committed item");
    }

    @Test
    void twoWritersOfOneKeyLeaveTheLaterItemInTheCache() {
        unit();
        EntityManager first = unit.emf().createEntityManager();
        first.getTransaction().begin();
        first.find(Product.class, "p").setPrice(1);
        first.flush();
        unit.inTransaction(em -> em.find(Product.class, "p").setPrice(2));
        // The first commits last, but its item is the older one in DynamoDB.
        first.getTransaction().commit();
        first.close();
        unit.calls().reset();
        Product p = product();
        assertEquals(2, p.getPrice());
        assertEquals(0, unit.calls().total());
    }
}
