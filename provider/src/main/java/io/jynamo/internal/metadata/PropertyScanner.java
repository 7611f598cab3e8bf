package io.jynamo.internal.metadata;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Transient;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the persistent fields or properties of a class: its access type, what {@code @Transient} and
 * modifiers leave out, and the getter/setter pairs of property access.
 */
final class PropertyScanner {

    private PropertyScanner() {
    }

    /**
     * The persistent fields or properties of a class and its mapped and entity superclasses, superclasses
     * first, with the stored names the {@code @AttributeOverride}s of the class and its superclasses give.
     */
    static List<Property> properties(Class<?> type) {
        List<Property> properties = type.isRecord() ? recordComponents(type) : properties(type, defaultAccess(type));
        Map<String, String> overrides = overrides(type);
        if (overrides.isEmpty()) {
            return properties;
        }
        List<Property> result = new ArrayList<>();
        for (Property p : properties) {
            String column = overrides.remove(p.name());
            result.add(column == null ? p : new Property(p.name(), p.type(), p.genericType(), p.annotated(),
                    p.accessor(), p.member(), column));
        }
        if (!overrides.isEmpty()) {
            throw new PersistenceException("Class " + type.getName() + " declares @AttributeOverride for "
                    + overrides.keySet() + ", which names no persistent attribute of it or its superclasses (its "
                    + "attributes are " + properties.stream().map(Property::name).toList() + "); Jynamo overrides "
                    + "the inherited basic attributes of an entity (not the attributes inside an embeddable)");
        }
        return result;
    }

