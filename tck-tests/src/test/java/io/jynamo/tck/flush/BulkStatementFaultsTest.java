package io.jynamo.tck.flush;

import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoException;
import io.jynamo.tck.cache.Product;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults on the write path of bulk UPDATE and DELETE: retried where safe, and a stop says how far it got. */
class BulkStatementFaultsTest {

    private static TestUnit unitWithUsers(int n) {
        return unitWithUsers(n, "8");
    }

    /** With that many calls in flight at once ("1": one batch after another, so the n-th batch is the n-th call). */
    private static TestUnit unitWithUsers(int n, String parallelism) {
        TestUnit unit = TestUnit.of(User.class).property("jynamo.scan", "allow").property("jynamo.parallelism", parallelism).build();
        unit.inTransaction(em -> IntStream.range(0, n).forEach(i -> em.persist(new User("u" + i + "@x", "Sam", "Adams"))));
        unit.calls().reset();
        return unit;
    }

    private static int execute(TestUnit unit, String jpql) {
        return unit.fromTransaction(em -> em.createQuery(jpql).executeUpdate());
    }

    private static long count(TestUnit unit, String jpql) {
        return unit.fromTransaction(em -> em.createQuery(jpql, Long.class).getSingleResult());
    }

    @Test
    void throttledBulkUpdateWritesAreRetried() {
        try (TestUnit unit = unitWithUsers(5)) {
            AtomicInteger left = new AtomicInteger(2);
            io.jynamo.tck.support.Calls.Fault throttled = Faults.alwaysThrottled("updateItem");
            unit.calls().fault((op, request, real) -> op.equals("updateItem") && left.getAndDecrement() > 0
                    ? throttled.apply(op, request, real) : real.call(request));
            assertEquals(5, execute(unit, "UPDATE User u SET u.firstName = 'Zed' WHERE u.lastName = 'Adams'"));
            assertEquals(7, unit.calls().count("updateItem"));
            assertEquals(5, count(unit, "SELECT COUNT(u) FROM User u WHERE u.firstName = 'Zed'"));
        }
    }

