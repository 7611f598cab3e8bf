package io.jynamo.tck.flush;

import io.jynamo.IncompleteFlushException;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writes that leave out not-insertable attributes, keep the stored value of not-updatable ones and remove a
 * foreign key a read-only twin also maps, under the engine's faults: unprocessed items, a 500 part-way, throttling
 * and a lost response. Nothing is lost, and no value the mapping forbids is written by a retry.
 */
class ReadOnlyColumnFaultsTest {

    @Entity
    public static class Account {
        @Id
        public String id;
        public String name;
        @Column(updatable = false)
        public String createdBy;
        @Column(insertable = false)
        public String closedBy;
        @Column(insertable = false, updatable = false)
        public String audit;
    }

    @Entity
    public static class Ledger {
        @Id
        public String id;
        @Version
        public long version;
        public String name;
        @Column(updatable = false)
        public String createdBy;
    }

    @Entity
    public static class Dept {
        @Id
        public long id;
        public String name;
    }

    /** The relationship writes the foreign key; the plain attribute only reads it. */
    @Entity
    public static class Manager {
        @Id
        public String id;
        @ManyToOne
        @JoinColumn(name = "dept_id")
        public Dept dept;
        @Column(name = "dept_id", insertable = false, updatable = false)
        public Long deptId;
    }

    private static List<Map<String, AttributeValue>> items(TestUnit unit, String table) {
        return TestUnit.sharedClient().scan(b -> b.tableName(unit.prefix() + table)).items();
    }

    private static Account account(int i) {
        Account a = new Account();
        a.id = "a" + i;
        a.name = "N" + i;
        a.createdBy = "admin";
        a.closedBy = "early"; // not insertable
        a.audit = "forged";   // neither insertable nor updatable
        return a;
    }

    @Test
    void persistsHandedBackUnprocessedAreSentAgainWithoutTheNotInsertableAttributes() {
        try (TestUnit unit = TestUnit.of(Account.class).build()) {
            unit.calls().fault(Faults.halfUnprocessed());
            unit.inTransaction(em -> IntStream.range(0, 30).forEach(i -> em.persist(account(i))));
            unit.calls().fault(null);
            List<Map<String, AttributeValue>> items = items(unit, "Account");
            assertEquals(30, items.size(), "every item");
            assertTrue(items.stream().allMatch(i -> i.keySet().equals(java.util.Set.of("id", "name", "createdBy"))),
                    items.toString());
        }
    }

    @Test
    void aServerErrorPartWayReportsTheChangesAndTheNextCommitWritesTheRestKeepingStoredValues() {
        try (TestUnit unit = TestUnit.of(Account.class).property("jynamo.parallelism", "1").build()) {
            unit.inTransaction(em -> IntStream.range(0, 40).forEach(i -> em.persist(account(i))));
            unit.calls().fault(Faults.failNth("batchWriteItem", 2, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            em.createQuery("SELECT a FROM Account a", Account.class).getResultList().forEach(a -> {
                a.name = a.name + "!";
                a.createdBy = "intruder"; // not updatable
            });
            IncompleteFlushException e = assertThrows(IncompleteFlushException.class, () -> em.getTransaction().commit());
            assertEquals(40, e.writtenKeys().size() + e.unwrittenKeys().size());
            assertEquals(25, e.writtenKeys().size(), "the first batch landed");
            unit.calls().fault(null);
            em.getTransaction().commit();
            em.close();
            List<Map<String, AttributeValue>> items = items(unit, "Account");
            assertTrue(items.stream().allMatch(i -> i.get("name").s().endsWith("!")), "every change landed once");
            assertTrue(items.stream().allMatch(i -> i.get("createdBy").s().equals("admin")), "no retry wrote the forbidden value");
        }
    }

    @Test
    void aLostResponseOfAVersionedUpdateIsConfirmedAndTheNotUpdatableValueStays() {
        try (TestUnit unit = TestUnit.of(Ledger.class).build()) {
            unit.inTransaction(em -> {
                Ledger l = new Ledger();
                l.id = "l1";
                l.name = "Main";
                l.createdBy = "admin";
                em.persist(l);
            });
            unit.calls().fault(Faults.lostResponse("updateItem"));
            unit.inTransaction(em -> {
                Ledger l = em.find(Ledger.class, "l1");
                l.name = "Main 2";
                l.createdBy = "intruder";
            });
            unit.calls().fault(null);
            Map<String, AttributeValue> item = items(unit, "Ledger").get(0);
            assertEquals("Main 2", item.get("name").s());
            assertEquals("admin", item.get("createdBy").s());
            assertEquals("1", item.get("version").n(), "applied once");
        }
    }

    @Test
    void aThrottledWriteThatRemovesAForeignKeyItsReadOnlyTwinMapsIsRetriedAndRemovesIt() {
        try (TestUnit unit = TestUnit.of(Dept.class, Manager.class).build()) {
            unit.inTransaction(em -> {
                Dept d = new Dept();
                d.id = 1;
                d.name = "Sales";
                em.persist(d);
                Manager m = new Manager();
                m.id = "m1";
                m.dept = d;
                em.persist(m);
            });
            unit.calls().fault(Faults.throttleFirst(2));
            unit.inTransaction(em -> em.find(Manager.class, "m1").dept = null);
            unit.calls().fault(null);
            assertFalse(items(unit, "Manager").get(0).containsKey("dept_id"));
        }
    }
}
