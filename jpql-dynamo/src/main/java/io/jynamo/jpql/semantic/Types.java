package io.jynamo.jpql.semantic;

import io.jynamo.jpql.AttributeInfo;
import io.jynamo.jpql.ValueKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/** Type rules shared by the analyser and the binder. */
public final class Types {
    private static final Set<Class<?>> NUMBERS = Set.of(Byte.class, Short.class, Integer.class, Long.class,
            Float.class, Double.class, BigDecimal.class, BigInteger.class);
    private static final Set<Class<?>> ORDERED = Set.of(String.class, Character.class, LocalDate.class,
            LocalDateTime.class, LocalTime.class);

    private Types() {
    }

    /** Whether the type is one of the standard numeric wrappers or BigDecimal/BigInteger. */
    public static boolean numeric(Class<?> type) {
        return NUMBERS.contains(type);
    }

    /**
     * Whether &lt; &lt;= &gt; &gt;= BETWEEN are meaningful on the attribute both in JPQL and in DynamoDB's
     * stored order (numbers, strings, ISO local dates and times).
     */
    public static boolean orderable(AttributeInfo a) {
        if (a.kind() == ValueKind.LIST || a.kind() == ValueKind.SET || a.kind() == ValueKind.MAP
                || a.kind() == ValueKind.BOOLEAN || a.kind() == ValueKind.BINARY) {
            return false;
        }
        return numeric(a.javaType()) || ORDERED.contains(a.javaType());
    }

    /** Whether the attribute is a collection (LIST or SET). */
    public static boolean collection(AttributeInfo a) {
        return a.kind() == ValueKind.LIST || a.kind() == ValueKind.SET;
    }

    /** Maps a primitive class to its wrapper. */
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
