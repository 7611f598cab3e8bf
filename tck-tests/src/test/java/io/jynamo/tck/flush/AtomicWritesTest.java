package io.jynamo.tck.flush;

import io.jynamo.JynamoException;
import io.jynamo.JynamoProperties;
import io.jynamo.tck.model.Account;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jynamo.write-mode=atomic}: a commit is one TransactWriteItems, all or nothing. */
class AtomicWritesTest {

    private static TestUnit atomic(Class<?>... classes) {
        return TestUnit.of(classes).property(JynamoProperties.WRITE_MODE, "atomic").build();
    }

    @Test
    void aCommitIsOneTransactWriteItems() {
        try (TestUnit unit = atomic(User.class, Account.class)) {
            unit.inTransaction(em -> {
                for (int i = 0; i < 30; i++) {
                    em.persist(new User("u" + i + "@x.com", "A", "B"));
                }
                em.persist(new Account("a1", 10));
            });
            assertEquals(1, unit.calls().count("transactWriteItems"));
            assertEquals(1, unit.calls().total());
            assertEquals(10, unit.fromTransaction(em -> em.find(Account.class, "a1")).getBalance());
        }
    }

    @Test
    void aConflictAnywhereWritesNothing() {
        try (TestUnit unit = atomic(User.class, Account.class)) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            em.find(Account.class, "a1").setBalance(50);
            em.persist(new User("new@x.com", "A", "B"));
            unit.inTransaction(other -> other.find(Account.class, "a1").setBalance(20));
            RollbackException e = assertThrows(RollbackException.class, () -> em.getTransaction().commit());
            assertInstanceOf(OptimisticLockException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("Account{id=a1}"), e.getCause().getMessage());
            assertNull(unit.fromTransaction(x -> x.find(User.class, "new@x.com")), "the insert was not written either");
            assertEquals(20, unit.fromTransaction(x -> x.find(Account.class, "a1")).getBalance());
            em.close();
        }
    }

    @Test
    void moreThanOneHundredItemsFailBeforeAnyWrite() {
        try (TestUnit unit = atomic(User.class)) {
            RollbackException e = assertThrows(RollbackException.class, () -> unit.inTransaction(em -> {
                for (int i = 0; i < 101; i++) {
                    em.persist(new User("u" + i + "@x.com", "A", "B"));
                }
            }));
            assertInstanceOf(JynamoException.class, e.getCause());
            assertTrue(e.getMessage().contains("101 items"), e.getMessage());
            assertEquals(0, unit.calls().total());
        }
    }

    @Test
    void flushWritesNothingUntilCommit() {
        try (TestUnit unit = atomic(User.class)) {
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            em.persist(new User("a@x.com", "A", "B"));
            em.flush();
            assertEquals(0, unit.calls().total());
            em.getTransaction().commit();
            assertEquals(1, unit.calls().count("transactWriteItems"));
            em.close();
        }
    }
}
