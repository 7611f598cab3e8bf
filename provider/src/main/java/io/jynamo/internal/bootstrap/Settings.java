package io.jynamo.internal.bootstrap;

import jakarta.persistence.PersistenceException;

import java.util.Arrays;
import java.util.Map;

/**
 * Reads a setting that takes one of a fixed set of values (an enum), given as the constant or as
 * its name in any case: one rule and one error message for unit properties and query hints alike.
 */
public final class Settings {

    private Settings() {
    }

    /**
     * The constant a hint or property value names, or {@code fallback} when the value is {@code null}.
     *
     * @throws IllegalArgumentException naming the key, the value and the accepted values
     */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String key, Object value, E fallback) {
        if (value == null) {
            return fallback;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.toString().trim())) {
                return constant;
            }
        }
        throw new IllegalArgumentException(key + "='" + value + "' is not one of "
                + Arrays.toString(type.getEnumConstants())
                + " (case does not matter)");
    }

    /**
     * The constant a unit property names, or {@code fallback} when it is absent.
     *
     * @throws PersistenceException naming the property, the value and the accepted values
     */
    public static <E extends Enum<E>> E property(Map<String, ?> properties, Class<E> type, String key, E fallback) {
        try {
            return oneOf(type, key, properties.get(key), fallback);
        } catch (IllegalArgumentException e) {
            throw new PersistenceException("Property " + e.getMessage(), e);
        }
    }
}
