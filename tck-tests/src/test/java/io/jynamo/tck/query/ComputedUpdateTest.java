package io.jynamo.tck.query;

import io.jynamo.JynamoException;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk UPDATE with SET values DynamoDB cannot compute ({@code SET e.salary = e.salary * 2}, {@code SET e.a = e.b},
 * NULLIF, CASE ...): computed in Java from each item read, and written only if what they were computed from is
 * unchanged, so that no concurrent write is lost and no resent write applies twice.
 */
class ComputedUpdateTest {

    @Entity
    @Table(name = "staff")
    public static class Staff {
        @Id
        public String id;
        public String dept;
        public int salary;
        public Long bonus;
        public String title;

        public Staff() {
        }

        Staff(String id, String dept, int salary, Long bonus, String title) {
            this.id = id;
            this.dept = dept;
            this.salary = salary;
            this.bonus = bonus;
            this.title = title;
        }
    }

    private TestUnit unit;

    @BeforeEach
    void data() {
        unit = TestUnit.of(Staff.class).property("jynamo.scan", "allow").property("jynamo.parallelism", "1").build();
        unit.inTransaction(em -> {
            em.persist(new Staff("a", "x", 100, 10L, "dev"));
            em.persist(new Staff("b", "x", 200, null, "lead"));
            em.persist(new Staff("c", "x", 300, 30L, "dev"));
            em.persist(new Staff("d", "y", 400, 40L, "dev"));
        });
        unit.calls().reset();
    }

    @AfterEach
    void close() {
        unit.close();
    }

    private Staff find(String id) {
        return unit.withEntityManager(em -> em.find(Staff.class, id));
    }

    private int execute(String jpql) {
        return unit.fromTransaction(em -> em.createQuery(jpql).executeUpdate());
    }

