package io.jynamo.tck.mapping;

import io.jynamo.tck.model.Color;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.TemporalType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: every value type an ordinary model uses (JPA 3.2 section 2.6 basic types, 11.1.54 Temporal,
 * 11.1.29 Lob) survives persist and find with edge values and values from a fixed random seed, is stored in
 * the documented form, and can be looked up by JPQL equality with a parameter of its Java type.
 */
class ValueTypesRoundTripTest {

    static final long SEED = 20261001L;
    static final ZoneId ZONE = ZoneId.systemDefault();
    static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(ValueTypes.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    // ---- value makers shared with the ordering test: each gives what the mapping can hold exactly ----

    static Instant instant(Random r) {
        long s = r.nextLong(FIRST.getEpochSecond(), LAST.getEpochSecond() + 1);
        return Instant.ofEpochSecond(s, r.nextInt(1_000_000_000));
    }

    static LocalDate localDate(Random r) {
        return LocalDate.ofEpochDay(r.nextLong(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay() + 1));
    }

    static LocalTime localTime(Random r) {
        return LocalTime.ofNanoOfDay(r.nextLong(LocalTime.MAX.toNanoOfDay() + 1));
    }

    static Date dateOnly(LocalDate d) {
        return new Date(d.atStartOfDay(ZONE).toInstant().toEpochMilli());
    }

    static Date timeOnly(LocalTime t) {
        return new Date(LocalDate.EPOCH.atTime(t.truncatedTo(ChronoUnit.MILLIS)).atZone(ZONE).toInstant().toEpochMilli());
    }

    static Date timestamp(Instant i) {
        return new Date(i.toEpochMilli());
    }

    static Calendar calendar(long millis) {
        GregorianCalendar c = GregorianCalendar.from(Instant.ofEpochMilli(millis).atZone(ZONE));
        return c;
    }

    static ZoneOffset offset(Random r) {
        return ZoneOffset.ofTotalSeconds(r.nextInt(-18 * 3600, 18 * 3600 + 1) / 60 * 60);
    }

    static char aChar(Random r) {
        char c;
        do {
            c = (char) r.nextInt(Character.MAX_VALUE + 1);
        } while (Character.isSurrogate(c)); // a lone surrogate is not a string DynamoDB can store
        return c;
    }

    private static ValueTypes random(String id, Random r) {
        ValueTypes v = new ValueTypes(id);
        v.aByte = (byte) r.nextInt();
        v.aByteObject = (byte) r.nextInt();
        v.aShort = (short) r.nextInt();
        v.aShortObject = (short) r.nextInt();
        v.aChar = aChar(r);
        v.aCharacter = aChar(r);
        v.anInt = r.nextInt();
        v.anInteger = r.nextInt();
        v.aLong = r.nextLong();
        v.aLongObject = r.nextLong();
        v.aFloat = (r.nextFloat() - 0.5f) * (float) Math.pow(10, r.nextInt(-30, 30));
        v.aFloatObject = r.nextFloat();
        v.aDouble = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-120, 120));
        v.aDoubleObject = r.nextDouble();
        v.aBoolean = r.nextBoolean();
        v.aBooleanObject = r.nextBoolean();
        v.bytes = new byte[r.nextInt(40)];
        r.nextBytes(v.bytes);
        v.boxedBytes = new Byte[r.nextInt(40)];
        for (int i = 0; i < v.boxedBytes.length; i++) {
            v.boxedBytes[i] = (byte) r.nextInt();
        }
        v.chars = new char[r.nextInt(40)];
        for (int i = 0; i < v.chars.length; i++) {
            v.chars[i] = aChar(r);
        }
        v.boxedChars = new Character[r.nextInt(40)];
        for (int i = 0; i < v.boxedChars.length; i++) {
            v.boxedChars[i] = aChar(r);
        }
        v.utilDate = dateOnly(localDate(r));
        v.utilTime = timeOnly(localTime(r));
        v.utilTimestamp = timestamp(instant(r));
        v.calendarDate = calendar(dateOnly(localDate(r)).getTime());
        v.calendarTime = calendar(timeOnly(localTime(r)).getTime());
        v.calendarTimestamp = calendar(instant(r).toEpochMilli());
        v.sqlDate = new java.sql.Date(dateOnly(localDate(r)).getTime());
        v.sqlTime = new java.sql.Time(timeOnly(localTime(r)).getTime());
        v.sqlTimestamp = Timestamp.from(instant(r));
        v.offsetTime = OffsetTime.of(localTime(r), offset(r));
        v.offsetDateTime = instant(r).atOffset(offset(r));
        v.instant = instant(r);
        v.year = Year.of(r.nextInt(Year.MIN_VALUE, Year.MAX_VALUE));
        v.localDate = localDate(r);
        v.localTime = localTime(r);
        v.localDateTime = LocalDateTime.of(localDate(r), localTime(r));
        v.uuid = new UUID(r.nextLong(), r.nextLong());
        v.ordinalColor = Color.values()[r.nextInt(3)];
        v.namedColor = Color.values()[r.nextInt(3)];
        StringBuilder text = new StringBuilder();
        for (int i = r.nextInt(20_000, 40_000); i > 0; i--) {
            text.append(aChar(r));
        }
        v.lobText = text.toString();
        v.lobBytes = new byte[r.nextInt(50_000, 100_000)];
        r.nextBytes(v.lobBytes);
        return v;
    }

    private static ValueTypes lowest(String id) {
        ValueTypes v = new ValueTypes(id);
        v.aByte = Byte.MIN_VALUE;
        v.aByteObject = Byte.MIN_VALUE;
        v.aShort = Short.MIN_VALUE;
        v.aShortObject = Short.MIN_VALUE;
        v.aChar = Character.MIN_VALUE;
        v.aCharacter = Character.MIN_VALUE;
        v.anInt = Integer.MIN_VALUE;
        v.anInteger = Integer.MIN_VALUE;
        v.aLong = Long.MIN_VALUE;
        v.aLongObject = Long.MIN_VALUE;
        v.aFloat = -Float.MAX_VALUE;
        v.aFloatObject = Float.MIN_VALUE;
        v.aDouble = -9.99E125;
        v.aDoubleObject = 1E-130;
        v.bytes = new byte[0];
        v.boxedBytes = new Byte[0];
        v.chars = new char[0];
        v.boxedChars = new Character[0];
        v.utilDate = dateOnly(LocalDate.of(1, 1, 1));
        v.utilTime = timeOnly(LocalTime.MIN);
        v.utilTimestamp = timestamp(FIRST);
        v.calendarDate = calendar(dateOnly(LocalDate.of(1582, 10, 10)).getTime()); // in the Julian-Gregorian gap
        v.calendarTime = calendar(timeOnly(LocalTime.MIN).getTime());
        v.calendarTimestamp = calendar(FIRST.toEpochMilli());
        v.sqlDate = new java.sql.Date(dateOnly(LocalDate.of(1, 1, 1)).getTime());
        v.sqlTime = new java.sql.Time(timeOnly(LocalTime.MIN).getTime());
        v.sqlTimestamp = Timestamp.from(FIRST);
        v.offsetTime = OffsetTime.of(LocalTime.MIN, ZoneOffset.MAX);
        v.offsetDateTime = FIRST.atOffset(ZoneOffset.UTC);
        v.instant = FIRST;
        v.year = Year.of(Year.MIN_VALUE);
        v.localDate = LocalDate.of(1, 1, 1);
        v.localTime = LocalTime.MIN;
        v.localDateTime = LocalDateTime.of(1, 1, 1, 0, 0);
        v.uuid = new UUID(0, 0);
        v.ordinalColor = Color.RED;
        v.namedColor = Color.RED;
        v.lobText = "";
        v.lobBytes = new byte[0];
        return v;
    }

    private static ValueTypes highest(String id) {
        ValueTypes v = new ValueTypes(id);
        v.aByte = Byte.MAX_VALUE;
        v.aByteObject = Byte.MAX_VALUE;
        v.aShort = Short.MAX_VALUE;
        v.aShortObject = Short.MAX_VALUE;
        v.aChar = '\uFFFF';
        v.aCharacter = '\uFFFD';
        v.anInt = Integer.MAX_VALUE;
        v.anInteger = Integer.MAX_VALUE;
        v.aLong = Long.MAX_VALUE;
        v.aLongObject = Long.MAX_VALUE;
        v.aFloat = Float.MAX_VALUE;
        v.aFloatObject = -Float.MIN_VALUE;
        v.aDouble = 9.99E125;
        v.aDoubleObject = -1E-130;
        v.aBoolean = true;
        v.aBooleanObject = true;
        v.bytes = new byte[] {(byte) 0xFF, 0};
        v.boxedBytes = new Byte[] {Byte.MIN_VALUE, 0, Byte.MAX_VALUE};
        v.chars = "\u0000\uFFFF\uD83D\uDE00".toCharArray(); // a pair of surrogates is one code point
        v.boxedChars = new Character[] {'é', '\uD83D', '\uDE00'};
        v.utilDate = dateOnly(LocalDate.of(9999, 12, 31));
        v.utilTime = timeOnly(LocalTime.MAX);
        v.utilTimestamp = timestamp(LAST);
        v.calendarDate = calendar(dateOnly(LocalDate.of(9999, 12, 31)).getTime());
        v.calendarTime = calendar(timeOnly(LocalTime.MAX).getTime());
        v.calendarTimestamp = calendar(LAST.toEpochMilli());
        v.sqlDate = new java.sql.Date(dateOnly(LocalDate.of(9999, 12, 31)).getTime());
        v.sqlTime = new java.sql.Time(timeOnly(LocalTime.MAX).getTime());
        v.sqlTimestamp = Timestamp.from(LAST);
        v.offsetTime = OffsetTime.of(LocalTime.MAX, ZoneOffset.MIN);
        v.offsetDateTime = LAST.atOffset(ZoneOffset.ofHours(-18)).minusHours(18);
        v.instant = LAST;
        v.year = Year.of(Year.MAX_VALUE);
        v.localDate = LocalDate.of(9999, 12, 31);
        v.localTime = LocalTime.MAX;
        v.localDateTime = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999);
        v.uuid = new UUID(-1, -1);
        v.ordinalColor = Color.BLUE;
        v.namedColor = Color.BLUE;
        v.lobText = "x".repeat(300_000); // a large object, within DynamoDB's 400 KB item
        v.lobBytes = new byte[] {1};
        return v;
    }

    static void assertSame(ValueTypes in, ValueTypes out) {
        String at = " of " + in.id;
        assertEquals(in.aByte, out.aByte, "aByte" + at);
        assertEquals(in.aByteObject, out.aByteObject, "aByteObject" + at);
        assertEquals(in.aShort, out.aShort, "aShort" + at);
        assertEquals(in.aShortObject, out.aShortObject, "aShortObject" + at);
        assertEquals(in.aChar, out.aChar, "aChar" + at);
        assertEquals(in.aCharacter, out.aCharacter, "aCharacter" + at);
        assertEquals(in.anInt, out.anInt, "anInt" + at);
        assertEquals(in.anInteger, out.anInteger, "anInteger" + at);
        assertEquals(in.aLong, out.aLong, "aLong" + at);
        assertEquals(in.aLongObject, out.aLongObject, "aLongObject" + at);
        assertEquals(in.aFloat, out.aFloat, "aFloat" + at);
        assertEquals(in.aFloatObject, out.aFloatObject, "aFloatObject" + at);
        assertEquals(in.aDouble, out.aDouble, "aDouble" + at);
        assertEquals(in.aDoubleObject, out.aDoubleObject, "aDoubleObject" + at);
        assertEquals(in.aBoolean, out.aBoolean, "aBoolean" + at);
        assertEquals(in.aBooleanObject, out.aBooleanObject, "aBooleanObject" + at);
        assertArrayEquals(in.bytes, out.bytes, "bytes" + at);
        assertArrayEquals(in.boxedBytes, out.boxedBytes, "boxedBytes" + at);
        assertArrayEquals(in.chars, out.chars, "chars" + at);
        assertArrayEquals(in.boxedChars, out.boxedChars, "boxedChars" + at);
        assertEquals(in.utilDate, out.utilDate, "utilDate" + at);
        assertEquals(in.utilTime, out.utilTime, "utilTime" + at);
        assertEquals(in.utilTimestamp, out.utilTimestamp, "utilTimestamp" + at);
        assertEquals(in.calendarDate.getTimeInMillis(), out.calendarDate.getTimeInMillis(), "calendarDate" + at);
        assertEquals(in.calendarTime.getTimeInMillis(), out.calendarTime.getTimeInMillis(), "calendarTime" + at);
        assertEquals(in.calendarTimestamp.getTimeInMillis(), out.calendarTimestamp.getTimeInMillis(), "calendarTimestamp" + at);
        assertEquals(in.sqlDate, out.sqlDate, "sqlDate" + at);
        assertEquals(java.sql.Date.class, out.sqlDate.getClass());
        assertEquals(in.sqlTime, out.sqlTime, "sqlTime" + at);
        assertEquals(java.sql.Time.class, out.sqlTime.getClass());
        assertEquals(in.sqlTimestamp, out.sqlTimestamp, "sqlTimestamp (with its nanoseconds)" + at);
        // Normalised to UTC, as OffsetDateTime is: the same instant of the day, at offset Z.
        assertEquals(in.offsetTime.withOffsetSameInstant(ZoneOffset.UTC), out.offsetTime, "offsetTime" + at);
        assertEquals(in.offsetDateTime.withOffsetSameInstant(ZoneOffset.UTC), out.offsetDateTime, "offsetDateTime" + at);
        assertEquals(in.instant, out.instant, "instant" + at);
        assertEquals(in.year, out.year, "year" + at);
        assertEquals(in.localDate, out.localDate, "localDate" + at);
        assertEquals(in.localTime, out.localTime, "localTime" + at);
        assertEquals(in.localDateTime, out.localDateTime, "localDateTime" + at);
        assertEquals(in.uuid, out.uuid, "uuid" + at);
        assertEquals(in.ordinalColor, out.ordinalColor, "ordinalColor" + at);
        assertEquals(in.namedColor, out.namedColor, "namedColor" + at);
        assertEquals(in.lobText, out.lobText, "lobText" + at);
        assertArrayEquals(in.lobBytes, out.lobBytes, "lobBytes" + at);
    }

    private static Map<String, AttributeValue> rawItem(String id) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "ValueTypes")
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
    }

    @Test
    void edgeAndSeededRandomValuesOfEveryTypeRoundTrip() {
        Random r = new Random(SEED);
        List<ValueTypes> values = new ArrayList<>(List.of(lowest("lowest"), highest("highest")));
        for (int i = 0; i < 12; i++) {
            values.add(random("random-" + i, r));
        }
        for (ValueTypes v : values) {
            unit.inTransaction(em -> em.persist(v));
        }
        for (ValueTypes in : values) {
            // A fresh entity manager and no second-level cache hit: what is read is what DynamoDB holds.
            ValueTypes out = unit.fromTransaction(em -> em.find(ValueTypes.class, in.id));
            assertSame(in, out);
        }
    }

    @Test
    void changesMadeInsideMutableValuesAreWrittenAtCommit() {
        ValueTypes v = new ValueTypes("mutable");
        v.utilTimestamp = new Date(1_000L);
        v.calendarTimestamp = calendar(1_000L);
        v.sqlTimestamp = new Timestamp(1_000L);
        v.chars = "abc".toCharArray();
        v.boxedBytes = new Byte[] {1, 2};
        unit.inTransaction(em -> em.persist(v));
        unit.inTransaction(em -> {
            ValueTypes m = em.find(ValueTypes.class, "mutable");
            m.utilTimestamp.setTime(2_000L);
            m.calendarTimestamp.setTimeInMillis(3_000L);
            m.sqlTimestamp.setNanos(5);
            m.chars[0] = 'x';
            m.boxedBytes[1] = 9;
        });
        ValueTypes out = unit.fromTransaction(em -> em.find(ValueTypes.class, "mutable"));
        assertEquals(new Date(2_000L), out.utilTimestamp);
        assertEquals(3_000L, out.calendarTimestamp.getTimeInMillis());
        assertEquals(5, out.sqlTimestamp.getNanos());
        assertArrayEquals("xbc".toCharArray(), out.chars);
        assertArrayEquals(new Byte[] {1, 9}, out.boxedBytes);
    }

    @Test
    void nullsOfTheNewTypesAreAbsentAndLoadAsNull() {
        unit.inTransaction(em -> em.persist(new ValueTypes("nulls")));
        Map<String, AttributeValue> item = rawItem("nulls");
        for (String absent : List.of("boxedBytes", "chars", "boxedChars", "utilDate", "calendarTime", "sqlTimestamp",
                "offsetTime", "year", "lobText", "lobBytes")) {
            assertEquals(null, item.get(absent), absent);
        }
        ValueTypes out = unit.fromTransaction(em -> em.find(ValueTypes.class, "nulls"));
        assertNull(out.utilTimestamp);
        assertNull(out.calendarDate);
        assertNull(out.boxedChars);
        assertNull(out.year);
    }

    @Test
    void eachTypeIsStoredInItsDocumentedForm() {
        ValueTypes v = new ValueTypes("forms");
        v.aByte = -5;
        v.aShort = 300;
        v.aChar = 'q';
        v.boxedBytes = new Byte[] {1, -1};
        v.chars = "chars".toCharArray();
        v.boxedChars = new Character[] {'a', 'b'};
        v.utilDate = dateOnly(LocalDate.of(2024, 2, 29));
        v.utilTime = timeOnly(LocalTime.of(13, 14, 15, 123_000_000));
        v.utilTimestamp = timestamp(Instant.parse("2024-02-29T12:00:00.123Z"));
        v.calendarDate = calendar(dateOnly(LocalDate.of(2024, 3, 1)).getTime());
        v.calendarTime = calendar(timeOnly(LocalTime.of(1, 2, 3)).getTime());
        v.calendarTimestamp = calendar(Instant.parse("1969-12-31T23:59:59.999Z").toEpochMilli());
        v.sqlDate = java.sql.Date.valueOf(LocalDate.of(2024, 12, 31));
        v.sqlTime = java.sql.Time.valueOf(LocalTime.of(23, 59, 58));
        v.sqlTimestamp = Timestamp.from(Instant.parse("2024-02-29T12:00:00.123456789Z"));
        v.offsetTime = OffsetTime.of(1, 0, 0, 5, ZoneOffset.ofHours(2));
        v.year = Year.of(2024);
        v.lobText = "a large text";
        v.lobBytes = new byte[] {7};
        unit.inTransaction(em -> em.persist(v));
        Map<String, AttributeValue> item = rawItem("forms");
        assertEquals("-5", item.get("aByte").n());
        assertEquals("300", item.get("aShort").n());
        assertEquals("q", item.get("aChar").s());
        assertEquals(SdkBytes.fromByteArray(new byte[] {1, -1}), item.get("boxedBytes").b());
        assertEquals("chars", item.get("chars").s());
        assertEquals("ab", item.get("boxedChars").s());
        assertEquals("2024-02-29", item.get("utilDate").s());
        assertEquals("13:14:15.123000000", item.get("utilTime").s());
        assertEquals("2024-02-29T12:00:00.123000000Z", item.get("utilTimestamp").s());
        assertEquals("2024-03-01", item.get("calendarDate").s());
        assertEquals("01:02:03.000000000", item.get("calendarTime").s());
        assertEquals("1969-12-31T23:59:59.999000000Z", item.get("calendarTimestamp").s());
        assertEquals("2024-12-31", item.get("sqlDate").s());
        assertEquals("23:59:58.000000000", item.get("sqlTime").s());
        assertEquals("2024-02-29T12:00:00.123456789Z", item.get("sqlTimestamp").s());
        assertEquals("23:00:00.000000005Z", item.get("offsetTime").s());
        assertEquals("2024", item.get("year").n());
        assertEquals("a large text", item.get("lobText").s());
        assertEquals(SdkBytes.fromByteArray(new byte[] {7}), item.get("lobBytes").b());
    }

    @Test
    void jdbcEscapeLiteralsCompareWithEveryTemporalType() {
        ValueTypes v = new ValueTypes("escaped");
        v.utilDate = dateOnly(LocalDate.of(2000, 2, 14));
        v.utilTimestamp = java.sql.Timestamp.valueOf("2006-11-11 10:10:10");
        v.calendarDate = calendar(dateOnly(LocalDate.of(2000, 2, 14)).getTime());
        v.sqlDate = java.sql.Date.valueOf("2000-02-14");
        v.sqlTime = java.sql.Time.valueOf("09:30:00");
        v.sqlTimestamp = java.sql.Timestamp.valueOf("2006-11-11 10:10:10.5");
        v.localDate = LocalDate.of(2000, 2, 14);
        v.localTime = LocalTime.of(9, 30);
        v.localDateTime = LocalDateTime.of(2006, 11, 11, 10, 10, 10);
        unit.inTransaction(em -> em.persist(v));
        for (String condition : List.of("e.utilDate = {d '2000-02-14'}", "e.utilTimestamp = {ts '2006-11-11 10:10:10'}",
                "e.calendarDate = {d '2000-02-14'}", "e.sqlDate = {d '2000-02-14'}", "e.sqlTime = {t '09:30:00'}",
                "e.sqlTimestamp = {ts '2006-11-11 10:10:10.5'}", "e.localDate = {d '2000-02-14'}",
                "e.localTime = {t '09:30:00'}", "e.localDateTime = {ts '2006-11-11 10:10:10'}",
                "e.sqlDate BETWEEN {d '2000-01-01'} AND {d '2000-12-31'}")) {
            List<String> ids = unit.fromTransaction(em -> em.createQuery("SELECT e FROM ValueTypes e WHERE " + condition
                    + " AND e.id = 'escaped'", ValueTypes.class).getResultList().stream().map(e -> e.id).toList());
            assertEquals(List.of("escaped"), ids, condition);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> unit.withEntityManager(em -> em.createQuery(
                "SELECT e FROM ValueTypes e WHERE e.localDate = {t '09:30:00'}")));
        assertTrue(e.getMessage().contains("but e.localDate is java.time.LocalDate"), e.getMessage());
    }

    @Test
    void jpqlEqualityTakesParametersOfEachJavaType() {
        Random r = new Random(SEED + 1);
        ValueTypes v = random("eq", r);
        ValueTypes other = random("other", r);
        // Few values of these: make sure the other item differs.
        other.namedColor = Color.values()[(v.namedColor.ordinal() + 1) % 3];
        other.aByte = (byte) (v.aByte + 1);
        other.aChar = (char) (v.aChar == 'a' ? 'b' : 'a');
        unit.inTransaction(em -> {
            em.persist(v);
            em.persist(other);
        });
        Map<String, Object> byAttribute = new java.util.LinkedHashMap<>();
        byAttribute.put("utilDate", v.utilDate);
        byAttribute.put("utilTime", v.utilTime);
        byAttribute.put("utilTimestamp", v.utilTimestamp);
        byAttribute.put("calendarDate", v.calendarDate);
        byAttribute.put("calendarTimestamp", v.calendarTimestamp);
        byAttribute.put("sqlDate", v.sqlDate);
        byAttribute.put("sqlTime", v.sqlTime);
        byAttribute.put("sqlTimestamp", v.sqlTimestamp);
        byAttribute.put("offsetTime", v.offsetTime);
        byAttribute.put("year", v.year);
        byAttribute.put("chars", v.chars);
        byAttribute.put("boxedBytes", v.boxedBytes);
        byAttribute.put("aChar", v.aChar);
        byAttribute.put("aByte", v.aByte);
        byAttribute.put("aShort", v.aShort);
        byAttribute.put("uuid", v.uuid);
        byAttribute.put("namedColor", v.namedColor);
        byAttribute.forEach((attribute, value) -> {
            List<String> ids = unit.fromTransaction(em -> em.createQuery("SELECT e FROM ValueTypes e WHERE e."
                    + attribute + " = :p AND e.id IN ('eq', 'other')", ValueTypes.class)
                    .setParameter("p", value).getResultList().stream().map(e -> e.id).toList());
            assertEquals(List.of("eq"), ids, attribute);
        });
        // JPA's temporal overloads: the attribute's own @Temporal decides the stored form compared.
        List<ValueTypes> byDate = unit.fromTransaction(em -> em.createQuery(
                        "SELECT e FROM ValueTypes e WHERE e.utilDate = :d AND e.id = 'eq'", ValueTypes.class)
                .setParameter("d", v.utilDate, TemporalType.DATE).getResultList());
        assertEquals(1, byDate.size());
        List<ValueTypes> byCalendar = unit.fromTransaction(em -> em.createQuery(
                        "SELECT e FROM ValueTypes e WHERE e.calendarTime = ?1 AND e.id = 'eq'", ValueTypes.class)
                .setParameter(1, v.calendarTime, TemporalType.TIME).getResultList());
        assertEquals(1, byCalendar.size());
        // A Calendar for a java.sql.Date or java.util.Date attribute and a Date for a Calendar one, as the
        // temporal overloads are used with JDBC-era models (the official TCK binds a Calendar to a java.sql.Date).
        Calendar day = Calendar.getInstance();
        day.setTime(v.sqlDate);
        Calendar instant = Calendar.getInstance();
        instant.setTime(v.utilTimestamp);
        for (Object[] query : new Object[][] {{"sqlDate", day}, {"utilTimestamp", instant},
                {"calendarTimestamp", v.calendarTimestamp.getTime()}}) {
            List<ValueTypes> found = unit.fromTransaction(em -> {
                jakarta.persistence.TypedQuery<ValueTypes> q = em.createQuery("SELECT e FROM ValueTypes e WHERE e."
                        + query[0] + " = :t AND e.id IN ('eq', 'other')", ValueTypes.class);
                return (query[1] instanceof Calendar c ? q.setParameter("t", c, TemporalType.TIMESTAMP)
                        : q.setParameter("t", (Date) query[1], TemporalType.TIMESTAMP)).getResultList();
            });
            assertEquals(List.of("eq"), found.stream().map(e -> e.id).toList(), (String) query[0]);
        }
        // Literals: a Year as an integer, an OffsetTime as an ISO string (compared in UTC, as stored).
        ValueTypes literal = new ValueTypes("literal");
        literal.year = Year.of(2024);
        literal.offsetTime = OffsetTime.of(23, 0, 0, 0, ZoneOffset.UTC);
        unit.inTransaction(em -> em.persist(literal));
        assertEquals(1, unit.fromTransaction(em -> em.createQuery(
                "SELECT e FROM ValueTypes e WHERE e.year = 2024 AND e.offsetTime = '01:00:00+02:00' AND e.id = 'literal'",
                ValueTypes.class).getResultList()).size());
        // A java.util.Date for a java.sql.Timestamp attribute, as JDBC takes it.
        ValueTypes exact = new ValueTypes("millis");
        exact.sqlTimestamp = new Timestamp(1_700_000_000_123L);
        unit.inTransaction(em -> em.persist(exact));
        List<ValueTypes> byUtilDate = unit.fromTransaction(em -> em.createQuery(
                        "SELECT e FROM ValueTypes e WHERE e.sqlTimestamp = :t AND e.id = 'millis'", ValueTypes.class)
                .setParameter("t", new Date(1_700_000_000_123L)).getResultList());
        assertEquals(1, byUtilDate.size());
    }
}
