package io.jynamo.tck.flush;

import io.jynamo.JynamoEntityManager;
import io.jynamo.tck.model.Account;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code JynamoEntityManager.mergeAll}: merge of each instance, the reads it needs batched. */
class MergeAllTest {

    private TestUnit unit;

    @BeforeEach
    void start() {
        unit = TestUnit.of(User.class, Account.class).build();
        unit.inTransaction(em -> IntStream.range(0, 150).forEach(i -> em.persist(new User("u" + i, "F" + i, "L"))));
        unit.calls().reset();
    }

    @AfterEach
    void stop() {
        unit.close();
    }

    private static List<User> detached(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new User("u" + i, "G" + i, "M")).toList();
    }

    @Test
    void twoHundredFiftyInstancesAreReadInThreeBatchGetCallsAndWrittenAtCommit() {
        List<User> given = detached(0, 250); // 150 stored, 100 new
        List<User> merged = unit.fromTransaction(em -> {
            List<User> m = em.unwrap(JynamoEntityManager.class).mergeAll(given);
            assertEquals(3, unit.calls().count("batchGetItem"));
            assertEquals(3, unit.calls().total(), "no GetItem per merge");
            return m;
        });
        assertEquals(given.stream().map(User::getEmail).toList(), merged.stream().map(User::getEmail).toList());
        for (int i = 0; i < 250; i++) {
            assertNotSame(given.get(i), merged.get(i), "merge returns the managed copy");
        }
        assertEquals(10, unit.calls().count("batchWriteItem"));
        unit.inTransaction(em -> {
            for (int i = 0; i < 250; i += 50) {
                User u = em.find(User.class, "u" + i);
                assertEquals("G" + i, u.getFirstName());
                assertEquals("M", u.getLastName());
            }
        });
    }

    @Test
    void managedInstancesAndManagedKeysNeedNoRead() {
        unit.inTransaction(em -> {
            User managed = em.find(User.class, "u1");
            unit.calls().reset();
            User sameKey = new User("u1", "Other", "L");
            List<User> merged = em.unwrap(JynamoEntityManager.class).mergeAll(List.of(managed, sameKey));
            assertSame(managed, merged.get(0));
            assertSame(managed, merged.get(1));
            assertEquals("Other", managed.getFirstName());
            assertEquals(0, unit.calls().total());
        });
    }

    @Test
    void twoInstancesOfOneKeyMergeOntoOneManagedInstanceInOrder() {
        User merged = unit.fromTransaction(em -> {
            List<User> m = em.unwrap(JynamoEntityManager.class).mergeAll(List.of(
                    new User("new-1", "First", "L"), new User("new-1", "Second", "L")));
            assertSame(m.get(0), m.get(1));
            return m.get(1);
        });
        assertEquals("Second", merged.getFirstName());
        assertEquals("Second", unit.fromTransaction(em -> em.find(User.class, "new-1").getFirstName()));
    }

    @Test
    void aStaleVersionFailsAsMergeDoes() {
        unit.inTransaction(em -> em.persist(new Account("a1", 10)));
        Account stale = unit.fromTransaction(em -> em.find(Account.class, "a1"));
        unit.inTransaction(em -> em.find(Account.class, "a1").setBalance(20));
        stale.setBalance(30);
        assertThrows(OptimisticLockException.class, () -> unit.inTransaction(em ->
                em.unwrap(JynamoEntityManager.class).mergeAll(List.of(stale))));
        assertEquals(20L, (long) unit.fromTransaction(em -> em.find(Account.class, "a1").getBalance()));
    }

    @Test
    void aNullOrNonEntityElementIsRefusedBeforeAnyRead() {
        assertThrows(IllegalArgumentException.class, () -> unit.inTransaction(em ->
                em.unwrap(JynamoEntityManager.class).mergeAll(Arrays.asList(new User("u1", "X", "L"), null))));
        assertThrows(IllegalArgumentException.class, () -> unit.inTransaction(em ->
                em.unwrap(JynamoEntityManager.class).mergeAll(List.of("not an entity"))));
        assertThrows(IllegalArgumentException.class, () -> unit.inTransaction(em ->
                em.unwrap(JynamoEntityManager.class).mergeAll(null)));
        assertEquals(0, unit.calls().total());
    }

    @Test
    void aFailedReadMergesNothing() {
        unit.calls().fault((operation, request, real) -> {
            if (operation.equals("batchGetItem")) {
                throw SdkClientException.create("connection reset");
            }
            return real.call(request);
        });
        assertThrows(PersistenceException.class, () -> unit.inTransaction(em ->
                em.unwrap(JynamoEntityManager.class).mergeAll(detached(140, 160))));
        assertEquals(0, unit.calls().batchWrites(), "nothing merged, nothing written");
        unit.calls().fault(null);
        assertEquals("F141", unit.fromTransaction(em -> em.find(User.class, "u141").getFirstName()));
        assertNull(unit.fromTransaction(em -> em.find(User.class, "u155")));
    }

    @Test
    void anInstanceWithoutItsKeyIsReportedByItsMerge() {
        assertThrows(IllegalArgumentException.class, () -> unit.inTransaction(em ->
                em.unwrap(JynamoEntityManager.class).mergeAll(List.of(new User(null, "X", "L")))));
        assertTrue(unit.calls().total() <= 1);
    }
}
