package io.jynamo.internal.metadata;

import java.util.Map;

/** Small helpers on Java types. */
public final class Types {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            int.class, Integer.class, long.class, Long.class, short.class, Short.class, byte.class, Byte.class,
            double.class, Double.class, float.class, Float.class, boolean.class, Boolean.class, char.class, Character.class);

    private Types() {
    }

    /** The wrapper of a primitive type, or the type itself. */
    public static Class<?> box(Class<?> type) {
        return BOXES.getOrDefault(type, type);
    }
}
