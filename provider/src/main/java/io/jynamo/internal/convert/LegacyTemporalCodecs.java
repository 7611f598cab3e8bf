package io.jynamo.internal.convert;

import jakarta.persistence.TemporalType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * The codecs of {@code java.util.Date}, {@code Calendar} and the {@code java.sql} date and time types.
 * They are stored in the same fixed-width ISO-8601 forms as the java.time type that holds the same
 * information (a timestamp as an {@code Instant}, a date as a {@code LocalDate}, a time as a
 * {@code LocalTime}), so string order is time order and queries compare them like java.time values.
 *
 * <p>A date or a time of a {@code java.util.Date} is taken in the JVM's default time zone, as JDBC does
 * ({@code java.sql.Date.toLocalDate()}); a {@code Calendar}'s in its own zone. Conversions go through
 * {@code Instant} (the proleptic Gregorian calendar), never through the deprecated field accessors, so
 * dates before 1582 keep their instant.
 */
final class LegacyTemporalCodecs {

    private LegacyTemporalCodecs() {
    }

    /** The codec of a {@code java.sql} type or of {@code java.util.Date}/{@code Calendar} as the given kind. */
    static Codec of(Class<?> type, TemporalType kind) {
        if (type == java.sql.Timestamp.class) {
            // Timestamp keeps nanoseconds, as Instant does.
            return TemporalCodecs.instantBased(type, v -> ((java.sql.Timestamp) v).toInstant(), (i, av) -> {
                try {
                    return java.sql.Timestamp.from(i);
                } catch (IllegalArgumentException e) {
                    throw UnreadableValueException.badContent(av, expected(type), "beyond the range of Timestamp", e);
                }
            });
        }
        if (type == java.sql.Date.class) {
            return TemporalCodecs.localDateBased(type, v -> localDate((Date) v, ZoneId.systemDefault()),
                    (d, av) -> new java.sql.Date(millis(d.atStartOfDay(ZoneId.systemDefault()).toInstant(), av, type)));
        }
        if (type == java.sql.Time.class) {
            return TemporalCodecs.localTimeBased(type, v -> localTime((Date) v, ZoneId.systemDefault()),
                    (t, av) -> new java.sql.Time(millis(timeOfEpochDay(t, ZoneId.systemDefault()), av, type)));
        }
        if (type == Date.class) {
            return switch (kind) {
                case DATE -> TemporalCodecs.localDateBased(type, v -> localDate((Date) v, ZoneId.systemDefault()),
                        (d, av) -> new Date(millis(d.atStartOfDay(ZoneId.systemDefault()).toInstant(), av, type)));
                case TIME -> TemporalCodecs.localTimeBased(type, v -> localTime((Date) v, ZoneId.systemDefault()),
                        (t, av) -> new Date(millis(timeOfEpochDay(t, ZoneId.systemDefault()), av, type)));
                case TIMESTAMP -> TemporalCodecs.instantBased(type, v -> ((Date) v).toInstant(),
                        (i, av) -> new Date(millis(i, av, type)));
            };
        }
        if (type == Calendar.class || type == GregorianCalendar.class) {
            return switch (kind) {
                case DATE -> TemporalCodecs.localDateBased(type, v -> zoned((Calendar) v).toLocalDate(),
                        (d, av) -> calendar(d.atStartOfDay(ZoneId.systemDefault()), av, type));
                case TIME -> TemporalCodecs.localTimeBased(type, v -> zoned((Calendar) v).toLocalTime(),
                        (t, av) -> calendar(LocalDate.EPOCH.atTime(t).atZone(ZoneId.systemDefault()), av, type));
                case TIMESTAMP -> TemporalCodecs.instantBased(type, v -> ((Calendar) v).toInstant(),
                        (i, av) -> calendar(i.atZone(ZoneId.systemDefault()), av, type));
            };
        }
        return null;
    }

    /** The temporal kind a {@code java.sql} type has by itself, or {@code null} for the others. */
    static TemporalType sqlKind(Class<?> type) {
        return type == java.sql.Timestamp.class ? TemporalType.TIMESTAMP
                : type == java.sql.Date.class ? TemporalType.DATE
                : type == java.sql.Time.class ? TemporalType.TIME : null;
    }

    private static String expected(Class<?> type) {
        return "S (" + type.getName() + ")";
    }

    private static LocalDate localDate(Date d, ZoneId zone) {
        return Instant.ofEpochMilli(d.getTime()).atZone(zone).toLocalDate();
    }

    private static LocalTime localTime(Date d, ZoneId zone) {
        return Instant.ofEpochMilli(d.getTime()).atZone(zone).toLocalTime();
    }

    private static Instant timeOfEpochDay(LocalTime t, ZoneId zone) {
        return LocalDate.EPOCH.atTime(t).atZone(zone).toInstant();
    }

    private static ZonedDateTime zoned(Calendar c) {
        TimeZone zone = c.getTimeZone();
        return c.toInstant().atZone(zone.toZoneId());
    }

    private static Calendar calendar(ZonedDateTime t, AttributeValue av,
                                     Class<?> type) {
        millis(t.toInstant(), av, type);
        return GregorianCalendar.from(t);
    }

    /** The epoch milliseconds of a stored instant, refused when it has a fraction of a millisecond the type would drop. */
    private static long millis(Instant i, AttributeValue av, Class<?> type) {
        if (i.getNano() % 1_000_000 != 0) {
            throw UnreadableValueException.badContent(av, expected(type),
                    type.getSimpleName() + " holds milliseconds, the stored value has a finer fraction", null);
        }
        try {
            return i.toEpochMilli();
        } catch (ArithmeticException | DateTimeException e) {
            throw UnreadableValueException.badContent(av, expected(type), "beyond the range of " + type.getSimpleName(), e);
        }
    }
}