    @Test
    void aServerErrorStopsABulkUpdateAndSaysHowFarItGot() {
        try (TestUnit unit = unitWithUsers(5, "1")) {
            unit.calls().fault(Faults.failNth("updateItem", 3, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            JynamoException e = assertThrows(JynamoException.class, () -> em.createQuery(
                    "UPDATE User u SET u.firstName = 'Zed' WHERE u.lastName = 'Adams'").executeUpdate());
            assertTrue(e.getMessage().contains("Bulk UPDATE of User stopped after 2 of 5 items (2 written)"), e.getMessage());
            em.getTransaction().rollback();
            em.close();
            unit.calls().fault(null);
            assertEquals(2, count(unit, "SELECT COUNT(u) FROM User u WHERE u.firstName = 'Zed'"));
            assertEquals(3, execute(unit, "UPDATE User u SET u.firstName = 'Zed' WHERE u.firstName = 'Sam'"),
                    "running it again finishes the job");
        }
    }

    @Test
    void lostResponsesOfABulkUpdateApplyItOnce() {
        try (TestUnit unit = unitWithUsers(5)) {
            unit.calls().fault(Faults.lostResponse("updateItem"));
            assertEquals(5, execute(unit, "UPDATE User u SET u.firstName = 'Zed' WHERE u.lastName = 'Adams'"));
            unit.calls().fault(null);
            assertEquals(5, count(unit, "SELECT COUNT(u) FROM User u WHERE u.firstName = 'Zed'"));
        }
    }

    @Test
    void throttledWritesOfValuesComputedInJavaAreRetriedAndApplyOnce() {
        try (TestUnit unit = unitWithUsers(5)) {
            unit.calls().fault(Faults.throttleFirst("updateItem", 2));
            assertEquals(5, execute(unit, "UPDATE User u SET u.firstName = CONCAT(u.firstName, '!') WHERE u.lastName = 'Adams'"));
            assertEquals(7, unit.calls().count("updateItem"));
            unit.calls().fault(null);
            assertEquals(5, count(unit, "SELECT COUNT(u) FROM User u WHERE u.firstName = 'Sam!'"));
        }
    }

    @Test
    void aServerErrorStopsABulkUpdateComputedInJavaAndSaysHowFarItGot() {
        try (TestUnit unit = unitWithUsers(5, "1")) {
            unit.calls().fault(Faults.failNth("updateItem", 4, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            JynamoException e = assertThrows(JynamoException.class, () -> em.createQuery(
                    "UPDATE User u SET u.firstName = CONCAT(u.firstName, '!') WHERE u.lastName = 'Adams'").executeUpdate());
            assertTrue(e.getMessage().contains("Bulk UPDATE of User stopped after 3 of 5 items (3 written)"), e.getMessage());
            em.getTransaction().rollback();
            em.close();
            unit.calls().fault(null);
            assertEquals(3, count(unit, "SELECT COUNT(u) FROM User u WHERE u.firstName = 'Sam!'"));
            assertEquals(2, execute(unit, "UPDATE User u SET u.firstName = CONCAT(u.firstName, '!') WHERE u.firstName = 'Sam'"),
                    "running it again for the items not yet written finishes the job");
        }
    }

    @Test
    void lostResponsesOfABulkUpdateComputedInJavaApplyItOnce() {
        try (TestUnit unit = unitWithUsers(5)) {
            unit.calls().fault(Faults.lostResponse("updateItem"));
            assertEquals(5, execute(unit, "UPDATE User u SET u.firstName = CONCAT(u.firstName, '!') WHERE u.lastName = 'Adams'"));
            unit.calls().fault(null);
            assertEquals(5, count(unit, "SELECT COUNT(u) FROM User u WHERE u.firstName = 'Sam!'"), "not 'Sam!!'");
        }
    }

    @Test
    void theConditionalWritesOfABulkUpdateAreInFlightTogether() {
        try (TestUnit unit = unitWithUsers(20)) {
            Faults.Overlap overlap = new Faults.Overlap("updateItem", 30);
            unit.calls().fault(overlap);
            assertEquals(20, execute(unit, "UPDATE User u SET u.firstName = CONCAT(u.firstName, '!') WHERE u.lastName = 'Adams'"));
            assertEquals(8, overlap.most.get(), "jynamo.parallelism writes at once");
            unit.calls().fault(null);
            assertEquals(20, count(unit, "SELECT COUNT(u) FROM User u WHERE u.firstName = 'Sam!'"));
        }
    }

    /** Runs a bulk statement the unit's fault stops, then clears the fault: the exception it threw. */
    private static JynamoException failing(TestUnit unit, String jpql) {
        EntityManager em = unit.emf().createEntityManager();
        em.getTransaction().begin();
        JynamoException e = assertThrows(JynamoException.class, () -> em.createQuery(jpql).executeUpdate());
        em.getTransaction().rollback();
        em.close();
        unit.calls().fault(null);
        return e;
    }

    /** The items a stopped bulk statement of {@code total} items says it wrote ("stopped after N of M items (W written)"). */
    private static long written(JynamoException e, int total) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stopped after (\\d+) of " + total
                + " items \\((\\d+) written\\)").matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        return Long.parseLong(m.group(2));
    }

    @Test
    void aServerErrorAmongParallelBulkWritesReportsExactlyWhatWasWritten() {
        try (TestUnit unit = unitWithUsers(20)) {
            unit.calls().fault(Faults.failNth("updateItem", 3, Faults::serverError));
            JynamoException e = failing(unit, "UPDATE User u SET u.firstName = 'Zed' WHERE u.lastName = 'Adams'");
            long zed = count(unit, "SELECT COUNT(u) FROM User u WHERE u.firstName = 'Zed'");
            assertEquals(written(e, 20), zed, "the count it reports is what was written: " + e.getMessage());
            assertTrue(zed < 20 && zed >= 2, e.getMessage());
            assertEquals(20 - zed, execute(unit, "UPDATE User u SET u.firstName = 'Zed' WHERE u.firstName = 'Sam'"),
                    "running it again finishes the job");
        }
    }

    @Test
    void aServerErrorAmongParallelConditionalDeletesReportsExactlyWhatWasDeleted() {
        try (TestUnit unit = unitWithUsers(20)) {
            unit.calls().fault(Faults.failNth("deleteItem", 5, Faults::serverError));
            JynamoException e = failing(unit, "DELETE FROM User u WHERE u.lastName = 'Adams'");
            long left = unit.fromTransaction(x -> x.unwrap(JynamoEntityManager.class).count(User.class));
            assertEquals(20 - written(e, 20), left, "the count it reports is what was deleted: " + e.getMessage());
            assertEquals(left, execute(unit, "DELETE FROM User u WHERE u.lastName = 'Adams'"), "running it again finishes the job");
        }
    }

    @Test
    void aServerErrorStopsABatchedBulkDeleteAndSaysHowFarItGot() {
        try (TestUnit unit = unitWithUsers(60, "1")) {
            unit.calls().fault(Faults.failNth("batchWriteItem", 2, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            JynamoException e = assertThrows(JynamoException.class, () -> em.createQuery("DELETE FROM User u").executeUpdate());
            assertTrue(e.getMessage().contains("Bulk DELETE of User stopped after 25 of 60 items (25 written)"), e.getMessage());
            em.getTransaction().rollback();
            em.close();
            unit.calls().fault(null);
            long left = unit.fromTransaction(x -> x.unwrap(JynamoEntityManager.class).count(User.class));
            assertEquals(35, left);
        }
    }

    @Test
    void aServerErrorStopsAConditionalBulkDeleteAndSaysHowFarItGot() {
        try (TestUnit unit = unitWithUsers(5, "1")) {
            unit.calls().fault(Faults.failNth("deleteItem", 4, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            JynamoException e = assertThrows(JynamoException.class,
                    () -> em.createQuery("DELETE FROM User u WHERE u.lastName = 'Adams'").executeUpdate());
            assertTrue(e.getMessage().contains("stopped after 3 of 5 items (3 written)"), e.getMessage());
            em.getTransaction().rollback();
            em.close();
            unit.calls().fault(null);
            long left = unit.fromTransaction(x -> x.unwrap(JynamoEntityManager.class).count(User.class));
            assertEquals(2, left);
        }
    }

    @Test
    void aBulkDeleteStoppedByAServerErrorLeavesNoKeyItReadInTheSharedCache() {
        try (TestUnit unit = TestUnit.of(Product.class).property("jynamo.scan", "allow")
                .property("jynamo.parallelism", "1").build()) {
            unit.inTransaction(em -> IntStream.range(0, 30).forEach(i -> em.persist(new Product("p" + i, "Pen", 5))));
            unit.inTransaction(em -> IntStream.range(0, 30).forEach(i -> em.find(Product.class, "p" + i)));
            IntStream.range(0, 30).forEach(i -> assertTrue(unit.emf().getCache().contains(Product.class, "p" + i)));
            unit.calls().fault(Faults.failNth("batchWriteItem", 2, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            JynamoException e = assertThrows(JynamoException.class,
                    () -> em.createQuery("DELETE FROM Product p").executeUpdate());
            assertTrue(e.getMessage().contains("stopped after 25 of 30 items (25 written)"), e.getMessage());
            em.getTransaction().rollback();
            em.close();
            unit.calls().fault(null);
            // Deleted or not, no key the statement read is answered from the cache: each find asks DynamoDB.
            IntStream.range(0, 30).forEach(i -> assertFalse(unit.emf().getCache().contains(Product.class, "p" + i)));
            unit.calls().reset();
            long found = unit.fromTransaction(x -> IntStream.range(0, 30)
                    .filter(i -> x.find(Product.class, "p" + i) != null).count());
            assertEquals(5, found);
            assertEquals(30, unit.calls().count("getItem"));
        }
    }
}
