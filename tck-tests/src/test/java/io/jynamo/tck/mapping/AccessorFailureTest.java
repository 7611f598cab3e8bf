package io.jynamo.tck.mapping;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Getters and setters of property access that fail: their exceptions reach the application as the persistence
 * exceptions they were, each getter and setter runs once, and a stored value that does not fit is still reported
 * by its attribute.
 */
class AccessorFailureTest {

    private static TestUnit unit;

    /** Property access, with a getter that declares a checked exception and a key that can be set once only. */
    @Entity
    public static class Guarded {
        private String id;
        private String name;
        private int count;

        @Id
        public String getId() {
            return id;
        }

        public void setId(String id) {
            if (this.id != null) {
                throw new IllegalStateException("the id of a Guarded is set once");
            }
            this.id = id;
        }

        public String getName() throws IOException {
            if ("unreadable".equals(name)) {
                throw new IOException("name unavailable");
            }
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }
    }

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Guarded.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    @Test
    void aCheckedExceptionOfAGetterFailsTheFlushAsAPersistenceExceptionWithItsCause() {
        Guarded g = new Guarded();
        g.setId("g1");
        g.setName("unreadable");
        PersistenceException e = assertThrows(PersistenceException.class, () -> unit.inTransaction(em -> em.persist(g)));
        Throwable cause = e;
        while (cause != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(IOException.class, cause, "the getter's exception is the cause");
        assertEquals(0, unit.calls().count("putItem") + unit.calls().count("batchWriteItem"));
    }

    @Test
    void anUnreadableValueIsReportedByItsAttributeAndNoSetterRunsTwice() {
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "Guarded").item(Map.of(
                "id", AttributeValue.fromS("g2"), "name", AttributeValue.fromS("Ann"), "count", AttributeValue.fromS("many"))));
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> unit.inTransaction(em -> em.find(Guarded.class, "g2")));
        assertTrue(e.getMessage().contains("attribute 'count'"), e.getMessage());
        assertTrue(e.getMessage().contains("Guarded{id=g2}"), e.getMessage());
    }
}
