package io.jynamo.tck.mapping;

import io.jynamo.tck.model.AllTypes;
import io.jynamo.tck.model.Color;
import io.jynamo.tck.support.TestUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Round trips of every basic type (JPA 3.2 section 2.6 "basic types", 11.1.6 Basic, 11.1.18 Enumerated),
 * checking both the Java value read back and the DynamoDB attribute type stored.
 */
class BasicTypesTest {

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(AllTypes.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static AllTypes full(String id) {
        AllTypes t = new AllTypes(id);
        t.text = "héllo wörld";
        t.anInt = -42;
        t.anInteger = Integer.MAX_VALUE;
        t.aLong = Long.MIN_VALUE;
        t.aLongObject = 1234567890123L;
        t.aShort = (short) -7;
        t.aShortObject = Short.MAX_VALUE;
        t.aByte = (byte) -128;
        t.aByteObject = (byte) 127;
        t.aDouble = 3.141592653589793;
        t.aDoubleObject = -0.5;
        t.aFloat = 2.5f;
        t.aFloatObject = 1.25f;
        t.aChar = 'x';
        t.aCharacter = 'Ω';
        t.aBoolean = true;
        t.aBooleanObject = Boolean.FALSE;
        t.bigDecimal = new BigDecimal("12345678901234567890.123456789");
        t.bigInteger = new BigInteger("-98765432109876543210987654321");
        t.bytes = new byte[] {0, 1, 2, (byte) 255};
        t.uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        t.ordinalColor = Color.BLUE;
        t.namedColor = Color.GREEN;
        t.instant = Instant.parse("2024-02-29T12:34:56.123456789Z");
        t.localDate = LocalDate.of(2024, 2, 29);
        t.localDateTime = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 1000);
        t.offsetDateTime = OffsetDateTime.of(2024, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(2));
        t.localTime = LocalTime.of(7, 8, 9, 10);
        t.duration = Duration.ofSeconds(3661, 5);
        return t;
    }

    private static AllTypes roundTrip(AllTypes t) {
        unit.inTransaction(em -> em.persist(t));
        return unit.fromTransaction(em -> em.find(AllTypes.class, t.id));
    }

