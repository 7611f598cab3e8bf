package io.jynamo.tck.core;

import io.jynamo.JynamoEntityManager;
import io.jynamo.tck.model.Account;
import io.jynamo.tck.model.Person;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TransactionRequiredException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EntityManager contract of JPA 3.2 chapter 3, checked against DynamoDB with call counts. */
class EntityManagerTest {

    private static TestUnit unit;
    private EntityManager em;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(User.class, Person.class, Account.class, Note.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    @BeforeEach
    void open() {
        unit.emf().getSchemaManager().truncate();
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

    /** An entity its application copies with {@code clone()}. */
    @jakarta.persistence.Entity
    public static class Note implements Cloneable {
        @jakarta.persistence.Id
        private String id;
        private String text;

        public Note() {
        }

        Note(String id, String text) {
            this.id = id;
            this.text = text;
        }

        @Override
        public Note clone() {
            try {
                return (Note) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static void store(User... users) {
        unit.inTransaction(em -> {
            for (User u : users) {
                em.persist(u);
            }
        });
        unit.calls().reset();
    }

    private static boolean storedInDynamo(String email) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "dynamodb-user")
                .key(Map.of("email", AttributeValue.fromS(email))).consistentRead(true)).hasItem();
    }

    // ---- persist (JPA 3.2 section 3.3.2) ------------------------------------------------------------

    @Test
    void persistMakesNoCallUntilFlush() {
        em.getTransaction().begin();
        User u = new User("p@x", "P", "X");
        em.persist(u);
        assertTrue(em.contains(u));
        assertEquals(0, unit.calls().total());
        em.flush();
        assertEquals(1, unit.calls().count("batchWriteItem"));
        assertTrue(storedInDynamo("p@x"));
        em.getTransaction().commit();
        assertEquals(1, unit.calls().total(), "commit after flush has nothing left to write");
    }

    @Test
    void persistMakesNoCallUntilCommit() {
        em.getTransaction().begin();
        em.persist(new User("c@x", "C", "X"));
        assertEquals(0, unit.calls().total());
        em.getTransaction().commit();
        assertEquals(1, unit.calls().count("batchWriteItem"));
        assertTrue(storedInDynamo("c@x"));
    }

    @Test
    void persistOfSecondInstanceWithSameKeyThrowsEntityExists() {
        em.getTransaction().begin();
        em.persist(new User("dup@x", "A", "X"));
        assertThrows(EntityExistsException.class, () -> em.persist(new User("dup@x", "B", "X")));
    }

    @Test
    void persistOfManagedInstanceIsIgnored() {
        em.getTransaction().begin();
        User u = new User("twice@x", "A", "X");
        em.persist(u);
        em.persist(u);
        em.getTransaction().commit();
        assertEquals(1, unit.calls().count("batchWriteItem"));
    }

    @Test
    void everyPersistedInstanceIsManagedUntilRemovedOrDetached() {
        em.getTransaction().begin();
        User a = new User("a@x", "A", "X");
        User b = new User("b@x", "B", "X");
        User c = new User("c@x", "C", "X");
        em.persist(a);
        em.persist(b);
        em.persist(c);
        em.remove(b); // new: it leaves the context, and is never written
        assertTrue(em.contains(a));
        assertFalse(em.contains(b));
        assertTrue(em.contains(c));
        em.detach(c);
        assertFalse(em.contains(c));
        em.persist(b);
        assertTrue(em.contains(b));
        em.persist(a); // managed: ignored
        em.getTransaction().commit();
        assertTrue(storedInDynamo("a@x"));
        assertTrue(storedInDynamo("b@x"));
        assertFalse(storedInDynamo("c@x"), "a detached new entity is not written");
    }

    @Test
    void aKeyChangedAfterPersistFailsTheFlushBeforeAnyWrite() throws Exception {
        em.getTransaction().begin();
        User kept = new User("kept@x", "K", "X");
        User u = new User("old@x", "A", "X");
        em.persist(kept);
        em.persist(u);
        java.lang.reflect.Field email = User.class.getDeclaredField("email");
        email.setAccessible(true);
        email.set(u, "new@x");
        em.persist(u); // its entry is under old@x: persist finds none under new@x, and adds a second one
        PersistenceException e = assertThrows(PersistenceException.class, () -> em.flush());
        assertTrue(e.getMessage().contains("old@x") && e.getMessage().contains("new@x"), e.getMessage());
        assertEquals(0, unit.calls().count("batchWriteItem"), "nothing is written");
        assertFalse(storedInDynamo("kept@x"));
        assertFalse(storedInDynamo("old@x"));
        assertFalse(storedInDynamo("new@x"));
        // Removing the instance takes it out entirely (the second persist added nothing that stays): the rest is written.
        em.remove(u);
        assertFalse(em.contains(u));
        em.flush();
        assertEquals(1, unit.calls().count("batchWriteItem"));
        assertTrue(storedInDynamo("kept@x"));
        assertFalse(storedInDynamo("old@x"));
        assertFalse(storedInDynamo("new@x"));
    }

    @Test
    void aKeyChangedOnALoadedEntityFailsTheFlushBeforeAnyWrite() throws Exception {
        store(new User("read@x", "A", "X"));
        em.getTransaction().begin();
        User u = em.find(User.class, "read@x");
        u.setFirstName("B");
        java.lang.reflect.Field email = User.class.getDeclaredField("email");
        email.setAccessible(true);
        email.set(u, "moved@x");
        unit.calls().reset();
        PersistenceException e = assertThrows(PersistenceException.class, () -> em.flush());
        assertTrue(e.getMessage().contains("read@x") && e.getMessage().contains("moved@x"), e.getMessage());
        assertEquals(0, unit.calls().total(), "nothing is sent");
        assertFalse(storedInDynamo("moved@x"));
        em.getTransaction().rollback();
        assertEquals("A", em.find(User.class, "read@x").getFirstName());
    }

    @Test
    void aKeySetBackAfterAFailedFlushIsWrittenOnce() throws Exception {
        em.getTransaction().begin();
        User u = new User("back@x", "A", "X");
        em.persist(u);
        java.lang.reflect.Field email = User.class.getDeclaredField("email");
        email.setAccessible(true);
        email.set(u, "moved@x");
        em.persist(u);
        assertThrows(PersistenceException.class, () -> em.flush());
        email.set(u, "back@x");
        assertTrue(em.contains(u));
        em.flush(); // (the failed flush marked the transaction for rollback: flushed, not committed)
        assertEquals(1, unit.calls().count("batchWriteItem"));
        assertTrue(storedInDynamo("back@x"));
        assertFalse(storedInDynamo("moved@x"));
    }

    @Test
    void persistOfRemovedEntityMakesItManagedAgain() {
        store(new User("back@x", "A", "X"));
        em.getTransaction().begin();
        User u = em.find(User.class, "back@x");
        em.remove(u);
        assertFalse(em.contains(u));
        em.persist(u);
        assertTrue(em.contains(u));
        em.getTransaction().commit();
        assertTrue(storedInDynamo("back@x"), "the item must survive");
    }

    @Test
    void removePersistRemoveOfOneKeyStillDeletesTheItem() {
        store(new User("rpr@x", "A", "X"));
        em.getTransaction().begin();
        em.remove(em.find(User.class, "rpr@x"));
        User replacement = new User("rpr@x", "B", "X");
        em.persist(replacement);
        em.remove(replacement);
        em.getTransaction().commit();
        assertFalse(storedInDynamo("rpr@x"), "the first remove must not be forgotten");
    }

    @Test
    void removeThenPersistOfVersionedKeyReplacesTheItem() {
        unit.inTransaction(e -> e.persist(new Account("rv1", 10)));
        em.getTransaction().begin();
        em.remove(em.find(Account.class, "rv1"));
        em.persist(new Account("rv1", 77));
        em.getTransaction().commit();
        Account stored = unit.fromTransaction(e -> e.find(Account.class, "rv1"));
        assertEquals(77, stored.getBalance());
    }

    @Test
    void persistOfNonEntityThrowsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> em.persist("not an entity"));
        assertThrows(IllegalArgumentException.class, () -> em.persist(null));
    }

