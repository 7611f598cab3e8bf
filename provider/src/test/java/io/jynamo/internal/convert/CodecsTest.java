package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodecsTest {

    @Test
    void instantsAreStoredSoThatStringOrderIsTimeOrder() {
        Codec c = Codecs.basic(Instant.class);
        List<Instant> times = List.of(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00.5Z"),
                Instant.parse("2020-01-01T00:00:01Z"), Instant.parse("2021-06-01T12:00:00.000000001Z"));
        List<String> stored = new ArrayList<>();
        for (Instant t : times) {
            stored.add(c.write(t).s());
            assertEquals(t, c.read(c.write(t)));
        }
        List<String> sorted = new ArrayList<>(stored);
        sorted.sort(null);
        assertEquals(stored, sorted);
    }

    @Test
    void integersAndBooleansAreWrittenExactlyAtTheEdgesOfTheSharedValues() {
        // Booleans and -128..1023 are shared AttributeValues; every other value is made as before.
        long[] edges = {-129, -128, -1, 0, 1023, 1024, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE,
                Long.MAX_VALUE + SMALLEST_SHARED, Long.MIN_VALUE - SMALLEST_SHARED};
        Codec longs = Codecs.basic(long.class);
        for (long v : edges) {
            assertEquals(AttributeValue.fromN(Long.toString(v)), longs.write(v), "long " + v);
            assertEquals(v, longs.read(longs.write(v)));
        }
        Codec ints = Codecs.basic(Integer.class);
        for (long v : edges) {
            if (v == (int) v) {
                assertEquals(AttributeValue.fromN(Long.toString(v)), ints.write((int) v), "int " + v);
            }
        }
        assertEquals(AttributeValue.fromN("-128"), Codecs.basic(byte.class).write(Byte.MIN_VALUE));
        assertEquals(AttributeValue.fromN("32767"), Codecs.basic(short.class).write(Short.MAX_VALUE));
        Codec booleans = Codecs.basic(boolean.class);
        assertEquals(AttributeValue.fromBool(true), booleans.write(true));
        assertEquals(AttributeValue.fromBool(false), booleans.write(Boolean.FALSE));
    }

    @Test
    void anIntegralCodecHandedAnotherNumberByAConverterWritesItExactly() {
        // A converter's database type is only checked at compile time: a Long codec may be given any Number.
        assertEquals(AttributeValue.fromN("5.5"), CommonCodec.of(long.class).write(new BigDecimal("5.5")));
        assertEquals(AttributeValue.fromN("18446744073709551616"),
                CommonCodec.of(Long.class).write(java.math.BigInteger.ONE.shiftLeft(64)));
        assertThrows(IllegalArgumentException.class, () -> CommonCodec.of(int.class).write(Double.NaN));
    }

    private static final long SMALLEST_SHARED = -128;

    @Test
    void localDateTimesRoundTripWithNanos() {
        Codec c = Codecs.basic(LocalDateTime.class);
        LocalDateTime t = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789);
        assertEquals("2024-02-29T23:59:59.123456789", c.write(t).s());
        assertEquals(t, c.read(c.write(t)));
    }

    @Test
    void numbersOutsideDynamoDbsRangeAreRefusedWithTheValue() {
        Codec d = Codecs.basic(double.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.write(Double.MIN_VALUE));
        assertTrue(e.getMessage().contains("1E-130"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Codecs.basic(BigDecimal.class).write(new BigDecimal("1E+126")));
        assertThrows(IllegalArgumentException.class,
                () -> Codecs.basic(BigDecimal.class).write(new BigDecimal("1.234567890123456789012345678901234567891")));
        assertEquals("0", d.write(0.0).n().replace(".0", ""));
        // Written as DynamoDB keeps it (it normalises 12.50 to 12.5), so keys and snapshots match what it returns.
        assertEquals("12.5", Codecs.basic(BigDecimal.class).write(new BigDecimal("12.50")).n());
        assertEquals("1000", Codecs.basic(BigDecimal.class).write(new BigDecimal("1E+3")).n());
        assertEquals("3", d.write(3.0).n());
    }

    @Test
    void stringSetsAreStoredAsSsAndEmptySetsNotAtAll() {
        Codec set = Codecs.collection(Set.class, Codecs.basic(String.class));
        assertEquals(ValueKind.SET, set.kind());
        AttributeValue v = set.write(new LinkedHashSet<>(List.of("a", "b")));
        assertEquals(List.of("a", "b"), v.ss());
        assertNull(set.write(Set.of()));
        assertEquals(Set.of("a", "b"), set.read(v));
    }

    @Test
    void listsKeepOrderAndRefuseNullElements() {
        Codec list = Codecs.collection(List.class, Codecs.basic(Integer.class));
        AttributeValue v = list.write(List.of(3, 1, 2));
        assertEquals(List.of(3, 1, 2), list.read(v));
        List<Integer> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> list.write(withNull));
    }

    @Test
    void enumsAreOrdinalByDefaultAndNamesWhenAsked() {
        assertEquals("1", Codecs.enumCodec(ValueKind.class, false).write(ValueKind.NUMBER).n());
        assertEquals("NUMBER", Codecs.enumCodec(ValueKind.class, true).write(ValueKind.NUMBER).s());
        assertEquals(ValueKind.NUMBER, Codecs.enumCodec(ValueKind.class, true).read(AttributeValue.fromS("NUMBER")));
    }

    @Test
    void numbersThatJavaWouldParseButDynamoDbNeverStoresAreRefused() {
        Codec d = Codecs.basic(double.class);
        for (String n : List.of("NaN", "Infinity", "0x1p3", "1d", " 5")) {
            UnreadableValueException e = assertThrows(UnreadableValueException.class, () -> d.read(AttributeValue.fromN(n)));
            assertTrue(e.getMessage().contains("not a number"), e.getMessage());
        }
        assertEquals(-0.5, d.read(AttributeValue.fromN("-5E-1")));
    }

    @Test
    void aListElementOfTheWrongTypeIsNamedByItsIndex() {
        Codec list = Codecs.collection(List.class, Codecs.basic(Integer.class));
        UnreadableValueException e = assertThrows(UnreadableValueException.class,
                () -> list.read(AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromBool(true)))));
        assertEquals("[1]", e.attribute());
        assertEquals("BOOL", e.storedType());
        assertEquals("history[1]", e.in("history").attribute());
    }

    @Test
    void readingNeverCrossesDynamoDbTypes() {
        assertThrows(UnreadableValueException.class, () -> Codecs.basic(String.class).read(AttributeValue.fromN("5")));
        assertThrows(UnreadableValueException.class, () -> Codecs.basic(boolean.class).read(AttributeValue.fromS("true")));
        assertThrows(UnreadableValueException.class,
                () -> Codecs.collection(Set.class, Codecs.basic(String.class)).read(AttributeValue.fromL(List.of())));
        assertThrows(UnreadableValueException.class,
                () -> Codecs.collection(List.class, Codecs.basic(String.class)).read(AttributeValue.fromSs(List.of("a"))));
    }
}
