package io.jynamo.tck.core;

import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.RollbackException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resource-local transactions, JPA 3.2 section 3.5 (EntityTransaction) and 3.3.3 (rollback). */
class TransactionTest {

    private static TestUnit unit;
    private EntityManager em;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(User.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    @BeforeEach
    void open() {
        unit.calls().reset();
        em = unit.emf().createEntityManager();
    }

    @AfterEach
    void close() {
        if (em.isOpen()) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static boolean stored(String email) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "dynamodb-user")
                .key(Map.of("email", AttributeValue.fromS(email))).consistentRead(true)).hasItem();
    }

    @Test
    void beginCommitAndIsActive() {
        EntityTransaction tx = em.getTransaction();
        assertFalse(tx.isActive());
        tx.begin();
        assertTrue(tx.isActive());
        em.persist(new User("t1@x", "T", "X"));
        tx.commit();
        assertFalse(tx.isActive());
        assertTrue(stored("t1@x"));
    }

    @Test
    void beginOfActiveTransactionThrowsIllegalState() {
        em.getTransaction().begin();
        assertThrows(IllegalStateException.class, () -> em.getTransaction().begin());
    }

    @Test
    void commitRollbackAndRollbackOnlyOfInactiveTransactionThrowIllegalState() {
        EntityTransaction tx = em.getTransaction();
        assertThrows(IllegalStateException.class, tx::commit);
        assertThrows(IllegalStateException.class, tx::rollback);
        assertThrows(IllegalStateException.class, tx::setRollbackOnly);
        assertThrows(IllegalStateException.class, tx::getRollbackOnly);
    }

    @Test
    void rollbackDiscardsUnflushedWork() {
        em.getTransaction().begin();
        User u = new User("rb@x", "R", "X");
        em.persist(u);
        em.getTransaction().rollback();
        assertFalse(em.getTransaction().isActive());
        assertFalse(em.contains(u), "rollback detaches (section 3.3.3)");
        assertEquals(0, unit.calls().total());
        assertFalse(stored("rb@x"));
    }

    @Test
    void setRollbackOnlyMakesCommitRollBack() {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        assertFalse(tx.getRollbackOnly());
        em.persist(new User("ro@x", "R", "X"));
        tx.setRollbackOnly();
        assertTrue(tx.getRollbackOnly());
        assertThrows(RollbackException.class, tx::commit);
        assertFalse(tx.isActive());
        assertFalse(stored("ro@x"));
    }

    @Test
    void runtimeExceptionMarksTransactionRollbackOnly() {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        em.persist(new User("rx@x", "R", "X"));
        assertThrows(EntityExistsException.class, () -> em.persist(new User("rx@x", "Other", "X")));
        assertTrue(tx.getRollbackOnly(), "JPA 3.2 section 3.1.1: a PersistenceException marks the transaction");
        assertThrows(RollbackException.class, tx::commit);
        assertFalse(stored("rx@x"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"contains", "find", "detach", "createQuery",
            "createNamedQuery", "createNativeQuery", "refresh", "getReference"})
    void invalidArgumentToAnEntityManagerMethodMarksTransactionRollbackOnly(String method) {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        Runnable call = switch (method) {
            case "contains" -> () -> em.contains("not an entity");
            case "find" -> () -> em.find(String.class, "x");
            case "detach" -> () -> em.detach("not an entity");
            case "createQuery" -> () -> em.createQuery("SELECT nonsense");
            case "createNamedQuery" -> () -> em.createNamedQuery("no such query");
            case "createNativeQuery" -> () -> em.createNativeQuery("DELETE FROM x");
            case "refresh" -> () -> em.refresh(new User("unmanaged@x", "U", "X"));
            default -> () -> em.getReference(String.class, "x");
        };
        assertThrows(RuntimeException.class, call::run);
        assertTrue(tx.getRollbackOnly(), "JPA 3.2 section 3.1.1: every runtime exception of an EntityManager method");
    }

    @Test
    void aUnitWithoutEntitiesStartsAndRunsTransactions() {
        try (var emf = new jakarta.persistence.PersistenceConfiguration("no-entities")
                .property(io.jynamo.JynamoProperties.CLIENT, TestUnit.sharedClient())
                .createEntityManagerFactory()) {
            assertTrue(emf.getMetamodel().getEntities().isEmpty());
            EntityManager other = emf.createEntityManager();
            other.getTransaction().begin();
            assertThrows(IllegalArgumentException.class, () -> other.find(User.class, "x@x"));
            other.getTransaction().rollback();
            other.close();
        }
    }

    @Test
    void unsupportedLockModeMarksTransactionRollbackOnly() {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        em.persist(new User("lock@x", "L", "X"));
        em.flush();
        User u = em.find(User.class, "lock@x");
        assertThrows(jakarta.persistence.PersistenceException.class,
                () -> em.lock(u, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
        assertTrue(tx.getRollbackOnly(), "JPA 3.2 section 3.1.1: a PersistenceException marks the transaction");
        tx.rollback();
        tx.begin();
        assertThrows(jakarta.persistence.PersistenceException.class,
                () -> em.find(User.class, "lock@x", jakarta.persistence.LockModeType.PESSIMISTIC_READ));
        assertTrue(tx.getRollbackOnly());
    }

    @Test
    void aLockModeWithoutATransactionIsTransactionRequiredEvenWhenUnsupported() {
        // JPA 3.2 EntityManager.find / refresh: TransactionRequiredException when there is no transaction and a
        // lock mode other than NONE is given; that no pessimistic lock is supported is the second question.
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        em.persist(new User("nolock@x", "L", "X"));
        tx.commit();
        User u = em.find(User.class, "nolock@x");
        for (jakarta.persistence.LockModeType mode : List.of(jakarta.persistence.LockModeType.PESSIMISTIC_READ,
                jakarta.persistence.LockModeType.OPTIMISTIC)) {
            assertThrows(jakarta.persistence.TransactionRequiredException.class, () -> em.find(User.class, "nolock@x", mode));
            assertThrows(jakarta.persistence.TransactionRequiredException.class, () -> em.refresh(u, mode));
            assertThrows(jakarta.persistence.TransactionRequiredException.class, () -> em.refresh(u, mode, Map.of()));
        }
    }

    @Test
    void newTransactionAfterRollbackOnlyStartsClean() {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        tx.setRollbackOnly();
        tx.rollback();
        tx.begin();
        assertFalse(tx.getRollbackOnly());
        em.persist(new User("again@x", "A", "X"));
        tx.commit();
        assertTrue(stored("again@x"));
    }

    @Test
    void failedCommitRollsBackAndThrowsRollbackException() {
        // JPA 3.2 section 3.5.3 (EntityTransaction.commit): a commit failure throws RollbackException.
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        User u = new User("fail@x", "F", "X");
        em.persist(u);
        unit.calls().fault((operation, request, real) -> {
            throw software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder()
                    .message("injected failure of " + operation).statusCode(400).build();
        });
        try {
            RollbackException e = assertThrows(RollbackException.class, tx::commit);
            assertTrue(e.getCause() != null, "the cause is kept");
        } finally {
            unit.calls().fault(null);
        }
        assertFalse(tx.isActive());
        assertFalse(em.contains(u));
        assertFalse(stored("fail@x"));
    }

    @Test
    void runInTransactionCommits() {
        unit.emf().runInTransaction(e -> e.persist(new User("run@x", "R", "X")));
        assertTrue(stored("run@x"));
    }

    @Test
    void callInTransactionReturnsTheResult() {
        unit.emf().runInTransaction(e -> e.persist(new User("call@x", "Callie", "X")));
        String name = unit.emf().callInTransaction(e -> e.find(User.class, "call@x").getFirstName());
        assertEquals("Callie", name);
    }

    @Test
    void runInTransactionRollsBackOnException() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> unit.emf().runInTransaction(e -> {
                    e.persist(new User("boom@x", "B", "X"));
                    e.flush();
                    throw boom;
                }));
        assertEquals(boom, thrown);
        // The flush wrote the item; DynamoDB batch writes cannot be undone, so only unflushed work is discarded.
        assertThrows(RuntimeException.class, () -> unit.emf().callInTransaction(e -> {
            e.persist(new User("boom2@x", "B", "X"));
            throw new RuntimeException("no");
        }));
        assertFalse(stored("boom2@x"));
    }

    @Test
    void callInTransactionRollsBackOnException() {
        assertThrows(UnsupportedOperationException.class, () -> unit.emf().callInTransaction(e -> {
            e.persist(new User("cb@x", "C", "X"));
            throw new UnsupportedOperationException();
        }));
        assertFalse(stored("cb@x"));
        assertNull(unit.emf().callInTransaction(e -> e.find(User.class, "cb@x")));
    }
}
