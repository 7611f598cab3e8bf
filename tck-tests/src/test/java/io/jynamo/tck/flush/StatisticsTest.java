package io.jynamo.tck.flush;

import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoEntityManagerFactory;
import io.jynamo.JynamoStatistics;
import io.jynamo.tck.model.Account;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.Calls;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statistics per entity manager and per factory (issue 13): calls, items, capacity, retries, throttles. */
class StatisticsTest {

    private static JynamoStatistics of(EntityManager em) {
        return em.unwrap(JynamoEntityManager.class).statistics();
    }

    @Test
    void anEntityManagerCountsItsCallsItemsAndTheCapacityDynamoDbReports() {
        try (TestUnit unit = TestUnit.of(Account.class, User.class).build()) {
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            IntStream.range(0, 3).forEach(i -> em.persist(new Account("s" + i, i)));
            IntStream.range(0, 60).forEach(i -> em.persist(new User("u" + i + "@x", "Sam", "Adams")));
            em.getTransaction().commit();
            JynamoStatistics afterCommit = of(em);
            assertEquals(3, afterCommit.calls("PutItem"), "versioned inserts are conditional puts");
            assertEquals(3, afterCommit.calls("BatchWriteItem"), "60 users in batches of 25, sent in parallel");
            assertEquals(63, afterCommit.itemsWritten());
            assertTrue(afterCommit.writeCapacityUnits() >= 3, "the engine reports 1 WCU a put: " + afterCommit);

            em.clear();
            em.find(Account.class, "s1");
            em.find(Account.class, "nope");
            JynamoStatistics reads = of(em).minus(afterCommit);
            assertEquals(2, reads.calls("GetItem"));
            assertEquals(2, reads.totalCalls());
            assertEquals(1, reads.itemsRead(), "a key with no item reads nothing");
            assertTrue(reads.readCapacityUnits() > 0, reads.toString());
            assertEquals(0, reads.itemsWritten());
            em.close();
        }
    }

    @Test
    void aQueryHintChoosesEventuallyConsistentReadsAtHalfTheCost() {
        try (TestUnit unit = TestUnit.of(Account.class).property("jynamo.scan", "allow").build()) {
            unit.inTransaction(em -> em.persist(new Account("e1", 1)));
            unit.calls().reset();
            unit.withEntityManager(em -> em.createQuery("SELECT a FROM Account a", Account.class).getResultList());
            unit.withEntityManager(em -> em.createQuery("SELECT a FROM Account a", Account.class)
                    .setHint("jynamo.consistent-read", "false").getResultList());
            List<Calls.Call> scans = unit.calls().log();
            assertEquals(Boolean.TRUE, invoke(scans.get(0).request(), "consistentRead"), "the unit's default");
            assertEquals(Boolean.FALSE, invoke(scans.get(1).request(), "consistentRead"), "the hint");
            unit.withEntityManager(em -> assertThrows(IllegalArgumentException.class, () -> em.createQuery(
                    "SELECT a FROM Account a", Account.class).setHint("jynamo.consistent-read", "maybe")));
        }
    }

    @Test
    void everyDataCallAsksForItsConsumedCapacity() {
        try (TestUnit unit = TestUnit.of(Account.class).property("jynamo.scan", "allow").build()) {
            unit.calls().reset();
            unit.inTransaction(em -> em.persist(new Account("c1", 1)));
            unit.withEntityManager(em -> em.find(Account.class, "c1"));
            unit.withEntityManager(em -> em.createQuery("SELECT a FROM Account a", Account.class).getResultList());
            assertEquals(3, unit.calls().log().size());
            for (Calls.Call c : unit.calls().log()) {
                Object asked = invoke(c.request(), "returnConsumedCapacity");
                assertEquals(ReturnConsumedCapacity.TOTAL, asked, c.operation());
            }
        }
    }

