package io.jynamo.tck.mapping;

import io.jynamo.tck.model.Address;
import io.jynamo.tck.model.Customer;
import io.jynamo.tck.model.Gadget;
import io.jynamo.tck.model.Invoice;
import io.jynamo.tck.model.Label;
import io.jynamo.tck.model.Money;
import io.jynamo.tck.model.MoneyConverter;
import io.jynamo.tck.model.Note;
import io.jynamo.tck.model.OrderLine;
import io.jynamo.tck.model.Renamed;
import io.jynamo.tck.model.Ticket;
import io.jynamo.tck.model.UpperCaseConverter;
import io.jynamo.tck.support.TestUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attribute mapping beyond basic types: names, transient state, embeddables, collections, converters, access, keys. */
class MappingTest {

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Renamed.class, Customer.class, Address.class, Invoice.class, MoneyConverter.class,
                UpperCaseConverter.class, Gadget.class, Note.class, OrderLine.class, Ticket.class, Label.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static Map<String, AttributeValue> raw(String entityTable, String keyName, String id) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + entityTable)
                .key(Map.of(keyName, AttributeValue.fromS(id))).consistentRead(true)).item();
    }

    /** The item of the last BatchWriteItem put the provider sent. */
    private static Map<String, AttributeValue> lastPut() {
        List<software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest> batches = unit.calls().requests("batchWriteItem");
        var request = batches.get(batches.size() - 1);
        PutRequest put = request.requestItems().values().iterator().next().get(0).putRequest();
        return put.item();
    }

    // JPA 3.2 section 11.1.9 (Column.name): the stored attribute takes the column name.
    @Test
    void columnNameRenamesTheStoredAttribute() {
        unit.calls().reset();
        unit.inTransaction(em -> em.persist(new Renamed("r1", "Ada")));
        Map<String, AttributeValue> sent = lastPut();
        assertEquals(Set.of("pk", "full_name"), sent.keySet());
        Map<String, AttributeValue> item = raw("Renamed", "pk", "r1");
        assertEquals("Ada", item.get("full_name").s());
        assertFalse(item.containsKey("name"));
        Renamed back = unit.fromTransaction(em -> em.find(Renamed.class, "r1"));
        assertEquals("Ada", back.name);
    }

    // JPA 3.2 section 2.3 and 11.1.52 (Transient): transient state is not persisted.
    @Test
    void transientAttributesAreNotStored() {
        Renamed r = new Renamed("r2", "Bob");
        r.scratch = "scratch";
        r.cache = "cache";
        unit.inTransaction(em -> em.persist(r));
        Map<String, AttributeValue> item = raw("Renamed", "pk", "r2");
        assertEquals(Set.of("pk", "full_name"), item.keySet());
        Renamed back = unit.fromTransaction(em -> em.find(Renamed.class, "r2"));
        assertNull(back.scratch);
        assertNull(back.cache);
    }

    // JPA 3.2 section 2.6 / 11.1.15 (Embedded): stored as one map attribute (M).
    @Test
    void embeddedIsStoredAsMap() {
        Customer c = new Customer("c1");
        c.address = new Address("Main St", "12345", 7);
        unit.inTransaction(em -> em.persist(c));
        AttributeValue address = raw("Customer", "id", "c1").get("address");
        assertNotNull(address.m(), "map attribute");
        assertEquals("Main St", address.m().get("street").s());
        assertEquals("12345", address.m().get("zip").s(), "@Column(name) inside the embeddable");
        assertEquals("7", address.m().get("number").n());
        Customer back = unit.fromTransaction(em -> em.find(Customer.class, "c1"));
        assertEquals("Main St", back.address.street);
        assertEquals("12345", back.address.postalCode);
        assertEquals(7, back.address.number);
    }

    @Test
    void embeddedNullIsAbsentAndNullPartsAreNotStored() {
        Customer none = new Customer("c2");
        Customer partial = new Customer("c3");
        partial.address = new Address("Elm", null, null);
        unit.inTransaction(em -> {
            em.persist(none);
            em.persist(partial);
        });
        assertFalse(raw("Customer", "id", "c2").containsKey("address"));
        assertEquals(Set.of("street"), raw("Customer", "id", "c3").get("address").m().keySet());
        assertNull(unit.fromTransaction(em -> em.find(Customer.class, "c2")).address);
        Customer back = unit.fromTransaction(em -> em.find(Customer.class, "c3"));
        assertEquals("Elm", back.address.street);
        assertNull(back.address.postalCode);
    }

    // JPA 3.2 section 11.1.14 (ElementCollection) of basic types.
    @Test
    void elementCollectionsRoundTripAsListAndSets() {
        Customer c = new Customer("c4");
        c.tags.addAll(List.of("b", "a", "b"));
        c.labels.addAll(Set.of("gold", "new"));
        c.scores.addAll(Set.of(3, 1, 2));
        c.history.addAll(List.of(5, 4, 5));
        unit.inTransaction(em -> em.persist(c));
        Map<String, AttributeValue> item = raw("Customer", "id", "c4");
        assertEquals(List.of("b", "a", "b"), item.get("tags").l().stream().map(AttributeValue::s).toList(), "List is L, in order");
        assertEquals(Set.of("gold", "new"), Set.copyOf(item.get("labels").ss()), "Set<String> is SS");
        assertEquals(Set.of("1", "2", "3"), Set.copyOf(item.get("scores").ns()), "Set<Integer> is NS");
        Customer back = unit.fromTransaction(em -> em.find(Customer.class, "c4"));
        assertEquals(List.of("b", "a", "b"), back.tags);
        assertEquals(Set.of("gold", "new"), back.labels);
        assertEquals(Set.of(1, 2, 3), back.scores);
        assertEquals(List.of(5, 4, 5), back.history);
    }

    @Test
    void emptySetIsNotStoredAndReadsBackEmpty() {
        unit.inTransaction(em -> em.persist(new Customer("c5")));
        Map<String, AttributeValue> item = raw("Customer", "id", "c5");
        assertFalse(item.containsKey("labels"), "DynamoDB has no empty sets");
        Customer back = unit.fromTransaction(em -> em.find(Customer.class, "c5"));
        assertNotNull(back.labels);
        assertTrue(back.labels.isEmpty());
    }

    // JPA 3.2 section 3.9 (attribute converters): @Convert and autoApply.
    @Test
    void convertersApplyByAnnotationAndAutoApply() {
        unit.inTransaction(em -> em.persist(new Invoice("i1", new Money(1999, "EUR"), "abc", "plain")));
        Map<String, AttributeValue> item = raw("Invoice", "id", "i1");
        assertEquals("1999 EUR", item.get("total").s(), "autoApply converter");
        assertEquals("ABC", item.get("code").s(), "@Convert converter");
        assertEquals("plain", item.get("note").s(), "a non-autoApply converter is not applied elsewhere");
        Invoice back = unit.fromTransaction(em -> em.find(Invoice.class, "i1"));
        assertEquals(new Money(1999, "EUR"), back.total);
        assertEquals("abc", back.code);
        assertEquals("plain", back.note);
    }

    // JPA 3.2 section 2.3.2: property access maps getters, not fields.
    @Test
    void propertyAccessUsesGettersAndSetters() {
        unit.inTransaction(em -> em.persist(new Gadget("g1", "Widget")));
        Map<String, AttributeValue> item = raw("Gadget", "code", "g1");
        assertEquals(Set.of("code", "title"), item.keySet());
        assertEquals("Widget", item.get("title").s());
        Gadget back = unit.fromTransaction(em -> em.find(Gadget.class, "g1"));
        assertEquals("Widget", back.getName());
        assertEquals("g1", back.getCode());
    }

    // JPA 3.2 section 2.11.2: a mapped superclass's attributes are stored with the entity.
    @Test
    void mappedSuperclassAttributesAreStored() {
        Note n = new Note("n1", "hello");
        n.createdBy = "ada";
        n.createdAt = Instant.parse("2024-05-01T10:00:00Z");
        unit.inTransaction(em -> em.persist(n));
        Map<String, AttributeValue> item = raw("Note", "id", "n1");
        assertEquals("ada", item.get("createdBy").s());
        Note back = unit.fromTransaction(em -> em.find(Note.class, "n1"));
        assertEquals("ada", back.createdBy);
        assertEquals(n.createdAt, back.createdAt);
        assertEquals("hello", back.body);
    }

    // JPA 3.2 section 2.4 (composite primary keys) and 11.1.17 (EmbeddedId).
    @Test
    void embeddedIdCompositeKeyRoundTrips() {
        unit.inTransaction(em -> {
            em.persist(new OrderLine("o1", 1, "apple"));
            em.persist(new OrderLine("o1", 2, "pear"));
        });
        Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "OrderLine")
                .key(Map.of("orderId", AttributeValue.fromS("o1"), "line", AttributeValue.fromN("2")))).item();
        assertEquals("pear", item.get("product").s());
        OrderLine back = unit.fromTransaction(em -> em.find(OrderLine.class, new OrderLine.Key("o1", 2)));
        assertEquals("pear", back.product);
        assertEquals(new OrderLine.Key("o1", 2), back.key);
        assertNull(unit.fromTransaction(em -> em.find(OrderLine.class, new OrderLine.Key("o1", 3))));
        Object id = unit.emf().getPersistenceUnitUtil().getIdentifier(back);
        assertEquals(new OrderLine.Key("o1", 2), id);
    }

    @Test
    void aMergedEntityKeepsItsEmbeddedIdWhenTheApplicationReusesItsKeyObject() {
        unit.inTransaction(em -> {
            OrderLine detached = new OrderLine("m1", 1, "apple");
            OrderLine managed = em.merge(detached);
            detached.key.line = 2; // the application reuses its key object for the next line
            assertEquals(new OrderLine.Key("m1", 1), managed.key);
        });
        Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "OrderLine")
                .key(Map.of("orderId", AttributeValue.fromS("m1"), "line", AttributeValue.fromN("1")))).item();
        assertEquals("apple", item.get("product").s());
        assertNull(unit.fromTransaction(em -> em.find(OrderLine.class, new OrderLine.Key("m1", 2))));
    }

    // JPA 3.2 section 11.1.20 (GeneratedValue, GenerationType.UUID).
    @Test
    void generatedUuidIdOnUuidField() {
        Ticket t = new Ticket("broken printer");
        unit.inTransaction(em -> {
            em.persist(t);
            assertNotNull(t.id, "generated at persist");
        });
        Ticket back = unit.fromTransaction(em -> em.find(Ticket.class, t.id));
        assertEquals("broken printer", back.title);
        Ticket other = new Ticket("other");
        unit.inTransaction(em -> em.persist(other));
        assertNotEquals(t.id, other.id);
    }

    @Test
    void generatedUuidIdOnStringField() {
        Label l = new Label("urgent");
        unit.inTransaction(em -> em.persist(l));
        assertNotNull(l.id);
        assertEquals(l.id, UUID.fromString(l.id).toString(), "a UUID in text form");
        assertEquals("urgent", unit.fromTransaction(em -> em.find(Label.class, l.id)).text);
    }

    @Test
    void generatedValueKeepsAnIdTheApplicationSet() {
        Label l = new Label("preset");
        l.id = "my-own-id";
        unit.inTransaction(em -> em.persist(l));
        assertEquals("my-own-id", l.id);
        assertNotNull(unit.fromTransaction(em -> em.find(Label.class, "my-own-id")));
    }
}
