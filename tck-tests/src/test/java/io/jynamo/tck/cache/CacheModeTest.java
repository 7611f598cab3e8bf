package io.jynamo.tck.cache;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SharedCacheMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JPA 3.2 section 3.10.1 / 8.2.1.7: {@code jakarta.persistence.sharedCache.mode} decides which entities the
 * second-level cache holds; {@code @Cacheable} and {@code @Cacheable(false)} select them.
 */
class CacheModeTest {

    /** How many GetItem calls a find of that key makes in a new entity manager. */
    static int getItemsOfFind(TestUnit unit, Class<?> type, Object id) {
        unit.calls().reset();
        EntityManager em = unit.emf().createEntityManager();
        try {
            assertTrue(em.find(type, id) != null, "found " + type.getSimpleName() + " " + id);
        } finally {
            em.close();
        }
        return unit.calls().count("getItem");
    }

    @ParameterizedTest(name = "mode {0}: Product cached {1}, Draft cached {2}, Token cached {3}")
    @CsvSource(nullValues = "default", value = {
            "default,           true,  false, false",
            "UNSPECIFIED,       true,  false, false",
            "ENABLE_SELECTIVE,  true,  false, false",
            "DISABLE_SELECTIVE, true,  true,  false",
            "ALL,               true,  true,  true",
            "NONE,              false, false, false",
            "disable_selective, true,  true,  false"})
    void theModeSelectsTheCachedEntities(String mode, boolean product, boolean draft, boolean token) {
        TestUnit.Builder builder = TestUnit.of(Product.class, Draft.class, Token.class);
        if (mode != null) {
            builder.property(JynamoProperties.SHARED_CACHE_MODE, mode);
        }
        try (TestUnit unit = builder.build()) {
            unit.inTransaction(em -> {
                em.persist(new Product("p", "Pen", 3));
                em.persist(new Draft("d", "text"));
                em.persist(new Token("t", "secret"));
            });
            unit.emf().getCache().evictAll();
            // First find in one entity manager, second in another: a cached entity is read once.
            for (Object[] c : new Object[][] {{Product.class, "p", product}, {Draft.class, "d", draft}, {Token.class, "t", token}}) {
                Class<?> type = (Class<?>) c[0];
                boolean cached = (boolean) c[2];
                assertEquals(1, getItemsOfFind(unit, type, c[1]), type.getSimpleName() + ": first find reads DynamoDB");
                assertEquals(cached, unit.emf().getCache().contains(type, c[1]), type.getSimpleName() + " in the cache");
                assertEquals(cached ? 0 : 1, getItemsOfFind(unit, type, c[1]), type.getSimpleName() + ": second find");
            }
        }
    }

    @Test
    void theModeMayBeGivenAsTheEnumConstant() {
        try (TestUnit unit = TestUnit.of(Draft.class).property(JynamoProperties.SHARED_CACHE_MODE, SharedCacheMode.ALL).build()) {
            unit.inTransaction(em -> em.persist(new Draft("d", "text")));
            assertEquals(0, getItemsOfFind(unit, Draft.class, "d"));
        }
    }

    @Test
    void anUnknownModeFailsBootstrapNamingTheKeyAndTheValues() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestUnit.of(Product.class).property(JynamoProperties.SHARED_CACHE_MODE, "SOMETIMES").build());
        for (String part : new String[] {JynamoProperties.SHARED_CACHE_MODE, "SOMETIMES", "ENABLE_SELECTIVE", "DISABLE_SELECTIVE"}) {
            assertTrue(e.getMessage().contains(part), e.getMessage() + " names " + part);
        }
    }

    @Test
    void aBadSizeOrTimeToLiveFailsBootstrapNamingTheKey() {
        PersistenceException size = assertThrows(PersistenceException.class,
                () -> TestUnit.of(Product.class).property(JynamoProperties.CACHE_MAX_ITEMS, "lots").build());
        assertTrue(size.getMessage().contains(JynamoProperties.CACHE_MAX_ITEMS), size.getMessage());
        PersistenceException ttl = assertThrows(PersistenceException.class,
                () -> TestUnit.of(Product.class).property(JynamoProperties.CACHE_TTL_SECONDS, "0").build());
        assertTrue(ttl.getMessage().contains(JynamoProperties.CACHE_TTL_SECONDS), ttl.getMessage());
    }

    @Test
    void aBadDefaultRetrieveOrStoreModeFailsBootstrap() {
        PersistenceException retrieve = assertThrows(PersistenceException.class,
                () -> TestUnit.of(Product.class).property("jakarta.persistence.cache.retrieveMode", "NEVER").build());
        assertTrue(retrieve.getMessage().contains("jakarta.persistence.cache.retrieveMode"), retrieve.getMessage());
        PersistenceException store = assertThrows(PersistenceException.class,
                () -> TestUnit.of(Product.class).property("jakarta.persistence.cache.storeMode", "ALWAYS").build());
        assertTrue(store.getMessage().contains("jakarta.persistence.cache.storeMode"), store.getMessage());
    }

    @Test
    void theCacheHoldsAtMostMaxItems() {
        try (TestUnit unit = TestUnit.of(Product.class).property(JynamoProperties.CACHE_MAX_ITEMS, "5").build()) {
            unit.inTransaction(em -> {
                for (int i = 0; i < 50; i++) {
                    em.persist(new Product("p" + i, "P", i));
                }
            });
            int cached = 0;
            for (int i = 0; i < 50; i++) {
                cached += unit.emf().getCache().contains(Product.class, "p" + i) ? 1 : 0;
            }
            assertTrue(cached > 0 && cached <= 5, cached + " items cached");
        }
    }

    @Test
    void persistenceConfigurationSharedCacheModeIsTheUnitsDefault() {
        String prefix = "cfg-cache-" + System.nanoTime() + "-";
        jakarta.persistence.EntityManagerFactory emf = new jakarta.persistence.PersistenceConfiguration("cfg-cache")
                .managedClass(Draft.class)
                .sharedCacheMode(SharedCacheMode.ALL)
                .property(JynamoProperties.CLIENT, TestUnit.sharedClient())
                .property(JynamoProperties.TABLE_PREFIX, prefix)
                .property(JynamoProperties.SCHEMA_ACTION, "create")
                .createEntityManagerFactory();
        try {
            emf.runInTransaction(em -> em.persist(new Draft("d1", "text")));
            assertTrue(emf.getCache().contains(Draft.class, "d1"), "ALL caches the un-annotated Draft");
        } finally {
            emf.getSchemaManager().drop(true);
            emf.close();
        }
    }
}
