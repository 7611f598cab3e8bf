package io.jynamo.internal.metadata;

import jakarta.persistence.PersistenceException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Reads and writes one attribute of an object through method handles made once at bootstrap, so
 * no reflection runs on the hot path.
 */
public final class Accessor {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final MethodHandle getter;
    private final MethodHandle setter;
    /** The getter and setter as looked up, with the attribute's own type (for generated code). */
    private final MethodHandle exactGetter;
    private final MethodHandle exactSetter;
    private final Object defaultValue;
    private final String where;
    private Accessor outer;
    private Accessor inner;
    private java.util.function.Supplier<Object> outerFactory;

    private Accessor(MethodHandle getter, MethodHandle setter, Class<?> type, String where) {
        this.getter = getter.asType(GETTER);
        this.setter = setter.asType(SETTER);
        this.exactGetter = getter;
        this.exactSetter = setter;
        this.defaultValue = type.isPrimitive() ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0) : null;
        this.where = where;
    }

    /** Direct access to a field (field access). */
    static Accessor field(Field field) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            return new Accessor(lookup.unreflectGetter(field), lookup.unreflectSetter(field), field.getType(),
                    field.getDeclaringClass().getName() + "." + field.getName());
        } catch (IllegalAccessException e) {
            throw new PersistenceException("Cannot access field " + field + ": " + e.getMessage()
                    + " (open the package to Jynamo, or make the field accessible)", e);
        }
    }

    /** Access through a getter and a setter (property access). */
    static Accessor property(Method getter, Method setter) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(getter.getDeclaringClass(), MethodHandles.lookup());
            return new Accessor(lookup.unreflect(getter), lookup.unreflect(setter), getter.getReturnType(),
                    getter.getDeclaringClass().getName() + "." + getter.getName() + "()");
        } catch (IllegalAccessException e) {
            throw new PersistenceException("Cannot access property " + getter + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a component of a record through its accessor. Records are immutable: setting refuses, and
     * Jynamo builds them through their canonical constructor instead ({@link RecordShape}).
     */
    static Accessor recordComponent(java.lang.reflect.RecordComponent component) {
        String where = component.getDeclaringRecord().getName() + "." + component.getName();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(component.getDeclaringRecord(), MethodHandles.lookup());
            MethodHandle refuse = MethodHandles.lookup().findStatic(Accessor.class, "refuseSet",
                    MethodType.methodType(void.class, String.class, Object.class, Object.class));
            return new Accessor(lookup.unreflect(component.getAccessor()), MethodHandles.insertArguments(refuse, 0, where),
                    component.getType(), where);
        } catch (ReflectiveOperationException e) {
            throw new PersistenceException("Cannot access record component " + where + ": " + e.getMessage()
                    + " (open the package to Jynamo)", e);
        }
    }

    @SuppressWarnings("unused") // called through a method handle
    private static void refuseSet(String where, Object owner, Object value) {
        throw new IllegalStateException("Record component " + where + " cannot be set: records are immutable"
                + " and built through their canonical constructor");
    }

    /**
     * Access to a component of a record held in another attribute (a part of an {@code @EmbeddedId} record):
     * setting it replaces the record with a copy that has the new component.
     */
    static Accessor recordChain(Accessor outer, RecordShape shape, int index, Accessor component) {
        Accessor a = new Accessor(outer, component, null);
        a.recordShape = shape;
        a.recordIndex = index;
        return a;
    }

    private RecordShape recordShape;
    private int recordIndex;
    /** A key read through a relationship (a derived identity): setting it does nothing. */
    private boolean through;

    /**
     * The key of the entity another attribute refers to (an {@code @Id} relationship): read through it;
     * setting it does nothing, since the relationship is set from the stored key when the entity is loaded.
     */
    static Accessor through(Accessor relationship, Accessor targetKey) {
        Accessor a = new Accessor(relationship, targetKey, null);
        a.through = true;
        return a;
    }

    /** The sort key of three or more key attributes, or {@code null}. */
    private CompositeKey composite;

    /** The sort key joined from the key attributes after the partition key (see {@link CompositeKey}). */
    static Accessor composite(CompositeKey key, String where) {
        Accessor a = new Accessor(where);
        a.composite = key;
        return a;
    }

    private Accessor(String where) {
        this.getter = null;
        this.setter = null;
        this.exactGetter = null;
        this.exactSetter = null;
        this.defaultValue = null;
        this.where = where;
    }

    /** The composite sort key this accessor reads and writes, or {@code null}. */
    CompositeKey composite() {
        return composite;
    }

    private Accessor(Accessor outer, Accessor inner, java.util.function.Supplier<Object> outerFactory) {
        this.getter = null;
        this.setter = null;
        this.exactGetter = null;
        this.exactSetter = null;
        this.defaultValue = inner.defaultValue;
        this.where = inner.where;
        this.outer = outer;
        this.inner = inner;
        this.outerFactory = outerFactory;
    }

    /**
     * Access to an attribute of an object held in another attribute (a part of an {@code @EmbeddedId});
     * setting it creates the holder when it is null.
     */
    static Accessor chain(Accessor outer, Accessor inner, java.util.function.Supplier<Object> outerFactory) {
        return new Accessor(outer, inner, outerFactory);
    }

    /**
     * The getter as a handle of type {@code (Object)type}, or {@code null} when reading is more than one call
     * returning that type (a part of an embedded id, a derived key).
     */
    MethodHandle exactGetter(Class<?> type) {
        if (exactGetter == null || exactGetter.type().returnType() != type) {
            return null;
        }
        return exactGetter.asType(MethodType.methodType(type, Object.class));
    }

    /**
     * The setter as a handle of type {@code (Object, type)void}, or {@code null} when setting is more than one
     * assignment of a value of that type (a part of an embedded id, a derived key) or refused (a record component).
     */
    MethodHandle exactSetter(Class<?> type) {
        if (exactSetter == null || exactSetter.type().parameterType(1) != type) {
            return null;
        }
        return exactSetter.asType(MethodType.methodType(void.class, Object.class, type));
    }

    /** The attribute's value. */
    public Object get(Object owner) {
        if (composite != null) {
            return composite.encode(owner);
        }
        if (outer != null) {
            Object holder = outer.get(owner);
            return holder == null ? null : inner.get(holder);
        }
        try {
            return getter.invokeExact(owner);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new PersistenceException("Reading " + where + " failed", e);
        }
    }

    /** Sets the attribute; {@code null} on a primitive sets its default (0, false). */
    public void set(Object owner, Object value) {
        if (through) {
            return;
        }
        if (composite != null) {
            composite.set(owner, (String) value);
            return;
        }
        if (recordShape != null) {
            outer.set(owner, recordShape.with(outer.get(owner), recordIndex, value));
            return;
        }
        if (outer != null) {
            Object holder = outer.get(owner);
            if (holder == null) {
                holder = outerFactory.get();
                outer.set(owner, holder);
            }
            inner.set(holder, value);
            return;
        }
        try {
            setter.invokeExact(owner, value == null ? defaultValue : value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new PersistenceException("Writing " + where + " failed", e);
        }
    }
}
