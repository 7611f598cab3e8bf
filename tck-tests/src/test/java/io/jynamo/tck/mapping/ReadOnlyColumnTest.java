package io.jynamo.tck.mapping;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Version;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code insertable}/{@code updatable} of {@code @Column} and {@code @JoinColumn}: what a persist and a change
 * write, and one attribute mapped twice (a foreign key read as a plain attribute, or the reverse).
 */
class ReadOnlyColumnTest {

    @Entity
    public static class Account {
        @Id
        public String id;
        public String name;
        @Column(updatable = false)
        public String createdBy;
        @Column(insertable = false)
        public String closedBy;
        @Column(name = "audit", insertable = false, updatable = false)
        public String audit;

        public Account() {
        }

        Account(String id, String name, String createdBy) {
            this.id = id;
            this.name = name;
            this.createdBy = createdBy;
        }
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

        public Dept() {
        }

        Dept(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** The foreign key written through a plain attribute, the relationship only read from it. */
    @Entity
    public static class Clerk {
        @Id
        public String id;
        @Column(name = "dept_id")
        public Long deptId;
        @ManyToOne
        @JoinColumn(name = "dept_id", insertable = false, updatable = false)
        public Dept dept;
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

    /** As the official TCK's annotations/mapkey Employee2: a relationship that never writes its foreign key. */
    @Entity
    public static class Visitor {
        @Id
        public String id;
        @ManyToOne
        @JoinColumn(name = "FK_DEPT", insertable = false, updatable = false)
        public Dept dept;
    }

    @Entity
    public static class Twice {
        @Id
        public String id;
        @Column(name = "dept_id")
        public Long deptId;
        @ManyToOne
        @JoinColumn(name = "dept_id")
        public Dept dept;
    }

    private TestUnit unit;

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
    }

    private Map<String, AttributeValue> item(String table, String id) {
        return unit.calls().client().getItem(g -> g.tableName(unit.prefix() + table)
                .key(Map.of("id", AttributeValue.fromS(id)))).item();
    }

    private void putItem(String table, Map<String, AttributeValue> item) {
        unit.calls().client().putItem(p -> p.tableName(unit.prefix() + table).item(item));
    }

    @Test
    void aPersistLeavesOutTheAttributesThatAreNotInsertable() {
        unit = TestUnit.of(Account.class).build();
        unit.inTransaction(em -> {
            Account a = new Account("a1", "Ada", "admin");
            a.closedBy = "nobody yet";
            a.audit = "set by the application";
            em.persist(a);
        });
        assertEquals(Map.of("id", AttributeValue.fromS("a1"), "name", AttributeValue.fromS("Ada"),
                "createdBy", AttributeValue.fromS("admin")), item("Account", "a1"));
        Account read = unit.fromTransaction(em -> em.find(Account.class, "a1"));
        assertNull(read.closedBy);
        assertNull(read.audit);
    }

    @Test
    void aChangeKeepsTheStoredValueOfAnAttributeThatIsNotUpdatable() {
        unit = TestUnit.of(Account.class).build();
        unit.inTransaction(em -> em.persist(new Account("a1", "Ada", "admin")));
        unit.inTransaction(em -> {
            Account a = em.find(Account.class, "a1");
            a.createdBy = "intruder";
            a.name = "Ada L.";
            a.closedBy = "Bob";
        });
        Map<String, AttributeValue> item = item("Account", "a1");
        assertEquals("admin", item.get("createdBy").s());
        assertEquals("Ada L.", item.get("name").s());
        assertEquals("Bob", item.get("closedBy").s(), "insertable = false, but updatable");
        unit.calls().reset();
        unit.inTransaction(em -> em.find(Account.class, "a1").createdBy = "intruder");
        assertEquals(0, unit.calls().count("putItem") + unit.calls().count("batchWriteItem")
                + unit.calls().count("updateItem"), "a change of a non-updatable attribute alone writes nothing");
    }

    @Test
    void aLaterFlushWritesANotInsertableAttributeOnlyOnceItChanges() {
        // As the official TCK's annotations/mapkey Employee4 set-up does: persist, flush, commit, one instance made by new.
        unit = TestUnit.of(Account.class).build();
        jakarta.persistence.EntityManager em = unit.emf().createEntityManager();
        try {
            em.getTransaction().begin();
            Account a = new Account("a1", "Ada", "admin");
            a.closedBy = "early";
            em.persist(a);
            em.flush();
            em.getTransaction().commit();
            assertFalse(item("Account", "a1").containsKey("closedBy"), "neither the persist nor the commit's flush");
            em.getTransaction().begin();
            a.closedBy = "Bob";
            em.getTransaction().commit();
            assertEquals("Bob", item("Account", "a1").get("closedBy").s(), "updatable: a change of it is written");
        } finally {
            em.close();
        }
    }

    @Test
    void aReadOnlyAttributeIsReadAndAWholeItemPutKeepsWhatAnotherProgramStored() {
        unit = TestUnit.of(Account.class).build();
        putItem("Account", Map.of("id", AttributeValue.fromS("a1"), "name", AttributeValue.fromS("Ada"),
                "audit", AttributeValue.fromS("checked")));
        unit.inTransaction(em -> {
            Account a = em.find(Account.class, "a1");
            assertEquals("checked", a.audit);
            a.audit = null;
            a.name = "Ada L.";
        });
        assertEquals("checked", item("Account", "a1").get("audit").s());
    }

    @Test
    void anUpdateItemOfAVersionedEntitySetsNoNonUpdatableAttribute() {
        unit = TestUnit.of(Ledger.class).build();
        unit.inTransaction(em -> {
            Ledger l = new Ledger();
            l.id = "l1";
            l.name = "Main";
            l.createdBy = "admin";
            em.persist(l);
        });
        unit.calls().reset();
        unit.inTransaction(em -> {
            Ledger l = em.find(Ledger.class, "l1");
            l.createdBy = "intruder";
            l.name = "Main 2";
        });
        UpdateItemRequest update = unit.calls().<UpdateItemRequest>requests("updateItem").get(0);
        assertFalse(update.expressionAttributeNames().containsValue("createdBy"), update.updateExpression());
        assertEquals("admin", item("Ledger", "l1").get("createdBy").s());
        assertEquals("1", item("Ledger", "l1").get("version").n());
    }

    @Test
    void aForeignKeyWrittenThroughAPlainAttributeLoadsTheRelationship() {
        unit = TestUnit.of(Dept.class, Clerk.class).build();
        unit.inTransaction(em -> {
            em.persist(new Dept(1, "Sales"));
            em.persist(new Dept(2, "Support"));
            Clerk c = new Clerk();
            c.id = "c1";
            c.deptId = 1L;
            c.dept = em.find(Dept.class, 2L); // read-only: not what is stored
            em.persist(c);
        });
        assertEquals("1", item("Clerk", "c1").get("dept_id").n());
        unit.inTransaction(em -> {
            Clerk c = em.find(Clerk.class, "c1");
            assertEquals("Sales", c.dept.name);
            c.deptId = 2L;
        });
        assertEquals("Support", unit.fromTransaction(em -> em.find(Clerk.class, "c1").dept.name));
        assertEquals(1, unit.fromTransaction(em -> em.createQuery("SELECT c FROM Clerk c WHERE c.dept.id = 2", Clerk.class)
                .getResultList()).size());
    }

    @Test
    void aForeignKeyWrittenThroughTheRelationshipIsReadByAPlainAttribute() {
        unit = TestUnit.of(Dept.class, Manager.class).build();
        unit.inTransaction(em -> {
            Dept d = new Dept(1, "Sales");
            em.persist(d);
            Manager m = new Manager();
            m.id = "m1";
            m.dept = d;
            m.deptId = 99L; // read-only: not what is stored
            em.persist(m);
        });
        assertEquals("1", item("Manager", "m1").get("dept_id").n());
        unit.inTransaction(em -> {
            Manager m = em.find(Manager.class, "m1");
            assertEquals(1L, m.deptId);
            m.dept = null;
        });
        assertFalse(item("Manager", "m1").containsKey("dept_id"), "the relationship removed its key; the read-only twin kept nothing");
        assertNull(unit.fromTransaction(em -> em.find(Manager.class, "m1").deptId));
    }

    @Test
    void aRelationshipWhoseJoinColumnIsReadOnlyNeverWritesIt() {
        unit = TestUnit.of(Dept.class, Visitor.class).build();
        unit.inTransaction(em -> {
            Dept d = new Dept(1, "Sales");
            em.persist(d);
            Visitor v = new Visitor();
            v.id = "v1";
            v.dept = d;
            em.persist(v);
        });
        assertEquals(Map.of("id", AttributeValue.fromS("v1")), item("Visitor", "v1"));
        assertNull(unit.fromTransaction(em -> em.find(Visitor.class, "v1").dept));
        putItem("Visitor", Map.of("id", AttributeValue.fromS("v2"), "FK_DEPT", AttributeValue.fromN("1")));
        unit.inTransaction(em -> {
            Visitor v = em.find(Visitor.class, "v2");
            assertEquals("Sales", v.dept.name);
            v.dept = null;
        });
        assertEquals("1", item("Visitor", "v2").get("FK_DEPT").n(), "the stored key stays");
    }

    @Test
    void twoMappingsThatBothWriteOneAttributeAreRefusedAtBootstrap() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> TestUnit.of(Dept.class, Twice.class).build());
        assertTrue(e.getMessage().contains("'dept_id'") && e.getMessage().contains("insertable = false, updatable = false"),
                e.getMessage());
    }
}
