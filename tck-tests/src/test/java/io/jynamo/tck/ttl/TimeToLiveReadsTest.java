package io.jynamo.tck.ttl;

import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoProperties;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @TimeToLive}: DynamoDB deletes expired items up to days late, so an item whose time to live has
 * passed but which is still stored is absent to every read: find, findAll, references, JPQL keyed reads,
 * Query, Scan, COUNT and the reads and writes of bulk statements. The items are written with the raw SDK,
 * as DynamoDB would still hold them.
 */
class TimeToLiveReadsTest {

    private TestUnit unit;
    private String table;

    @BeforeEach
    void items() {
        unit = TestUnit.of(Pass.class).build();
        table = unit.prefix() + "pass";
        long now = System.currentTimeMillis() / 1000;
        put("h", 1, "red", now - 3600);   // expired, not yet deleted by DynamoDB
        put("h", 2, "red", now + 3600);   // live
        put("h", 3, "red", null);         // never expires
        put("h", 4, "blue", now - 60);    // expired
        unit.calls().reset();
    }

    @AfterEach
    void close() {
        unit.close();
    }

    private void put(String holder, int seq, String color, Long expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("holder", AttributeValue.fromS(holder));
        item.put("seq", AttributeValue.fromN(Integer.toString(seq)));
        item.put("color", AttributeValue.fromS(color));
        if (expiresAt != null) {
            item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
        }
        TestUnit.sharedClient().putItem(b -> b.tableName(table).item(item));
    }