    /**
     * The components of a record, in declaration order (the canonical constructor's). Annotations on a
     * component reach its private field, which is where they are read.
     */
    private static List<Property> recordComponents(Class<?> type) {
        List<Property> result = new ArrayList<>();
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            Field f;
            try {
                f = type.getDeclaredField(c.getName());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("Record " + type.getName() + " has no field for component " + c.getName(), e);
            }
            if (Annotations.has(f, Transient.class)) {
                throw new PersistenceException("Record " + type.getName() + " component '" + c.getName() + "' is @Transient;"
                        + " a record is built through its canonical constructor, so every component is persistent");
            }
            result.add(new Property(c.getName(), c.getType(), c.getGenericType(), f, Accessor.recordComponent(c), f, null));
        }
        return result;
    }

    /** The stored names {@code @AttributeOverride}s give, by attribute: the one nearest the class wins. */
    private static Map<String, String> overrides(Class<?> type) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (AttributeOverride o : Annotations.all(c, AttributeOverride.class)) {
                if (o.column().name().isEmpty()) {
                    throw new PersistenceException("Class " + c.getName() + " @AttributeOverride(name = \"" + o.name()
                            + "\") gives no column name; set column = @Column(name = \"...\")");
                }
                result.putIfAbsent(o.name(), o.column().name());
            }
        }
        return result;
    }

    /**
     * The access type of a hierarchy where no class says otherwise (JPA 2.3.1): where its {@code @Id} is placed,
     * else the nearest class-level {@code @Access}, else where the class's annotations are.
     */
    private static AccessType defaultAccess(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            boolean onField = false;
            for (Field f : c.getDeclaredFields()) {
                onField |= Annotations.has(f, Id.class) || Annotations.has(f, EmbeddedId.class);
            }
            boolean onGetter = false;
            for (Method m : c.getDeclaredMethods()) {
                onGetter |= Annotations.has(m, Id.class) || Annotations.has(m, EmbeddedId.class);
            }
            if (onField && onGetter) {
                // JPA leaves @Id on both undefined; the side that carries more of the mapping is the one meant.
                return annotatedGetters(c) > annotatedFields(c) ? AccessType.PROPERTY : AccessType.FIELD;
            }
            if (onField || onGetter) {
                return onField ? AccessType.FIELD : AccessType.PROPERTY;
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Access access = Annotations.get(c, Access.class);
            if (access != null) {
                return access.value();
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && Annotations.any(f)) {
                return AccessType.FIELD;
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().startsWith("get") && Annotations.any(m)) {
                return AccessType.PROPERTY;
            }
        }
        return AccessType.FIELD;
    }

    private static long annotatedFields(Class<?> c) {
        return java.util.Arrays.stream(c.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && Annotations.any(f)).count();
    }

    private static long annotatedGetters(Class<?> c) {
        return java.util.Arrays.stream(c.getDeclaredMethods())
                .filter(m -> (m.getName().startsWith("get") || m.getName().startsWith("is")) && Annotations.any(m)).count();
    }

    /**
     * The properties of each class of the hierarchy, each read with its own access type: its class-level
     * {@code @Access}, else the hierarchy's (JPA 2.3.2: an entity's {@code @Access} does not change how its mapped
     * superclass is read).
     */
    private static List<Property> properties(Class<?> type, AccessType hierarchyAccess) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c == type || Annotations.has(c, MappedSuperclass.class) || Annotations.has(c, Entity.class)) {
                hierarchy.add(0, c);
            }
        }
        Map<String, Property> result = new LinkedHashMap<>();
        for (Class<?> c : hierarchy) {
            Access own = Annotations.get(c, Access.class);
            AccessType access = own != null ? own.value() : hierarchyAccess;
            // JPA 2.3.2: an attribute may name its own access, a getter in a class read by fields or the reverse.
            for (Field f : c.getDeclaredFields()) {
                if (access == AccessType.FIELD ? !ignored(f) : explicitly(f, AccessType.FIELD)) {
                    if (Modifier.isFinal(f.getModifiers())) {
                        throw new PersistenceException("Field " + c.getName() + "." + f.getName()
                                + " is final; persistent fields must not be final (or mark it @Transient)");
                    }
                    result.put(f.getName(), new Property(f.getName(), f.getType(), f.getGenericType(), f,
                            Accessor.field(f), f, null));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                String n = propertyName(m);
                if (n != null && (access == AccessType.PROPERTY ? !ignored(m) : explicitly(m, AccessType.PROPERTY))) {
                    Method setter = setter(c, m, n);
                    result.put(n, new Property(n, m.getReturnType(), m.getGenericReturnType(), m,
                            Accessor.property(m, setter), m, null));
                }
            }
        }
        return new ArrayList<>(result.values());
    }

    private static boolean ignored(Member m) {
        int mod = m.getModifiers();
        return Modifier.isStatic(mod) || m.isSynthetic() || m instanceof Field && Modifier.isTransient(mod)
                || m instanceof Method method && method.isBridge() || Annotations.has((AnnotatedElement) m, Transient.class);
    }

    private static boolean explicitly(Member m, AccessType access) {
        Access a = Annotations.get((AnnotatedElement) m, Access.class);
        return a != null && a.value() == access && !ignored(m);
    }

    /**
     * The setter of a getter: {@code set} + what follows {@code get}/{@code is} in the getter's own name (so
     * {@code getdescription} pairs with {@code setdescription}, as providers accept), else the JavaBeans name.
     */
    private static Method setter(Class<?> c, Method getter, String property) {
        String suffix = getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
        for (String name : List.of("set" + suffix, "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1))) {
            // the class's own, else a superclass's (a subclass may annotate a getter whose setter it inherits)
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                try {
                    return k.getDeclaredMethod(name, getter.getReturnType());
                } catch (NoSuchMethodException e) {
                    // try the superclass, then the next spelling
                }
            }
        }
        throw new PersistenceException("Property " + c.getName() + "." + property + " has a getter "
                + getter.getName() + "() but no setter; add one or mark the getter @Transient");
    }

    private static String propertyName(Method m) {
        if (m.getParameterCount() != 0 || m.getReturnType() == void.class) {
            return null;
        }
        String n = m.getName();
        String rest;
        if (n.startsWith("get") && n.length() > 3) {
            rest = n.substring(3);
        } else if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            rest = n.substring(2);
        } else {
            return null;
        }
        return rest.length() > 1 && Character.isUpperCase(rest.charAt(1))
                ? rest : rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
    }

    /**
     * A field or a getter/setter pair, before it becomes an attribute.
     *
     * @param override the stored name an {@code @AttributeOverride} gives it, or {@code null}
     */
    record Property(String name, Class<?> type, Type genericType, AnnotatedElement annotated,
                    Accessor accessor, Member member, String override) {
        boolean has(Class<? extends Annotation> a) {
            return Annotations.has(annotated, a);
        }

        <A extends Annotation> A get(Class<A> a) {
            return Annotations.get(annotated, a);
        }

        /** The DynamoDB attribute name: an {@code @AttributeOverride}'s, {@code @Column(name)} or the Java name. */
        String storedName() {
            if (override != null) {
                return override;
            }
            Column column = get(Column.class);
            return column != null && !column.name().isEmpty() ? column.name() : name;
        }
    }
}
