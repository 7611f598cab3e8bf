package io.jynamo.jpql.plan;

import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.semantic.Types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Values computed in Java given the type JPQL says they have: {@code CAST(x AS type)}, and each select item
 * brought to its result type (the evaluator computes numbers as BigDecimal and dates as java.time values;
 * {@code SELECT e.count + 1} of an Integer attribute is an Integer, {@code SELECT CURRENT_DATE} a java.sql.Date).
 */
final class Results {
    private Results() {
    }

    /** {@code CAST(v AS type)}: a string's number, a number's text; NULL stays NULL. */
    static Object cast(Object v, String type) {
        if (v == null) {
            return null;
        }
        if (type.equals("STRING")) {
            return text(v);
        }
        BigDecimal n;
        if (v instanceof Number x) {
            n = Types.toBigDecimal(x);
        } else {
            try {
                n = new BigDecimal(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("CAST('" + v + "' AS " + type + "): '" + v + "' is not a number; "
                        + "cast only strings that hold numbers, or test them first (e.g. with LIKE)", e);
            }
        }
        return as(n, Computed.CAST_TYPES.get(type));
    }

    private static String text(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        Object local = Temporals.local(v);
        return local instanceof LocalDate || local instanceof LocalTime || local instanceof LocalDateTime
                ? local.toString() : v.toString();
    }

    /** The value as the type of its select item. */
    static Object as(Object v, Class<?> type) {
        if (v == null || type == Object.class || type.isInstance(v)) {
            return v;
        }
        if (v instanceof Number n && Types.numeric(type)) {
            if (type == Double.class) {
                return n.doubleValue();
            }
            if (type == Float.class) {
                return n.floatValue();
            }
            BigDecimal d = Types.toBigDecimal(n);
            if (type == BigDecimal.class) {
                return d;
            }
            if (type == BigInteger.class) {
                return d.toBigInteger();
            }
            if (type == Long.class) {
                return d.longValue();
            }
            if (type == Short.class) {
                return d.shortValue();
            }
            if (type == Byte.class) {
                return d.byteValue();
            }
            return d.intValue();
        }
        Object local = Temporals.local(v);
        if (type == java.sql.Date.class && local instanceof LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        if (type == java.sql.Date.class && local instanceof LocalDateTime d) {
            return java.sql.Date.valueOf(d.toLocalDate());
        }
        if (type == java.sql.Time.class && local instanceof LocalTime t) {
            return java.sql.Time.valueOf(t);
        }
        if (type == java.sql.Timestamp.class && local instanceof LocalDateTime t) {
            return java.sql.Timestamp.valueOf(t);
        }
        if (type == LocalDate.class && local instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (type == LocalDate.class || type == LocalTime.class || type == LocalDateTime.class) {
            return type.isInstance(local) ? local : v;
        }
        return type == String.class ? text(v) : v;
    }
}
