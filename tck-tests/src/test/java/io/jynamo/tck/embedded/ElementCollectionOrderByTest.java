package io.jynamo.tck.embedded;

import io.jynamo.tck.support.Logs;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @OrderBy} on an element collection orders its elements when they are read (and writes them in that order),
 * by value or, for embeddables, by their attributes with dot notation (the official TCK's annotations/orderby models).
 */
class ElementCollectionOrderByTest {

    @Entity
    public static class Tagged {
        @Id
        public String id;
        @ElementCollection
        @OrderBy("DESC")
        public List<String> tags = new ArrayList<>();
        @ElementCollection
        @OrderBy
        public Set<Integer> scores = new java.util.LinkedHashSet<>();
    }

    @Embeddable
    public static class Zip {
        public String zip;

        public Zip() {
        }

        Zip(String zip) {
            this.zip = zip;
        }
    }

    @Embeddable
    public static class Address {
        public String street;
        @Embedded
        public Zip zipcode;

        public Address() {
        }

        Address(String street, String zip) {
            this.street = street;
            this.zipcode = zip == null ? null : new Zip(zip);
        }

        @Override
        public String toString() {
            return street;
        }
    }

    @Entity
    public static class Person {
        @Id
        public String id;
        @ElementCollection
        @OrderBy("zipCode.zip DESC, street") // the attribute is zipcode: another case matches, as the TCK writes it
        public List<Address> addresses = new ArrayList<>();
    }

    @Entity
    public static class BadPath {
        @Id
        public String id;
        @ElementCollection
        @OrderBy("zipcode.code")
        public List<Address> addresses = new ArrayList<>();
    }

    @Entity
    public static class Keyed {
        @Id
        public String id;
        @ElementCollection
        @OrderBy
        public Map<String, String> labels = new java.util.HashMap<>();
    }

    private TestUnit unit;

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
    }

    @Test
    void basicElementsLoadInTheirValuesOrder() {
        unit = TestUnit.of(Tagged.class).build();
        Tagged t = new Tagged();
        t.id = "t1";
        t.tags.addAll(List.of("b", "c", "a"));
        t.scores.addAll(List.of(3, 1, 2));
        unit.inTransaction(em -> em.persist(t));
        Tagged read = unit.fromTransaction(em -> em.find(Tagged.class, "t1"));
        assertEquals(List.of("c", "b", "a"), new ArrayList<>(read.tags));
        assertEquals(List.of(1, 2, 3), new ArrayList<>(read.scores));
    }

    @Test
    void embeddableElementsOrderByTheirAttributesNestedOnesByDotNotation() {
        // Snapshot dirty checking compares every loaded entity's item with what was read: the order must not differ.
        unit = TestUnit.of(Person.class).property("jynamo.dirty-checking", "snapshot").build();
        Person p = new Person();
        p.id = "p1";
        p.addresses.addAll(List.of(new Address("b", "01801"), new Address("a", "88444"), new Address("c", null),
                new Address("a", "01801")));
        unit.inTransaction(em -> em.persist(p));
        List<String> order = unit.fromTransaction(em -> em.find(Person.class, "p1").addresses.stream()
                .map(a -> a.street + ":" + (a.zipcode == null ? null : a.zipcode.zip)).toList());
        assertEquals(List.of("a:88444", "a:01801", "b:01801", "c:null"), order, "zip descending (null last), then street");
        java.util.List<AttributeValue> stored = unit.calls().client().getItem(g -> g.tableName(unit.prefix() + "Person")
                .key(Map.of("id", AttributeValue.fromS("p1")))).item().get("addresses").l();
        assertEquals("a", stored.get(0).m().get("street").s(), "written in that order too");
        unit.calls().reset();
        unit.inTransaction(em -> em.find(Person.class, "p1").id.length());
        assertEquals(0, unit.calls().count("putItem") + unit.calls().count("batchWriteItem"),
                "an item Jynamo wrote reads back unchanged: nothing to write");
    }

    @Test
    void aPathNamingNoAttributeIsRefusedAtBootstrap() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> TestUnit.of(BadPath.class).build());
        assertTrue(e.getMessage().contains("addresses") && e.getMessage().contains("zipcode.code"), e.getMessage());
    }

    @Test
    void onAMapItIsNotAppliedAndBootstrapSaysSo() {
        List<LogRecord> records = Logs.during("io.jynamo", () -> TestUnit.of(Keyed.class).build().close());
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING && r.getMessage().contains("labels")
                && r.getMessage().contains("@OrderBy")), "a warning naming the attribute");
    }
}
