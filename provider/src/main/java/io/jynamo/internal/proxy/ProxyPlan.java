package io.jynamo.internal.proxy;

import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;

import java.io.Serializable;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the subclass of one entity intercepts, worked out once per factory and entity from the class
 * and its metadata. Methods are named by {@code name + JVM descriptor}, as Byte Buddy describes them.
 *
 * @param shape     what the generated class looks like (equal shapes share one class)
 * @param tracking  whether every way to change the state goes through an intercepted method; if not, the
 *                  flush compares such instances with their snapshot
 * @param untracked why tracking is off (methods or fields that bypass the subclass)
 * @param unloading read methods that cannot load a lazy reference (final or invisible)
 */
record ProxyPlan(Shape shape, boolean tracking, List<String> untracked, List<String> unloading) {

    /**
     * The generated class of an entity: which methods get which hook.
     *
     * @param entity       the entity class
     * @param read         methods that only read: a lazy reference loads first
     * @param touch        methods that may change anything: load, then "possibly dirty"
     * @param escape       methods that may hand out a mutable value (a collection, embeddable, array...): load,
     *                     then "possibly dirty" until the next load, since the caller can change that value
     *                     after a flush without calling the entity again
     * @param write        setters of one attribute, by attribute index
     * @param writeReplace whether to add {@code writeReplace()} (the entity is Serializable and has none)
     */
    record Shape(Class<?> entity, Set<String> read, Set<String> touch, Set<String> escape, Map<String, Integer> write,
                 boolean writeReplace) {
    }

    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class, UUID.class);

    static ProxyPlan of(EntityMeta meta) {
        Class<?> entity = meta.javaClass();
        AttributeMeta idAttribute = meta.embeddedId() != null ? meta.embeddedId() : meta.partitionKey();
        boolean propertyAccess = idAttribute.member() instanceof Method;

        Set<String> keyGetters = new HashSet<>();
        List<AttributeMeta> keys = new ArrayList<>(meta.keyParts());
        keys.add(meta.embeddedId());
        for (AttributeMeta key : keys) {
            if (key != null) {
                keyGetters.add("get" + capitalised(key.name()));
                keyGetters.add("is" + capitalised(key.name()));
            }
        }
        Map<String, Integer> setters = new HashMap<>();
        if (propertyAccess) {
            List<AttributeMeta> attributes = meta.attributes();
            for (int i = 0; i < attributes.size(); i++) {
                setters.put("set" + capitalised(attributes.get(i).name()), i);
            }
            if (meta.embeddedId() != null) {
                setters.put("set" + capitalised(meta.embeddedId().name()), -1);
            }
        }

        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(c);
        }
        List<Field> stateFields = stateFields(meta, propertyAccess);
        StateWrites writes = StateWrites.of(hierarchy, stateFields);
        List<String> untracked = new ArrayList<>();
        for (String method : writes.staticWriters()) {
            untracked.add("static method " + method + " assigns fields");
        }
        List<String> unloading = new ArrayList<>();
        Set<String> read = new TreeSet<>();
        Set<String> touch = new TreeSet<>();
        Set<String> escape = new TreeSet<>();
        Map<String, Integer> write = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        boolean ownWriteReplace = false;
        for (Class<?> c : hierarchy) {
            for (Method m : c.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isPrivate(mod) || m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                String signature = m.getName() + MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString();
                if (!seen.add(signature)) {
                    continue;
                }
                if (m.getName().equals("writeReplace") && m.getParameterCount() == 0) {
                    ownWriteReplace = true;
                }
                int kind = classify(m, entity, keyGetters, setters);
                if (kind == NONE) {
                    continue;
                }
                if (kind == READ && writes.writes(c, signature)) {
                    kind = TOUCH; // a getter (or equals/hashCode/toString) that assigns a field
                }
                boolean overridable = !Modifier.isFinal(mod) && (Modifier.isPublic(mod) || Modifier.isProtected(mod)
                        || c.getPackageName().equals(entity.getPackageName()) && c.getClassLoader() == entity.getClassLoader());
                if (!overridable) {
                    String what = c.getName() + "." + m.getName() + "()" + (Modifier.isFinal(mod) ? " is final" : " is package-private in another package");
                    if (kind == READ) {
                        unloading.add(what);
                    } else {
                        untracked.add(what);
                        unloading.add(what);
                    }
                    continue;
                }
                if (kind == READ) {
                    read.add(signature);
                } else if (kind == TOUCH) {
                    touch.add(signature);
                } else if (kind == ESCAPE) {
                    escape.add(signature);
                } else {
                    write.put(signature, kind);
                }
            }
        }
        for (Field f : stateFields) {
            if (!Modifier.isPrivate(f.getModifiers())) {
                untracked.add("field " + f.getDeclaringClass().getName() + "." + f.getName() + " is not private");
            }
        }
        boolean writeReplace = Serializable.class.isAssignableFrom(entity) && !ownWriteReplace;
        return new ProxyPlan(new Shape(entity, Set.copyOf(read), Set.copyOf(touch), Set.copyOf(escape),
                Map.copyOf(write), writeReplace),
                untracked.isEmpty(), List.copyOf(untracked), List.copyOf(unloading));
    }

    private static final int NONE = -5;
    private static final int READ = -4;
    private static final int TOUCH = -3;
    private static final int ESCAPE = -2;

    /**
     * {@link #NONE}, {@link #READ}, {@link #TOUCH}, {@link #ESCAPE}, or the index of the attribute a setter
     * writes (-1: unknown).
     */
    private static int classify(Method m, Class<?> entity, Set<String> keyGetters, Map<String, Integer> setters) {
        String name = m.getName();
        int arity = m.getParameterCount();
        if (name.equals("equals") && arity == 1 && m.getParameterTypes()[0] == Object.class
                || (name.equals("hashCode") || name.equals("toString")) && arity == 0) {
            return READ;
        }
        Class<?> returned = m.getReturnType();
        boolean getter = arity == 0 && returned != void.class
                && (name.startsWith("get") && name.length() > 3 || name.startsWith("is") && name.length() > 2);
        if (getter && keyGetters.contains(name)) {
            return NONE;
        }
        // A collection, embeddable, array or Date handed out can be changed later without another call,
        // even after a flush; an entity handed out (a fluent setter's 'this') is itself intercepted.
        boolean handsOutMutable = returned != void.class && !immutable(returned)
                && !(returned != Object.class && !returned.isInterface() && returned.isAssignableFrom(entity));
        if (getter) {
            return handsOutMutable ? ESCAPE : READ;
        }
        if (handsOutMutable) {
            return ESCAPE;
        }
        Integer attribute = arity == 1 ? setters.get(name) : null;
        if (attribute != null) {
            return attribute == -1 ? TOUCH : attribute;
        }
        return TOUCH;
    }

    private static boolean immutable(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || IMMUTABLE.contains(type)
                || type.getPackageName().equals("java.time");
    }

    /** The fields code could write without a method call of the entity. */
    private static List<Field> stateFields(EntityMeta meta, boolean propertyAccess) {
        List<Field> fields = new ArrayList<>();
        if (propertyAccess) {
            for (Class<?> c = meta.javaClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()) && !f.isSynthetic()) {
                        fields.add(f);
                    }
                }
            }
            return fields;
        }
        List<AttributeMeta> attributes = new ArrayList<>(meta.attributes());
        if (meta.embeddedId() != null) {
            attributes.add(meta.embeddedId());
        }
        for (AttributeMeta a : attributes) {
            Member member = a.member();
            if (member instanceof Field f && f.getDeclaringClass().isAssignableFrom(meta.javaClass())) {
                fields.add(f);
            }
        }
        return fields;
    }

    static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
