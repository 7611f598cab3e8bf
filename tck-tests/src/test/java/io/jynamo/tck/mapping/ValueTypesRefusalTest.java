package io.jynamo.tck.mapping;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: reads of the new value types stay strict (a wrong stored type or content fails naming table, key,
 * attribute and types), and what cannot be mapped faithfully fails at bootstrap saying what to do.
 */
class ValueTypesRefusalTest {

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(ValueTypes.class).build();
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

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("utilTimestamp", n("5"), "N 5", "S (java.util.Date)"),
                Arguments.of("utilTimestamp", s("2024-01-01T00:00:00.000000001Z"), "S \"2024-01-01", "finer fraction"),
                Arguments.of("utilDate", s("2024-02-30"), "S \"2024-02-30\"", "not a Date in the stored form uuuu-MM-dd"),
                Arguments.of("utilTime", s("2024-02-01"), "S \"2024-02-01\"", "not a Date in the stored form HH:mm"),
                Arguments.of("calendarTime", s("25:00:00.000000000"), "S \"25:00", "not a Calendar"),
                Arguments.of("calendarTimestamp", AttributeValue.fromBool(true), "BOOL true", "S (java.util.Calendar)"),
                Arguments.of("sqlDate", n("20240101"), "N 20240101", "S (java.sql.Date)"),
                Arguments.of("sqlTime", s("10:00:00.000000500"), "S \"10:00", "finer fraction"),
                Arguments.of("sqlTimestamp", s("2024-01-01 00:00:00"), "S \"2024-01-01 00:00:00\"", "not a Timestamp"),
                Arguments.of("offsetTime", s("10:00:00.000000000+02:00"), "S \"10:00", "not a OffsetTime"),
                Arguments.of("year", s("2024"), "S \"2024\"", "N (java.time.Year)"),
                Arguments.of("year", n("1000000000"), "N 1000000000", "out of the range of Year"),
                Arguments.of("boxedBytes", s("AQ=="), "S \"AQ==\"", "B (java.lang.Byte[])"),
                Arguments.of("chars", n("1"), "N 1", "S ([C)"),
                Arguments.of("boxedChars", AttributeValue.fromSs(List.of("a")), "SS", "S ([Ljava.lang.Character;)"),
                Arguments.of("lobBytes", s("x"), "S \"x\"", "B (byte[])"),
                Arguments.of("lobText", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromUtf8String("x")),
                        "B", "S (java.lang.String)"));
    }

    @ParameterizedTest(name = "{0} stored as {2}")
    @MethodSource("unreadable")
    void aValueOfUnexpectedTypeOrContentFailsToLoadNamingTableKeyAttributeAndTypes(
            String attribute, AttributeValue stored, String shownStored, String expected) {
        String id = "bad-" + attribute + "-" + shownStored.hashCode();
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "ValueTypes")
                .item(Map.of("id", s(id), attribute, stored)));
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> unit.inTransaction(em -> em.find(ValueTypes.class, id)));
        String m = e.getMessage();
        assertTrue(m.contains("attribute '" + attribute + "'"), m);
        assertTrue(m.contains("ValueTypes{id=" + id + "}"), m);
        assertTrue(m.contains("table '" + unit.prefix() + "ValueTypes'"), m);
        assertTrue(m.contains("stored as " + shownStored), m);
        assertTrue(m.contains(expected), m);
    }

    @Test
    void aNullInsideABoxedArrayIsRefusedAtFlushNotStoredAsSomethingElse() {
        ValueTypes v = new ValueTypes("holes");
        v.boxedChars = new Character[] {'a', null};
        Exception e = assertThrows(Exception.class, () -> unit.inTransaction(em -> em.persist(v)));
        String m = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
        assertTrue(m.contains("null element (at index 1)"), m);
        assertEquals(0, TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "ValueTypes")
                .key(Map.of("id", s("holes")))).item().size());
    }

    // ---- bootstrap ----

    @Entity
    public static class DateWithoutTemporal {
        @Id public String id;
        public Date created;
    }

    @Entity
    public static class TemporalOnLocalDate {
        @Id public String id;
        @Temporal(TemporalType.DATE)
        public LocalDate day;
    }

    @Entity
    public static class SqlDateAsTimestamp {
        @Id public String id;
        @Temporal(TemporalType.TIMESTAMP)
        public java.sql.Date day;
    }

    public static class Settings implements Serializable {
        public int size;
    }

    @Entity
    public static class SerializedLob {
        @Id public String id;
        @Lob
        public Settings settings;
    }

    @Entity
    public static class DateVersion {
        @Id public String id;
        @Version
        public Date version;
    }

    private static String bootstrapFails(Class<?> type) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("tck-broken-types");
        configuration.managedClass(type);
        configuration.property(JynamoProperties.CLIENT, TestUnit.sharedClient());
        configuration.property(JynamoProperties.TABLE_PREFIX, "never-created-");
        PersistenceException e = assertThrows(PersistenceException.class, configuration::createEntityManagerFactory);
        assertTrue(e.getMessage().contains(type.getName()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aDateWithoutTemporalIsATimestampAsHibernateAndEclipseLinkStoreIt() {
        try (TestUnit unit = TestUnit.of(DateWithoutTemporal.class).build()) {
            Date created = new Date(1_709_208_000_123L);
            unit.inTransaction(em -> {
                DateWithoutTemporal d = new DateWithoutTemporal();
                d.id = "d";
                d.created = created;
                em.persist(d);
            });
            assertEquals("2024-02-29T12:00:00.123000000Z", TestUnit.sharedClient().getItem(b -> b
                    .tableName(unit.prefix() + "DateWithoutTemporal").key(Map.of("id", s("d")))).item().get("created").s());
            assertEquals(created, unit.withEntityManager(em -> em.find(DateWithoutTemporal.class, "d")).created);
        }
    }

    @Test
    void temporalOnAnotherTypeOrAgainstAJavaSqlTypesOwnKindFails() {
        String m = bootstrapFails(TemporalOnLocalDate.class);
        assertTrue(m.contains("'day'") && m.contains("@Temporal(DATE)") && m.contains("java.time.LocalDate"), m);
        m = bootstrapFails(SqlDateAsTimestamp.class);
        assertTrue(m.contains("@Temporal(TIMESTAMP)") && m.contains("java.sql.Date"), m);
    }

    @Test
    void aLobOfASerializableObjectFailsPointingToAConverter() {
        String m = bootstrapFails(SerializedLob.class);
        assertTrue(m.contains("'settings'") && m.contains("@Lob") && m.contains("AttributeConverter"), m);
    }

    @Test
    void aVersionOfAnUnsupportedTypeFailsNamingTheSupportedOnes() {
        String m = bootstrapFails(DateVersion.class);
        assertTrue(m.contains("'version'") && m.contains("java.sql.Timestamp or Instant"), m);
    }
}
