package io.jynamo.internal.metadata;

import jakarta.persistence.PersistenceException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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

    /** The no-argument constructor of a mapped class as a handle returning Object; {@code what} names it in errors. */
    static MethodHandle constructor(Class<?> type, String what) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            return lookup.findConstructor(type, MethodType.methodType(void.class)).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            throw new PersistenceException(what + " needs a no-argument constructor (public or protected)", e);
        } catch (IllegalAccessException e) {
            throw new PersistenceException("Cannot access the constructor of " + what, e);
        }
    }

    /** A new instance through a handle from {@link #constructor}. */
    static Object instantiate(MethodHandle ctor, Class<?> type) {
        try {
            return ctor.invoke();
        } catch (Throwable e) {
            throw new PersistenceException("Cannot instantiate " + type.getName(), e);
        }
    }
}
