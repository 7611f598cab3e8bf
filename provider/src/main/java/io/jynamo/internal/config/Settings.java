package io.jynamo.internal.config;

import jakarta.persistence.PersistenceException;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one reader of settings (unit properties and query hints), in the manner of Caffeine's
 * {@code CaffeineSpec}: one rule per kind of value, and one wording for every refusal,
 * {@code Invalid value 'maybe' for property jynamo.consistent-read: expected true or false}.
 * Nothing is guessed: a boolean is {@code true} or {@code false} (any case), a number a whole
 * number in its range written in plain digits, an enum one of its names (any case). An absent
 * setting (no key, or a {@code null} value) takes the default.
 *
 * <p>A unit's properties are read once, by {@link UnitConfig#parse}; what may change per entity manager or
 * per query (hints) goes through {@link #oneOf}, so every value is taken by the same rules.
 */
public final class Settings {

    private Settings() {
    }

    /**
     * A boolean setting: a {@link Boolean}, or the text {@code true} or {@code false} in any case.
     *
     * @throws PersistenceException naming the key and the value otherwise
     */
    static boolean bool(Map<String, ?> properties, String key, boolean fallback) {
        Object value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid("property", key, value, "true or false");
    }

    /**
     * A whole-number setting within [min, max].
     *
     * @throws PersistenceException naming the key, the value and the range otherwise
     */
    static int integer(Map<String, ?> properties, String key, int fallback, int min, int max) {
        return (int) longValue(properties, key, fallback, min, max);
    }

    /**
     * A whole-number setting within [min, max]: an integral {@link Number} or plain decimal digits
     * (an optional sign, no exponent, no fraction).
     *
     * @throws PersistenceException naming the key, the value and the range otherwise
     */
    static long longValue(Map<String, ?> properties, String key, long fallback, long min, long max) {
        Object value = properties.get(key);
        return value == null ? fallback : wholeNumber(key, value, min, max);
    }

    /**
     * A whole-number setting within [min, max] that has no default: {@code null} when absent.
     *
     * @throws PersistenceException naming the key, the value and the range otherwise
     */
    static Long optionalLong(Map<String, ?> properties, String key, long min, long max) {
        Object value = properties.get(key);
        return value == null ? null : wholeNumber(key, value, min, max);
    }

    private static long wholeNumber(String key, Object value, long min, long max) {
        BigInteger n = null;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            n = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            n = b;
        } else if (!(value instanceof Number)) {
            String text = value.toString().trim();
            if (text.matches("[+-]?[0-9]+")) {
                n = new BigInteger(text);
            }
        }
        if (n == null || n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw invalid("property", key, value, "a whole number from " + min + " to " + max);
        }
        return n.longValueExact();
    }

    /**
     * One of a fixed list of words (compared in any case), returned as written in {@code allowed}.
     *
     * @throws PersistenceException naming the key, the value and the allowed words otherwise
     */
    static String choice(Map<String, ?> properties, String key, String fallback, String... allowed) {
        Object value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        String text = value.toString().trim();
        for (String a : allowed) {
            if (a.equalsIgnoreCase(text)) {
                return a;
            }
        }
        throw invalid("property", key, value, "one of " + String.join(", ", allowed) + " (any case)");
    }

    /**
     * The constant a hint or property value names, or {@code fallback} when the value is {@code null}.
     *
     * @throws IllegalArgumentException naming the key, the value and the accepted values
     */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String key, Object value, E fallback) {
        return oneOf("setting", type, key, value, fallback);
    }

    private static <E extends Enum<E>> E oneOf(String what, Class<E> type, String key, Object value, E fallback) {
        if (value == null) {
            return fallback;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        String text = value.toString().trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(message(what, key, value, "one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")) + " (any case)"));
    }

    /**
     * The constant a unit property names, or {@code fallback} when it is absent.
     *
     * @throws PersistenceException naming the property, the value and the accepted values
     */
    static <E extends Enum<E>> E property(Map<String, ?> properties, Class<E> type, String key, E fallback) {
        try {
            return oneOf("property", type, key, properties.get(key), fallback);
        } catch (IllegalArgumentException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    /** The refusal of a setting, in the one wording every key shares. */
    private static PersistenceException invalid(String what, String key, Object value, String expected) {
        return new PersistenceException(message(what, key, value, expected));
    }

    private static String message(String what, String key, Object value, String expected) {
        return "Invalid value '" + value + "' for " + what + " " + key + ": expected " + expected;
    }
}