    // ---- find (JPA 3.2 section 3.3.2 / 3.1.1 find) ---------------------------------------------------

    @Test
    void findReadsByKey() {
        store(new User("f@x", "Fred", "X"));
        User u = em.find(User.class, "f@x");
        assertEquals("Fred", u.getFirstName());
        assertEquals(1, unit.calls().count("getItem"));
        assertTrue(em.contains(u));
    }

    @Test
    void findByCompositeKey() {
        unit.inTransaction(e -> e.persist(new Person("Smith", "John", "j@s", 40)));
        Person p = em.find(Person.class, new Person.Key("Smith", "John"));
        assertEquals(40, p.getAge());
        assertNull(em.find(Person.class, new Person.Key("Smith", "Jane")));
    }

    @Test
    void findWithHintsMap() {
        store(new User("h@x", "H", "X"));
        User u = em.find(User.class, "h@x", Map.of("jakarta.persistence.cache.retrieveMode", "BYPASS"));
        assertEquals("H", u.getFirstName());
    }

    @Test
    void secondFindOfSameKeyMakesNoCallAndReturnsSameInstance() {
        store(new User("same@x", "S", "X"));
        User a = em.find(User.class, "same@x");
        User b = em.find(User.class, "same@x");
        assertSame(a, b);
        assertEquals(1, unit.calls().count("getItem"));
    }

