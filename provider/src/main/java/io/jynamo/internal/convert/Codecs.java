package io.jynamo.internal.convert;

import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import jakarta.persistence.TemporalType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The codecs of the basic types, of enums and of collections: the entry point the rest of the provider
 * uses. Numbers are in {@link NumberCodecs}, java.time values in {@link TemporalCodecs} (fixed-width
 * ISO-8601 strings, so that string order is time order), collections in {@link CollectionCodecs}.
 */
public final class Codecs {

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
        Codec common = CommonCodec.of(type);
        if (common != null) {
            return common;
        }
        Codec number = NumberCodecs.of(type);
        if (number != null) {
            return number;
        }
        if (type == Character.class || type == char.class) {
            return SimpleCodec.string(Character.class, c -> c.toString(), (s, av) -> {
                if (s.length() != 1) {
                    throw UnreadableValueException.badContent(av, "S (java.lang.Character)",
                            "a char holds exactly one UTF-16 unit, the string has " + s.length(), null);
                }
                return s.charAt(0);
            });
        }
        if (type == byte[].class) {
            return new SimpleCodec(ValueKind.BINARY, "B (byte[])", v -> AttributeValue.fromB(SdkBytes.fromByteArray((byte[]) v)),
                    av -> {
                        if (av.b() == null) {
                            throw UnreadableValueException.wrongType(av, "B (byte[])");
                        }
                        return av.b().asByteArray();
                    });
        }
        if (type == UUID.class) {
            return SimpleCodec.string(UUID.class, Object::toString, (s, av) -> {
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
        if (type == char[].class) {
            return SimpleCodec.string(char[].class, c -> new String((char[]) c), (str, av) -> str.toCharArray());
        }
        if (type == Character[].class) {
            return SimpleCodec.string(Character[].class, c -> {
                Character[] chars = (Character[]) c;
                StringBuilder b = new StringBuilder(chars.length);
                for (int i = 0; i < chars.length; i++) {
                    if (chars[i] == null) {
                        throw new IllegalArgumentException("Cannot store a Character[] with a null element (at index " + i
                                + "): it is stored as one string; use a List<Character> or replace the null");
                    }
                    b.append(chars[i].charValue());
                }
                return b.toString();
            }, (str, av) -> {
                Character[] chars = new Character[str.length()];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = str.charAt(i);
                }
                return chars;
            });
        }
        if (type == Byte[].class) {
            return new SimpleCodec(ValueKind.BINARY, "B (java.lang.Byte[])", v -> {
                Byte[] boxed = (Byte[]) v;
                byte[] bytes = new byte[boxed.length];
                for (int i = 0; i < bytes.length; i++) {
                    if (boxed[i] == null) {
                        throw new IllegalArgumentException("Cannot store a Byte[] with a null element (at index " + i
                                + "): it is stored as one binary; use a List<Byte> or replace the null");
                    }
                    bytes[i] = boxed[i];
                }
                return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
            }, av -> {
                if (av.b() == null) {
                    throw UnreadableValueException.wrongType(av, "B (java.lang.Byte[])");
                }
                byte[] bytes = av.b().asByteArrayUnsafe();
                Byte[] boxed = new Byte[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    boxed[i] = bytes[i];
                }
                return boxed;
            });
        }
        TemporalType sql = LegacyTemporalCodecs.sqlKind(type);
        if (sql != null) {
            return LegacyTemporalCodecs.of(type, sql);
        }
        return TemporalCodecs.of(type);
    }

    /**
     * The codec of a {@code java.util.Date} or {@code Calendar} with {@code @Temporal(kind)}, or of a
     * {@code java.sql} date/time type whose own kind is {@code kind}; {@code null} for any other pair.
     */
    public static Codec temporal(Class<?> type, TemporalType kind) {
        TemporalType sql = LegacyTemporalCodecs.sqlKind(type);
        if (sql != null) {
            return sql == kind ? LegacyTemporalCodecs.of(type, sql) : null;
        }
        return LegacyTemporalCodecs.of(type, kind);
    }

    /** An enum stored by name ({@code EnumType.STRING}) or by ordinal. */
    public static Codec enumCodec(Class<?> type, boolean byName) {
        Object[] constants = type.getEnumConstants();
        if (byName) {
            Map<String, Object> byNames = new HashMap<>();
            for (Object c : constants) {
                byNames.put(((Enum<?>) c).name(), c);
            }
            return SimpleCodec.string(type, e -> ((Enum<?>) e).name(), (s, av) -> {
                Object c = byNames.get(s);
                if (c == null) {
                    throw UnreadableValueException.badContent(av, "S (" + type.getName() + ")",
                            "not a constant of " + type.getSimpleName() + " " + byNames.keySet(), null);
                }
                return c;
            });
        }
        String expected = "N (ordinal of " + type.getName() + ")";
        return NumberCodecs.number(type, expected, e -> Integer.toString(((Enum<?>) e).ordinal()), (n, av) -> {
            long ordinal = NumberCodecs.wholeNumber(n, av, expected, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
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
        return CollectionCodecs.of(collectionType, element);
    }

    /**
     * An {@code Instant} as a number of epoch seconds (the fraction of a second is dropped): the only
     * form DynamoDB's time to live reads; a {@code @TimeToLive} Instant is stored so.
     */
    public static Codec epochSeconds() {
        return TemporalCodecs.epochSeconds();
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
