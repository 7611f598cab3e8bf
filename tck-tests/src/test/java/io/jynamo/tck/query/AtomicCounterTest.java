package io.jynamo.tck.query;

import io.jynamo.tck.support.Calls;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk UPDATE SET e.n = e.n + :d is DynamoDB's atomic counter, applied once even when a response is lost (issue 12). */
class AtomicCounterTest {

    @Entity
    public static class Page {
        @Id
        public String id;
        public int views;
        public Long likes;

        public Page() {
        }

        Page(String id) {
            this.id = id;
        }
    }

    private static int views(TestUnit unit, String id) {
        return unit.withEntityManager(em -> em.find(Page.class, id)).views;
    }

    @Test
    void anIncrementIsOneConditionalUpdateItemWithNoRead() {
        try (TestUnit unit = TestUnit.of(Page.class).build()) {
            unit.inTransaction(em -> em.persist(new Page("a")));
            unit.calls().reset();
            int updated = unit.fromTransaction(em -> em.createQuery("UPDATE Page p SET p.views = p.views + :d WHERE p.id = 'a'")
                    .setParameter("d", 3).executeUpdate());
            assertEquals(1, updated);
            assertEquals(1, unit.calls().log().size(), "no read first");
            UpdateItemRequest r = (UpdateItemRequest) unit.calls().log().get(0).request();
            assertTrue(r.updateExpression().matches("SET (#n\\d+) = \\1 \\+ :v\\d+, #jynamoOp = :jynamoOp"), r.updateExpression());
            assertEquals(3, views(unit, "a"));
            unit.inTransaction(em -> em.createQuery("UPDATE Page p SET p.views = p.views - 1 WHERE p.id = 'a'").executeUpdate());
            assertEquals(2, views(unit, "a"));
        }
    }

    @Test
    void aCriteriaUpdateWithSumIsTheSameCounter() {
        try (TestUnit unit = TestUnit.of(Page.class).build()) {
            unit.inTransaction(em -> em.persist(new Page("f")));
            unit.inTransaction(em -> {
                var cb = em.getCriteriaBuilder();
                var u = cb.createCriteriaUpdate(Page.class);
                var p = u.from(Page.class);
                u.set(p.<Integer>get("views"), cb.sum(p.<Integer>get("views"), 4)).where(cb.equal(p.get("id"), "f"));
                assertEquals(1, em.createQuery(u).executeUpdate());
            });
            assertEquals(4, views(unit, "f"));
        }
    }

    @Test
    void concurrentIncrementsAreNotLost() {
        try (TestUnit unit = TestUnit.of(Page.class).build()) {
            unit.inTransaction(em -> em.persist(new Page("b")));
            IntStream.range(0, 20).parallel().forEach(i -> unit.inTransaction(em ->
                    em.createQuery("UPDATE Page p SET p.views = p.views + 1 WHERE p.id = 'b'").executeUpdate()));
            assertEquals(20, views(unit, "b"));
        }
    }

    @Test
    void aLostResponseDoesNotAddTwice() {
        try (TestUnit unit = TestUnit.of(Page.class).build()) {
            unit.inTransaction(em -> em.persist(new Page("c")));
            // every UpdateItem reaches the engine twice, as when the SDK resends after a lost response
            Calls.Fault twice = (op, request, real) -> {
                if (op.equals("updateItem")) {
                    real.call(request);
                }
                return real.call(request);
            };
            unit.calls().fault(twice);
            int updated = unit.fromTransaction(em -> em.createQuery("UPDATE Page p SET p.views = p.views + 5 WHERE p.id = 'c'")
                    .executeUpdate());
            unit.calls().fault(null);
            assertEquals(1, updated, "the resend's failed condition is the first attempt's own write");
            assertEquals(5, views(unit, "c"));
        }
    }

    @Test
    void anIncrementOfAnAttributeItemsMayLackIsComputedInJavaAndNullStaysNull() {
        try (TestUnit unit = TestUnit.of(Page.class).property("jynamo.scan", "allow").build()) {
            unit.inTransaction(em -> {
                Page p = new Page("d");
                p.likes = 1L;
                em.persist(p);
                em.persist(new Page("e"));
            });
            unit.calls().reset();
            int updated = unit.fromTransaction(em -> em.createQuery("UPDATE Page p SET p.likes = p.likes + 1").executeUpdate());
            assertEquals(2, updated, "both items match; NULL + 1 is NULL");
            assertTrue(unit.calls().<UpdateItemRequest>requests("updateItem").stream()
                    .noneMatch(r -> r.updateExpression().contains("+")), "DynamoDB's arithmetic fails on a missing attribute");
            assertEquals(2L, unit.withEntityManager(em -> em.find(Page.class, "d")).likes);
            assertEquals(null, unit.withEntityManager(em -> em.find(Page.class, "e")).likes);
            unit.calls().reset();
            unit.fromTransaction(em -> em.createQuery("UPDATE Page p SET p.likes = p.likes + 1 WHERE p.likes IS NOT NULL")
                    .executeUpdate());
            assertTrue(unit.calls().<UpdateItemRequest>requests("updateItem").get(0).updateExpression().contains("+"),
                    "with every item holding it, DynamoDB's own atomic counter");
            assertEquals(3L, unit.withEntityManager(em -> em.find(Page.class, "d")).likes);
        }
    }
}
