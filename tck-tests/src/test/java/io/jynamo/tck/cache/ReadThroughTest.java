package io.jynamo.tck.cache;

import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoProperties;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jynamo.tck.cache.CacheModeTest.getItemsOfFind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JPA 3.2 section 3.10.1: reads consult the second-level cache (retrieve mode USE) and fill it (store mode
 * USE / REFRESH); every entity manager makes its own instance from a cached item.
 */
class ReadThroughTest {

    private TestUnit unit;

    @BeforeEach
    void start() {
        unit = TestUnit.of(Product.class, Draft.class).build();
        unit.inTransaction(em -> {
            for (int i = 0; i < 10; i++) {
                em.persist(new Product("p" + i, "Product " + i, i));
                em.persist(new Draft("d" + i, "Draft " + i));
            }
        });
        unit.emf().getCache().evictAll();
        unit.calls().reset();
    }

    @AfterEach
    void stop() {
        unit.close();
    }

    private <R> R inNewEntityManager(java.util.function.Function<EntityManager, R> work) {
        EntityManager em = unit.emf().createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    @Test
    void aCacheableEntityFoundInOneEntityManagerIsFoundInTheNextWithoutACall() {
        Product first = inNewEntityManager(em -> em.find(Product.class, "p1"));
        assertEquals(1, unit.calls().total());
        unit.calls().reset();
        Product second = inNewEntityManager(em -> em.find(Product.class, "p1"));
        assertEquals(0, unit.calls().total());
        assertEquals("Product 1", second.getName());
        assertEquals(1, second.getPrice());
        assertNotSame(first, second, "each entity manager has its own instance");
    }

    @Test
    void tenEntityManagersFindingTenKeysMakeTenCallsInsteadOfAHundred() {
        for (int round = 0; round < 10; round++) {
            inNewEntityManager(em -> {
                for (int i = 0; i < 10; i++) {
                    em.find(Product.class, "p" + i);
                    em.find(Draft.class, "d" + i);
                }
                return null;
            });
        }
        assertEquals(10 + 100, unit.calls().count("getItem"), "Product: 10 (the first round); Draft, not cacheable: 100");
    }

    @Test
    void aNonCacheableEntityIsReadEveryTime() {
        assertEquals(1, getItemsOfFind(unit, Draft.class, "d1"));
        assertEquals(1, getItemsOfFind(unit, Draft.class, "d1"));
        assertFalse(unit.emf().getCache().contains(Draft.class, "d1"));
    }

    @Test
    void anInstanceMadeFromTheCacheIsTrackedLikeAnyOther() {
        inNewEntityManager(em -> em.find(Product.class, "p1"));
        unit.inTransaction(em -> em.find(Product.class, "p1").setPrice(100));
        unit.calls().reset();
        assertEquals(100, inNewEntityManager(em -> em.find(Product.class, "p1")).getPrice());
        assertEquals(0, unit.calls().total());
    }

    @Test
    void aLazyReferenceLoadsFromTheCache() {
        inNewEntityManager(em -> em.find(Product.class, "p2"));
        unit.calls().reset();
        String name = inNewEntityManager(em -> em.getReference(Product.class, "p2").getName());
        assertEquals("Product 2", name);
        assertEquals(0, unit.calls().total());
    }

    @Test
    void findAllReadsOnlyTheKeysTheCacheLacks() {
        inNewEntityManager(em -> em.find(Product.class, "p1"));
        inNewEntityManager(em -> em.find(Product.class, "p2"));
        unit.calls().reset();
        List<Product> found = inNewEntityManager(em -> em.unwrap(JynamoEntityManager.class)
                .findAll(Product.class, List.of("p1", "p2", "p3")));
        assertEquals(List.of("p1", "p2", "p3"), found.stream().map(Product::getId).toList());
        assertEquals(1, unit.calls().count("batchGetItem"));
        software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest request =
                unit.calls().<software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest>requests("batchGetItem").get(0);
        assertEquals(1, request.requestItems().values().iterator().next().keys().size(), "only p3 was read");
        unit.calls().reset();
        inNewEntityManager(em -> em.unwrap(JynamoEntityManager.class).findAll(Product.class, List.of("p1", "p2", "p3")));
        assertEquals(0, unit.calls().total());
    }

    @Test
    void aQueryByKeyIsAnsweredFromTheCache() {
        inNewEntityManager(em -> em.find(Product.class, "p4"));
        inNewEntityManager(em -> em.find(Product.class, "p5"));
        unit.calls().reset();
        Product one = inNewEntityManager(em -> em.createQuery("SELECT p FROM Product p WHERE p.id = :id", Product.class)
                .setParameter("id", "p4").getSingleResult());
        List<Product> two = inNewEntityManager(em -> em.createQuery("SELECT p FROM Product p WHERE p.id IN :ids", Product.class)
                .setParameter("ids", List.of("p4", "p5")).getResultList());
        assertEquals("p4", one.getId());
        assertEquals(2, two.size());
        assertEquals(0, unit.calls().total());
    }

    @Test
    void queryResultsFillTheCache() {
        List<Product> all = inNewEntityManager(em -> em.createQuery("SELECT p FROM Product p", Product.class)
                .setHint(JynamoProperties.SCAN, "allow").getResultList());
        assertEquals(10, all.size());
        unit.calls().reset();
        for (int i = 0; i < 10; i++) {
            assertEquals(0, getItemsOfFind(unit, Product.class, "p" + i));
        }
    }

    @Test
    void projectionsDoNotFillTheCache() {
        inNewEntityManager(em -> em.createQuery("SELECT p.name FROM Product p", String.class)
                .setHint(JynamoProperties.SCAN, "allow").getResultList());
        assertFalse(unit.emf().getCache().contains(Product.class, "p1"));
    }

    @Test
    void storeModeBypassStoresNothing() {
        inNewEntityManager(em -> em.find(Product.class, "p1", Map.of("jakarta.persistence.cache.storeMode", CacheStoreMode.BYPASS)));
        inNewEntityManager(em -> em.find(Product.class, "p2", CacheStoreMode.BYPASS));
        inNewEntityManager(em -> em.createQuery("SELECT p FROM Product p", Product.class)
                .setHint(JynamoProperties.SCAN, "allow").setCacheStoreMode(CacheStoreMode.BYPASS).getResultList());
        inNewEntityManager(em -> {
            em.setCacheStoreMode(CacheStoreMode.BYPASS);
            return em.find(Product.class, "p3");
        });
        for (int i = 0; i < 10; i++) {
            assertFalse(unit.emf().getCache().contains(Product.class, "p" + i), "p" + i);
        }
    }

    @Test
    void storeModeBypassAtCommitPublishesNothing() {
        EntityManager em = unit.emf().createEntityManager(Map.of("jakarta.persistence.cache.storeMode", "BYPASS"));
        em.getTransaction().begin();
        em.persist(new Product("new", "New", 1));
        em.getTransaction().commit();
        em.close();
        assertFalse(unit.emf().getCache().contains(Product.class, "new"));
    }

    @Test
    void retrieveModeBypassReadsDynamoDbAndStoreModeRefreshReplaces() {
        inNewEntityManager(em -> em.find(Product.class, "p1"));
        unit.calls().reset();
        inNewEntityManager(em -> em.find(Product.class, "p1", Map.of("jakarta.persistence.cache.retrieveMode", "BYPASS")));
        assertEquals(1, unit.calls().count("getItem"));
        inNewEntityManager(em -> em.find(Product.class, "p1", CacheRetrieveMode.BYPASS));
        assertEquals(2, unit.calls().count("getItem"));
        inNewEntityManager(em -> em.createQuery("SELECT p FROM Product p WHERE p.id = :id", Product.class)
                .setParameter("id", "p1").setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
                .getSingleResult());
        assertEquals(3, unit.calls().count("getItem"));
        inNewEntityManager(em -> {
            em.setCacheRetrieveMode(CacheRetrieveMode.BYPASS);
            return em.find(Product.class, "p1");
        });
        assertEquals(4, unit.calls().count("getItem"));

        // Changed behind the factory's back: BYPASS + REFRESH reads it and puts it in the cache.
        unit.calls().client().putItem(b -> b.tableName(unit.prefix() + "Product").item(Map.of(
                "id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("p1"),
                "name", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("Changed"),
                "price", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"))));
        assertEquals("Product 1", inNewEntityManager(em -> em.find(Product.class, "p1")).getName(), "stale until refreshed");
        inNewEntityManager(em -> em.find(Product.class, "p1", CacheRetrieveMode.BYPASS, CacheStoreMode.REFRESH));
        unit.calls().reset();
        assertEquals("Changed", inNewEntityManager(em -> em.find(Product.class, "p1")).getName());
        assertEquals(0, unit.calls().total());
    }

    @Test
    void refreshReadsDynamoDbAndRefreshesTheCache() {
        inNewEntityManager(em -> em.find(Product.class, "p1"));
        unit.calls().client().updateItem(b -> b.tableName(unit.prefix() + "Product")
                .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("p1")))
                .updateExpression("SET #n = :n").expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(":n", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("Outside"))));
        unit.calls().reset();
        String refreshed = inNewEntityManager(em -> {
            Product p = em.find(Product.class, "p1");
            assertEquals("Product 1", p.getName());
            em.refresh(p);
            return p.getName();
        });
        assertEquals("Outside", refreshed);
        assertEquals(1, unit.calls().count("getItem"), "the find was a hit, the refresh a read");
        assertEquals("Outside", inNewEntityManager(em -> em.find(Product.class, "p1")).getName());
        assertTrue(unit.emf().getCache().contains(Product.class, "p1"));
    }
}