    /** Sets attribute {@code salary} of item {@code id} with the raw SDK, as another writer would. */
    private void setSalary(String id, int salary) {
        TestUnit.sharedClient().updateItem(b -> b.tableName(unit.prefix() + "staff")
                .key(Map.of("id", AttributeValue.fromS(id))).updateExpression("SET salary = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromN(Integer.toString(salary)))));
    }

    @Test
    void aSetValueComputedFromTheItemsOwnAttributesIsWrittenForEachItemRead() {
        assertEquals(3, execute("UPDATE Staff s SET s.salary = s.salary * 2, s.title = UPPER(s.title) WHERE s.dept = 'x'"));
        assertEquals(200, find("a").salary);
        assertEquals(400, find("b").salary);
        assertEquals(600, find("c").salary);
        assertEquals("LEAD", find("b").title);
        assertEquals(400, find("d").salary, "not matching the WHERE");
        assertEquals(1, unit.calls().count("scan"), "one read, of the keys and what the values read");
        assertEquals(3, unit.calls().count("updateItem"), "one conditional write an item");
        UpdateItemRequest write = unit.calls().<UpdateItemRequest>requests("updateItem").get(0);
        assertTrue(write.conditionExpression().contains(" = :jynamoS"), "written only if salary and title are as read: "
                + write.conditionExpression());
    }

    @Test
    void aNullResultRemovesTheAttribute() {
        assertEquals(4, execute("UPDATE Staff s SET s.bonus = s.bonus * 2, s.title = NULLIF(s.title, 'dev')"));
        assertEquals(20L, find("a").bonus);
        assertNull(find("b").bonus, "NULL * 2 is NULL");
        assertNull(find("a").title);
        assertEquals("lead", find("b").title);
    }

    @Test
    void aSetValueMayBeAnotherAttributeOrACase() {
        execute("UPDATE Staff s SET s.title = s.dept WHERE s.id = 'a'");
        assertEquals(1, unit.calls().count("getItem"), "a keyed UPDATE computing its values reads the item first");
        assertEquals(1, unit.calls().count("updateItem"));
        assertEquals("x", find("a").title);
        execute("UPDATE Staff s SET s.salary = CASE WHEN s.salary > 250 THEN s.salary - 50 ELSE s.salary + 50 END");
        assertEquals(150, find("a").salary);
        assertEquals(250, find("c").salary);
    }

    @Test
    void aKeyedUpdateRunAgainWithOtherKeysComputesItsValuesEachTime() {
        for (var ids : java.util.List.of(java.util.List.of("a", "b"), java.util.List.of("c", "d"), java.util.List.of("a"))) {
            int updated = unit.fromTransaction(em -> em.createQuery(
                    "UPDATE Staff s SET s.salary = s.salary + s.salary WHERE s.id IN :ids").setParameter("ids", ids).executeUpdate());
            assertEquals(ids.size(), updated);
        }
        assertEquals(400, find("a").salary);
        assertEquals(400, find("b").salary);
        assertEquals(600, find("c").salary);
        assertEquals(800, find("d").salary);
    }

    @Test
    void aCriteriaUpdateSettingAProductIsComputedInJava() {
        int updated = unit.fromTransaction(em -> {
            var cb = em.getCriteriaBuilder();
            var u = cb.createCriteriaUpdate(Staff.class);
            var s = u.from(Staff.class);
            u.set(s.<Integer>get("salary"), cb.prod(s.<Integer>get("salary"), 0)).where(cb.equal(s.get("dept"), "y"));
            return em.createQuery(u).executeUpdate();
        });
        assertEquals(1, updated);
        assertEquals(0, find("d").salary);
    }

    @Test
    void aConcurrentChangeOfWhatAValueIsComputedFromIsNotOverwritten() {
        AtomicBoolean changed = new AtomicBoolean();
        unit.calls().fault((op, request, real) -> {
            if (op.equals("updateItem") && changed.compareAndSet(false, true)) {
                setSalary("a", 150); // between Jynamo's read and its write of item a
            }
            return real.call(request);
        });
        assertEquals(3, execute("UPDATE Staff s SET s.salary = s.salary * 2 WHERE s.dept = 'x'"));
        unit.calls().fault(null);
        assertEquals(300, find("a").salary, "computed again from the other writer's 150, not from the 100 read");
        assertEquals(4, unit.calls().count("updateItem"), "item a written twice: refused, then computed again");
    }

    @Test
    void anItemChangedSoThatItNoLongerMatchesIsSkipped() {
        AtomicBoolean changed = new AtomicBoolean();
        unit.calls().fault((op, request, real) -> {
            if (op.equals("updateItem") && changed.compareAndSet(false, true)) {
                TestUnit.sharedClient().updateItem(b -> b.tableName(unit.prefix() + "staff")
                        .key(Map.of("id", AttributeValue.fromS("a"))).updateExpression("SET dept = :d")
                        .expressionAttributeValues(Map.of(":d", AttributeValue.fromS("z"))));
            }
            return real.call(request);
        });
        assertEquals(2, execute("UPDATE Staff s SET s.salary = s.salary + s.salary WHERE s.dept = 'x'"));
        unit.calls().fault(null);
        assertEquals(100, find("a").salary);
        assertEquals(3, unit.calls().count("updateItem"), "a skipped item is not computed again");
    }

    @Test
    void anItemOthersKeepChangingStopsTheStatementWithoutWritingOverThem() {
        int[] next = {1000};
        unit.calls().fault((op, request, real) -> {
            if (op.equals("updateItem")) {
                setSalary("a", next[0]++);
            }
            return real.call(request);
        });
        EntityManager em = unit.emf().createEntityManager();
        em.getTransaction().begin();
        JynamoException e = assertThrows(JynamoException.class, () -> em.createQuery(
                "UPDATE Staff s SET s.salary = s.salary * 2 WHERE s.id = 'a'").executeUpdate());
        em.getTransaction().rollback();
        em.close();
        unit.calls().fault(null);
        assertTrue(e.getMessage().contains("changed 10 times"), e.getMessage());
        assertEquals(next[0] - 1, find("a").salary, "the other writer's last value stands");
    }

    @Test
    void aResentWriteAppliesOnce() {
        // every UpdateItem reaches the engine twice, as when the SDK resends after a lost response
        unit.calls().fault((op, request, real) -> {
            if (op.equals("updateItem")) {
                real.call(request);
            }
            return real.call(request);
        });
        assertEquals(3, execute("UPDATE Staff s SET s.salary = s.salary * 2 WHERE s.dept = 'x'"));
        unit.calls().fault(null);
        assertEquals(200, find("a").salary, "doubled once");
        assertEquals(600, find("c").salary);
    }

    @Test
    void aValueThatDoesNotFitTheAttributeIsRefused() {
        IllegalArgumentException decimal = assertThrows(IllegalArgumentException.class,
                () -> execute("UPDATE Staff s SET s.salary = s.salary * 1.5"));
        assertTrue(decimal.getMessage().contains("CAST(... AS Integer)"), decimal.getMessage());
        assertEquals(0, unit.calls().total(), "refused before any call");
        assertEquals(4, execute("UPDATE Staff s SET s.salary = CAST(s.salary * 1.5 AS Integer)"));
        assertEquals(150, find("a").salary);
        JynamoException overflow = assertThrows(JynamoException.class,
                () -> execute("UPDATE Staff s SET s.salary = s.salary * 100000000 WHERE s.id = 'a'"));
        assertTrue(overflow.getMessage().contains("15000000000, which is not a Integer"), overflow.getMessage());
        assertEquals(150, find("a").salary, "nothing written");
    }
}
