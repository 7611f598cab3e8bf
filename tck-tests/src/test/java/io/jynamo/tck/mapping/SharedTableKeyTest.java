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
 * Entities may share a table, but a DynamoDB table has one key schema and case-sensitive attribute names: entities
 * that store different keys there are named at bootstrap, since DynamoDB will refuse the writes of one of them.
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

    @Test
    void keysThatDifferOnlyInCaseAreNamedAtBootstrap() {
        List<LogRecord> records = Logs.during("io.jynamo", () -> {
            try (TestUnit unit = TestUnit.of(Lower.class, Upper.class).build()) {
                Lower l = new Lower();
                l.id = 1L;
                unit.inTransaction(em -> em.persist(l));
                assertNotNull(unit.fromTransaction(em -> em.find(Lower.class, 1L)), "the entity the table's key fits works");
            }
        });
        List<LogRecord> shared = warnings(records);
        assertEquals(1, shared.size(), records.toString());
        String m = shared.get(0).getMessage();
        assertTrue(m.contains("Entities " + Lower.class.getName() + " and " + Upper.class.getName()) && m.contains("with "
                + "different keys (partition key 'id' NUMBER and partition key 'ID' NUMBER)") && m.contains("@Column(name) on the @Id"), m);
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