    private boolean stored(int seq) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("holder", AttributeValue.fromS("h"), "seq", AttributeValue.fromN(Integer.toString(seq)))))
                .hasItem();
    }

    @Test
    void findReturnsNullForAnExpiredItemStillStored() {
        unit.withEntityManager(em -> {
            assertNull(em.find(Pass.class, new Pass.Key("h", 1)));
            assertNotNull(em.find(Pass.class, new Pass.Key("h", 2)));
            assertNotNull(em.find(Pass.class, new Pass.Key("h", 3)));
            return null;
        });
        assertEquals(3, unit.calls().count("getItem"), "one GetItem a find, as without a time to live");
        assertEquals(3, unit.calls().total());
    }

    @Test
    void aReferenceToAnExpiredItemIsNotFoundOnFirstUse() {
        unit.withEntityManager(em -> {
            Pass p = em.getReference(Pass.class, new Pass.Key("h", 1));
            assertThrows(EntityNotFoundException.class, p::getColor);
            return null;
        });
    }

    @Test
    void findAllLeavesExpiredItemsOut() {
        List<Pass> found = unit.withEntityManager(em -> em.unwrap(JynamoEntityManager.class).findAll(Pass.class,
                List.of(new Pass.Key("h", 1), new Pass.Key("h", 2), new Pass.Key("h", 3), new Pass.Key("h", 4))));
        assertEquals(List.of(2, 3), found.stream().map(Pass::getSeq).toList());
        assertEquals(1, unit.calls().count("batchGetItem"));
    }

    @Test
    void keyedJpqlReadsLeaveExpiredItemsOut() {
        unit.withEntityManager(em -> {
            assertTrue(em.createQuery("SELECT p FROM Pass p WHERE p.holder = 'h' AND p.seq = 1", Pass.class)
                    .getResultList().isEmpty());
            assertEquals(List.of(2), em.createQuery("SELECT p.seq FROM Pass p WHERE p.holder = 'h' AND p.seq IN (1, 2, 4)",
                    Integer.class).getResultList());
            return null;
        });
        assertEquals(1, unit.calls().count("getItem"));
        assertEquals(1, unit.calls().count("batchGetItem"));
    }

    @Test
    void queryAndCountLeaveExpiredItemsOutWithoutALimit() {
        unit.withEntityManager(em -> {
            assertEquals(List.of(2, 3), em.createQuery("SELECT p FROM Pass p WHERE p.holder = 'h' ORDER BY p.seq", Pass.class)
                    .getResultList().stream().map(Pass::getSeq).toList());
            // The first item in key order has expired: a Limit of 1 would return an empty first page.
            assertEquals(List.of(2), em.createQuery("SELECT p.seq FROM Pass p WHERE p.holder = 'h' ORDER BY p.seq", Integer.class)
                    .setMaxResults(1).getResultList());
            assertEquals(2L, em.createQuery("SELECT COUNT(p) FROM Pass p WHERE p.holder = 'h'", Long.class).getSingleResult());
            assertEquals(1L, em.createQuery("SELECT COUNT(p) FROM Pass p WHERE p.holder = 'h' AND p.color = 'red'"
                    + " AND p.seq < 3", Long.class).getSingleResult(), "the plan's own filter and the time to live's together");
            return null;
        });
        assertEquals(4, unit.calls().count("query"));
        for (QueryRequest q : unit.calls().<QueryRequest>requests("query")) {
            assertTrue(q.filterExpression().contains("#jynamoTtl > :jynamoNow"), q.filterExpression());
            assertEquals("expiresAt", q.expressionAttributeNames().get("#jynamoTtl"));
            assertNull(q.limit(), "a filter can drop items, so no Limit");
        }
    }

    @Test
    void indexQueryScanAndCountLeaveExpiredItemsOut() {
        unit.withEntityManager(em -> {
            assertEquals(List.of(2, 3), em.createQuery("SELECT p.seq FROM Pass p WHERE p.color = 'red'",
                    Integer.class).getResultList().stream().sorted().toList());
            assertEquals(List.of(2, 3), em.createQuery("SELECT p.seq FROM Pass p WHERE p.seq > 0", Integer.class)
                    .setHint(JynamoProperties.SCAN, "allow").getResultList().stream().sorted().toList());
            assertEquals(2L, em.unwrap(JynamoEntityManager.class).count(Pass.class));
            return null;
        });
        assertEquals(1, unit.calls().count("query"));
        assertEquals(2, unit.calls().count("scan"));
        for (ScanRequest s : unit.calls().<ScanRequest>requests("scan")) {
            assertTrue(s.filterExpression().contains("attribute_not_exists(#jynamoTtl)"), s.filterExpression());
        }
    }

    @Test
    void bulkStatementsDoNotTouchOrCountExpiredItems() {
        int updated = unit.fromTransaction(em -> em.createQuery("UPDATE Pass p SET p.note = 'seen' WHERE p.holder = 'h'")
                .executeUpdate());
        assertEquals(2, updated);
        int keyedUpdate = unit.fromTransaction(em -> em.createQuery(
                "UPDATE Pass p SET p.note = 'seen' WHERE p.holder = 'h' AND p.seq = 4").executeUpdate());
        assertEquals(0, keyedUpdate, "an expired item is absent, even to a write by key");
        int keyedDelete = unit.fromTransaction(em -> em.createQuery(
                "DELETE FROM Pass p WHERE p.holder = 'h' AND p.seq = 1").executeUpdate());
        assertEquals(0, keyedDelete);
        int deleted = unit.fromTransaction(em -> em.createQuery("DELETE FROM Pass p WHERE p.holder = 'h' AND p.color = 'red'")
                .executeUpdate());
        assertEquals(2, deleted);
        assertTrue(stored(1) && stored(4), "expired items are left for DynamoDB's own deletion");
        assertTrue(!stored(2) && !stored(3));
    }

    @Test
    void refreshOfAnEntityWhoseItemHasSinceExpiredFindsItGone() {
        unit.withEntityManager(em -> {
            Pass live = em.find(Pass.class, new Pass.Key("h", 2));
            put("h", 2, "red", System.currentTimeMillis() / 1000 - 1);
            assertThrows(EntityNotFoundException.class, () -> em.refresh(live));
            return null;
        });
    }

    @Test
    void anItemInTheSecondLevelCacheIsAbsentOnceItsTimeHasPassed() throws InterruptedException {
        try (TestUnit cached = TestUnit.of(Pass.class).property(JynamoProperties.SHARED_CACHE_MODE, "ALL").build()) {
            java.time.Instant soon = java.time.Instant.ofEpochSecond(System.currentTimeMillis() / 1000 + 3);
            cached.inTransaction(em -> em.persist(new Pass("c", 1, "red", soon)));
            assertNotNull(cached.withEntityManager(em -> em.find(Pass.class, new Pass.Key("c", 1))));
            while (System.currentTimeMillis() / 1000 < soon.getEpochSecond()) {
                Thread.sleep(50);
            }
            cached.calls().reset();
            assertNull(cached.withEntityManager(em -> em.find(Pass.class, new Pass.Key("c", 1))));
            assertEquals(0, cached.calls().total(), "answered by the cache, and the cached item has expired");
        }
    }

    @Test
    void explainNamesTheTimeToLiveFilter() {
        String plan = unit.withEntityManager(em -> em.unwrap(JynamoEntityManager.class)
                .explain("SELECT p FROM Pass p WHERE p.holder = 'h'"));
        assertTrue(plan.contains("time to live:") && plan.contains("#jynamoTtl=expiresAt"), plan);
    }
}
