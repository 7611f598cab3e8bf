package io.jynamo.tck.flush;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.model.Account;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @Version} and {@code jynamo.update-mode=patch}: conditional writes of changed attributes. */
class ConditionalWritesTest {

    @Test
    void versionedInsertStartsAtZeroAndUpdatesIncrementIt() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            assertEquals(0L, unit.fromTransaction(em -> em.find(Account.class, "a1")).getVersion());
            unit.inTransaction(em -> em.find(Account.class, "a1").setBalance(20));
            Account a = unit.fromTransaction(em -> em.find(Account.class, "a1"));
            assertEquals(1L, a.getVersion());
            assertEquals(20, a.getBalance());
        }
    }

    @Test
    void versionedUpdateSendsOnlyChangedAttributesWithAVersionCondition() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> {
                Account a = new Account("a1", 10);
                a.setOwner("Ann");
                em.persist(a);
            });
            unit.calls().reset();
            unit.inTransaction(em -> em.find(Account.class, "a1").setBalance(11));
            List<UpdateItemRequest> updates = unit.calls().requests("updateItem");
            assertEquals(1, updates.size());
            UpdateItemRequest u = updates.get(0);
            assertEquals(List.of("balance", "version"), u.expressionAttributeNames().values().stream().sorted().toList());
            assertTrue(u.conditionExpression().contains("="), u.conditionExpression());
            assertEquals(0, unit.calls().count("batchWriteItem"));
        }
    }

    @Test
    void secondOfTwoConcurrentUpdatesFailsWithOptimisticLockAndTheFirstWins() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            EntityManager first = unit.emf().createEntityManager();
            EntityManager second = unit.emf().createEntityManager();
            first.getTransaction().begin();
            second.getTransaction().begin();
            first.find(Account.class, "a1").setBalance(100);
            second.find(Account.class, "a1").setBalance(200);
            first.getTransaction().commit();
            RollbackException e = assertThrows(RollbackException.class, () -> second.getTransaction().commit());
            OptimisticLockException cause = assertInstanceOf(OptimisticLockException.class, e.getCause());
            assertTrue(cause.getMessage().contains("Account{id=a1}"), cause.getMessage());
            assertEquals(100, unit.fromTransaction(em -> em.find(Account.class, "a1")).getBalance());
            first.close();
            second.close();
        }
    }

    @Test
    void removingAStaleVersionFailsWithOptimisticLock() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            EntityManager stale = unit.emf().createEntityManager();
            stale.getTransaction().begin();
            Account old = stale.find(Account.class, "a1");
            unit.inTransaction(em -> em.find(Account.class, "a1").setBalance(5));
            stale.remove(old);
            RollbackException e = assertThrows(RollbackException.class, () -> stale.getTransaction().commit());
            assertInstanceOf(OptimisticLockException.class, e.getCause());
            assertEquals(5, unit.fromTransaction(em -> em.find(Account.class, "a1")).getBalance());
            stale.close();
        }
    }

    @Test
    void persistingAVersionedEntityOverAnExistingKeyFailsWithEntityExists() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> em.persist(new Account("a1", 10)));
            RollbackException e = assertThrows(RollbackException.class,
                    () -> unit.inTransaction(em -> em.persist(new Account("a1", 99))));
            assertInstanceOf(EntityExistsException.class, e.getCause());
            assertEquals(10, unit.fromTransaction(em -> em.find(Account.class, "a1")).getBalance());
        }
    }

    @Test
    void persistingAnUnversionedEntityOverAnExistingKeyOverwritesIt() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.inTransaction(em -> em.persist(new User("a@b.c", "Old", "Name")));
            unit.inTransaction(em -> em.persist(new User("a@b.c", "New", "Name")));
            assertEquals("New", unit.fromTransaction(em -> em.find(User.class, "a@b.c")).getFirstName());
        }
    }

    @Test
    void patchModeUpdatesNameOnlyTheChangedAttributeAndKeepOthersConcurrentChanges() {
        try (TestUnit unit = TestUnit.of(User.class).property(JynamoProperties.UPDATE_MODE, "patch").build()) {
            unit.inTransaction(em -> em.persist(new User("a@b.c", "Samuel", "Adams")));
            EntityManager mine = unit.emf().createEntityManager();
            mine.getTransaction().begin();
            mine.find(User.class, "a@b.c").setFirstName("Sam");
            unit.inTransaction(other -> other.find(User.class, "a@b.c").setLastName("Smith"));
            unit.calls().reset();
            mine.getTransaction().commit();
            List<UpdateItemRequest> updates = unit.calls().requests("updateItem");
            assertEquals(1, updates.size());
            assertTrue(updates.get(0).expressionAttributeNames().containsValue("firstName"));
            assertTrue(!updates.get(0).expressionAttributeNames().containsValue("lastName"));
            User stored = unit.fromTransaction(em -> em.find(User.class, "a@b.c"));
            assertEquals("Sam", stored.getFirstName());
            assertEquals("Smith", stored.getLastName(), "the other writer's change survives");
            mine.close();
        }
    }

    @Test
    void patchModeDoesNotResurrectAnItemDeletedMeanwhile() {
        try (TestUnit unit = TestUnit.of(User.class).property(JynamoProperties.UPDATE_MODE, "patch").build()) {
            unit.inTransaction(em -> em.persist(new User("a@b.c", "Samuel", "Adams")));
            EntityManager mine = unit.emf().createEntityManager();
            mine.getTransaction().begin();
            mine.find(User.class, "a@b.c").setFirstName("Sam");
            unit.inTransaction(other -> other.remove(other.find(User.class, "a@b.c")));
            RollbackException e = assertThrows(RollbackException.class, () -> mine.getTransaction().commit());
            assertInstanceOf(EntityNotFoundException.class, e.getCause());
            assertNull(unit.fromTransaction(em -> em.find(User.class, "a@b.c")));
            mine.close();
        }
    }

    @Test
    void settingAnAttributeToNullRemovesItFromTheItem() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> {
                Account a = new Account("a1", 10);
                a.setOwner("Ann");
                em.persist(a);
            });
            unit.calls().reset();
            unit.inTransaction(em -> em.find(Account.class, "a1").setOwner(null));
            UpdateItemRequest u = unit.calls().<UpdateItemRequest>requests("updateItem").get(0);
            assertTrue(u.updateExpression().contains("REMOVE"), u.updateExpression());
            var item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Account")
                    .key(java.util.Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("a1")))).item();
            assertTrue(!item.containsKey("owner"), item.toString());
        }
    }

    @Test
    void versionedUpdatesOfOneFlushEachWriteTheirOwnValuesWhetherTheyChangeTheSameAttributesOrOthers() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.inTransaction(em -> {
                for (int i = 1; i <= 5; i++) {
                    Account a = new Account("a" + i, 10 * i);
                    a.setOwner("owner" + i);
                    em.persist(a);
                }
            });
            unit.inTransaction(em -> em.find(Account.class, "a2").setBalance(21)); // a2 is at version 1 now
            unit.calls().reset();
            unit.inTransaction(em -> {
                em.find(Account.class, "a1").setBalance(11);
                em.find(Account.class, "a2").setBalance(22); // the same attributes as a1, other values and version
                em.find(Account.class, "a3").setOwner("Cy");
                em.find(Account.class, "a4").setOwner(null);
                Account a5 = em.find(Account.class, "a5");
                a5.setBalance(55);
                a5.setOwner("Di");
            });
            List<UpdateItemRequest> updates = unit.calls().requests("updateItem");
            assertEquals(5, updates.size());
            for (UpdateItemRequest u : updates) {
                String id = u.key().get("id").s();
                long version = id.equals("a2") ? 1 : 0;
                var names = u.expressionAttributeNames();
                var values = u.expressionAttributeValues();
                String condition = u.conditionExpression();
                assertEquals("version", names.get(condition.substring(0, condition.indexOf(' '))), id + ": " + condition);
                assertEquals(Long.toString(version), values.get(condition.substring(condition.lastIndexOf(' ') + 1)).n(),
                        id + ": the version it was read at");
            }
            List<Account> stored = unit.fromTransaction(em -> List.of("a1", "a2", "a3", "a4", "a5").stream()
                    .map(id -> em.find(Account.class, id)).toList());
            assertEquals(List.of(11L, 22L, 30L, 40L, 55L), stored.stream().map(Account::getBalance).toList());
            assertEquals(java.util.Arrays.asList("owner1", "owner2", "Cy", null, "Di"),
                    stored.stream().map(Account::getOwner).toList());
            assertEquals(List.of(1L, 2L, 1L, 1L, 1L), stored.stream().map(Account::getVersion).toList());
        }
    }

    @Test
    void patchModeUpdatesOfOneFlushEachWriteTheirOwnValuesWhetherTheyChangeTheSameAttributesOrOthers() {
        try (TestUnit unit = TestUnit.of(User.class).property(JynamoProperties.UPDATE_MODE, "patch").build()) {
            unit.inTransaction(em -> {
                for (int i = 1; i <= 4; i++) {
                    em.persist(new User("u" + i, "First" + i, "Last" + i));
                }
            });
            unit.calls().reset();
            unit.inTransaction(em -> {
                em.find(User.class, "u1").setFirstName("Ann");
                em.find(User.class, "u2").setFirstName("Bea");
                em.find(User.class, "u3").setLastName("Cole");
                User u4 = em.find(User.class, "u4");
                u4.setFirstName("Dee");
                u4.setLastName(null);
            });
            List<UpdateItemRequest> updates = unit.calls().requests("updateItem");
            assertEquals(4, updates.size());
            for (UpdateItemRequest u : updates) {
                assertTrue(u.conditionExpression().startsWith("attribute_exists("), u.conditionExpression());
            }
            List<User> stored = unit.fromTransaction(em -> List.of("u1", "u2", "u3", "u4").stream()
                    .map(id -> em.find(User.class, id)).toList());
            assertEquals(List.of("Ann", "Bea", "First3", "Dee"), stored.stream().map(User::getFirstName).toList());
            assertEquals(java.util.Arrays.asList("Last1", "Last2", "Cole", null), stored.stream().map(User::getLastName).toList());
        }
    }
}
