package io.jynamo.tck.flush;

import io.jynamo.IncompleteFlushException;
import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoException;
import io.jynamo.UnprocessedWritesException;
import io.jynamo.tck.model.Account;
import io.jynamo.tck.model.Person;
import io.jynamo.tck.model.User;
import io.jynamo.tck.query.Measure;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.RollbackException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults on the write path of a flush: nothing lost, nothing half-reported, nothing claimed undone. */
class WriteFaultsTest {

    private static Map<String, AttributeValue> stored(TestUnit unit, String table, String attribute, AttributeValue key) {
        var response = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + table).key(Map.of(attribute, key))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** The first BatchWriteItem hands back, unprocessed, every request for tables whose name ends with the suffix. */
    private static io.jynamo.tck.support.Calls.Fault firstBatchRefusesTable(String suffix) {
        AtomicBoolean first = new AtomicBoolean(true);
        return (operation, request, real) -> {
            if (!operation.equals("batchWriteItem") || !first.getAndSet(false)) {
                return real.call(request);
            }
            BatchWriteItemRequest r = (BatchWriteItemRequest) request;
            Map<String, List<WriteRequest>> sent = new LinkedHashMap<>();
            Map<String, List<WriteRequest>> refused = new LinkedHashMap<>();
            r.requestItems().forEach((table, writes) -> (table.endsWith(suffix) ? refused : sent).put(table, writes));
            if (!sent.isEmpty()) {
                real.call(r.toBuilder().requestItems(sent).build());
            }
            return BatchWriteItemResponse.builder().unprocessedItems(refused).build();
        };
    }

    @Test
    void equalPutsToTwoTablesAreBothWrittenWhenOneComesBackUnprocessed() {
        try (TestUnit unit = TestUnit.of(Alpha.class, Beta.class).build()) {
            unit.calls().fault(firstBatchRefusesTable("Alpha"));
            unit.inTransaction(em -> {
                em.persist(new Alpha("same", "x"));
                em.persist(new Beta("same", "x"));
            });
            assertNotNull(stored(unit, "Alpha", "id", s("same")), "the retried put of Alpha was lost");
            assertNotNull(stored(unit, "Beta", "id", s("same")));
            assertEquals(2, unit.calls().count("batchWriteItem"));
        }
    }

    @Test
    void equalDeletesInTwoTablesAreBothDoneWhenOneComesBackUnprocessed() {
        try (TestUnit unit = TestUnit.of(Alpha.class, Beta.class).build()) {
            unit.inTransaction(em -> {
                em.persist(new Alpha("42", "a"));
                em.persist(new Beta("42", "b"));
            });
            unit.calls().fault(firstBatchRefusesTable("Beta"));
            unit.inTransaction(em -> {
                em.remove(em.getReference(Alpha.class, "42"));
                em.remove(em.getReference(Beta.class, "42"));
            });
            assertNull(stored(unit, "Alpha", "id", s("42")));
            assertNull(stored(unit, "Beta", "id", s("42")), "the retried delete of Beta was lost");
        }
    }

