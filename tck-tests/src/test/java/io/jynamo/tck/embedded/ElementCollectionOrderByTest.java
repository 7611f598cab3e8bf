package io.jynamo.tck.embedded;

import io.jynamo.tck.support.Logs;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OrderBy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @OrderBy} on an element collection is not applied, and Jynamo says so at bootstrap rather than silently. */
class ElementCollectionOrderByTest {

    @Entity
    public static class Tagged {
        @Id
        public String id;
        @ElementCollection
        @OrderBy("DESC")
        public List<String> tags = new ArrayList<>();
    }

    @Test
    void bootstrapWarnsNamingTheAttributeAndTheListLoadsInItsStoredOrder() {
        List<LogRecord> records = Logs.during("io.jynamo", () -> {
            try (TestUnit unit = TestUnit.of(Tagged.class).build()) {
                Tagged t = new Tagged();
                t.id = "t1";
                t.tags.addAll(List.of("b", "c", "a"));
                unit.inTransaction(em -> em.persist(t));
                assertEquals(List.of("b", "c", "a"), unit.fromTransaction(em -> new ArrayList<>(em.find(Tagged.class, "t1").tags)));
            }
        });
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING && r.getMessage().contains("tags")
                && r.getMessage().contains("@OrderBy(\"DESC\")")), "a warning naming the attribute");
    }
}
