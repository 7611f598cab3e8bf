package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The codecs of the basic types. Temporal values are stored as fixed-width ISO-8601 strings so
 * that string order is time order (sort keys and range conditions depend on it).
 */
public final class Codecs {

    // STRICT: the default SMART resolver would read February 30 as February 29.
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LOCAL_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS").withResolverStyle(ResolverStyle.STRICT);

    private Codecs() {
    }

    /**
     * The codec of a basic (non-collection, non-embedded) Java type, or {@code null} if it is not one.
     * Reading is strict: only the DynamoDB type the codec writes is accepted, and its content must fit the
     * Java type exactly (a whole number in range for integral types, a finite non-vanishing value for
     * float and double, a canonical UUID, the stored temporal format). The one lenient reading is of
     * numbers: any form of the same value (5, 5.0, 5E0) reads into an integral type.
     */
    public static Codec basic(Class<?> type) {
        if (type == String.class) {
            return string(type, s -> (String) s, (s, av) -> s);
        }
        if (type == Integer.class || type == int.class) {
            return integral(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE, l -> (int) (long) l);
        }
        if (type == Long.class || type == long.class) {
            return integral(Long.class, Long.MIN_VALUE, Long.MAX_VALUE, l -> l);
        }
        if (type == Short.class || type == short.class) {
            return integral(Short.class, Short.MIN_VALUE, Short.MAX_VALUE, l -> (short) (long) l);
        }
        if (type == Byte.class || type == byte.class) {
            return integral(Byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE, l -> (byte) (long) l);
        }
        if (type == Double.class || type == double.class) {
            return floating(Double.class, n -> {
                double d = Double.parseDouble(n);
                return Double.isInfinite(d) ? null : (Object) d;
            });
        }
        if (type == Float.class || type == float.class) {
            return floating(Float.class, n -> {
                float f = Float.parseFloat(n);
                return Float.isInfinite(f) ? null : (Object) f;
            });
        }
        if (type == BigDecimal.class) {
            return number(BigDecimal.class, (n, av) -> decimal(n, av, "N (java.math.BigDecimal)"));
        }
        if (type == BigInteger.class) {
            String expected = "N (java.math.BigInteger)";
            return number(BigInteger.class, (n, av) -> {
                try {
                    return decimal(n, av, expected).toBigIntegerExact();
                } catch (ArithmeticException e) {
                    throw UnreadableValueException.badContent(av, expected, "not a whole number", null);
                }
            });
        }
        if (type == Boolean.class || type == boolean.class) {
            return new Simple(ValueKind.BOOLEAN, "BOOL (java.lang.Boolean)", v -> AttributeValue.fromBool((Boolean) v),
                    av -> {
                        Boolean b = av.bool();
                        if (b == null) {
                            throw UnreadableValueException.wrongType(av, "BOOL (java.lang.Boolean)");
                        }
                        return b;
                    });
        }
        if (type == Character.class || type == char.class) {
            return string(Character.class, c -> c.toString(), (s, av) -> {
                if (s.length() != 1) {
                    throw UnreadableValueException.badContent(av, "S (java.lang.Character)",
                            "a char holds exactly one UTF-16 unit, the string has " + s.length(), null);
                }
                return s.charAt(0);
            });
        }
        if (type == byte[].class) {
            return new Simple(ValueKind.BINARY, "B (byte[])", v -> AttributeValue.fromB(SdkBytes.fromByteArray((byte[]) v)),
                    av -> {
                        if (av.b() == null) {
                            throw UnreadableValueException.wrongType(av, "B (byte[])");
                        }
                        return av.b().asByteArray();
                    });
        }
        if (type == UUID.class) {
            return string(UUID.class, Object::toString, (s, av) -> {
                UUID u = null;
                try {
                    u = UUID.fromString(s);
                } catch (IllegalArgumentException e) {
                    // refused below with the others
                }
                // UUID.fromString also takes short forms such as 1-2-3-4-5: only the canonical one is exact.
                if (u == null || !u.toString().equalsIgnoreCase(s)) {
                    throw UnreadableValueException.badContent(av, "S (java.util.UUID)",
                            "not a UUID in the form 8-4-4-4-12 hex digits", null);
                }
                return u;
            });
        }
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
        if (type == Duration.class) {
            String expected = "N (java.time.Duration in nanoseconds)";
            return number(Duration.class, expected, d -> Long.toString(((Duration) d).toNanos()),
                    (n, av) -> Duration.ofNanos(wholeNumber(n, av, expected, Long.MIN_VALUE, Long.MAX_VALUE, "long")));
        }
        return null;
    }

