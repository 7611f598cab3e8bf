package io.jynamo.tck.mapping;

import io.jynamo.tck.model.AllTypes;
import io.jynamo.tck.model.Color;
import io.jynamo.tck.model.Customer;
import io.jynamo.tck.model.Invoice;
import io.jynamo.tck.model.MoneyConverter;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Items written by other programs with attributes of unexpected types or contents (issue 8, item 3):
 * loading them fails with a PersistenceException naming table, key, attribute, stored and expected type,
 * instead of loading a wrong or null value that a later write would store over the real one.
 */
class StrictReadTest {

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(AllTypes.class, Customer.class, Invoice.class, MoneyConverter.class, Blob.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }

    private static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    private static void put(String entity, String id, String attribute, AttributeValue value) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", s(id));
        item.put(attribute, value);
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + entity).item(item));
    }

    private static PersistenceException loadFails(Class<?> type, String id) {
        return assertThrows(PersistenceException.class,
                () -> unit.inTransaction(em -> em.find(type, id)));
    }

    static Stream<Arguments> unreadableBasics() {
        return Stream.of(
                Arguments.of("text", n("5"), "N 5", "S (java.lang.String)"),
                Arguments.of("anInteger", s("5"), "S \"5\"", "N (java.lang.Integer)"),
                Arguments.of("anInt", n("2147483648"), "N 2147483648", "out of the range of Integer"),
                Arguments.of("aLong", n("1.5"), "N 1.5", "not a whole number"),
                Arguments.of("aLongObject", n("9223372036854775808"), "N 9223372036854775808", "out of the range of Long"),
                Arguments.of("aShort", n("40000"), "N 40000", "out of the range of Short"),
                Arguments.of("aByte", n("128"), "N 128", "out of the range of Byte"),
                Arguments.of("aDouble", AttributeValue.fromBool(true), "BOOL true", "N (java.lang.Double)"),
                Arguments.of("aFloat", n("1E+100"), "N 1E+100", "beyond the range of float"),
                Arguments.of("aFloatObject", n("1E-100"), "N 1E-100", "beyond the range of float"),
                Arguments.of("aBoolean", s("yes"), "S \"yes\"", "BOOL (java.lang.Boolean)"),
                Arguments.of("aBooleanObject", n("1"), "N 1", "BOOL (java.lang.Boolean)"),
                Arguments.of("aChar", s("ab"), "S \"ab\"", "exactly one UTF-16 unit"),
                Arguments.of("bigDecimal", s("1.5"), "S \"1.5\"", "N (java.math.BigDecimal)"),
                Arguments.of("bigInteger", n("1.5"), "N 1.5", "not a whole number"),
                Arguments.of("bytes", s("abc"), "S \"abc\"", "B (byte[])"),
                Arguments.of("uuid", s("1-2-3-4-5"), "S \"1-2-3-4-5\"", "not a UUID"),
                Arguments.of("uuid", s("nope"), "S \"nope\"", "not a UUID"),
                Arguments.of("ordinalColor", n("7"), "N 7", "no constant of ordinal 7"),
                Arguments.of("ordinalColor", s("RED"), "S \"RED\"", "N (ordinal of io.jynamo.tck.model.Color)"),
                Arguments.of("namedColor", s("PURPLE"), "S \"PURPLE\"", "not a constant of Color"),
                Arguments.of("namedColor", n("1"), "N 1", "S (io.jynamo.tck.model.Color)"),
                Arguments.of("instant", s("yesterday"), "S \"yesterday\"", "not a Instant in the stored form"),
                Arguments.of("localDate", s("29/02/2024"), "S \"29/02/2024\"", "not a LocalDate"),
                Arguments.of("localDateTime", n("1"), "N 1", "S (java.time.LocalDateTime)"),
                Arguments.of("offsetDateTime", s("2024-02-30T00:00:00.000000000Z"), "S \"2024-02-30", "not a OffsetDateTime"),
                Arguments.of("localTime", s("25:00:00.000000000"), "S \"25:00", "not a LocalTime"),
                Arguments.of("duration", s("PT1S"), "S \"PT1S\"", "N (java.time.Duration in nanoseconds)"));
    }

    @ParameterizedTest(name = "{0} stored as {2}")
    @MethodSource("unreadableBasics")
    void aBasicAttributeOfUnexpectedTypeOrContentFailsToLoadNamingTableKeyAttributeAndTypes(
            String attribute, AttributeValue stored, String shownStored, String expected) {
        String id = "f-" + attribute + "-" + shownStored.hashCode();
        put("AllTypes", id, attribute, stored);
        PersistenceException e = loadFails(AllTypes.class, id);
        String m = e.getMessage();
        assertTrue(m.contains("attribute '" + attribute + "'"), m);
        assertTrue(m.contains("AllTypes{id=" + id + "}"), m);
        assertTrue(m.contains("table '" + unit.prefix() + "AllTypes'"), m);
        assertTrue(m.contains("stored as " + shownStored), m);
        assertTrue(m.contains(expected), m);
    }

    @Test
    void theIssuesItemIsRefusedRatherThanLoadedWithANullThatACommitWouldErase() {
        Map<String, AttributeValue> item = Map.of("id", s("f1"), "text", n("5"), "anInt", n("1"));
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "AllTypes").item(item));
        assertThrows(PersistenceException.class, () -> unit.inTransaction(em -> {
            AllTypes t = em.find(AllTypes.class, "f1");
            t.anInt = 2;
        }));
        Map<String, AttributeValue> after = TestUnit.sharedClient()
                .getItem(b -> b.tableName(unit.prefix() + "AllTypes").key(Map.of("id", s("f1")))).item();
        assertEquals(item, after);
    }

    @Test
    void wholeNumbersInAnyExactFormReadIntoIntegralTypes() {
        Map<String, AttributeValue> item = Map.of("id", s("exact"), "anInt", n("5.0"), "aLong", n("7E+2"),
                "bigInteger", n("1.0E+3"), "ordinalColor", n("2.00"));
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "AllTypes").item(item));
        AllTypes t = unit.fromTransaction(em -> em.find(AllTypes.class, "exact"));
        assertEquals(5, t.anInt);
        assertEquals(700L, t.aLong);
        assertEquals(BigInteger.valueOf(1000), t.bigInteger);
        assertEquals(Color.BLUE, t.ordinalColor);
    }

    @Test
    void aDynamoDbNullReadsAsNullOrTheDefaultOfAPrimitive() {
        AttributeValue nul = AttributeValue.fromNul(true);
        Map<String, AttributeValue> item = Map.of("id", s("nul"), "text", nul, "anInt", nul, "anInteger", nul,
                "bigDecimal", nul, "aLong", nul, "aShort", nul, "aByte", nul, "aBoolean", nul);
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "AllTypes").item(item));
        AllTypes t = unit.fromTransaction(em -> em.find(AllTypes.class, "nul"));
        assertNull(t.text);
        assertEquals(0, t.anInt);
        assertNull(t.anInteger);
        assertNull(t.bigDecimal);
        assertEquals(0L, t.aLong);
        assertEquals((short) 0, t.aShort);
        assertEquals((byte) 0, t.aByte);
        assertFalse(t.aBoolean);
        Customer c = new Customer("nul");
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "Customer")
                .item(Map.of("id", s("nul"), "address", nul, "tags", nul)));
        Customer read = unit.fromTransaction(em -> em.find(Customer.class, "nul"));
        assertNull(read.address);
        assertTrue(read.tags.isEmpty());
        assertEquals(c.labels, read.labels);
    }

    @Test
    void refreshingAnItemThatLostAttributesSetsThemToNullOrTheDefaultOfAPrimitive() {
        AllTypes t = new AllTypes();
        t.id = "lost";
        t.text = "kept?";
        t.anInt = 5;
        t.aLong = 6;
        t.aBoolean = true;
        unit.inTransaction(em -> em.persist(t));
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "AllTypes").item(Map.of("id", s("lost"))));
        unit.inTransaction(em -> {
            AllTypes read = em.find(AllTypes.class, "lost");
            read.text = "changed";
            read.anInt = 7;
            read.aLong = 8;
            read.aBoolean = true;
            em.refresh(read);
            assertNull(read.text);
            assertEquals(0, read.anInt);
            assertEquals(0L, read.aLong);
            assertFalse(read.aBoolean);
        });
    }

    static Stream<Arguments> unreadableCollections() {
        return Stream.of(
                Arguments.of("address", s("Main St"), "address", "S \"Main St\"", "M (io.jynamo.tck.model.Address)"),
                Arguments.of("address", AttributeValue.fromM(Map.of("number", s("7"))), "address.number", "S \"7\"",
                        "N (java.lang.Integer)"),
                Arguments.of("tags", AttributeValue.fromSs(List.of("a")), "tags", "SS [\"a\"]", "L, a list of S"),
                Arguments.of("labels", AttributeValue.fromL(List.of(s("a"))), "labels", "L 1 elements",
                        "SS, a set of S (java.lang.String)"),
                Arguments.of("scores", AttributeValue.fromSs(List.of("1")), "scores", "SS", "NS, a set of N"),
                Arguments.of("scores", AttributeValue.fromNs(List.of("1", "1.5")), "scores", "N 1.5", "not a whole number"),
                Arguments.of("history", AttributeValue.fromL(List.of(n("1"), s("x"))), "history[1]", "S \"x\"",
                        "N (java.lang.Integer)"),
                Arguments.of("history", AttributeValue.fromNs(List.of("1")), "history", "NS [1]", "L, a list of N"));
    }

    @ParameterizedTest(name = "{2} stored as {3}")
    @MethodSource("unreadableCollections")
    void collectionsAndEmbeddablesOfUnexpectedShapeFailToLoadNamingThePath(
            String attribute, AttributeValue stored, String path, String shownStored, String expected) {
        String id = "c-" + path + "-" + shownStored.hashCode();
        put("Customer", id, attribute, stored);
        String m = loadFails(Customer.class, id).getMessage();
        assertTrue(m.contains("attribute '" + path + "' of Customer{id=" + id + "}"), m);
        assertTrue(m.contains("table '" + unit.prefix() + "Customer'"), m);
        assertTrue(m.contains("stored as " + shownStored), m);
        assertTrue(m.contains(expected), m);
    }

    @Test
    void aBinarySetStoredAsAListFailsToLoad() {
        put("Blob", "b1", "parts", AttributeValue.fromL(List.of(AttributeValue.fromB(SdkBytes.fromUtf8String("x")))));
        String m = loadFails(Blob.class, "b1").getMessage();
        assertTrue(m.contains("attribute 'parts'") && m.contains("stored as L") && m.contains("expected BS"), m);
        put("Blob", "b2", "parts", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))));
        Blob b = unit.fromTransaction(em -> em.find(Blob.class, "b2"));
        assertEquals("x", new String(b.parts.iterator().next()));
    }

    @Test
    void aConverterSeesOnlyItsDatabaseTypeAndItsFailureIsAPersistenceExceptionNamingTheAttribute() {
        put("Invoice", "i1", "total", n("5"));
        String m = loadFails(Invoice.class, "i1").getMessage();
        assertTrue(m.contains("attribute 'total'") && m.contains("stored as N 5") && m.contains("expected S (java.lang.String)"), m);
        put("Invoice", "i2", "total", s("abc"));
        PersistenceException e = loadFails(Invoice.class, "i2");
        assertTrue(e.getMessage().contains("attribute 'total' of Invoice{id=i2}")
                && e.getMessage().contains("converter io.jynamo.tck.model.MoneyConverter refused it"), e.getMessage());
        assertTrue(e.getCause() instanceof NumberFormatException, String.valueOf(e.getCause()));
    }

    @Test
    void queriesRefuseUnreadableValuesToo() {
        put("AllTypes", "q1", "anInteger", s("x"));
        String m = assertThrows(PersistenceException.class, () -> unit.inTransaction(em ->
                em.createQuery("select t from AllTypes t where t.id = 'q1'", AllTypes.class).getResultList())).getMessage();
        assertTrue(m.contains("attribute 'anInteger' of AllTypes{id=q1}"), m);
        String p = assertThrows(PersistenceException.class, () -> unit.inTransaction(em ->
                em.createQuery("select t.anInteger from AllTypes t where t.id = 'q1'", Integer.class).getResultList()))
                .getMessage();
        assertTrue(p.contains("attribute 'anInteger'") && p.contains("N (java.lang.Integer)"), p);
    }
}
