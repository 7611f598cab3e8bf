package io.jynamo.internal.convert;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The codecs of java.time values. Points in time are stored as fixed-width ISO-8601 strings so that
 * string order is time order (sort keys and range conditions depend on it); a Duration as nanoseconds.
 */
final class TemporalCodecs {

    // STRICT: the default SMART resolver would read February 30 as February 29.
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LOCAL_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS").withResolverStyle(ResolverStyle.STRICT);

    private TemporalCodecs() {
    }

    /** The codec of a java.time type, or {@code null}. */
    static Codec of(Class<?> type) {
        if (type == Instant.class) {
            return temporal(Instant.class, "uuuu-MM-ddTHH:mm:ss.nnnnnnnnnZ", i -> INSTANT.format((Instant) i),
                    s -> Instant.from(INSTANT.parse(s)));
        }
        if (type == LocalDate.class) {
            return temporal(LocalDate.class, "uuuu-MM-dd", Object::toString, LocalDate::parse);
        }
        if (type == LocalDateTime.class) {
            return temporal(LocalDateTime.class, "uuuu-MM-ddTHH:mm:ss.nnnnnnnnn",
                    t -> LOCAL_DATE_TIME.format((LocalDateTime) t), s -> LocalDateTime.parse(s, LOCAL_DATE_TIME));
        }
        if (type == LocalTime.class) {
            return temporal(LocalTime.class, "HH:mm:ss.nnnnnnnnn", t -> LOCAL_TIME.format((LocalTime) t),
                    s -> LocalTime.parse(s, LOCAL_TIME));
        }
        if (type == OffsetDateTime.class) {
            // Normalised to UTC, as Hibernate does by default: the stored string then sorts as time.
            return temporal(OffsetDateTime.class, "uuuu-MM-ddTHH:mm:ss.nnnnnnnnnZ",
                    t -> INSTANT.format(((OffsetDateTime) t).toInstant()),
                    s -> Instant.from(INSTANT.parse(s)).atOffset(ZoneOffset.UTC));
        }
        if (type == OffsetTime.class) {
            // Normalised to UTC like OffsetDateTime: string order is the order of the UTC times of day.
            return temporal(OffsetTime.class, "HH:mm:ss.nnnnnnnnnZ",
                    t -> LOCAL_TIME.format(((OffsetTime) t).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()) + "Z",
                    s -> {
                        if (!s.endsWith("Z")) {
                            throw new DateTimeException("no Z");
                        }
                        return OffsetTime.of(LocalTime.parse(s.substring(0, s.length() - 1), LOCAL_TIME), ZoneOffset.UTC);
                    });
        }
        if (type == Year.class) {
            // A number: its order is the years' order, at every width and sign (a string would need padding).
            String expected = "N (java.time.Year)";
            return NumberCodecs.number(Year.class, expected, y -> Integer.toString(((Year) y).getValue()),
                    (n, av) -> Year.of((int) NumberCodecs.wholeNumber(n, av, expected, Year.MIN_VALUE, Year.MAX_VALUE, "Year")));
        }
        if (type == Duration.class) {
            String expected = "N (java.time.Duration in nanoseconds)";
            return NumberCodecs.number(Duration.class, expected, d -> Long.toString(((Duration) d).toNanos()),
                    (n, av) -> Duration.ofNanos(NumberCodecs.wholeNumber(n, av, expected, Long.MIN_VALUE, Long.MAX_VALUE, "long")));
        }
        return null;
    }

    /**
     * An {@code Instant} as a number of epoch seconds (the fraction of a second is dropped): the only
     * form DynamoDB's time to live reads; a {@code @TimeToLive} Instant is stored so.
     */
    static Codec epochSeconds() {
        String expected = "N (java.time.Instant in epoch seconds)";
        return NumberCodecs.number(Instant.class, expected, v -> Long.toString(((Instant) v).getEpochSecond()),
                (n, av) -> {
                    long seconds = NumberCodecs.wholeNumber(n, av, expected, Long.MIN_VALUE, Long.MAX_VALUE, "long");
                    try {
                        return Instant.ofEpochSecond(seconds);
                    } catch (DateTimeException e) {
                        throw UnreadableValueException.badContent(av, expected, "beyond the range of Instant", e);
                    }
                });
    }

    /** A type stored as an {@code Instant} is (UTC, nanoseconds); {@code read} may refuse what the type cannot hold. */
    static Codec instantBased(Class<?> type, Function<Object, Instant> toInstant,
                              BiFunction<Instant, AttributeValue, Object> read) {
        return based(type, "uuuu-MM-ddTHH:mm:ss.nnnnnnnnnZ", v -> INSTANT.format(toInstant.apply(v)),
                s -> Instant.from(INSTANT.parse(s)), read);
    }

    /** A type stored as a {@code LocalDate} is. */
    static Codec localDateBased(Class<?> type, Function<Object, LocalDate> toDate,
                                BiFunction<LocalDate, AttributeValue, Object> read) {
        return based(type, "uuuu-MM-dd", v -> toDate.apply(v).toString(), LocalDate::parse, read);
    }

    /** A type stored as a {@code LocalTime} is. */
    static Codec localTimeBased(Class<?> type, Function<Object, LocalTime> toTime,
                                BiFunction<LocalTime, AttributeValue, Object> read) {
        return based(type, "HH:mm:ss.nnnnnnnnn", v -> LOCAL_TIME.format(toTime.apply(v)),
                s -> LocalTime.parse(s, LOCAL_TIME), read);
    }

    private static <T> Codec based(Class<?> type, String form, Function<Object, String> write, Function<String, T> parse,
                                   BiFunction<T, AttributeValue, Object> read) {
        return SimpleCodec.string(type, write, (s, av) -> {
            T t;
            try {
                t = parse.apply(s);
            } catch (DateTimeException e) {
                throw UnreadableValueException.badContent(av, "S (" + type.getName() + ")",
                        "not a " + type.getSimpleName() + " in the stored form " + form, e);
            }
            return read.apply(t, av);
        });
    }

    private static Codec temporal(Class<?> type, String form, Function<Object, String> write, Function<String, Object> parse) {
        return SimpleCodec.string(type, write, (s, av) -> {
            try {
                return parse.apply(s);
            } catch (DateTimeException e) {
                throw UnreadableValueException.badContent(av, "S (" + type.getName() + ")",
                        "not a " + type.getSimpleName() + " in the stored form " + form, e);
            }
        });
    }
}
