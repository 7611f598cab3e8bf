package io.jynamo.tck.flush;

import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoException;
import io.jynamo.UnprocessedWritesException;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.RollbackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch write mode: how many calls a flush makes, and that faults lose nothing. */
class BatchedWritesTest {

    private TestUnit unit;

    @BeforeEach
    void start() {
        unit = TestUnit.of(User.class).build();
    }

    @AfterEach
    void stop() {
        unit.close();
    }

    private static List<String> emails(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "user-" + i + "@example.com").toList();
    }

    private void persistAll(List<String> emails) {
        unit.inTransaction(em -> emails.forEach(e -> em.persist(new User(e, "Samuel", "Adams"))));
    }

    private long stored() {
        return unit.fromTransaction(em -> em.unwrap(JynamoEntityManager.class).count(User.class));
    }

    @Test
    void hundredPersistsInOneTransactionAreFourBatchWriteCalls() {
        persistAll(emails(0, 100));
        assertEquals(4, unit.calls().count("batchWriteItem"));
        assertEquals(4, unit.calls().total());
        assertEquals(100, stored());
    }

    @Test
    void sixtyPersistsAndFortyRemovesAreFourBatchWriteCalls() {
        persistAll(emails(0, 40));
        unit.calls().reset();
        unit.inTransaction(em -> {
            emails(100, 160).forEach(e -> em.persist(new User(e, "Samuel", "Adams")));
            emails(0, 40).forEach(e -> em.remove(em.getReference(User.class, e)));
        });
        assertEquals(4, unit.calls().count("batchWriteItem"));
        assertEquals(4, unit.calls().total(), "no reads for removed references");
        assertEquals(60, stored());
    }

    @Test
    void hundredRemovesOfReferencesAreFourCallsAndNoReads() {
        persistAll(emails(0, 100));
        unit.calls().reset();
        unit.inTransaction(em -> emails(0, 100).forEach(e -> em.remove(em.getReference(User.class, e))));
        assertEquals(4, unit.calls().count("batchWriteItem"));
        assertEquals(0, unit.calls().count("getItem"));
        assertEquals(0, stored());
    }

    @Test
    void persistMakesNoCallBeforeFlush() {
        EntityManager em = unit.emf().createEntityManager();
        em.getTransaction().begin();
        em.persist(new User("a@b.c", "A", "B"));
        assertEquals(0, unit.calls().total());
        em.flush();
        assertEquals(1, unit.calls().count("batchWriteItem"));
        em.getTransaction().commit();
        assertEquals(1, unit.calls().total(), "commit after flush has nothing left to write");
        em.close();
    }

    @Test
    void commitWithNothingChangedMakesNoWriteCall() {
        persistAll(emails(0, 30));
        unit.calls().reset();
        unit.inTransaction(em -> emails(0, 30).forEach(e -> em.find(User.class, e)));
        assertEquals(0, unit.calls().count("batchWriteItem"));
    }

    @Test
    void changedEntitiesAreWrittenWholeAndOnlyThey() {
        persistAll(emails(0, 50));
        unit.calls().reset();
        unit.inTransaction(em -> {
            List<User> users = em.unwrap(JynamoEntityManager.class).findAll(User.class, emails(0, 50));
            users.subList(0, 10).forEach(u -> u.setFirstName("Changed"));
        });
        assertEquals(1, unit.calls().count("batchWriteItem"));
        assertEquals(10, unit.calls().batchWrites());
        User changed = unit.fromTransaction(em -> em.find(User.class, "user-3@example.com"));
        assertEquals("Changed", changed.getFirstName());
        assertEquals("Adams", changed.getLastName());
    }

    @Test
    void unprocessedItemsAreRetriedUntilEveryItemArrives() {
        unit.calls().fault(Faults.halfUnprocessed());
        persistAll(emails(0, 100));
        unit.calls().fault(null);
        assertEquals(100, stored());
        assertTrue(unit.calls().count("batchWriteItem") > 4, "the unprocessed halves were sent again");
    }

    @Test
    void throttledBatchesAreRetried() {
        unit.calls().fault(Faults.throttleFirst(3));
        persistAll(emails(0, 30));
        unit.calls().fault(null);
        assertEquals(30, stored());
    }

    @Test
    void writesThatNeverSucceedAreNamedAndStayPendingForTheNextCommit() {
        List<String> refused = List.of("user-7@example.com", "user-42@example.com");
        unit.calls().fault(Faults.neverWrites(w -> w.putRequest() != null
                && refused.contains(w.putRequest().item().get("email").s())));
        EntityManager em = unit.emf().createEntityManager();
        em.getTransaction().begin();
        emails(0, 50).forEach(e -> em.persist(new User(e, "Samuel", "Adams")));
        UnprocessedWritesException e = assertThrows(UnprocessedWritesException.class, () -> em.getTransaction().commit());
        assertEquals(List.of("User{email=user-7@example.com}", "User{email=user-42@example.com}"), e.unwrittenKeys());
        assertTrue(e.getMessage().contains("user-42@example.com"), e.getMessage());
        assertTrue(em.getTransaction().isActive(), "the transaction stays open with the writes pending");
        assertEquals(48, stored());

        unit.calls().fault(null);
        unit.calls().reset();
        em.getTransaction().commit();
        assertEquals(2, unit.calls().batchWrites(), "only the two missing items are sent again");
        assertEquals(50, stored());
        em.close();
    }

    @Test
    void itemsOverFourHundredKilobytesAreRefusedBeforeAnyCall() {
        EntityManager em = unit.emf().createEntityManager();
        em.getTransaction().begin();
        em.persist(new User("small@example.com", "A", "B"));
        em.persist(new User("big@example.com", "x".repeat(410 * 1024), "B"));
        RollbackException e = assertThrows(RollbackException.class, () -> em.getTransaction().commit());
        assertTrue(e.getCause() instanceof JynamoException, String.valueOf(e.getCause()));
        assertTrue(e.getMessage().contains("User{email=big@example.com}"), e.getMessage());
        assertEquals(0, unit.calls().total());
        em.close();
        assertNull(unit.fromTransaction(x -> x.find(User.class, "small@example.com")));
    }

    @Test
    void removeThenPersistOfTheSameKeyIsOnePut() {
        persistAll(emails(0, 1));
        unit.calls().reset();
        unit.inTransaction(em -> {
            User u = em.find(User.class, "user-0@example.com");
            em.remove(u);
            em.persist(new User("user-0@example.com", "New", "Person"));
        });
        List<BatchWriteItemRequest> writes = unit.calls().requests("batchWriteItem");
        assertEquals(1, writes.size());
        List<WriteRequest> requests = writes.get(0).requestItems().values().iterator().next();
        assertEquals(1, requests.size());
        assertNotNull(requests.get(0).putRequest());
        assertEquals("New", unit.fromTransaction(em -> em.find(User.class, "user-0@example.com")).getFirstName());
    }

    @Test
    void theBatchesOfAFastFlushNeedNoTimeBoundOfTheirOwn() {
        persistAll(emails(0, 100));
        assertEquals(4, unit.calls().count("batchWriteItem"));
        assertEquals(List.of(), unit.calls().callTimeouts("batchWriteItem"),
                "calls starting within 1 % of jynamo.retry.max-millis are bounded by the client's own timeout");
    }

    @Test
    void everyBatchStartingAfterTheGraceGetsOnlyTheTimeTheFlushHasLeft() {
        try (TestUnit slow = TestUnit.of(User.class).property("jynamo.retry.max-millis", "5000")
                .property("jynamo.parallelism", "1").build()) {
            slow.calls().fault((op, request, real) -> {
                Thread.sleep(100); // past the grace of 50 ms
                return real.call(request);
            });
            slow.inTransaction(em -> emails(0, 100).forEach(e -> em.persist(new User(e, "Samuel", "Adams"))));
            List<java.time.Duration> timeouts = slow.calls().callTimeouts("batchWriteItem");
            assertEquals(3, timeouts.size(), "the first is bounded by the client's own timeout, the others by the budget");
            timeouts.forEach(t -> assertTrue(t.toMillis() > 0 && t.toMillis() <= 4_900, "what the flush has left: " + t));
        }
    }
}
