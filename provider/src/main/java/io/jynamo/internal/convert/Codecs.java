package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The codecs of the basic types. Temporal values are stored as fixed-width ISO-8601 strings so
 * that string order is time order (sort keys and range conditions depend on it).
 */
public final class Codecs {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS");

    private Codecs() {
    }

    /** The codec of a basic (non-collection, non-embedded) Java type, or {@code null} if it is not one. */
    public static Codec basic(Class<?> type) {
        if (type == String.class) {
            return string(s -> (String) s, s -> s);
        }
        if (type == Integer.class || type == int.class) {
            return number(Integer::valueOf);
        }
        if (type == Long.class || type == long.class) {
            return number(Long::valueOf);
        }
        if (type == Short.class || type == short.class) {
            return number(Short::valueOf);
        }
        if (type == Byte.class || type == byte.class) {
            return number(Byte::valueOf);
        }
        if (type == Double.class || type == double.class) {
            return number(Double::valueOf);
        }
        if (type == Float.class || type == float.class) {
            return number(Float::valueOf);
        }
        if (type == BigDecimal.class) {
            return number(BigDecimal::new);
        }
        if (type == BigInteger.class) {
            return number(BigInteger::new);
        }
        if (type == Boolean.class || type == boolean.class) {
            return new Simple(ValueKind.BOOLEAN, v -> AttributeValue.fromBool((Boolean) v), AttributeValue::bool);
        }
        if (type == Character.class || type == char.class) {
            return string(c -> c.toString(), s -> s.charAt(0));
        }
        if (type == byte[].class) {
            return new Simple(ValueKind.BINARY, v -> AttributeValue.fromB(SdkBytes.fromByteArray((byte[]) v)),
                    av -> av.b().asByteArray());
        }
        if (type == UUID.class) {
            return string(Object::toString, UUID::fromString);
        }
        if (type == Instant.class) {
            return string(i -> INSTANT.format((Instant) i), s -> Instant.from(INSTANT.parse(s)));
        }
        if (type == LocalDate.class) {
            return string(Object::toString, LocalDate::parse);
        }
        if (type == LocalDateTime.class) {
            return string(t -> LOCAL_DATE_TIME.format((LocalDateTime) t), s -> LocalDateTime.parse(s, LOCAL_DATE_TIME));
        }
        if (type == LocalTime.class) {
            return string(t -> LOCAL_TIME.format((LocalTime) t), s -> LocalTime.parse(s, LOCAL_TIME));
        }
        if (type == OffsetDateTime.class) {
            // Normalised to UTC, as Hibernate does by default: the stored string then sorts as time.
            return string(t -> INSTANT.format(((OffsetDateTime) t).toInstant()),
                    s -> Instant.from(INSTANT.parse(s)).atOffset(ZoneOffset.UTC));
        }
        if (type == Duration.class) {
            return new Simple(ValueKind.NUMBER, d -> AttributeValue.fromN(Long.toString(((Duration) d).toNanos())),
                    av -> Duration.ofNanos(Long.parseLong(av.n())));
        }
        return null;
    }

    /** An enum stored by name ({@code EnumType.STRING}) or by ordinal. */
    public static Codec enumCodec(Class<?> type, boolean byName) {
        Object[] constants = type.getEnumConstants();
        if (byName) {
            return string(e -> ((Enum<?>) e).name(), s -> {
                for (Object c : constants) {
                    if (((Enum<?>) c).name().equals(s)) {
                        return c;
                    }
                }
                throw new IllegalStateException("Stored value '" + s + "' is not a constant of " + type.getName());
            });
        }
        return new Simple(ValueKind.NUMBER, e -> AttributeValue.fromN(Integer.toString(((Enum<?>) e).ordinal())),
                av -> constants[Integer.parseInt(av.n())]);
    }