    @Test
    void findOfPersistedEntityMakesNoCall() {
        em.getTransaction().begin();
        User u = new User("np@x", "N", "P");
        em.persist(u);
        assertSame(u, em.find(User.class, "np@x"));
        assertEquals(0, unit.calls().total());
    }

    @Test
    void aMissingTableIsAPersistenceExceptionThatSaysHowToCreateIt() {
        try (TestUnit bare = TestUnit.of(User.class).property(io.jynamo.JynamoProperties.SCHEMA_ACTION, "none").build()) {
            EntityManager other = bare.emf().createEntityManager();
            other.getTransaction().begin();
            PersistenceException e = assertThrows(PersistenceException.class, () -> other.find(User.class, "x@x"));
            assertTrue(e.getMessage().contains("schema-generation.database.action"), e.getMessage());
            assertTrue(other.getTransaction().getRollbackOnly());
            other.getTransaction().rollback();
            other.close();
        }
    }

    @Test
    void findReturnsNullWhenAbsent() {
        assertNull(em.find(User.class, "nobody@x"));
    }

    @Test
    void findOfNonEntityClassThrowsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> em.find(String.class, "x"));
    }

    @Test
    void findWithWrongKeyTypeThrowsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> em.find(User.class, 42));
        assertThrows(IllegalArgumentException.class, () -> em.find(Person.class, "Smith"));
        assertThrows(IllegalArgumentException.class, () -> em.find(User.class, null));
    }

    @Test
    void findOfRemovedEntityReturnsNull() {
        store(new User("rm@x", "R", "X"));
        em.getTransaction().begin();
        em.remove(em.find(User.class, "rm@x"));
        assertNull(em.find(User.class, "rm@x"));
    }

    // ---- getReference (JPA 3.2 section 3.3.2 getReference) -------------------------------------------

    @Test
    void getReferenceMakesNoCall() {
        store(new User("ref@x", "R", "X"));
        User ref = em.getReference(User.class, "ref@x");
        assertNotNull(ref);
        assertEquals(0, unit.calls().total());
        assertEquals("ref@x", unit.emf().getPersistenceUnitUtil().getIdentifier(ref));
    }

    @Test
    void getReferenceThenFindReturnsTheLoadedState() {
        store(new User("rf@x", "Loaded", "X"));
        User ref = em.getReference(User.class, "rf@x");
        User found = em.find(User.class, "rf@x");
        assertSame(ref, found);
        assertEquals("Loaded", found.getFirstName());
    }

    @Test
    void findAfterGetReferenceOfAbsentKeyReturnsNull() {
        em.getReference(User.class, "ghost@x");
        assertNull(em.find(User.class, "ghost@x"));
    }

    @Test
    void refreshOfReferenceLoadsIt() {
        store(new User("rref@x", "Fresh", "X"));
        User ref = em.getReference(User.class, "rref@x");
        em.refresh(ref);
        assertEquals("Fresh", ref.getFirstName());
        assertEquals(1, unit.calls().count("getItem"));
    }

    @Test
    void getReferenceOfNonEntityThrowsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> em.getReference(String.class, "x"));
    }

    @Test
    void removeOfReferenceDeletesWithNoReads() {
        store(new User("gone@x", "G", "X"));
        em.getTransaction().begin();
        em.remove(em.getReference(User.class, "gone@x"));
        assertEquals(0, unit.calls().total(), "no call until flush");
        em.getTransaction().commit();
        assertEquals(0, unit.calls().count("getItem"));
        assertEquals(1, unit.calls().count("batchWriteItem"));
        assertFalse(storedInDynamo("gone@x"));
    }

    // ---- remove (JPA 3.2 section 3.3.3) --------------------------------------------------------------

    @Test
    void removeMakesNoCallUntilFlush() {
        store(new User("del@x", "D", "X"));
        em.getTransaction().begin();
        User u = em.find(User.class, "del@x");
        unit.calls().reset();
        em.remove(u);
        assertFalse(em.contains(u));
        assertEquals(0, unit.calls().total());
        em.flush();
        assertEquals(1, unit.calls().count("batchWriteItem"));
        assertFalse(storedInDynamo("del@x"));
        em.getTransaction().commit();
    }

    @Test
    void removeOfDetachedInstanceThrowsIllegalArgument() {
        store(new User("det@x", "D", "X"));
        em.getTransaction().begin();
        assertThrows(IllegalArgumentException.class, () -> em.remove(new User("det@x", "D", "X")));
        User found = em.find(User.class, "det@x");
        em.detach(found);
        assertThrows(IllegalArgumentException.class, () -> em.remove(found));
    }

    @Test
    void removeOfNewInstanceIsIgnoredAfterOneKeyRead() {
        em.getTransaction().begin();
        em.remove(new User("fresh@x", "F", "X"));
        assertEquals(1, unit.calls().count("getItem"), "only the table can tell new from detached");
        em.getTransaction().commit();
        assertEquals(1, unit.calls().total(), "nothing to write");
        assertFalse(storedInDynamo("fresh@x"));
    }

    @Test
    void removeOfInstanceWhoseRemovalWasFlushedIsIgnored() {
        store(new User("gone@x", "G", "X"));
        em.getTransaction().begin();
        User u = em.find(User.class, "gone@x");
        em.remove(u);
        em.flush();
        em.remove(u);
        em.getTransaction().commit();
        assertFalse(storedInDynamo("gone@x"));
    }

    @Test
    void removeOfDetachedCopyOfManagedInstanceThrowsWithoutCall() {
        store(new User("twin@x", "T", "X"));
        em.getTransaction().begin();
        em.find(User.class, "twin@x");
        unit.calls().reset();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> em.remove(new User("twin@x", "T", "X")));
        assertTrue(e.getMessage().contains("detached"), e.getMessage());
        assertEquals(0, unit.calls().total());
    }

    @Test
    void removeOfNewEntityCancelsItsInsert() {
        em.getTransaction().begin();
        User u = new User("never@x", "N", "X");
        em.persist(u);
        em.remove(u);
        em.getTransaction().commit();
        assertEquals(0, unit.calls().count("batchWriteItem"));
        assertFalse(storedInDynamo("never@x"));
    }

    // ---- merge (JPA 3.2 section 3.3.8) ---------------------------------------------------------------

    @Test
    void mergeOfDetachedCopyReturnsManagedInstance() {
        store(new User("m@x", "Old", "X"));
        User detached = new User("m@x", "New", "X");
        em.getTransaction().begin();
        User managed = em.merge(detached);
        assertNotSame(detached, managed);
        assertTrue(em.contains(managed));
        assertFalse(em.contains(detached));
        assertEquals("New", managed.getFirstName());
        em.getTransaction().commit();
        assertEquals("New", unit.fromTransaction(e -> e.find(User.class, "m@x")).getFirstName());
    }

    @Test
    void mergeOfNewEntityInsertsIt() {
        User fresh = new User("mn@x", "Fresh", "X");
        em.getTransaction().begin();
        User managed = em.merge(fresh);
        assertNotSame(fresh, managed);
        assertTrue(em.contains(managed));
        em.getTransaction().commit();
        assertTrue(storedInDynamo("mn@x"));
    }

    @Test
    void mergeOntoAReferenceOfAnAbsentKeyInsertsTheState() {
        em.getTransaction().begin();
        User reference = em.getReference(User.class, "refmerge@x");
        User merged = em.merge(new User("refmerge@x", "M", "X"));
        assertEquals("M", merged.getFirstName());
        em.getTransaction().commit();
        assertTrue(storedInDynamo("refmerge@x"), "the merged state must be written, not dropped");
        assertSame(reference, merged);
    }

    @Test
    void mergeOfRemovedEntityThrowsIllegalArgument() {
        store(new User("mr@x", "M", "X"));
        em.getTransaction().begin();
        User u = em.find(User.class, "mr@x");
        em.remove(u);
        assertThrows(IllegalArgumentException.class, () -> em.merge(u));
    }

    @Test
    void entitiesStayManagedAfterCommit() {
        // JPA 3.2 section 3.3.2: an application-managed (extended) context survives the transaction.
        em.getTransaction().begin();
        User u = new User("stay@x", "S", "X");
        em.persist(u);
        em.getTransaction().commit();
        assertTrue(em.contains(u));
        unit.calls().reset();
        assertSame(u, em.find(User.class, "stay@x"));
        assertEquals(0, unit.calls().total());
    }

    @Test
    void lockOutsideTransactionThrowsTransactionRequired() {
        store(new User("lk@x", "L", "X"));
        User u = em.find(User.class, "lk@x");
        assertThrows(TransactionRequiredException.class, () -> em.lock(u, jakarta.persistence.LockModeType.OPTIMISTIC));
    }

    @Test
    void mergeOfManagedEntityReturnsItself() {
        store(new User("mm@x", "M", "X"));
        em.getTransaction().begin();
        User u = em.find(User.class, "mm@x");
        assertSame(u, em.merge(u));
    }

    @Test
    void mergeCopiesOntoTheInstanceAlreadyManaged() {
        store(new User("mc@x", "Old", "X"));
        em.getTransaction().begin();
        User managed = em.find(User.class, "mc@x");
        User result = em.merge(new User("mc@x", "Copied", "X"));
        assertSame(managed, result);
        assertEquals("Copied", managed.getFirstName());
    }

    // ---- refresh (JPA 3.2 section 3.3.4) -------------------------------------------------------------

    @Test
    void refreshReloadsState() {
        store(new User("rr@x", "Before", "X"));
        User u = em.find(User.class, "rr@x");
        u.setFirstName("local change");
        TestUnit.sharedClient().updateItem(b -> b.tableName(unit.prefix() + "dynamodb-user")
                .key(Map.of("email", AttributeValue.fromS("rr@x")))
                .updateExpression("SET firstName = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromS("After"))));
        em.refresh(u);
        assertEquals("After", u.getFirstName());
    }

    @Test
    void refreshOfDeletedItemThrowsEntityNotFound() {
        store(new User("rd@x", "D", "X"));
        User u = em.find(User.class, "rd@x");
        TestUnit.sharedClient().deleteItem(b -> b.tableName(unit.prefix() + "dynamodb-user")
                .key(Map.of("email", AttributeValue.fromS("rd@x"))));
        assertThrows(EntityNotFoundException.class, () -> em.refresh(u));
        assertFalse(em.contains(u));
    }

    @Test
    void refreshOfUnmanagedInstanceThrowsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> em.refresh(new User("new@x", "N", "X")));
    }

    // ---- detach, contains, clear (JPA 3.2 sections 3.3.6, 3.3.7) -------------------------------------

    @Test
    void detachStopsManagingAndDropsPendingChanges() {
        store(new User("d@x", "Kept", "X"));
        em.getTransaction().begin();
        User u = em.find(User.class, "d@x");
        u.setFirstName("Lost");
        em.detach(u);
        assertFalse(em.contains(u));
        em.getTransaction().commit();
        assertEquals(0, unit.calls().count("batchWriteItem"));
        assertEquals("Kept", unit.fromTransaction(e -> e.find(User.class, "d@x")).getFirstName());
    }

    @Test
    void detachOfNewEntityCancelsItsInsert() {
        em.getTransaction().begin();
        User u = new User("dn@x", "N", "X");
        em.persist(u);
        em.detach(u);
        em.getTransaction().commit();
        assertFalse(storedInDynamo("dn@x"));
    }

    @Test
    void containsOfNonEntityThrowsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> em.contains("text"));
    }

    @Test
    void clearDetachesEverything() {
        store(new User("cl@x", "C", "X"));
        em.getTransaction().begin();
        User u = em.find(User.class, "cl@x");
        User n = new User("cl2@x", "N", "X");
        em.persist(n);
        em.clear();
        assertFalse(em.contains(u));
        assertFalse(em.contains(n));
        em.getTransaction().commit();
        assertFalse(storedInDynamo("cl2@x"));
        assertNotSame(u, em.find(User.class, "cl@x"));
    }

    @Test
    void anInstanceOneEntityManagerLoadedIsNotManagedByAnother() {
        store(new User("two@x", "T", "X"));
        User u = em.find(User.class, "two@x");
        try (EntityManager other = unit.emf().createEntityManager()) {
            assertFalse(other.contains(u));
            User own = other.find(User.class, "two@x");
            assertNotSame(u, own);
            assertTrue(other.contains(own));
            assertFalse(em.contains(own));
        }
        assertTrue(em.contains(u));
        em.close();
        try (EntityManager later = unit.emf().createEntityManager()) {
            assertFalse(later.contains(u), "the closed entity manager's instance is detached");
            assertNotSame(u, later.find(User.class, "two@x"));
        }
    }

    @Test
    void anInstanceTwoEntityManagersManageStaysManagedByEachUntilItsOwnDetach() {
        store(new User("both@x", "B", "X"));
        User u = em.find(User.class, "both@x");
        try (EntityManager other = unit.emf().createEntityManager()) {
            other.getTransaction().begin();
            other.persist(u); // another context's instance: overwritten at commit, as DESIGN.md says
            assertTrue(other.contains(u));
            assertTrue(em.contains(u));
            em.clear();
            assertFalse(em.contains(u));
            assertTrue(other.contains(u), "the other context still manages it after the first one's clear");
            assertSame(u, other.find(User.class, "both@x"));
            other.detach(u);
            assertFalse(other.contains(u));
            other.getTransaction().rollback();
        }
        assertNotSame(u, em.find(User.class, "both@x"));
    }

    @Test
    void aCloneOfAManagedInstanceIsNotManagedAndLeavesTheOriginalManaged() {
        unit.inTransaction(e -> e.persist(new Note("n1", "original")));
        em.getTransaction().begin();
        Note found = em.find(Note.class, "n1");
        Note copy = found.clone();
        assertFalse(em.contains(copy), "a copy of a managed instance is not managed");
        assertTrue(em.contains(found));
        assertThrows(EntityExistsException.class, () -> em.persist(copy), "its key is managed by the original");
        assertTrue(em.contains(found));
        assertFalse(em.contains(copy));
        em.getTransaction().rollback();
        try (EntityManager other = unit.emf().createEntityManager()) {
            Note again = other.find(Note.class, "n1");
            Note otherCopy = again.clone();
            other.getTransaction().begin();
            other.remove(again);
            other.persist(otherCopy); // replaces the removed original under the same key
            assertTrue(other.contains(otherCopy));
            assertFalse(other.contains(again));
            other.getTransaction().commit();
        }
        assertEquals("original", unit.fromTransaction(e -> e.find(Note.class, "n1")).text);
    }

    @Test
    void anInstanceDetachedFromAClearedContextCanBeManagedAgainByMerge() {
        store(new User("again@x", "A", "X"));
        User u = em.find(User.class, "again@x");
        em.clear();
        em.getTransaction().begin();
        User merged = em.merge(u);
        assertNotSame(u, merged);
        assertTrue(em.contains(merged));
        assertFalse(em.contains(u));
        em.getTransaction().commit();
    }

    // ---- flush and flush mode (JPA 3.2 sections 3.3.2, 3.11) -----------------------------------------

    @Test
    void flushOutsideTransactionThrowsTransactionRequired() {
        assertThrows(TransactionRequiredException.class, () -> em.flush());
    }

    @Test
    void changesOfManagedEntityAreFlushedAtCommit() {
        store(new User("ch@x", "Old", "X"));
        em.getTransaction().begin();
        em.find(User.class, "ch@x").setFirstName("New");
        em.getTransaction().commit();
        assertEquals("New", unit.fromTransaction(e -> e.find(User.class, "ch@x")).getFirstName());
    }

    @Test
    void untouchedManagedEntityIsNotWritten() {
        store(new User("ut@x", "U", "X"));
        em.getTransaction().begin();
        em.find(User.class, "ut@x");
        em.getTransaction().commit();
        assertEquals(0, unit.calls().count("batchWriteItem"));
        assertEquals(0, unit.calls().count("putItem"));
        assertEquals(0, unit.calls().count("updateItem"));
    }

    @Test
    void flushModeDefaultsToAutoAndCanBeSet() {
        assertEquals(FlushModeType.AUTO, em.getFlushMode());
        em.setFlushMode(FlushModeType.COMMIT);
        assertEquals(FlushModeType.COMMIT, em.getFlushMode());
    }

    // ---- close and isOpen (JPA 3.2 section 3.1.1 close) ----------------------------------------------

    @Test
    void closedEntityManagerThrowsIllegalState() {
        EntityManager other = unit.emf().createEntityManager();
        assertTrue(other.isOpen());
        other.close();
        assertFalse(other.isOpen());
        assertThrows(IllegalStateException.class, () -> other.find(User.class, "x"));
        assertThrows(IllegalStateException.class, () -> other.persist(new User("x", "x", "x")));
        assertThrows(IllegalStateException.class, other::getTransaction);
        assertThrows(IllegalStateException.class, other::clear);
        assertThrows(IllegalStateException.class, other::getProperties);
    }

    @Test
    void closeDuringTransactionLetsItCommit() {
        EntityManager other = unit.emf().createEntityManager();
        var tx = other.getTransaction();
        tx.begin();
        other.persist(new User("late@x", "L", "X"));
        other.close();
        assertFalse(other.isOpen());
        assertTrue(tx.isActive());
        tx.commit();
        assertTrue(storedInDynamo("late@x"));
    }

    // ---- unwrap, properties, factory (JPA 3.2 section 3.1.1) -----------------------------------------

    @Test
    void unwrapToJynamoEntityManagerAndClient() {
        assertNotNull(em.unwrap(JynamoEntityManager.class));
        assertNotNull(em.unwrap(DynamoDbClient.class));
        assertSame(em, em.unwrap(EntityManager.class));
        assertThrows(PersistenceException.class, () -> em.unwrap(String.class));
    }

    @Test
    void propertiesIncludeTheUnitsAndCanBeSet() {
        assertEquals(unit.prefix(), em.getProperties().get("jynamo.table-prefix"));
        em.setProperty("my.hint", "value");
        assertEquals("value", em.getProperties().get("my.hint"));
        assertFalse(unit.emf().createEntityManager().getProperties().containsKey("my.hint"),
                "set on one entity manager only");
    }

    @Test
    void getEntityManagerFactoryReturnsItsFactory() {
        assertSame(unit.emf(), em.getEntityManagerFactory());
    }

    @Test
    void jynamoFindAllUsesOneBatchGet() {
        store(new User("a1@x", "A", "X"), new User("a2@x", "B", "X"));
        var found = em.unwrap(JynamoEntityManager.class).findAll(User.class, java.util.List.of("a2@x", "none@x", "a1@x"));
        assertEquals(java.util.List.of("a2@x", "a1@x"), found.stream().map(User::getEmail).toList());
        assertEquals(1, unit.calls().count("batchGetItem"));
    }
}
