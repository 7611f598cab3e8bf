package io.jynamo.tck.flush;

import io.jynamo.tck.model.Account;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.RollbackException;
import jakarta.persistence.TransactionRequiredException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jakarta Persistence 3.2 section 3.4.4: lock(entity, OPTIMISTIC) and OPTIMISTIC_FORCE_INCREMENT on versioned entities. */
class OptimisticLockTest {

    @Test
    void optimisticLockOfAnUnchangedEntityFailsTheCommitWhenSomeoneElseChangedIt() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            Account a = em.find(Account.class, "a1");
            em.lock(a, LockModeType.OPTIMISTIC);
            assertEquals(LockModeType.OPTIMISTIC, em.getLockMode(a));
            unit.inTransaction(other -> other.find(Account.class, "a1").setBalance(99));
            RollbackException e = assertThrows(RollbackException.class, () -> em.getTransaction().commit());
            assertInstanceOf(OptimisticLockException.class, e.getCause());
            em.close();
            assertEquals(99, unit.fromTransaction(x -> x.find(Account.class, "a1")).getBalance());
        }
    }

    @Test
    void optimisticLockOfAnUnchangedEntityChecksTheVersionWithOneConditionalWriteAndChangesNothing() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            unit.calls().reset();
            unit.inTransaction(em -> em.lock(em.find(Account.class, "a1"), LockModeType.OPTIMISTIC));
            List<UpdateItemRequest> updates = unit.calls().requests("updateItem");
            assertEquals(1, updates.size());
            assertTrue(updates.get(0).conditionExpression().contains("="), updates.get(0).conditionExpression());
            Account a = unit.fromTransaction(em -> em.find(Account.class, "a1"));
            assertEquals(0L, a.getVersion());
            assertEquals(10, a.getBalance());
        }
    }

    @Test
    void versionOfAnEntityIsItsVersionAttributeInJpql() {
        try (TestUnit unit = TestUnit.of(Account.class, io.jynamo.tck.model.Customer.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            unit.inTransaction(em -> em.find(Account.class, "a1").setBalance(11));
            Long version = unit.fromTransaction(em -> em.createQuery(
                    "SELECT VERSION(a) FROM Account a WHERE a.id = 'a1'", Long.class).getSingleResult());
            assertEquals(1L, version);
            assertEquals(List.of("a1"), unit.fromTransaction(em -> em.createQuery(
                    "SELECT ID(a) FROM Account a WHERE a.id = :id AND VERSION(a) = :v", String.class)
                    .setParameter("id", "a1").setParameter("v", 1L).getResultList()));
            var none = assertThrows(IllegalArgumentException.class, () -> unit.withEntityManager(em -> em.createQuery(
                    "SELECT VERSION(c) FROM Customer c")));
            assertTrue(none.getMessage().contains("VERSION(c): entity Customer has no @Version attribute"), none.getMessage());
        }
    }

    @Test
    void findWithOptimisticLockIsCheckedAtCommit() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            em.find(Account.class, "a1", LockModeType.OPTIMISTIC);
            unit.inTransaction(other -> other.find(Account.class, "a1").setOwner("someone"));
            assertThrows(RollbackException.class, () -> em.getTransaction().commit());
            em.close();
        }
    }

    @Test
    void forceIncrementRaisesTheVersionOfAnUnchangedEntity() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            unit.inTransaction(em -> {
                Account a = em.find(Account.class, "a1");
                em.lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            });
            assertEquals(1L, unit.fromTransaction(em -> em.find(Account.class, "a1")).getVersion());
        }
    }

    @Test
    void forceIncrementOfAChangedEntityIncrementsOnce() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            unit.inTransaction(em -> {
                Account a = em.find(Account.class, "a1");
                em.lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                a.setBalance(11);
            });
            Account a = unit.fromTransaction(em -> em.find(Account.class, "a1"));
            assertEquals(1L, a.getVersion());
            assertEquals(11, a.getBalance());
        }
    }

    @Test
    void lockOfAReferenceReadsItsVersionFirst() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            unit.inTransaction(em -> em.lock(em.getReference(Account.class, "a1"), LockModeType.OPTIMISTIC_FORCE_INCREMENT));
            assertEquals(1L, unit.fromTransaction(em -> em.find(Account.class, "a1")).getVersion());
        }
    }

    @Test
    void optimisticLockOfAnEntityWithoutVersionIsRefused() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.inTransaction(em -> em.persist(new User("u@x", "a", "b")));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            User u = em.find(User.class, "u@x");
            PersistenceException e = assertThrows(PersistenceException.class, () -> em.lock(u, LockModeType.OPTIMISTIC));
            assertTrue(e.getMessage().contains("@Version"), e.getMessage());
            assertTrue(em.getTransaction().getRollbackOnly());
            em.getTransaction().rollback();
            em.close();
        }
    }

    @Test
    void pessimisticLocksStayRefusedWithAClearError() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            Account a = em.find(Account.class, "a1");
            PersistenceException e = assertThrows(PersistenceException.class, () -> em.lock(a, LockModeType.PESSIMISTIC_WRITE));
            assertTrue(e.getMessage().contains("DynamoDB has no row locks"), e.getMessage());
            em.getTransaction().rollback();
            em.close();
        }
    }

    @Test
    void findWithALockModeNeedsATransaction() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            EntityManager em = unit.emf().createEntityManager();
            assertThrows(TransactionRequiredException.class, () -> em.find(Account.class, "a1", LockModeType.OPTIMISTIC));
            em.close();
        }
    }

    @Test
    void optimisticLockInAtomicModeIsPartOfTheTransaction() {
        try (TestUnit unit = TestUnit.of(Account.class).property("jynamo.write-mode", "atomic").build()) {
            unit.inTransaction(em -> {
                em.persist(new Account("a1", 10));
                em.persist(new Account("a2", 20));
            });
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            em.lock(em.find(Account.class, "a1"), LockModeType.OPTIMISTIC);
            em.find(Account.class, "a2").setBalance(21);
            unit.inTransaction(other -> other.find(Account.class, "a1").setBalance(99));
            assertThrows(RollbackException.class, () -> em.getTransaction().commit());
            em.close();
            assertEquals(20, unit.fromTransaction(x -> x.find(Account.class, "a2")).getBalance(),
                    "the failed check cancels the whole transaction");
        }
    }

    @Test
    void lostResponseOfAForcedIncrementIsASuccess() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            unit.calls().fault(Faults.lostResponse("updateItem"));
            unit.inTransaction(em -> em.lock(em.find(Account.class, "a1"), LockModeType.OPTIMISTIC_FORCE_INCREMENT));
            unit.calls().fault(null);
            assertEquals(1L, unit.fromTransaction(em -> em.find(Account.class, "a1")).getVersion());
        }
    }

    @Test
    void optimisticLockOfAnItemStoredWithoutAVersionFailsTheCommitSayingWhyAndWritesNothing() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            putWithoutVersion(unit);
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            em.lock(em.find(Account.class, "a1"), LockModeType.OPTIMISTIC);
            unit.calls().reset();
            RollbackException e = assertThrows(RollbackException.class, () -> em.getTransaction().commit());
            OptimisticLockException cause = assertInstanceOf(OptimisticLockException.class, e.getCause());
            assertTrue(cause.getMessage().contains("no version attribute 'version'"), cause.getMessage());
            assertEquals(0, unit.calls().total(), "refused before any write");
            em.close();
            assertTrue(!storedItem(unit).containsKey("version"));
        }
    }

    @Test
    void forcedIncrementOfAnItemStoredWithoutAVersionStartsItsVersion() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            putWithoutVersion(unit);
            unit.inTransaction(em -> em.lock(em.find(Account.class, "a1"), LockModeType.OPTIMISTIC_FORCE_INCREMENT));
            assertEquals("1", storedItem(unit).get("version").n());
            assertEquals(1L, unit.fromTransaction(em -> em.find(Account.class, "a1")).getVersion());
        }
    }

    @Test
    void changingAnItemStoredWithoutAVersionStartsItsVersion() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            putWithoutVersion(unit);
            unit.inTransaction(em -> em.find(Account.class, "a1").setBalance(20));
            assertEquals("1", storedItem(unit).get("version").n());
            assertEquals("20", storedItem(unit).get("balance").n());
        }
    }

    /** Account a1 at balance 10 as another program writes it: without the version attribute (also WriteFaultsTest's). */
    static void putWithoutVersion(TestUnit unit) {
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "Account").item(java.util.Map.of(
                "id", AttributeValue.fromS("a1"), "balance", AttributeValue.fromN("10"))));
    }

    private static java.util.Map<String, AttributeValue> storedItem(TestUnit unit) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Account")
                .key(java.util.Map.of("id", AttributeValue.fromS("a1"))).consistentRead(true)).item();
    }
}
