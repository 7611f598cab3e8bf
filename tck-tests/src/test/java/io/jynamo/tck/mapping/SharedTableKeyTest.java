package io.jynamo.tck.mapping;

import io.jynamo.tck.support.Logs;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Entities may share a table, but a DynamoDB table has one key schema and case-sensitive attribute names: key columns
 * spelt differently only in case (SQL models' "ID" and "id") are stored under one spelling; entities that store
 * different keys there are named at bootstrap, since DynamoDB will refuse the writes of one of them.
 */
class SharedTableKeyTest {

    @Entity
    @Table(name = "Shared")
    public static class Lower {
        @Id
        public Long id;
        public String note;
    }

    @Entity
    @Table(name = "Shared")
    public static class Upper {
        @Id
        @Column(name = "ID")
        public Long id;
    }

    @Entity
    @Table(name = "Shared")
    public static class SameKey {
        @Id
        public Long id;
        public String other;
    }

    private static List<LogRecord> warnings(List<LogRecord> records) {
        return records.stream().filter(r -> r.getLevel() == Level.WARNING && r.getMessage().contains("table")).toList();
    }

    @Entity
    @Table(name = "Shared")
    public static class Coded {
        @Id
        public String code;
    }

    @Test
    void keysThatDifferOnlyInCaseAreStoredAsTheDeclaredSpellingSoBothEntitiesWork() {
        List<LogRecord> records = Logs.during("io.jynamo", () -> {
            try (TestUnit unit = TestUnit.of(Lower.class, Upper.class).build()) {
                Lower l = new Lower();
                l.id = 1L;
                l.note = "lower";
                Upper u = new Upper();
                u.id = 2L;
                unit.inTransaction(em -> {
                    em.persist(l);
                    em.persist(u);
                });
                assertEquals("lower", unit.fromTransaction(em -> em.find(Lower.class, 1L)).note);
                assertNotNull(unit.fromTransaction(em -> em.find(Upper.class, 2L)));
                var items = unit.calls().client().scan(b -> b.tableName(unit.prefix() + "Shared")).items();
                assertTrue(items.stream().allMatch(i -> i.containsKey("ID") && !i.containsKey("id")), items.toString());
                assertEquals(1L, (long) unit.fromTransaction(em -> em.createQuery("SELECT COUNT(l) FROM Lower l WHERE l.id = 1",
                        Long.class).getSingleResult()));
            }
        });
        assertEquals(List.of(), warnings(records), "one key schema: nothing to warn of");
    }

    @Test
    void keysThatDifferAreNamedAtBootstrap() {
        List<LogRecord> records = Logs.during("io.jynamo", () -> TestUnit.of(Lower.class, Coded.class).build().close());
        List<LogRecord> shared = warnings(records);
        assertEquals(1, shared.size(), records.toString());
        String m = shared.get(0).getMessage();
        assertTrue(m.contains("Entities " + Lower.class.getName() + " and " + Coded.class.getName()) && m.contains("with "
                + "different keys (partition key 'id' NUMBER and partition key 'code' STRING)") && m.contains("@Column(name) on the @Id"), m);
    }

    @Test
    void entitiesWithTheSameKeyShareATableSilently() {
        List<LogRecord> records = Logs.during("io.jynamo", () -> {
            try (TestUnit unit = TestUnit.of(Lower.class, SameKey.class).build()) {
                SameKey s = new SameKey();
                s.id = 2L;
                unit.inTransaction(em -> em.persist(s));
            }
        });
        assertEquals(List.of(), warnings(records).stream().filter(r -> r.getMessage().contains("different keys")).toList());
    }
}
