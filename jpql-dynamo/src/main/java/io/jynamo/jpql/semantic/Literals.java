package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ast.Literal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Converts a literal to the Java type of what it is compared with or assigned to, refusing values out of range. */
final class Literals {
    private Literals() {
    }

    static Object convert(Literal l, Target t) {
        Object v = l.value();
        if (v == null) {
            return null;
        }
        Class<?> type = t.type();
        if (type == Object.class) {
            return v;
        }
        String shown = v instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(v);
        if (v instanceof String s) {
            if (type == String.class) {
                return s;
            }
            if (type == Character.class && s.length() == 1) {
                return s.charAt(0);
            }
            if (type.isEnum()) {
                throw l.pos().error(shown + " is a String but " + t.text() + " is the enum " + type.getName(),
                        "write the constant without quotes, e.g. " + firstConstant(type) + " or "
                                + type.getCanonicalName() + "." + firstConstant(type));
            }
            Object parsed = parseString(s, type);
            if (parsed != null) {
                return parsed;
            }
            if (parseable(type)) {
                throw l.pos().error(shown + " is not a valid " + type.getSimpleName() + " for " + t.text(),
                        "write it in ISO format or pass it as a parameter");
            }
            throw mismatch(l, shown, "a String", t);
        }
        if (v instanceof java.util.Date d) {
            Object x = temporal(d, type);
            if (x == null) {
                throw mismatch(l, shown, "a " + d.getClass().getName(), t);
            }
            return x;
        }
        if (v instanceof Boolean) {
            if (type == Boolean.class) {
                return v;
            }
            throw mismatch(l, shown, "a Boolean", t);
        }
        if (v instanceof Double || v instanceof Float) {
            // 1.5D, 1.5F: a decimal literal with its Java type, converted as any decimal literal is
            v = new BigDecimal(v.toString());
        }
        if (v instanceof BigDecimal d) {
            if (type == BigDecimal.class || type == Double.class || type == Float.class) {
                Object x = Types.fromBigDecimal(d, type);
                if (x == null && type != BigDecimal.class) {
                    x = type == Double.class ? (Object) d.doubleValue() : (Object) d.floatValue();
                    if (x instanceof Double dd && dd.isInfinite() || x instanceof Float ff && ff.isInfinite()) {
                        throw l.pos().error(shown + " is out of range for " + t.text() + " (" + type.getName() + ")", null);
                    }
                    // A literal too small for the type would silently compare as 0.
                    if (((Number) x).doubleValue() == 0 && d.signum() != 0) {
                        throw l.pos().error(shown + " is out of range for " + t.text() + " (" + type.getName()
                                + "): it is too small and would be 0", null);
                    }
                }
                return x;
            }
            throw mismatch(l, shown, "a decimal", t);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            if (type == Year.class) {
                Object x = Types.fromBigDecimal(Types.toBigDecimal((Number) v), Integer.class);
                if (x == null || (Integer) x < Year.MIN_VALUE || (Integer) x > Year.MAX_VALUE) {
                    throw l.pos().error(shown + " is out of range for " + t.text() + " (java.time.Year)", null);
                }
                return Year.of((Integer) x);
            }
            if (Types.numeric(type)) {
                Object x = Types.fromBigDecimal(Types.toBigDecimal((Number) v), type);
                if (x == null) {
                    throw l.pos().error(shown + " is out of range for " + t.text() + " (" + type.getName() + ")", null);
                }
                return x;
            }
            throw mismatch(l, shown, "an integer", t);
        }
        throw mismatch(l, shown, v.getClass().getName(), t);
    }

    /** The first constant of an enum, for hints that show how to write one. */
    static String firstConstant(Class<?> type) {
        Object[] cs = type.getEnumConstants();
        return cs.length == 0 ? "CONSTANT" : ((Enum<?>) cs[0]).name();
    }

    private static IllegalArgumentException mismatch(Literal l, String shown, String what, Target t) {
        return l.pos().error(shown + " is " + what + " but " + t.text() + " is " + t.type().getName(),
                "use a literal of the attribute's type or a parameter");
    }

    /** A JDBC escape literal as {@code type}: a java.util.Date, java.sql type or Calendar, or the java.time type it names. */
    private static Object temporal(java.util.Date d, Class<?> type) {
        if (java.util.Date.class.isAssignableFrom(type) || type == java.util.Calendar.class) {
            return Types.coerce(d, type);
        }
        if (d instanceof java.sql.Date sql && type == LocalDate.class) return sql.toLocalDate();
        if (d instanceof java.sql.Time sql && type == LocalTime.class) return sql.toLocalTime();
        if (d instanceof java.sql.Timestamp sql && type == LocalDateTime.class) return sql.toLocalDateTime();
        if (d instanceof java.sql.Timestamp sql && type == Instant.class) return sql.toInstant();
        return null;
    }

    private static boolean parseable(Class<?> type) {
        return type == UUID.class || type == LocalDate.class || type == LocalDateTime.class || type == LocalTime.class
                || type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == OffsetTime.class;
    }

    private static Object parseString(String s, Class<?> type) {
        try {
            if (type == UUID.class) return UUID.fromString(s);
            if (type == LocalDate.class) return LocalDate.parse(s);
            if (type == LocalDateTime.class) return LocalDateTime.parse(s);
            if (type == LocalTime.class) return LocalTime.parse(s);
            if (type == Instant.class) return Instant.parse(s);
            if (type == OffsetDateTime.class) return OffsetDateTime.parse(s);
            if (type == ZonedDateTime.class) return ZonedDateTime.parse(s);
            if (type == OffsetTime.class) return OffsetTime.parse(s);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
