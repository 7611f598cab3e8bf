package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ValueKind;
import io.jynamo.jpql.model.AttributeInfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** Type rules shared by the analyser and the binder. */
public final class Types {
    private static final Set<Class<?>> NUMBERS = Set.of(Byte.class, Short.class, Integer.class, Long.class,
            Float.class, Double.class, BigDecimal.class, BigInteger.class);
    private static final Set<Class<?>> ORDERED = Set.of(String.class, Character.class, LocalDate.class,
            LocalDateTime.class, LocalTime.class, Instant.class, OffsetDateTime.class, OffsetTime.class);
    /** Values stored as numbers whose order is the number's, besides the numbers themselves. */
    private static final Set<Class<?>> ORDERED_NUMBERS = Set.of(Year.class, Duration.class);

    private Types() {
    }

    /** Whether the type is a whole-number wrapper or BigInteger. */
    public static boolean whole(Class<?> type) {
        return type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class;
    }

    /** Whether the type is one of the standard numeric wrappers or BigDecimal/BigInteger. */
    public static boolean numeric(Class<?> type) {
        return NUMBERS.contains(type);
    }

    /**
     * Whether &lt; &lt;= &gt; &gt;= BETWEEN are meaningful on the attribute both in JPQL and in DynamoDB's
     * stored order: numbers stored as N, strings and ISO local dates and times stored as S. A converter
     * that stores a number as a string (or the reverse) makes the stored order differ from the Java one.
     */
    public static boolean orderable(AttributeInfo a) {
        Class<?> t = a.javaType();
        if (numeric(t) || ORDERED_NUMBERS.contains(t)) {
            return a.kind() == ValueKind.NUMBER;
        }
        // java.util.Date (and its java.sql subclasses) and Calendar are stored in the java.time forms.
        return (ORDERED.contains(t) || Date.class.isAssignableFrom(t) || Calendar.class.isAssignableFrom(t))
                && a.kind() == ValueKind.STRING;
    }

    /**
     * Whether a value of {@code lo} is greater than one of {@code hi} in DynamoDB's order, for two values of
     * an {@link #orderable} attribute (numbers, strings by code point, ISO dates and times by time).
     */
    public static boolean greater(Object lo, Object hi) {
        Integer c = compare(lo, hi);
        return c != null && c > 0;
    }

    /**
     * The order of two values of one orderable kind (numbers, strings by code point, characters, dates and times
     * by time, years, durations), or {@code null} when they are not two values of one such kind (or a number
     * has no decimal value, as NaN).
     */
    public static Integer compare(Object lo, Object hi) {
        if (lo instanceof Number a && hi instanceof Number b) {
            BigDecimal x = toBigDecimal(a);
            BigDecimal y = toBigDecimal(b);
            return x == null || y == null ? null : x.compareTo(y);
        }
        if (lo instanceof String a && hi instanceof String b) {
            return codePointCompare(a, b);
        }
        if (lo instanceof Character a && hi instanceof Character b) {
            return a.compareTo(b);
        }
        if (lo instanceof LocalDate a && hi instanceof LocalDate b) {
            return a.compareTo(b);
        }
        if (lo instanceof LocalDateTime a && hi instanceof LocalDateTime b) {
            return a.compareTo(b);
        }
        if (lo instanceof LocalTime a && hi instanceof LocalTime b) {
            return a.compareTo(b);
        }
        if (lo instanceof Instant a && hi instanceof Instant b) {
            return a.compareTo(b);
        }
        if (lo instanceof OffsetDateTime a && hi instanceof OffsetDateTime b) {
            return a.toInstant().compareTo(b.toInstant()); // the instants: both are stored in UTC
        }
        if (lo instanceof OffsetTime a && hi instanceof OffsetTime b) {
            // Stored as the UTC time of day, which wraps at midnight: OffsetTime's own order does not.
            return utcTime(a).compareTo(utcTime(b));
        }
        if (lo instanceof Year a && hi instanceof Year b) {
            return a.compareTo(b);
        }
        if (lo instanceof Duration a && hi instanceof Duration b) {
            return a.compareTo(b);
        }
        if (lo instanceof Date a && hi instanceof Date b) {
            // As instants: exact for timestamps; a DATE or TIME attribute stores only part of them.
            return instant(a).compareTo(instant(b));
        }
        if (lo instanceof Calendar a && hi instanceof Calendar b) {
            return Long.compare(a.getTimeInMillis(), b.getTimeInMillis());
        }
        return null;
    }

    private static LocalTime utcTime(OffsetTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
    }

