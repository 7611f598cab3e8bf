package io.jynamo.tck.flush;

import io.jynamo.IncompleteFlushException;
import io.jynamo.JynamoEntityManager;
import io.jynamo.tck.model.Account;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.Calls;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Independent calls of one operation go out concurrently, at most {@code jynamo.parallelism} at once (issue 13).
 * Every call is slowed down by a wrapper that also counts how many are in flight: overlap is asserted, not time.
 */
class ParallelCallsTest {

    private static List<User> users(int n) {
        return IntStream.range(0, n).mapToObj(i -> new User("user-" + i + "@example.com", "Sam", "Adams")).toList();
    }

    @Test
    void theFourBatchesOfACommitOf100NewEntitiesAreInFlightTogether() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            Faults.Overlap overlap = new Faults.Overlap("batchWriteItem", 100);
            unit.calls().fault(overlap);
            unit.inTransaction(em -> users(100).forEach(em::persist));
            assertEquals(4, unit.calls().count("batchWriteItem"));
            assertEquals(4, overlap.most.get());
            unit.calls().fault(null);
            assertEquals(100L, (long) unit.fromTransaction(em -> em.unwrap(JynamoEntityManager.class).count(User.class)));
        }
    }

    @Test
    void theParallelismBoundsTheCallsInFlight() {
        for (String parallelism : List.of("1", "2")) {
            try (TestUnit unit = TestUnit.of(User.class).property("jynamo.parallelism", parallelism).build()) {
                Faults.Overlap overlap = new Faults.Overlap("batchWriteItem", 50);
                unit.calls().fault(overlap);
                unit.inTransaction(em -> users(100).forEach(em::persist));
                assertEquals(4, unit.calls().count("batchWriteItem"));
                assertEquals(Integer.parseInt(parallelism), overlap.most.get());
            }
        }
    }

    @Test
    void aFailedBatchAmongParallelOnesReportsExactlyTheBatchesThatLanded() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            Faults.Overlap slow = new Faults.Overlap("batchWriteItem", 100);
            unit.calls().fault((op, request, real) -> {
                if (op.equals("batchWriteItem") && request.toString().contains("user-30@example.com")) {
                    throw Faults.serverError();
                }
                return slow.apply(op, request, real);
            });
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            users(60).forEach(em::persist);
            IncompleteFlushException e = assertThrows(IncompleteFlushException.class, () -> em.getTransaction().commit());
            assertEquals(35, e.writtenKeys().size(), "the first and third batches were in flight and landed: " + e.getMessage());
            assertEquals(25, e.unwrittenKeys().size());
            assertTrue(e.unwrittenKeys().contains("User{email=user-30@example.com}"));
            assertTrue(em.getTransaction().isActive());

            unit.calls().fault(null);
            unit.calls().reset();
            em.getTransaction().commit();
            BatchWriteItemRequest resent = (BatchWriteItemRequest) unit.calls().log().get(0).request();
            assertEquals(25, resent.requestItems().values().iterator().next().size(), "only the failed batch is sent again");
            em.close();
            assertEquals(60L, (long) unit.fromTransaction(x -> x.unwrap(JynamoEntityManager.class).count(User.class)));
        }
    }

    @Test
    void theConditionalWritesOfAFlushOfVersionedEntitiesOverlapUpToTheParallelism() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> IntStream.range(0, 40).forEach(i -> em.persist(new Account("a" + i, 0))));
            Faults.Overlap overlap = new Faults.Overlap("updateItem", 30);
            unit.calls().fault(overlap);
            unit.calls().reset();
            unit.inTransaction(em -> em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class)
                    .setParameter("ids", IntStream.range(0, 40).mapToObj(i -> "a" + i).toList())
                    .getResultList().forEach(a -> a.setBalance(7)));
            assertEquals(40, unit.calls().count("updateItem"));
            assertEquals(8, overlap.most.get(), "40 conditional UpdateItems, 8 at a time");
            unit.calls().fault(null);
            assertEquals(7, unit.withEntityManager(em -> em.find(Account.class, "a39")).getBalance());
            assertEquals(1L, unit.withEntityManager(em -> em.find(Account.class, "a0")).getVersion());
        }
    }

    @Test
    void aConflictAmongParallelConditionalWritesStopsTheFlushAndConfirmsThoseThatLanded() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> IntStream.range(0, 20).forEach(i -> em.persist(new Account("a" + i, 0))));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            List<Account> all = em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class)
                    .setParameter("ids", IntStream.range(0, 20).mapToObj(i -> "a" + i).toList()).getResultList();
            // another writer changes a5 meanwhile
            unit.inTransaction(other -> other.find(Account.class, "a5").setBalance(99));
            all.forEach(a -> a.setBalance(1));
            IncompleteFlushException e = assertThrows(IncompleteFlushException.class, () -> em.getTransaction().commit());
            assertTrue(e.getCause() instanceof jakarta.persistence.OptimisticLockException, e.toString());
            assertTrue(e.unwrittenKeys().stream().anyMatch(k -> k.contains("a5}")), e.unwrittenKeys().toString());
            assertEquals(20, e.writtenKeys().size() + e.unwrittenKeys().size());
            assertTrue(e.writtenKeys().size() >= 7, "the 7 others of the first 8 in flight landed: " + e.writtenKeys());
            em.getTransaction().rollback();
            em.close();
            for (int i = 0; i < 20; i++) {
                String id = "a" + i;
                long balance = unit.withEntityManager(x -> x.find(Account.class, id)).getBalance();
                boolean written = e.writtenKeys().stream().anyMatch(k -> k.contains(id + "}"));
                assertEquals(i == 5 ? 99 : written ? 1 : 0, balance, id + " is stored as the exception says");
            }
            assertEquals(99, unit.withEntityManager(x -> x.find(Account.class, "a5")).getBalance(), "the other writer's change stays");
        }
    }

    @Test
    void theChunksOfA250KeyFindAllAreReadInParallel() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.inTransaction(em -> users(250).forEach(em::persist));
            Faults.Overlap overlap = new Faults.Overlap("batchGetItem", 100);
            unit.calls().fault(overlap);
            unit.calls().reset();
            List<Object> ids = IntStream.range(0, 250).mapToObj(i -> (Object) ("user-" + i + "@example.com")).toList();
            List<User> found = unit.withEntityManager(em -> em.unwrap(JynamoEntityManager.class).findAll(User.class, ids));
            assertEquals(250, found.size());
            assertEquals(Set.copyOf(ids), Set.copyOf(found.stream().map(u -> (Object) u.getEmail()).toList()));
            assertEquals(3, unit.calls().count("batchGetItem"));
            assertEquals(3, overlap.most.get());
        }
    }

    @Test
    void aScanInSegmentsReadsThemConcurrentlyForCountsQueriesAndBulkDeletes() {
        try (TestUnit unit = TestUnit.of(User.class).property("jynamo.scan", "allow").build()) {
            unit.inTransaction(em -> users(100).forEach(em::persist));
            Faults.Overlap overlap = new Faults.Overlap("scan", 50);
            unit.calls().fault(overlap);
            unit.calls().reset();
            long count = unit.withEntityManager(em -> em.createQuery("SELECT COUNT(u) FROM User u", Long.class)
                    .setHint("jynamo.scan.segments", 4).getSingleResult());
            assertEquals(100, count);
            assertEquals(4, unit.calls().count("scan"));
            assertEquals(4, overlap.most.get(), "the four segments at once");
            java.util.Set<Integer> segments = new java.util.HashSet<>();
            unit.calls().<software.amazon.awssdk.services.dynamodb.model.ScanRequest>requests("scan").forEach(r -> {
                assertEquals(4, r.totalSegments());
                segments.add(r.segment());
            });
            assertEquals(java.util.Set.of(0, 1, 2, 3), segments);

            List<User> all = unit.withEntityManager(em -> em.createQuery("SELECT u FROM User u", User.class)
                    .setHint("jynamo.scan.segments", "4").getResultList());
            assertEquals(100, all.size());
            assertEquals(100, Set.copyOf(all.stream().map(User::getEmail).toList()).size());

            int deleted = unit.fromTransaction(em -> em.createQuery("DELETE FROM User u WHERE u.lastName = 'Adams'")
                    .setHint("jynamo.scan.segments", 3).executeUpdate());
            assertEquals(100, deleted);
            unit.withEntityManager(em -> assertThrows(IllegalArgumentException.class,
                    () -> em.createQuery("SELECT u FROM User u").setHint("jynamo.scan.segments", 0)));
        }
    }

    @Test
    void permanentThrottlingOfParallelBatchesStillStopsAtTheTimeBound() {
        try (TestUnit unit = TestUnit.of(User.class).property("jynamo.retry.max-attempts", "1000")
                .property("jynamo.retry.max-millis", "300").build()) {
            Calls.Fault throttled = Faults.alwaysThrottled("batchWriteItem");
            unit.calls().fault((op, request, real) -> {
                if (op.equals("batchWriteItem")) {
                    Thread.sleep(40);
                }
                return throttled.apply(op, request, real);
            });
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            users(60).forEach(em::persist);
            assertEquals(60, assertThrows(IncompleteFlushException.class, () -> em.getTransaction().commit()).unwrittenKeys().size());
            int calls = unit.calls().count("batchWriteItem");
            assertTrue(calls <= 3 * (300 / 40 + 1), "each of the 3 batches stops at the operation's time bound: " + calls);
            em.getTransaction().rollback();
            em.close();
        }
    }
}
