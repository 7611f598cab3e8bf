package io.jynamo.tck.mapping;

import io.jynamo.tck.support.TestUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.jynamo.tck.mapping.ValueTypesRoundTripTest.SEED;
import static io.jynamo.tck.mapping.ValueTypesRoundTripTest.aChar;
import static io.jynamo.tck.mapping.ValueTypesRoundTripTest.calendar;
import static io.jynamo.tck.mapping.ValueTypesRoundTripTest.dateOnly;
import static io.jynamo.tck.mapping.ValueTypesRoundTripTest.instant;
import static io.jynamo.tck.mapping.ValueTypesRoundTripTest.localDate;
import static io.jynamo.tck.mapping.ValueTypesRoundTripTest.localTime;
import static io.jynamo.tck.mapping.ValueTypesRoundTripTest.offset;
import static io.jynamo.tck.mapping.ValueTypesRoundTripTest.timeOnly;
import static io.jynamo.tck.mapping.ValueTypesRoundTripTest.timestamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 10: every ordered value type is stored so that DynamoDB's order (of strings by code point, of numbers)
 * is the value's order. Each attribute is an index sort key, so the comparisons run as key conditions and
 * ORDER BY as the index's order; the results must equal the same selection sorted in Java, for seeded random
 * values (and the years' extremes, where a string would need a sign).
 */
class ValueTypesOrderTest {

    private static final int ITEMS = 40;
    private static TestUnit unit;
    private static final List<OrderedValues> ITEMS_STORED = new ArrayList<>();

    /** An attribute, how to make a value of it, and the value's order as the type defines it. */
    record Case(String attribute, Function<Random, Object> value, Function<Object, Comparable<?>> order) {
        @Override
        public String toString() {
            return attribute;
        }
    }

    static Stream<Arguments> cases() {
        Function<Object, Comparable<?>> natural = v -> (Comparable<?>) v;
        Function<Object, Comparable<?>> millis = v -> ((Date) v).getTime();
        return Stream.of(
                new Case("aChar", r -> aChar(r), natural),
                new Case("aShort", r -> (short) r.nextInt(), natural),
                new Case("aByte", r -> (byte) r.nextInt(), natural),
                new Case("utilDate", r -> dateOnly(localDate(r)), millis),
                new Case("utilTime", r -> timeOnly(localTime(r)), millis),
                new Case("utilTimestamp", r -> timestamp(instant(r)), millis),
                new Case("calendarDate", r -> calendar(dateOnly(localDate(r)).getTime()), v -> ((Calendar) v).getTimeInMillis()),
                new Case("calendarTime", r -> calendar(timeOnly(localTime(r)).getTime()), v -> ((Calendar) v).getTimeInMillis()),
                new Case("calendarTimestamp", r -> calendar(instant(r).toEpochMilli()), v -> ((Calendar) v).getTimeInMillis()),
                new Case("sqlDate", r -> new java.sql.Date(dateOnly(localDate(r)).getTime()), millis),
                new Case("sqlTime", r -> new java.sql.Time(timeOnly(localTime(r)).getTime()), millis),
                new Case("sqlTimestamp", r -> Timestamp.from(instant(r)), v -> ((Timestamp) v).toInstant()),
                // Stored as the UTC time of day: that is the order comparisons and ORDER BY follow.
                new Case("offsetTime", r -> OffsetTime.of(localTime(r), offset(r)),
                        v -> ((OffsetTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()),
                new Case("offsetDateTime", r -> instant(r).atOffset(offset(r)), v -> ((java.time.OffsetDateTime) v).toInstant()),
                new Case("instant", r -> instant(r), natural),
                new Case("year", r -> switch (r.nextInt(4)) {
                    case 0 -> Year.of(Year.MIN_VALUE + r.nextInt(3));
                    case 1 -> Year.of(Year.MAX_VALUE - r.nextInt(3));
                    default -> Year.of(r.nextInt(-20_000, 20_000));
                }, natural),
                new Case("localDate", r -> localDate(r), natural),
                new Case("localTime", r -> localTime(r), natural),
                new Case("localDateTime", r -> LocalDateTime.of(localDate(r), localTime(r)), natural)
        ).map(Arguments::of);
    }

    @BeforeAll
    static void start() throws ReflectiveOperationException {
        unit = TestUnit.of(OrderedValues.class).build();
        Random r = new Random(SEED);
        for (int i = 0; i < ITEMS; i++) {
            OrderedValues o = new OrderedValues();
            o.id = "o" + i;
            o.grp = "g";
            for (Arguments a : cases().toList()) {
                Case c = (Case) a.get()[0];
                OrderedValues.class.getField(c.attribute()).set(o, c.value().apply(r));
            }
            ITEMS_STORED.add(o);
        }
        unit.inTransaction(em -> ITEMS_STORED.forEach(em::persist));
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Comparable> expected(Case c, java.util.function.Predicate<Comparable> keep, boolean descending)
            throws ReflectiveOperationException {
        Field f = OrderedValues.class.getField(c.attribute());
        List<Comparable> keys = new ArrayList<>();
        for (OrderedValues o : ITEMS_STORED) {
            Comparable k = c.order().apply(f.get(o));
            if (keep.test(k)) {
                keys.add(k);
            }
        }
        keys.sort(descending ? Comparator.reverseOrder() : Comparator.naturalOrder());
        return keys;
    }

    @SuppressWarnings("rawtypes")
    private static List<Comparable> run(Case c, String condition, Object... params) throws ReflectiveOperationException {
        Field f = OrderedValues.class.getField(c.attribute());
        String a = "e." + c.attribute();
        List<OrderedValues> found = unit.fromTransaction(em -> {
            var q = em.createQuery("SELECT e FROM OrderedValues e WHERE e.grp = 'g' AND " + condition.replace("$", a)
                    + " ORDER BY " + a + (condition.contains("<=") ? " DESC" : ""), OrderedValues.class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter("p" + i, params[i]);
            }
            return q.getResultList();
        });
        List<Comparable> keys = new ArrayList<>();
        for (OrderedValues o : found) {
            keys.add(c.order().apply(f.get(o)));
        }
        return keys;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void comparisonsAndOrderByFollowTheValuesOrder(Case c) throws ReflectiveOperationException {
        Field f = OrderedValues.class.getField(c.attribute());
        Random r = new Random(SEED + c.attribute().hashCode());
        Object pivot = f.get(ITEMS_STORED.get(r.nextInt(ITEMS)));
        Comparable p = c.order().apply(pivot);
        List<Comparable> greater = expected(c, k -> k.compareTo(p) > 0, false);
        assertEquals(greater, run(c, "$ > :p0", pivot), c + " > pivot, ascending");
        List<Comparable> notGreater = expected(c, k -> k.compareTo(p) <= 0, true);
        assertFalse(notGreater.isEmpty());
        assertEquals(notGreater, run(c, "$ <= :p0", pivot), c + " <= pivot, descending");
        Object a = f.get(ITEMS_STORED.get(r.nextInt(ITEMS)));
        Object b = f.get(ITEMS_STORED.get(r.nextInt(ITEMS)));
        Object lo = ((Comparable) c.order().apply(a)).compareTo(c.order().apply(b)) <= 0 ? a : b;
        Object hi = lo == a ? b : a;
        Comparable l = c.order().apply(lo);
        Comparable h = c.order().apply(hi);
        assertEquals(expected(c, k -> k.compareTo(l) >= 0 && k.compareTo(h) <= 0, false),
                run(c, "$ BETWEEN :p0 AND :p1", lo, hi), c + " BETWEEN");
        if (l.compareTo(h) < 0) {
            // DynamoDB refuses a BETWEEN whose bounds are reversed: Jynamo knows the answer is empty without asking.
            unit.calls().reset();
            assertEquals(List.of(), run(c, "$ BETWEEN :p0 AND :p1", hi, lo), c + " BETWEEN reversed bounds");
            assertEquals(0, unit.calls().count("query") + unit.calls().count("scan"), c + " BETWEEN reversed bounds");
        }
    }
}
