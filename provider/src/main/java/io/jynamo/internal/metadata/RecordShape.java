package io.jynamo.internal.metadata;

import jakarta.persistence.PersistenceException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;

/**
 * A Java record used as an embeddable or id class: records have no setters and no no-argument
 * constructor, so Jynamo reads their components through the accessors and builds them through the
 * canonical constructor (JPA 3.2, section 2.6).
 */
final class RecordShape {

    private final Class<?> type;
    private final String[] names;
    private final Class<?>[] types;
    private final Accessor[] components;
    private final MethodHandle canonical;

    private RecordShape(Class<?> type) {
        this.type = type;
        RecordComponent[] rc = type.getRecordComponents();
        names = new String[rc.length];
        types = new Class<?>[rc.length];
        components = new Accessor[rc.length];
        for (int i = 0; i < rc.length; i++) {
            names[i] = rc[i].getName();
            types[i] = rc[i].getType();
            components[i] = Accessor.recordComponent(rc[i]);
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            canonical = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, rc.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new PersistenceException("Cannot access the canonical constructor of record " + type.getName()
                    + ": " + e.getMessage() + " (open its package to Jynamo)", e);
        }
    }

    /** The shape of a record class, or {@code null} for any other class. */
    static RecordShape of(Class<?> type) {
        return type.isRecord() ? new RecordShape(type) : null;
    }

    /** The index of the component of that name; {@code -1} if there is none. */
    int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    int size() {
        return names.length;
    }

    /** A new record of these component values; a {@code null} for a primitive component becomes its default. */
    Object create(Object[] values) {
        Object[] args = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            args[i] = values[i] == null && types[i].isPrimitive()
                    ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(types[i], 1), 0) : values[i];
        }
        try {
            return canonical.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new PersistenceException("Cannot instantiate record " + type.getName()
                    + " through its canonical constructor", e);
        }
    }

    /** A copy of a record (or of an all-default one, when {@code record} is null) with one component replaced. */
    Object with(Object record, int index, Object value) {
        Object[] values = new Object[names.length];
        if (record != null) {
            for (int i = 0; i < values.length; i++) {
                values[i] = components[i].get(record);
            }
        }
        values[index] = value;
        return create(values);
    }
}