    /**
     * A collection of basic values: a {@link Set} of strings, numbers or binaries becomes SS/NS/BS, any
     * other collection a list (L). An empty set is not stored (DynamoDB has no empty sets).
     */
    public static Codec collection(Class<?> collectionType, Codec element) {
        boolean set = Set.class.isAssignableFrom(collectionType);
        if (set && element.kind() == ValueKind.STRING) {
            return new CollectionCodec(ValueKind.SET, true, element,
                    c -> c.isEmpty() ? null : AttributeValue.fromSs(mapAll(c, v -> element.write(v).s())),
                    av -> av.ss().stream().map(s -> element.read(AttributeValue.fromS(s))).toList());
        }
        if (set && element.kind() == ValueKind.NUMBER) {
            return new CollectionCodec(ValueKind.SET, true, element,
                    c -> c.isEmpty() ? null : AttributeValue.fromNs(mapAll(c, v -> element.write(v).n())),
                    av -> av.ns().stream().map(s -> element.read(AttributeValue.fromN(s))).toList());
        }
        if (set && element.kind() == ValueKind.BINARY) {
            return new CollectionCodec(ValueKind.SET, true, element,
                    c -> c.isEmpty() ? null : AttributeValue.fromBs(mapAll(c, v -> element.write(v).b())),
                    av -> av.bs().stream().map(b -> element.read(AttributeValue.fromB(b))).toList());
        }
        return new CollectionCodec(ValueKind.LIST, set, element,
                c -> AttributeValue.fromL(mapAll(c, element::write)),
                av -> av.l().stream().map(element::read).toList());
    }

    private static <T> List<T> mapAll(Collection<?> values, Function<Object, T> f) {
        List<T> out = new ArrayList<>(values.size());
        for (Object v : values) {
            if (v == null) {
                throw new IllegalArgumentException("A collection attribute holds a null element; DynamoDB cannot store it");
            }
            out.add(f.apply(v));
        }
        return out;
    }

    /**
     * An {@code Instant} as a number of epoch seconds (the fraction of a second is dropped): the only
     * form DynamoDB's time to live reads; a {@code @TimeToLive} Instant is stored so.
     */
    public static Codec epochSeconds() {
        return new Simple(ValueKind.NUMBER, v -> AttributeValue.fromN(Long.toString(((Instant) v).getEpochSecond())),
                av -> Instant.ofEpochSecond(new BigDecimal(av.n()).longValue()));
    }

    private static Codec number(Function<String, Object> parse) {
        return new Simple(ValueKind.NUMBER, v -> AttributeValue.fromN(numberText(v)), av -> parse.apply(av.n()));
    }

    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");
    private static final BigDecimal TOO_LARGE = new BigDecimal("1E+126");

    private static String numberText(Object v) {
        if (v instanceof Double d && (d.isNaN() || d.isInfinite()) || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            throw new IllegalArgumentException("DynamoDB numbers cannot be NaN or infinite: " + v);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return v.toString();
        }
        BigDecimal n = v instanceof BigDecimal bd ? bd : v instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(v.toString());
        BigDecimal magnitude = n.abs();
        if (n.signum() != 0 && (magnitude.compareTo(SMALLEST) < 0 || magnitude.compareTo(TOO_LARGE) >= 0)) {
            throw new IllegalArgumentException("DynamoDB cannot store the number " + v
                    + ": its magnitude must lie between 1E-130 and 9.99E+125 (or be 0)");
        }
        if (n.stripTrailingZeros().precision() > 38) {
            throw new IllegalArgumentException("DynamoDB cannot store the number " + v
                    + ": it has more than 38 significant digits");
        }
        // DynamoDB normalises numbers (2.50 is kept as 2.5): written so, keys and items Jynamo builds equal those it reads.
        return io.jynamo.internal.dynamo.AttributeValues.canonicalNumber(n.toString());
    }

    private static Codec string(Function<Object, String> write, Function<String, Object> read) {
        return new Simple(ValueKind.STRING, v -> AttributeValue.fromS(write.apply(v)), av -> read.apply(av.s()));
    }

    private record Simple(ValueKind kind, Function<Object, AttributeValue> writer,
                          Function<AttributeValue, Object> reader) implements Codec {
        @Override
        public AttributeValue write(Object value) {
            return writer.apply(value);
        }

        @Override
        public Object read(AttributeValue value) {
            return reader.apply(value);
        }
    }

    /** A codec of collections; {@link #element()} converts single elements (MEMBER OF, IN). */
    public record CollectionCodec(ValueKind kind, boolean set, Codec element,
                                  Function<Collection<?>, AttributeValue> writer,
                                  Function<AttributeValue, List<Object>> reader) implements Codec {
        @Override
        public AttributeValue write(Object value) {
            return writer.apply((Collection<?>) value);
        }

        @Override
        public Object read(AttributeValue value) {
            List<Object> values = reader.apply(value);
            return set ? new LinkedHashSet<>(values) : new ArrayList<>(values);
        }
    }
}
