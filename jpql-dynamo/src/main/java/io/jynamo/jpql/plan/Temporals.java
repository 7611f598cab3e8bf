package io.jynamo.jpql.plan;

import io.jynamo.jpql.semantic.Types;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;
import java.util.Calendar;
import java.util.Date;

/**
 * Dates and times as the evaluator sees them: the values the provider's codecs read (java.time, java.util.Date
 * and its java.sql kinds, Calendar) brought to local dates and times for EXTRACT and for comparing values of two
 * kinds. A {@code java.util.Date} is read in the JVM's default time zone (as {@code java.sql.Date.toLocalDate}
 * does), a Calendar in its own, an Instant in UTC, an offset or zoned value in its own offset.
 */
final class Temporals {
    private Temporals() {
    }

    /** The value as a LocalDate, LocalTime or LocalDateTime; any other value as it is. */
    static Object local(Object v) {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (v instanceof Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
        }
        if (v instanceof Calendar c) {
            return LocalDateTime.ofInstant(c.toInstant(), c.getTimeZone().toZoneId());
        }
        if (v instanceof OffsetDateTime o) {
            return o.toLocalDateTime();
        }
        if (v instanceof ZonedDateTime z) {
            return z.toLocalDateTime();
        }
        if (v instanceof OffsetTime o) {
            return o.toLocalTime();
        }
        if (v instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        return v;
    }

    /**
     * The order of two dates or times of different kinds on one local time line (a date is its start of day), or
     * {@code null} when they cannot be compared (a time with a date).
     */
    static Integer compare(Object a, Object b) {
        Object x = local(a);
        Object y = local(b);
        if (x instanceof LocalDate d && y instanceof LocalDateTime) {
            x = d.atStartOfDay();
        }
        if (y instanceof LocalDate d && x instanceof LocalDateTime) {
            y = d.atStartOfDay();
        }
        // On one local time line now: two dates, two date-times or two times compare as Types orders them.
        return x instanceof LocalDate || x instanceof LocalDateTime || x instanceof LocalTime ? Types.compare(x, y) : null;
    }

    /**
     * {@code EXTRACT(field FROM v)}: YEAR, QUARTER, MONTH, WEEK (ISO week of the week-based year), DAY (of the
     * month), HOUR, MINUTE as Integer; SECOND as a Double with its fraction; DATE and TIME as LocalDate and LocalTime.
     */
    static Object extract(String field, Object v) {
        Object local = local(v);
        if (field.equals("DATE") || field.equals("TIME")) {
            if (local instanceof LocalDateTime dt) {
                return field.equals("DATE") ? dt.toLocalDate() : dt.toLocalTime();
            }
            if (field.equals("DATE") && local instanceof LocalDate || field.equals("TIME") && local instanceof LocalTime) {
                return local;
            }
            throw new IllegalArgumentException("EXTRACT(" + field + " FROM ...): the value " + v + " has no " + field);
        }
        TemporalField f = switch (field) {
            case "YEAR" -> ChronoField.YEAR;
            case "QUARTER" -> IsoFields.QUARTER_OF_YEAR;
            case "MONTH" -> ChronoField.MONTH_OF_YEAR;
            case "WEEK" -> IsoFields.WEEK_OF_WEEK_BASED_YEAR;
            case "DAY" -> ChronoField.DAY_OF_MONTH;
            case "HOUR" -> ChronoField.HOUR_OF_DAY;
            case "MINUTE" -> ChronoField.MINUTE_OF_HOUR;
            case "SECOND" -> ChronoField.SECOND_OF_MINUTE;
            default -> throw new IllegalStateException("not an EXTRACT field: " + field);
        };
        if (!(local instanceof TemporalAccessor t) || !t.isSupported(f)) {
            throw new IllegalArgumentException("EXTRACT(" + field + " FROM ...): the value " + v + " ("
                    + v.getClass().getName() + ") has no " + field + "; extract date fields from dates and time "
                    + "fields from times or timestamps");
        }
        if (field.equals("SECOND")) {
            return t.get(f) + (t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) / 1e9 : 0);
        }
        return t.get(f);
    }
}