    private static Map<String, AttributeValue> rawItem(String id) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "AllTypes")
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
    }

    @Test
    void everyBasicTypeRoundTrips() {
        AllTypes in = full("all");
        AllTypes out = roundTrip(in);
        assertEquals(in.text, out.text);
        assertEquals(in.anInt, out.anInt);
        assertEquals(in.anInteger, out.anInteger);
        assertEquals(in.aLong, out.aLong);
        assertEquals(in.aLongObject, out.aLongObject);
        assertEquals(in.aShort, out.aShort);
        assertEquals(in.aShortObject, out.aShortObject);
        assertEquals(in.aByte, out.aByte);
        assertEquals(in.aByteObject, out.aByteObject);
        assertEquals(in.aDouble, out.aDouble);
        assertEquals(in.aDoubleObject, out.aDoubleObject);
        assertEquals(in.aFloat, out.aFloat);
        assertEquals(in.aFloatObject, out.aFloatObject);
        assertEquals(in.aChar, out.aChar);
        assertEquals(in.aCharacter, out.aCharacter);
        assertEquals(in.aBoolean, out.aBoolean);
        assertEquals(in.aBooleanObject, out.aBooleanObject);
        assertEquals(0, in.bigDecimal.compareTo(out.bigDecimal), () -> "BigDecimal " + out.bigDecimal);
        assertEquals(in.bigInteger, out.bigInteger);
        assertArrayEquals(in.bytes, out.bytes);
        assertEquals(in.uuid, out.uuid);
        assertEquals(Color.BLUE, out.ordinalColor);
        assertEquals(Color.GREEN, out.namedColor);
        assertEquals(in.instant, out.instant);
        assertEquals(in.localDate, out.localDate);
        assertEquals(in.localDateTime, out.localDateTime);
        assertEquals(in.localTime, out.localTime);
        assertEquals(in.duration, out.duration);
    }

    @Test
    void storedAttributeTypesFollowTheMapping() {
        roundTrip(full("raw"));
        Map<String, AttributeValue> item = rawItem("raw");
        assertEquals("héllo wörld", item.get("text").s());
        assertEquals("-42", item.get("anInt").n());
        assertEquals(String.valueOf(Long.MIN_VALUE), item.get("aLong").n());
        assertNotNull(item.get("bigDecimal").n(), "BigDecimal is a number (N)");
        assertEquals(0, new BigDecimal(item.get("bigDecimal").n()).compareTo(new BigDecimal("12345678901234567890.123456789")));
        assertEquals("-98765432109876543210987654321", item.get("bigInteger").n());
        assertEquals(Boolean.TRUE, item.get("aBoolean").bool(), "boolean is BOOL");
        assertEquals(Boolean.FALSE, item.get("aBooleanObject").bool());
        assertEquals(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 255}), item.get("bytes").b(), "byte[] is B");
        assertEquals("123e4567-e89b-12d3-a456-426614174000", item.get("uuid").s());
        // JPA 3.2 section 11.1.18: EnumType.ORDINAL is the default.
        assertEquals("2", item.get("ordinalColor").n());
        assertEquals("GREEN", item.get("namedColor").s());
        assertEquals("2024-02-29", item.get("localDate").s());
    }

    @Test
    void offsetDateTimeIsNormalisedToUtc() {
        AllTypes in = new AllTypes("odt");
        in.offsetDateTime = OffsetDateTime.of(2024, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(2));
        AllTypes out = roundTrip(in);
        assertEquals(ZoneOffset.UTC, out.offsetDateTime.getOffset());
        assertTrue(in.offsetDateTime.isEqual(out.offsetDateTime));
        assertEquals(OffsetDateTime.of(2024, 2, 29, 23, 0, 0, 0, ZoneOffset.UTC), out.offsetDateTime);
        assertTrue(rawItem("odt").get("offsetDateTime").s().startsWith("2024-02-29T23:00:00"));
    }

    @Test
    void temporalValuesAreStoredSortably() {
        AllTypes early = new AllTypes("early");
        early.instant = Instant.parse("2024-01-01T00:00:00Z");
        early.localDateTime = LocalDateTime.of(2024, 1, 1, 9, 0);
        AllTypes late = new AllTypes("late");
        late.instant = Instant.parse("2024-01-01T00:00:00.5Z");
        late.localDateTime = LocalDateTime.of(2024, 1, 1, 10, 0, 0, 1);
        unit.inTransaction(em -> {
            em.persist(early);
            em.persist(late);
        });
        String a = rawItem("early").get("instant").s();
        String b = rawItem("late").get("instant").s();
        assertEquals(a.length(), b.length(), "fixed width");
        assertTrue(a.compareTo(b) < 0);
        assertTrue(rawItem("early").get("localDateTime").s().compareTo(rawItem("late").get("localDateTime").s()) < 0);
    }

    @Test
    void nullsAreNotStored() {
        AllTypes in = new AllTypes("sparse");
        AllTypes out = roundTrip(in);
        Map<String, AttributeValue> item = rawItem("sparse");
        // Nulls are absent attributes (DESIGN: "Null attributes are not stored"); primitives keep defaults.
        for (String absent : new String[] {"text", "anInteger", "aLongObject", "bigDecimal", "bytes", "uuid",
                "ordinalColor", "namedColor", "instant", "localDate", "offsetDateTime", "duration", "aBooleanObject"}) {
            assertFalse(item.containsKey(absent), () -> absent + " should be absent from " + item.keySet());
        }
        assertEquals("0", item.get("anInt").n());
        assertNull(out.text);
        assertNull(out.anInteger);
        assertNull(out.bytes);
        assertNull(out.namedColor);
        assertEquals(0, out.anInt);
        assertFalse(out.aBoolean);
    }

    @Test
    void extremeNumbersRoundTrip() {
        AllTypes in = new AllTypes("extreme");
        // Within DynamoDB's number range (magnitude 1E-130 to 1E+126, 38 digits).
        in.aDouble = 1.0E-100;
        in.aDoubleObject = -1.0E100;
        in.aFloat = Float.MAX_VALUE;
        in.bigDecimal = new BigDecimal("0.000000000000000000000000000000000001");
        AllTypes out = roundTrip(in);
        assertEquals(in.aDouble, out.aDouble);
        assertEquals(in.aDoubleObject, out.aDoubleObject);
        assertEquals(in.aFloat, out.aFloat);
        assertEquals(0, in.bigDecimal.compareTo(out.bigDecimal));
    }
}
