package io.jynamo.tck.cache;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Cache;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.jynamo.tck.cache.CacheModeTest.getItemsOfFind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JPA 3.2 section 7.10: {@code emf.getCache()} shows and evicts what the second-level cache holds. */
class CacheApiTest {

    private TestUnit unit;
    private Cache cache;

    @BeforeEach
    void start() {
        unit = TestUnit.of(Product.class, Wallet.class, Draft.class)
                .property(JynamoProperties.SHARED_CACHE_MODE, "DISABLE_SELECTIVE").build();
        unit.inTransaction(em -> {
            em.persist(new Product("p1", "Pen", 1));
            em.persist(new Product("p2", "Pad", 2));
            em.persist(new Wallet("w", 5));
            em.persist(new Draft("d", "text"));
        });
        cache = unit.emf().getCache();
    }

    @AfterEach
    void stop() {
        unit.close();
    }

    @Test
    void committedItemsAreContained() {
        assertTrue(cache.contains(Product.class, "p1"));
        assertTrue(cache.contains(Wallet.class, "w"));
        assertTrue(cache.contains(Draft.class, "d"));
        assertFalse(cache.contains(Product.class, "nobody"));
        assertSame(cache, unit.emf().getCache(), "one cache per factory");
    }

    @Test
    void evictOfOneKeyMakesTheNextFindRead() {
        cache.evict(Product.class, "p1");
        assertFalse(cache.contains(Product.class, "p1"));
        assertTrue(cache.contains(Product.class, "p2"));
        assertEquals(1, getItemsOfFind(unit, Product.class, "p1"));
        assertEquals(0, getItemsOfFind(unit, Product.class, "p2"));
    }

    @Test
    void evictOfAClassEvictsOnlyItsItems() {
        cache.evict(Product.class);
        assertFalse(cache.contains(Product.class, "p1"));
        assertFalse(cache.contains(Product.class, "p2"));
        assertTrue(cache.contains(Wallet.class, "w"));
        assertEquals(1, getItemsOfFind(unit, Product.class, "p1"));
        assertTrue(cache.contains(Product.class, "p1"), "filled again by the read");
    }

    @Test
    void evictOfASuperclassEvictsItsEntities() {
        cache.evict(Object.class);
        assertFalse(cache.contains(Product.class, "p1"));
        assertFalse(cache.contains(Wallet.class, "w"));
    }

    @Test
    void evictAllEmptiesTheCache() {
        cache.evictAll();
        assertFalse(cache.contains(Product.class, "p1"));
        assertFalse(cache.contains(Wallet.class, "w"));
        assertFalse(cache.contains(Draft.class, "d"));
        assertEquals(1, getItemsOfFind(unit, Wallet.class, "w"));
    }

    @Test
    void nonEntitiesAndWrongKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> cache.contains(String.class, "x"));
        assertThrows(IllegalArgumentException.class, () -> cache.evict(String.class, "x"));
        assertThrows(IllegalArgumentException.class, () -> cache.evict(String.class));
        assertThrows(IllegalArgumentException.class, () -> cache.contains(Product.class, 42));
        assertThrows(IllegalArgumentException.class, () -> cache.contains(Product.class, null));
    }

    @Test
    void unwrapGivesTheCacheOrRefuses() {
        assertSame(cache, cache.unwrap(Cache.class));
        assertThrows(PersistenceException.class, () -> cache.unwrap(String.class));
    }

    @Test
    void aNoneCacheContainsNothing() {
        try (TestUnit none = TestUnit.of(Product.class).property(JynamoProperties.SHARED_CACHE_MODE, "NONE").build()) {
            none.inTransaction(em -> em.persist(new Product("p1", "Pen", 1)));
            assertFalse(none.emf().getCache().contains(Product.class, "p1"));
            assertEquals(1, getItemsOfFind(none, Product.class, "p1"));
            assertEquals(1, getItemsOfFind(none, Product.class, "p1"));
        }
    }
}