    private static Object invoke(Object request, String method) {
        try {
            return request.getClass().getMethod(method).invoke(request);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWriteRateLimitMakesCallsWaitForTheUnitsDynamoDbReported() {
        try (TestUnit limited = TestUnit.of(Account.class).property("jynamo.rate-limit.write", "10").build();
             TestUnit free = TestUnit.of(Account.class).build()) {
            for (TestUnit unit : java.util.List.of(limited, free)) {
                EntityManager em = unit.emf().createEntityManager();
                em.getTransaction().begin();
                IntStream.range(0, 15).forEach(i -> em.persist(new Account("r" + i, i)));
                em.getTransaction().commit();
                JynamoStatistics s = of(em);
                assertEquals(15, s.calls("PutItem"));
                assertTrue(s.writeCapacityUnits() >= 15, "the engine reports 1 WCU a put: " + s);
                if (unit == limited) {
                    // 15 units against a bucket of 10 a second: the calls past the first 10 waited
                    assertTrue(s.rateLimitedMillis() > 0, s.toString());
                } else {
                    assertEquals(0, s.rateLimitedMillis());
                }
                em.close();
            }
        }
    }

    @Test
    void theFactoryCountsEveryEntityManagerAndItsOwnSchemaCalls() {
        try (TestUnit unit = TestUnit.of(User.class).property("jakarta.persistence.schema-generation.database.action", "create").build()) {
            JynamoEntityManagerFactory emf = unit.emf().unwrap(JynamoEntityManagerFactory.class);
            JynamoStatistics start = emf.statistics();
            assertTrue(start.totalCalls() > 0, "schema generation calls are the factory's: " + start);
            EntityManager a = unit.emf().createEntityManager();
            EntityManager b = unit.emf().createEntityManager();
            a.find(User.class, "x@x");
            b.find(User.class, "y@x");
            b.find(User.class, "z@x");
            assertEquals(1, of(a).calls("GetItem"));
            assertEquals(2, of(b).calls("GetItem"));
            assertEquals(3, emf.statistics().minus(start).calls("GetItem"));
            a.close();
            b.close();
        }
    }

    @Test
    void throttlesRetriesAndUnprocessedItemsAreCounted() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            AtomicBoolean once = new AtomicBoolean();
            Calls.Fault half = Faults.halfUnprocessed();
            unit.calls().fault((op, request, real) -> {
                if (op.equals("getItem") && !once.getAndSet(true)) {
                    throw software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder()
                            .message("injected throttling").build();
                }
                return half.apply(op, request, real);
            });
            EntityManager em = unit.emf().createEntityManager();
            em.find(User.class, "t@x");
            em.getTransaction().begin();
            IntStream.range(0, 10).forEach(i -> em.persist(new User("h" + i + "@x", "Sam", "Adams")));
            em.getTransaction().commit();
            JynamoStatistics s = of(em);
            assertEquals(1, s.throttles());
            assertEquals(2, s.calls("GetItem"), "the throttled call and its retry");
            // 10 writes: 5 land and 5 come back, then 3 and 2, then 1 and 1, then 1: 4 calls, 3 retries of the rest
            assertEquals(4, s.calls("BatchWriteItem"));
            assertEquals(5 + 2 + 1, s.unprocessed());
            assertEquals(1 + 3, s.retries());
            assertEquals(10, s.itemsWritten());
            em.close();
        }
    }

    @Test
    void aCallThatFailsIsCountedAsACallWithoutItemsOrThrottling() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.calls().fault(Faults.failNth("getItem", 1, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            assertThrows(jakarta.persistence.PersistenceException.class, () -> em.find(User.class, "f@x"));
            em.find(User.class, "f@x");
            JynamoStatistics s = of(em);
            assertEquals(2, s.calls("GetItem"), "the failed call and the next one");
            assertEquals(0, s.throttles(), "a server error is no throttling");
            assertEquals(0, s.itemsRead());
            em.close();
        }
    }
}