    /** An enum stored by name ({@code EnumType.STRING}) or by ordinal. */
    public static Codec enumCodec(Class<?> type, boolean byName) {
        Object[] constants = type.getEnumConstants();
        if (byName) {
            Map<String, Object> byNames = new HashMap<>();
            for (Object c : constants) {
                byNames.put(((Enum<?>) c).name(), c);
            }
            return string(type, e -> ((Enum<?>) e).name(), (s, av) -> {
                Object c = byNames.get(s);
                if (c == null) {
                    throw UnreadableValueException.badContent(av, "S (" + type.getName() + ")",
                            "not a constant of " + type.getSimpleName() + " " + byNames.keySet(), null);
                }
                return c;
            });
        }
        String expected = "N (ordinal of " + type.getName() + ")";
        return number(type, expected, e -> Integer.toString(((Enum<?>) e).ordinal()), (n, av) -> {
            long ordinal = wholeNumber(n, av, expected, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
            if (ordinal < 0 || ordinal >= constants.length) {
                throw UnreadableValueException.badContent(av, expected, type.getSimpleName() + " has no constant of ordinal "
                        + ordinal + " (its ordinals are 0.." + (constants.length - 1) + ")", null);
            }
            return constants[(int) ordinal];
        });
    }

    /**
     * A collection of basic values: a {@link Set} of strings, numbers or binaries becomes SS/NS/BS, any
     * other collection a list (L). An empty set is not stored (DynamoDB has no empty sets). Reading takes
     * only the type written: a set stored as a list, or a list as a set, is refused.
     */
    public static Codec collection(Class<?> collectionType, Codec element) {
        boolean set = Set.class.isAssignableFrom(collectionType);
        if (set && element.kind() == ValueKind.STRING) {
            String expected = "SS, a set of " + element.expected();
            return new CollectionCodec(ValueKind.SET, true, element, expected,
                    c -> c.isEmpty() ? null : AttributeValue.fromSs(mapAll(c, v -> element.write(v).s())),
                    av -> {
                        if (!av.hasSs()) {
                            throw UnreadableValueException.wrongType(av, expected);
                        }
                        return elements(av.ss(), AttributeValue::fromS, element);
                    });
        }
        if (set && element.kind() == ValueKind.NUMBER) {
            String expected = "NS, a set of " + element.expected();
            return new CollectionCodec(ValueKind.SET, true, element, expected,
                    c -> c.isEmpty() ? null : AttributeValue.fromNs(mapAll(c, v -> element.write(v).n())),
                    av -> {
                        if (!av.hasNs()) {
                            throw UnreadableValueException.wrongType(av, expected);
                        }
                        return elements(av.ns(), AttributeValue::fromN, element);
                    });
        }
        if (set && element.kind() == ValueKind.BINARY) {
            String expected = "BS, a set of " + element.expected();
            return new CollectionCodec(ValueKind.SET, true, element, expected,
                    c -> c.isEmpty() ? null : AttributeValue.fromBs(mapAll(c, v -> element.write(v).b())),
                    av -> {
                        if (!av.hasBs()) {
                            throw UnreadableValueException.wrongType(av, expected);
                        }
                        return elements(av.bs(), AttributeValue::fromB, element);
                    });
        }
        String expected = "L, a list of " + element.expected();
        return new CollectionCodec(ValueKind.LIST, set, element, expected,
                c -> AttributeValue.fromL(mapAll(c, element::write)),
                av -> {
                    if (!av.hasL()) {
                        throw UnreadableValueException.wrongType(av, expected);
                    }
                    List<AttributeValue> stored = av.l();
                    List<Object> out = new ArrayList<>(stored.size());
                    for (int i = 0; i < stored.size(); i++) {
                        try {
                            out.add(element.read(stored.get(i)));
                        } catch (UnreadableValueException e) {
                            throw e.in("[" + i + "]");
                        }
                    }
                    return out;
                });
    }

    private static <T> List<Object> elements(List<T> stored, Function<T, AttributeValue> wrap, Codec element) {
        List<Object> out = new ArrayList<>(stored.size());
        for (T v : stored) {
            out.add(element.read(wrap.apply(v)));
        }
        return out;
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
        String expected = "N (java.time.Instant in epoch seconds)";
        return number(Instant.class, expected, v -> Long.toString(((Instant) v).getEpochSecond()),
                (n, av) -> {
                    long seconds = wholeNumber(n, av, expected, Long.MIN_VALUE, Long.MAX_VALUE, "long");
                    try {
                        return Instant.ofEpochSecond(seconds);
                    } catch (java.time.DateTimeException e) {
                        throw UnreadableValueException.badContent(av, expected, "beyond the range of Instant", e);
                    }
                });
    }

    private static Codec number(Class<?> type, BiFunction<String, AttributeValue, Object> read) {
        return number(type, "N (" + type.getName() + ")", Codecs::numberText, read);
    }

    private static Codec number(Class<?> type, String expected, Function<Object, String> write,
                                BiFunction<String, AttributeValue, Object> read) {
        return new Simple(ValueKind.NUMBER, expected, v -> AttributeValue.fromN(write.apply(v)), av -> {
            String n = av.n();
            if (n == null) {
                throw UnreadableValueException.wrongType(av, expected);
            }
            return read.apply(n, av);
        });
    }

    private static Codec integral(Class<?> type, long min, long max, Function<Long, Object> box) {
        String expected = "N (" + type.getName() + ")";
        String name = type.getSimpleName();
        return number(type, (n, av) -> box.apply(wholeNumber(n, av, expected, min, max, name)));
    }

    /** A stored number as a whole number within [min, max]; any exact form of it (7, 7.0, 7E0) is taken. */
    private static long wholeNumber(String n, AttributeValue av, String expected, long min, long max, String typeName) {
        long v;
        try {
            v = Long.parseLong(n);
        } catch (NumberFormatException notPlain) {
            BigDecimal d = decimal(n, av, expected);
            try {
                v = d.longValueExact();
            } catch (ArithmeticException e) {
                throw UnreadableValueException.badContent(av, expected, d.stripTrailingZeros().scale() > 0
                        ? "not a whole number" : "out of the range of " + typeName + " (" + min + ".." + max + ")", null);
            }
        }
        if (v < min || v > max) {
            throw UnreadableValueException.badContent(av, expected,
                    "out of the range of " + typeName + " (" + min + ".." + max + ")", null);
        }
        return v;
    }

    /** A stored number as a float or double: refused when it overflows to infinity or underflows to 0. */
    private static Codec floating(Class<?> type, Function<String, Object> parse) {
        String expected = "N (" + type.getName() + ")";
        return number(type, (n, av) -> {
            BigDecimal exact = decimal(n, av, expected);
            Object v = parse.apply(n);
            if (v == null || ((Number) v).doubleValue() == 0 && exact.signum() != 0) {
                throw UnreadableValueException.badContent(av, expected,
                        "beyond the range of " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT), null);
            }
            return v;
        });
    }

    private static BigDecimal decimal(String n, AttributeValue av, String expected) {
        try {
            return new BigDecimal(n);
        } catch (NumberFormatException e) {
            throw UnreadableValueException.badContent(av, expected, "not a number", null);
        }
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

    private static Codec string(Class<?> type, Function<Object, String> write, BiFunction<String, AttributeValue, Object> read) {
        String expected = "S (" + type.getName() + ")";
        return new Simple(ValueKind.STRING, expected, v -> AttributeValue.fromS(write.apply(v)), av -> {
            String s = av.s();
            if (s == null) {
                throw UnreadableValueException.wrongType(av, expected);
            }
            return read.apply(s, av);
        });
    }

    private static Codec temporal(Class<?> type, String form, Function<Object, String> write, Function<String, Object> parse) {
        return string(type, write, (s, av) -> {
            try {
                return parse.apply(s);
            } catch (DateTimeException e) {
                throw UnreadableValueException.badContent(av, "S (" + type.getName() + ")",
                        "not a " + type.getSimpleName() + " in the stored form " + form, e);
            }
        });
    }

    private record Simple(ValueKind kind, String expected, Function<Object, AttributeValue> writer,
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
    public record CollectionCodec(ValueKind kind, boolean set, Codec element, String expected,
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
