package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import jakarta.persistence.TemporalType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegacyTemporalCodecsTest {

    private static final long FIRST = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

    private static List<String> storedInValueOrder(Codec c, List<?> valuesInOrder) {
        List<String> stored = new ArrayList<>();
        for (Object v : valuesInOrder) {
            stored.add(c.write(v).s());
        }
        return stored;
    }

    private static void assertSorted(List<String> stored) {
        List<String> sorted = new ArrayList<>(stored);
        sorted.sort(null);
        assertEquals(sorted, stored);
    }

    @Test
    void timestampsOfDatesAndCalendarsSortAsTimeAcrossTheEpochAndTheGregorianCutover() {
        Random r = new Random(10);
        List<Long> millis = new ArrayList<>(List.of(FIRST, LAST, -1L, 0L, 1L,
                Instant.parse("1582-10-10T00:00:00Z").toEpochMilli()));
        for (int i = 0; i < 500; i++) {
            millis.add(r.nextLong(FIRST, LAST + 1));
        }
        millis.sort(null);
        Codec date = Codecs.temporal(Date.class, TemporalType.TIMESTAMP);
        Codec calendar = Codecs.temporal(Calendar.class, TemporalType.TIMESTAMP);
        List<Object> dates = new ArrayList<>();
        List<Object> calendars = new ArrayList<>();
        for (long m : millis) {
            dates.add(new Date(m));
            GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("America/Los_Angeles"));
            c.setTimeInMillis(m);
            calendars.add(c);
        }
        assertSorted(storedInValueOrder(date, dates));
        assertSorted(storedInValueOrder(calendar, calendars));
        for (int i = 0; i < dates.size(); i++) {
            assertEquals(dates.get(i), date.read(date.write(dates.get(i))));
            assertEquals(millis.get(i), ((Calendar) calendar.read(calendar.write(calendars.get(i)))).getTimeInMillis());
        }
    }

    @Test
    void aTimestampKeepsItsNanosecondsAndSortsByThem() {
        Codec c = Codecs.basic(Timestamp.class);
        Timestamp a = Timestamp.from(Instant.parse("2024-01-01T00:00:00.000000001Z"));
        Timestamp b = Timestamp.from(Instant.parse("2024-01-01T00:00:00.000000002Z"));
        assertEquals("2024-01-01T00:00:00.000000001Z", c.write(a).s());
        assertEquals(a, c.read(c.write(a)));
        assertEquals(1, ((Timestamp) c.read(c.write(a))).getNanos());
        assertSorted(storedInValueOrder(c, List.of(a, b)));
    }

    @Test
    void datesAndTimesOfAJavaUtilDateAreThoseOfTheJvmsTimeZoneAsInJdbc() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati")); // UTC+14: the UTC date is the day before
            ZoneId zone = ZoneId.systemDefault();
            Date midnight = Date.from(LocalDate.of(2024, 3, 1).atStartOfDay(zone).toInstant());
            Codec date = Codecs.temporal(Date.class, TemporalType.DATE);
            assertEquals("2024-03-01", date.write(midnight).s());
            assertEquals(midnight, date.read(date.write(midnight)));
            Codec sqlDate = Codecs.basic(java.sql.Date.class);
            assertEquals("2024-03-01", sqlDate.write(java.sql.Date.valueOf(LocalDate.of(2024, 3, 1))).s());
            assertEquals(java.sql.Date.valueOf(LocalDate.of(2024, 3, 1)), sqlDate.read(AttributeValue.fromS("2024-03-01")));
            Codec time = Codecs.temporal(Date.class, TemporalType.TIME);
            Date nineThirty = Date.from(LocalDateTime.of(1970, 1, 1, 9, 30, 0, 5_000_000).atZone(zone).toInstant());
            assertEquals("09:30:00.005000000", time.write(nineThirty).s());
            assertEquals(nineThirty, time.read(time.write(nineThirty)));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void offsetTimesAreNormalisedToUtcSoStringOrderIsTheOrderOfTheirUtcTimes() {
        Codec c = Codecs.basic(OffsetTime.class);
        Random r = new Random(11);
        List<OffsetTime> times = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            times.add(OffsetTime.of(java.time.LocalTime.ofNanoOfDay(r.nextLong(86_400_000_000_000L)),
                    ZoneOffset.ofTotalSeconds(r.nextInt(-18 * 3600, 18 * 3600 + 1))));
        }
        times.sort(Comparator.comparing(t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()));
        assertSorted(storedInValueOrder(c, times));
        OffsetTime t = OffsetTime.of(1, 0, 0, 0, ZoneOffset.ofHours(2));
        assertEquals("23:00:00.000000000Z", c.write(t).s());
        assertEquals(OffsetTime.of(23, 0, 0, 0, ZoneOffset.UTC), c.read(c.write(t)));
    }

    @Test
    void yearsAreNumbers() {
        Codec c = Codecs.basic(Year.class);
        assertEquals(ValueKind.NUMBER, c.kind());
        assertEquals("-999999999", c.write(Year.of(Year.MIN_VALUE)).n());
        assertEquals(Year.of(Year.MAX_VALUE), c.read(AttributeValue.fromN("999999999")));
        assertThrows(UnreadableValueException.class, () -> c.read(AttributeValue.fromN("2024.5")));
    }

    @Test
    void temporalKindsThatContradictTheTypeHaveNoCodec() {
        assertNull(Codecs.temporal(java.sql.Date.class, TemporalType.TIMESTAMP));
        assertNull(Codecs.temporal(java.sql.Timestamp.class, TemporalType.DATE));
        assertNull(Codecs.temporal(LocalDate.class, TemporalType.DATE));
        assertNull(Codecs.basic(Date.class), "java.util.Date needs @Temporal");
        assertEquals(ValueKind.STRING, Codecs.temporal(java.sql.Time.class, TemporalType.TIME).kind());
    }

    @Test
    void boxedArraysWithNullElementsAreRefusedOnWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Codecs.basic(Byte[].class).write(new Byte[] {1, null}));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Codecs.basic(Character[].class).write(new Character[] {null}));
        assertEquals("ab", Codecs.basic(char[].class).write("ab".toCharArray()).s());
    }
}