    private static Instant instant(Date d) {
        // java.sql.Date and Time refuse toInstant(); a Timestamp's has its nanoseconds.
        return d instanceof Timestamp ts ? ts.toInstant() : Instant.ofEpochMilli(d.getTime());
    }

    /** String order as DynamoDB sees it (UTF-8 bytes, which is code point order). */
    public static int codePointCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /**
     * A value as DynamoDB identifies it: numbers equal as numbers ({@code 1.0} and {@code 1}) are one value.
     * For de-duplicating keys.
     */
    public static Object identity(Object v) {
        if (v instanceof Number n && !(v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
            BigDecimal d = toBigDecimal(n);
            return d == null ? v : d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        return v;
    }

    /** Whether the attribute is a collection (LIST or SET). */
    public static boolean collection(AttributeInfo a) {
        return a.kind() == ValueKind.LIST || a.kind() == ValueKind.SET;
    }

    /** Maps a primitive class to its wrapper. */
    /** JPQL's arithmetic types, widest first (JPA 4.8.6). */
    private static final List<Class<?>> WIDENING = List.of(Double.class, Float.class, BigDecimal.class,
            BigInteger.class, Long.class, Integer.class);

    /**
     * The type of arithmetic on values of these (wrapper) types, either of which may be {@code null} (unknown): the
     * widest of Double, Float, BigDecimal, BigInteger, Long, Integer; Short, Byte and other types count as Integer.
     */
    public static Class<?> wider(Class<?> a, Class<?> b) {
        for (Class<?> wide : WIDENING) {
            if (wide.equals(a) || wide.equals(b)) {
                return wide;
            }
        }
        return Integer.class;
    }

    public static Class<?> wrap(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) return Integer.class;
        if (c == long.class) return Long.class;
        if (c == boolean.class) return Boolean.class;
        if (c == double.class) return Double.class;
        if (c == float.class) return Float.class;
        if (c == short.class) return Short.class;
        if (c == byte.class) return Byte.class;
        if (c == char.class) return Character.class;
        return Void.class;
    }

    /**
     * Converts an argument to {@code expected} when that is lossless (an Integer for a Long attribute,
     * a Long for an Integer attribute in range, any integral number for BigDecimal...).
     *
     * @return the converted value, or {@code null} when it cannot be converted
     */
    public static Object coerce(Object value, Class<?> expected) {
        expected = wrap(expected);
        if (expected == Object.class || expected.isInstance(value)) {
            return value;
        }
        if (value instanceof Date d && Date.class.isAssignableFrom(expected)) {
            // A java.util.Date for a java.sql.Date, Time or Timestamp attribute, as JDBC drivers take it.
            if (expected == java.sql.Date.class) return new java.sql.Date(d.getTime());
            if (expected == java.sql.Time.class) return new java.sql.Time(d.getTime());
            if (expected == Timestamp.class) return Timestamp.from(instant(d));
            return null;
        }
        if (value instanceof Calendar c && Date.class.isAssignableFrom(expected)) {
            // A Calendar for a date attribute, as setParameter(name, Calendar, TemporalType) gives it (and JDBC takes it).
            return coerce(c.getTime(), expected);
        }
        if (value instanceof Date d && expected == Calendar.class) {
            Calendar c = Calendar.getInstance();
            c.setTime(d);
            return c;
        }
        if (value instanceof Character c && expected == String.class) {
            // A char for text, as TRIM's character and JDBC's setObject take it.
            return c.toString();
        }
        if (value instanceof Number n && numeric(expected)) {
            BigDecimal d = toBigDecimal(n);
            if (d == null) {
                return null;
            }
            return fromBigDecimal(d, expected);
        }
        return null;
    }

    /** A number as BigDecimal, or {@code null} for NaN/infinite or unknown Number types. */
    public static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return new BigDecimal(n.toString());
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        return null;
    }

    /** Converts exactly, or returns {@code null} when the value does not fit the type. */
    public static Object fromBigDecimal(BigDecimal d, Class<?> type) {
        try {
            if (type == BigDecimal.class) return d;
            if (type == BigInteger.class) return d.toBigIntegerExact();
            if (type == Long.class) return d.longValueExact();
            if (type == Integer.class) return d.intValueExact();
            if (type == Short.class) return d.shortValueExact();
            if (type == Byte.class) return d.byteValueExact();
            if (type == Double.class) {
                double v = d.doubleValue();
                return Double.isInfinite(v) || new BigDecimal(Double.toString(v)).compareTo(d) != 0 ? null : v;
            }
            if (type == Float.class) {
                float v = d.floatValue();
                return Float.isInfinite(v) || new BigDecimal(Float.toString(v)).compareTo(d) != 0 ? null : v;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