    private static List<User> users(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new User("user-" + i + "@example.com", "Sam", "Adams")).toList();
    }

    @Test
    void serverErrorInTheSecondOfThreeBatchesReportsWhatWasWrittenAndKeepsTheRestPending() {
        // One batch at a time, so that "the second batch" is the second call (ParallelCallsTest covers parallel batches).
        try (TestUnit unit = TestUnit.of(User.class).property("jynamo.parallelism", "1").build()) {
            unit.calls().fault(Faults.failNth("batchWriteItem", 2, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            List<User> users = users(0, 60);
            users.forEach(em::persist);
            IncompleteFlushException e = assertThrows(IncompleteFlushException.class, () -> em.getTransaction().commit());
            assertEquals(25, e.writtenKeys().size(), e.getMessage());
            assertEquals(35, e.unwrittenKeys().size());
            assertTrue(e.unwrittenKeys().contains("User{email=user-30@example.com}"), e.unwrittenKeys().toString());
            assertFalse(e.getMessage().contains("rolled back"), e.getMessage());
            assertTrue(e.getMessage().contains("InternalServerError"), e.getMessage());
            assertTrue(em.getTransaction().isActive(), "a partly written batch flush must not claim a rollback");
            assertTrue(em.contains(users.get(59)), "unwritten entities stay managed");
            assertTrue(em.contains(users.get(0)));

            unit.calls().fault(null);
            unit.calls().reset();
            em.getTransaction().commit();
            assertEquals(35, unit.calls().batchWrites(), "the second commit sends exactly what was missing");
            em.close();
            long count = unit.fromTransaction(x -> x.unwrap(JynamoEntityManager.class).count(User.class));
            assertEquals(60, count);
        }
    }

    /**
     * Changes of 60 loaded users, written back (their items take the key value of the item read) under a fault: every
     * change lands once the fault is gone, whatever the fault did to the first commit.
     */
    private static void changesOfLoadedUsersLandUnder(io.jynamo.tck.support.Calls.Fault fault, boolean firstCommitFails) {
        try (TestUnit unit = TestUnit.of(User.class).property("jynamo.parallelism", "1").build()) {
            unit.inTransaction(em -> users(0, 60).forEach(em::persist));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            List<User> loaded = em.createQuery("SELECT u FROM User u WHERE u.email IN :e", User.class)
                    .setParameter("e", users(0, 60).stream().map(User::getEmail).toList()).getResultList();
            assertEquals(60, loaded.size());
            loaded.forEach(u -> u.setFirstName("Changed"));
            unit.calls().fault(fault);
            if (firstCommitFails) {
                IncompleteFlushException e = assertThrows(IncompleteFlushException.class, () -> em.getTransaction().commit());
                assertEquals(25, e.writtenKeys().size(), e.getMessage());
                assertEquals(35, e.unwrittenKeys().size());
                unit.calls().fault(null);
                unit.calls().reset();
                em.getTransaction().commit();
                assertEquals(35, unit.calls().batchWrites(), "the second commit sends exactly what was missing");
            } else {
                em.getTransaction().commit();
                unit.calls().fault(null);
            }
            em.close();
            for (int i = 0; i < 60; i++) {
                Map<String, AttributeValue> item = stored(unit, "dynamodb-user", "email", s("user-" + i + "@example.com"));
                assertEquals(s("Changed"), item.get("firstName"), "user " + i);
                assertEquals(s("Adams"), item.get("lastName"), "user " + i);
            }
        }
    }

    @Test
    void changesOfLoadedEntitiesHandedBackUnprocessedAllLand() {
        changesOfLoadedUsersLandUnder(Faults.halfUnprocessed(), false);
    }

    @Test
    void changesOfLoadedEntitiesLandAfterThrottling() {
        changesOfLoadedUsersLandUnder(Faults.throttleFirst(3), false);
    }

    @Test
    void changesOfLoadedEntitiesLandWhenTheResponseIsLost() {
        changesOfLoadedUsersLandUnder(Faults.lostResponse("batchWriteItem"), false);
    }

    @Test
    void aServerErrorAmongChangesOfLoadedEntitiesReportsWhatWasWrittenAndTheNextCommitSendsTheRest() {
        changesOfLoadedUsersLandUnder(Faults.failNth("batchWriteItem", 2, Faults::serverError), true);
    }

    @Test
    void failureBeforeAnyWriteStillRollsBack() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.calls().fault(Faults.failNth("batchWriteItem", 1, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            users(0, 10).forEach(em::persist);
            RollbackException e = assertThrows(RollbackException.class, () -> em.getTransaction().commit());
            assertTrue(e.getMessage().contains("InternalServerError") || e.getCause().getMessage().contains("server error"),
                    e.getMessage());
            assertFalse(em.getTransaction().isActive());
            em.close();
        }
    }

    @Test
    void rollbackAfterAnEarlierFlushSaysThoseWritesStay() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            users(0, 3).forEach(em::persist);
            em.flush();
            users(3, 5).forEach(em::persist);
            unit.calls().fault(Faults.failNth("batchWriteItem", 1, Faults::serverError));
            RollbackException e = assertThrows(RollbackException.class, () -> em.getTransaction().commit());
            assertTrue(e.getMessage().contains("The 3 items that earlier flush() calls of this transaction wrote stay written"),
                    e.getMessage());
            em.close();
        }
    }

    @Test
    void anEmptyIndexKeyOnEntityThirtyOneOfSixtyIsRefusedBeforeAnyCall() {
        try (TestUnit unit = TestUnit.of(Person.class).build()) {
            RollbackException e = assertThrows(RollbackException.class, () -> unit.inTransaction(em -> {
                for (int i = 0; i < 60; i++) {
                    em.persist(new Person("Smith", "p" + i, i == 30 ? "" : "p" + i + "@example.com", i));
                }
            }));
            assertEquals(0, unit.calls().total(), "nothing may be sent when one item would be refused");
            assertInstanceOf(JynamoException.class, e.getCause());
            String message = e.getCause().getMessage();
            assertTrue(message.contains("Person{lastName=Smith, firstName=p30}"), message);
            assertTrue(message.contains("'email'") && message.contains("byEmail"), message);
        }
    }

    @Test
    void overLongKeysAreRefusedBeforeAnyCall() {
        try (TestUnit unit = TestUnit.of(Person.class, User.class).build()) {
            String longKey = "k".repeat(2049);
            RollbackException pk = assertThrows(RollbackException.class,
                    () -> unit.inTransaction(em -> em.persist(new User(longKey, "a", "b"))));
            assertTrue(pk.getCause().getMessage().contains("2049 bytes") && pk.getCause().getMessage().contains("partition key"),
                    pk.getCause().getMessage());
            String longSort = "é".repeat(513);
            RollbackException sk = assertThrows(RollbackException.class,
                    () -> unit.inTransaction(em -> em.persist(new Person("Smith", longSort, null, 1))));
            assertTrue(sk.getCause().getMessage().contains("1026 bytes") && sk.getCause().getMessage().contains("sort key"),
                    sk.getCause().getMessage());
            RollbackException empty = assertThrows(RollbackException.class,
                    () -> unit.inTransaction(em -> em.persist(new User("", "a", "b"))));
            assertTrue(empty.getCause().getMessage().contains("empty value"), empty.getCause().getMessage());
            assertEquals(0, unit.calls().total());
        }
    }

    @Test
    void anUpdateExpressionOverFourKilobytesIsRefusedBeforeAnyCall() {
        try (TestUnit unit = TestUnit.of(Wide.class).build()) {
            unit.inTransaction(em -> em.persist(new Wide("w1")));
            unit.calls().reset();
            RollbackException e = assertThrows(RollbackException.class,
                    () -> unit.inTransaction(em -> em.find(Wide.class, "w1").changeAll()));
            String message = e.getCause().getMessage();
            assertTrue(message.contains("update expression of") && message.contains("takes at most 4 KB"), message);
            assertEquals(1, unit.calls().count("getItem"));
            assertEquals(1, unit.calls().total(), "the read only: no write was sent");
            assertEquals(0L, unit.fromTransaction(em -> em.find(Wide.class, "w1")).version);
        }
    }

    @Test
    void lostResponseOfAVersionedUpdateIsASuccessNotAConflict() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            unit.calls().fault(Faults.lostResponse("updateItem"));
            unit.inTransaction(em -> em.find(Account.class, "a1").setBalance(11));
            unit.calls().fault(null);
            Account a = unit.fromTransaction(em -> em.find(Account.class, "a1"));
            assertEquals(11, a.getBalance());
            assertEquals(1L, a.getVersion(), "applied once");
        }
    }

    @Test
    void lostResponseOfAVersionedUpdateThatRemovesAnAttributeIsASuccessNotAConflict() {
        // The update both sets (balance, version) and removes (owner): the resend's failed condition must see both.
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> {
                Account a = new Account("a1", 10);
                a.setOwner("Ann");
                em.persist(a);
            });
            unit.calls().fault(Faults.lostResponse("updateItem"));
            unit.inTransaction(em -> {
                Account a = em.find(Account.class, "a1");
                a.setBalance(11);
                a.setOwner(null);
            });
            unit.calls().fault(null);
            Account a = unit.fromTransaction(em -> em.find(Account.class, "a1"));
            assertEquals(11, a.getBalance());
            assertNull(a.getOwner());
            assertEquals(1L, a.getVersion(), "applied once");
        }
    }

    @Test
    void lostResponseOfAVersionedInsertIsASuccessNotEntityExists() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.calls().fault(Faults.lostResponse("putItem"));
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            unit.calls().fault(null);
            assertEquals(10, unit.fromTransaction(em -> em.find(Account.class, "a1")).getBalance());
        }
    }

    @Test
    void lostResponseOfAVersionedDeleteIsASuccess() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            unit.calls().fault(Faults.lostResponse("deleteItem"));
            unit.inTransaction(em -> em.remove(em.find(Account.class, "a1")));
            unit.calls().fault(null);
            assertNull(unit.fromTransaction(em -> em.find(Account.class, "a1")));
        }
    }

    @Test
    void lostResponseOfAnAtomicCommitIsASuccess() {
        try (TestUnit unit = TestUnit.of(Account.class).property("jynamo.write-mode", "atomic").build()) {
            unit.inTransaction(em -> {
                em.persist(new Account("a1", 10));
                em.persist(new Account("a2", 20));
            });
            unit.calls().fault(Faults.lostResponse("transactWriteItems"));
            unit.inTransaction(em -> {
                em.find(Account.class, "a1").setBalance(11);
                em.persist(new Account("a3", 30));
            });
            unit.calls().fault(null);
            Account a1 = unit.fromTransaction(em -> em.find(Account.class, "a1"));
            assertEquals(11, a1.getBalance());
            assertEquals(1L, a1.getVersion());
            assertNotNull(unit.fromTransaction(em -> em.find(Account.class, "a3")));
        }
    }

    @Test
    void aRealConflictIsStillAnOptimisticLockFailure() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            em.find(Account.class, "a1").setBalance(11);
            // Someone else's change lands between our read and our write.
            unit.inTransaction(other -> other.find(Account.class, "a1").setBalance(99));
            unit.calls().fault(Faults.lostResponse("updateItem"));
            RollbackException e = assertThrows(RollbackException.class, () -> em.getTransaction().commit());
            assertInstanceOf(jakarta.persistence.OptimisticLockException.class, e.getCause());
            em.close();
        }
    }

    @Test
    void attributesTheEntityDoesNotMapSurviveAWholeItemPut() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "dynamodb-user").item(Map.of(
                    "email", s("u@example.com"), "firstName", s("Sam"), "legacyScore", AttributeValue.fromN("7"))));
            unit.inTransaction(em -> em.find(User.class, "u@example.com").setLastName("Adams"));
            Map<String, AttributeValue> item = stored(unit, "dynamodb-user", "email", s("u@example.com"));
            assertEquals("Adams", item.get("lastName").s());
            assertEquals("7", item.get("legacyScore").n(), "an attribute Jynamo does not map was erased");
        }
    }

    @Test
    void attributesTheEntityDoesNotMapSurviveAVersionedUpdate() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            TestUnit.sharedClient().updateItem(b -> b.tableName(unit.prefix() + "Account").key(Map.of("id", s("a1")))
                    .updateExpression("SET legacy = :v").expressionAttributeValues(Map.of(":v", s("keep"))));
            unit.inTransaction(em -> em.find(Account.class, "a1").setBalance(11));
            assertEquals("keep", stored(unit, "Account", "id", s("a1")).get("legacy").s());
        }
    }

    @Test
    void decimalKeysAreFoundWhateverTheirScale() {
        try (TestUnit unit = TestUnit.of(Measure.class).build()) {
            unit.inTransaction(em -> {
                em.persist(new Measure("2.5", "m"));
                em.persist(new Measure("3", "s"));
            });
            List<Measure> found = unit.fromTransaction(em -> em.unwrap(JynamoEntityManager.class)
                    .findAll(Measure.class, List.of(new BigDecimal("2.50"), new BigDecimal("3.0"), new BigDecimal("3"))));
            assertEquals(3, found.size(), "2.50 is 2.5 and 3.0 is 3 to DynamoDB");
            assertEquals("m", found.get(0).getLabel());
            assertEquals("s", found.get(1).getLabel());
            assertNotNull(unit.fromTransaction(em -> em.find(Measure.class, new BigDecimal("2.500"))));
        }
    }

    @Test
    void permanentThrottlingUsesExactlyTheDocumentedAttempts() {
        try (TestUnit unit = TestUnit.of(User.class).property("jynamo.retry.max-attempts", "3").build()) {
            unit.calls().fault(Faults.alwaysThrottled("batchWriteItem"));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            users(0, 5).forEach(em::persist);
            UnprocessedWritesException e = assertThrows(UnprocessedWritesException.class, () -> em.getTransaction().commit());
            assertEquals(5, e.unwrittenKeys().size());
            assertEquals(3, unit.calls().count("batchWriteItem"));
            assertTrue(em.getTransaction().isActive());
            em.getTransaction().rollback();
            em.close();
        }
    }

    @Test
    void permanentThrottlingStopsAtTheTimeBound() {
        try (TestUnit unit = TestUnit.of(User.class).property("jynamo.retry.max-attempts", "1000")
                .property("jynamo.retry.max-millis", "300").property("jynamo.parallelism", "1").build()) {
            io.jynamo.tck.support.Calls.Fault throttled = Faults.alwaysThrottled("batchWriteItem");
            unit.calls().fault((op, request, real) -> {
                if (op.equals("batchWriteItem")) {
                    Thread.sleep(40);
                }
                return throttled.apply(op, request, real);
            });
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            users(0, 60).forEach(em::persist);
            UnprocessedWritesException e = assertThrows(UnprocessedWritesException.class, () -> em.getTransaction().commit());
            assertEquals(60, e.unwrittenKeys().size());
            int calls = unit.calls().count("batchWriteItem");
            assertTrue(calls <= 300 / 40 + 1, "the time bound stops the retries and the later batches: " + calls + " calls");
            em.getTransaction().rollback();
            em.close();
        }
    }

    @Test
    void commitToAMissingTableNamesTheTable() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            TestUnit.sharedClient().deleteTable(b -> b.tableName(unit.prefix() + "dynamodb-user"));
            RollbackException e = assertThrows(RollbackException.class,
                    () -> unit.inTransaction(em -> em.persist(new User("a@b.c", "a", "b"))));
            assertTrue(e.getMessage().contains(unit.prefix() + "dynamodb-user"), e.getMessage());
            unit.emf().getSchemaManager().create(true);
        }
    }

    @Test
    void throttledConditionalWritesAreRetriedWithinTheBudget() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            unit.calls().fault(Faults.throttleFirst("updateItem", 2));
            unit.calls().reset();
            unit.inTransaction(em -> em.find(Account.class, "a1").setBalance(11));
            assertEquals(3, unit.calls().count("updateItem"));
            assertEquals(11, unit.fromTransaction(em -> em.find(Account.class, "a1")).getBalance());
        }
    }

    // ---- UpdateItems of one shape (UpdateShapes): each write carries its own values through every fault

    private static final int ACCOUNTS = 10;

    /** Ten accounts a{i} at balance i, then each changed to 100 + i: ten UpdateItems of one shape. */
    private static void changeEveryAccount(EntityManager em) {
        for (int i = 0; i < ACCOUNTS; i++) {
            em.find(Account.class, "a" + i).setBalance(100 + i);
        }
    }

    private static void persistAccounts(TestUnit unit) {
        unit.inTransaction(em -> {
            for (int i = 0; i < ACCOUNTS; i++) {
                em.persist(new Account("a" + i, i));
            }
        });
    }

    /** Every account holds its own new balance, written once (version 1). */
    private static void everyAccountChangedOnce(TestUnit unit) {
        for (int i = 0; i < ACCOUNTS; i++) {
            Map<String, AttributeValue> item = stored(unit, "Account", "id", s("a" + i));
            assertEquals(Integer.toString(100 + i), item.get("balance").n(), "a" + i);
            assertEquals("1", item.get("version").n(), "a" + i + " written once");
        }
    }

    @Test
    void serverErrorOnTheThirdOfTenUpdatesOfOneShapeReportsWhatWasWrittenAndTheNextCommitSendsTheRest() {
        try (TestUnit unit = TestUnit.of(Account.class).property("jynamo.parallelism", "1").build()) {
            persistAccounts(unit);
            unit.calls().fault(Faults.failNth("updateItem", 3, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            changeEveryAccount(em);
            IncompleteFlushException e = assertThrows(IncompleteFlushException.class, () -> em.getTransaction().commit());
            assertEquals(2, e.writtenKeys().size(), e.getMessage());
            assertEquals(ACCOUNTS - 2, e.unwrittenKeys().size(), e.getMessage());
            assertTrue(e.getMessage().contains("InternalServerError"), e.getMessage());
            unit.calls().fault(null);
            unit.calls().reset();
            em.getTransaction().commit();
            assertEquals(ACCOUNTS - 2, unit.calls().count("updateItem"), "the second commit sends exactly what was missing");
            em.close();
            everyAccountChangedOnce(unit);
        }
    }

    @Test
    void lostResponsesOfTenUpdatesOfOneShapeAreSuccessesEachWithItsOwnValues() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            persistAccounts(unit);
            unit.calls().fault(Faults.lostResponse("updateItem"));
            unit.inTransaction(WriteFaultsTest::changeEveryAccount);
            unit.calls().fault(null);
            everyAccountChangedOnce(unit);
        }
    }

    @Test
    void throttledUpdatesOfOneShapeAreRetriedEachWithItsOwnValues() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            persistAccounts(unit);
            unit.calls().fault(Faults.throttleFirst("updateItem", 4));
            unit.calls().reset();
            unit.inTransaction(WriteFaultsTest::changeEveryAccount);
            assertEquals(ACCOUNTS + 4, unit.calls().count("updateItem"));
            everyAccountChangedOnce(unit);
        }
    }

    /** Account a1, stored without a version at balance 10, holds its new balance 20 and its first version. */
    private static void changedOnceFromMissingVersion(TestUnit unit) {
        Map<String, AttributeValue> item = stored(unit, "Account", "id", s("a1"));
        assertEquals("20", item.get("balance").n());
        assertEquals("1", item.get("version").n());
    }

    @Test
    void lostResponseOfTheWriteThatStartsAMissingVersionIsASuccess() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            OptimisticLockTest.putWithoutVersion(unit);
            unit.calls().fault(Faults.lostResponse("updateItem"));
            unit.inTransaction(em -> em.find(Account.class, "a1").setBalance(20));
            unit.calls().fault(null);
            changedOnceFromMissingVersion(unit);
        }
    }

    @Test
    void serverErrorOnTheWriteThatStartsAMissingVersionFailsTheCommitAndWritesNothing() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            OptimisticLockTest.putWithoutVersion(unit);
            unit.calls().fault(Faults.failNth("updateItem", 1, Faults::serverError));
            RollbackException e = assertThrows(RollbackException.class,
                    () -> unit.inTransaction(em -> em.find(Account.class, "a1").setBalance(20)));
            assertTrue(e.getMessage().contains("Status Code: 500"), e.getMessage());
            unit.calls().fault(null);
            Map<String, AttributeValue> item = stored(unit, "Account", "id", s("a1"));
            assertEquals("10", item.get("balance").n(), "nothing half-written");
            assertFalse(item.containsKey("version"));
        }
    }

    @Test
    void throttledWriteThatStartsAMissingVersionIsRetriedAndWrittenOnce() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            OptimisticLockTest.putWithoutVersion(unit);
            unit.calls().fault(Faults.throttleFirst("updateItem", 2));
            unit.calls().reset();
            unit.inTransaction(em -> em.find(Account.class, "a1").setBalance(20));
            assertEquals(3, unit.calls().count("updateItem"));
            changedOnceFromMissingVersion(unit);
        }
    }

    @Test
    void lostResponseOfAForcedIncrementThatStartsAMissingVersionIsASuccess() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            OptimisticLockTest.putWithoutVersion(unit);
            unit.calls().fault(Faults.lostResponse("updateItem"));
            unit.calls().reset();
            unit.inTransaction(em -> em.lock(em.find(Account.class, "a1"), LockModeType.OPTIMISTIC_FORCE_INCREMENT));
            unit.calls().fault(null);
            assertEquals(1, unit.calls().count("updateItem"), "one UpdateItem, answered after it was sent twice");
            Map<String, AttributeValue> item = stored(unit, "Account", "id", s("a1"));
            assertEquals("1", item.get("version").n());
            assertEquals("10", item.get("balance").n(), "only the version is written");
        }
    }

    @Test
    void serverErrorOnAForcedIncrementThatStartsAMissingVersionFailsTheCommitAndWritesNothing() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            OptimisticLockTest.putWithoutVersion(unit);
            unit.calls().fault(Faults.failNth("updateItem", 1, Faults::serverError));
            assertThrows(RollbackException.class, () -> unit.inTransaction(
                    em -> em.lock(em.find(Account.class, "a1"), LockModeType.OPTIMISTIC_FORCE_INCREMENT)));
            unit.calls().fault(null);
            assertFalse(stored(unit, "Account", "id", s("a1")).containsKey("version"), "nothing half-written");
        }
    }
}
