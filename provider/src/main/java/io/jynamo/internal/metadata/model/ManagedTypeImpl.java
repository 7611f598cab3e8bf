package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.Types;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.CollectionAttribute;
import jakarta.persistence.metamodel.ListAttribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.MapAttribute;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SetAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of an entity, mapped superclass or embeddable, in mapping order. A type shares the very
 * attribute objects of its supertype (mapped superclass or entity), which declares them, and declares
 * only its own.
 */
abstract class ManagedTypeImpl<X> implements ManagedType<X> {

    private final Class<X> javaType;
    private Map<String, AttributeImpl<X, ?>> byName;
    private Set<Attribute<X, ?>> attributes;
    private Set<SingularAttribute<X, ?>> singularAttributes;
    private Set<PluralAttribute<X, ?, ?>> pluralAttributes;
    private Set<Attribute<X, ?>> declaredAttributes;
    private Set<SingularAttribute<X, ?>> declaredSingular;
    private Set<PluralAttribute<X, ?, ?>> declaredPlural;
    /** The type that declares the inherited attributes, or {@code null}. */
    private final ManagedTypeImpl<? super X> supertype;

    ManagedTypeImpl(Class<X> javaType, List<AttributeMeta> attributes, Set<String> ids, TypeRegistry types) {
        this(javaType, attributes, ids, types, null);
    }

    /**
     * @param ids       the names of the attributes that are ids of this type (none for embeddables)
     * @param supertype the supertype (mapped superclass or entity), whose attributes of the same names are
     *                  inherited, or {@code null}
     */
    ManagedTypeImpl(Class<X> javaType, List<AttributeMeta> attributes, Set<String> ids, TypeRegistry types,
                    ManagedTypeImpl<? super X> supertype) {
        this.javaType = javaType;
        this.supertype = supertype;
        Map<String, AttributeImpl<X, ?>> map = new LinkedHashMap<>();
        Set<Attribute<X, ?>> all = new LinkedHashSet<>();
        Set<SingularAttribute<X, ?>> singular = new LinkedHashSet<>();
        Set<PluralAttribute<X, ?, ?>> plural = new LinkedHashSet<>();
        Set<Attribute<X, ?>> declared = new LinkedHashSet<>();
        Set<SingularAttribute<X, ?>> declaredS = new LinkedHashSet<>();
        Set<PluralAttribute<X, ?, ?>> declaredP = new LinkedHashSet<>();
        for (AttributeMeta meta : attributes) {
            boolean inherited = supertype != null && supertype.byName.containsKey(meta.name());
            AttributeImpl<X, ?> a = inherited ? cast(supertype.byName.get(meta.name()))
                    : AttributeImpl.of(this, meta, ids.contains(meta.name()), types);
            map.put(a.getName(), a);
            all.add(a);
            if (!inherited) {
                declared.add(a);
            }
            if (a instanceof SingularAttributeImpl<X, ?> s) {
                singular.add(s);
                if (!inherited) {
                    declaredS.add(s);
                }
            } else {
                plural.add((PluralAttributeImpl<X, ?, ?>) a);
                if (!inherited) {
                    declaredP.add((PluralAttributeImpl<X, ?, ?>) a);
                }
            }
        }
        set(map, all, singular, plural, declared, declaredS, declaredP);
    }

    private void set(Map<String, AttributeImpl<X, ?>> map, Set<Attribute<X, ?>> all, Set<SingularAttribute<X, ?>> singular,
                     Set<PluralAttribute<X, ?, ?>> plural, Set<Attribute<X, ?>> declared,
                     Set<SingularAttribute<X, ?>> declaredS, Set<PluralAttribute<X, ?, ?>> declaredP) {
        this.byName = Collections.unmodifiableMap(map);
        this.attributes = Collections.unmodifiableSet(all);
        this.singularAttributes = Collections.unmodifiableSet(singular);
        this.pluralAttributes = Collections.unmodifiableSet(plural);
        this.declaredAttributes = Collections.unmodifiableSet(declared);
        this.declaredSingular = Collections.unmodifiableSet(declaredS);
        this.declaredPlural = Collections.unmodifiableSet(declaredP);
    }

    /**
     * Adds the relationship attributes, once every entity type exists (their types are the targets' entity
     * types, which may refer back). An attribute the entity supertype declares is shared, as for the others.
     */
    void addAssociations(java.util.List<io.jynamo.internal.metadata.AssociationMeta> associations,
                         java.util.function.Function<Class<?>, Type<?>> entityTypes, TypeRegistry types) {
        Map<String, AttributeImpl<X, ?>> map = new LinkedHashMap<>(byName);
        Set<Attribute<X, ?>> all = new LinkedHashSet<>(attributes);
        Set<SingularAttribute<X, ?>> singular = new LinkedHashSet<>(singularAttributes);
        Set<PluralAttribute<X, ?, ?>> plural = new LinkedHashSet<>(pluralAttributes);
        Set<Attribute<X, ?>> declared = new LinkedHashSet<>(declaredAttributes);
        Set<SingularAttribute<X, ?>> declaredS = new LinkedHashSet<>(declaredSingular);
        Set<PluralAttribute<X, ?, ?>> declaredP = new LinkedHashSet<>(declaredPlural);
        for (io.jynamo.internal.metadata.AssociationMeta meta : associations) {
            boolean inherited = supertype != null && supertype.byName.containsKey(meta.name());
            AttributeImpl<X, ?> a = inherited ? cast(supertype.byName.get(meta.name()))
                    : AttributeImpl.of(this, meta, entityTypes.apply(meta.targetClass()),
                    meta.mapKeyEntity() == null ? null : entityTypes.apply(meta.mapKeyEntity().javaClass()), types);
            AttributeImpl<X, ?> key = map.get(a.getName());
            if (key != null && meta.derived()) {
                // An @Id relationship (a derived identity) is also a key attribute: the relationship stands for it.
                all.remove(key);
                singular.remove(key);
                declared.remove(key);
                declaredS.remove(key);
            }
            map.put(a.getName(), a);
            all.add(a);
            if (!inherited) {
                declared.add(a);
            }
            if (a instanceof SingularAttributeImpl<X, ?> si) {
                singular.add(si);
                if (!inherited) {
                    declaredS.add(si);
                }
            } else {
                plural.add((PluralAttributeImpl<X, ?, ?>) a);
                if (!inherited) {
                    declaredP.add((PluralAttributeImpl<X, ?, ?>) a);
                }
            }
        }
        set(map, all, singular, plural, declared, declaredS, declaredP);
    }

    /**
     * The attribute of that name if this type declares it.
     *
     * @throws IllegalArgumentException if there is none, or the entity supertype declares it
     */
    AttributeImpl<X, ?> declared(String name) {
        AttributeImpl<X, ?> a = attribute(name);
        if (!declaredAttributes.contains(a)) {
            throw new IllegalArgumentException("Attribute '" + name + "' of " + describe() + " is declared by its "
                    + "supertype " + supertype.describe() + ", not by it; use the method without 'Declared'");
        }
        return a;
    }

    /** How error messages name this type: "entity User", "embeddable Address". */
    abstract String describe();

    @Override
    public Class<X> getJavaType() {
        return javaType;
    }

    @Override
    public Set<Attribute<? super X, ?>> getAttributes() {
        return cast(attributes);
    }

    @Override
    public Set<Attribute<X, ?>> getDeclaredAttributes() {
        return declaredAttributes;
    }

    @Override
    public Set<SingularAttribute<? super X, ?>> getSingularAttributes() {
        return cast(singularAttributes);
    }

    @Override
    public Set<SingularAttribute<X, ?>> getDeclaredSingularAttributes() {
        return declaredSingular;
    }

    @Override
    public Set<PluralAttribute<? super X, ?, ?>> getPluralAttributes() {
        return cast(pluralAttributes);
    }

    @Override
    public Set<PluralAttribute<X, ?, ?>> getDeclaredPluralAttributes() {
        return declaredPlural;
    }

    /** @throws IllegalArgumentException if there is no attribute of that name */
    @Override
    public Attribute<? super X, ?> getAttribute(String name) {
        return attribute(name);
    }

    /** @throws IllegalArgumentException if there is no attribute of that name */
    @Override
    public Attribute<X, ?> getDeclaredAttribute(String name) {
        return declared(name);
    }

    /** @throws IllegalArgumentException if there is no singular attribute of that name */
    @Override
    public SingularAttribute<? super X, ?> getSingularAttribute(String name) {
        return singular(name);
    }

    /** @throws IllegalArgumentException if there is no singular attribute of that name */
    @Override
    public SingularAttribute<X, ?> getDeclaredSingularAttribute(String name) {
        declared(name);
        return singular(name);
    }

    /**
     * @throws IllegalArgumentException if there is no singular attribute of that name whose type is
     *                                  (a wrapper of, or a subtype of) {@code type}
     */
    @Override
    public <Y> SingularAttribute<? super X, Y> getSingularAttribute(String name, Class<Y> type) {
        SingularAttributeImpl<X, ?> a = singular(name);
        requireType(a, "type", type, a.getJavaType());
        return cast(a);
    }

    /**
     * @throws IllegalArgumentException if there is no singular attribute of that name whose type is
     *                                  (a wrapper of, or a subtype of) {@code type}
     */
    @Override
    public <Y> SingularAttribute<X, Y> getDeclaredSingularAttribute(String name, Class<Y> type) {
        declared(name);
        SingularAttributeImpl<X, ?> a = singular(name);
        requireType(a, "type", type, a.getJavaType());
        return cast(a);
    }

    /** @throws IllegalArgumentException if there is no {@code Collection} attribute of that name */
    @Override
    public CollectionAttribute<? super X, ?> getCollection(String name) {
        return plural(name, PluralAttributeImpl.CollectionAttributeImpl.class, "Collection", false, null);
    }

    /** @throws IllegalArgumentException if there is no {@code Collection} attribute of that name */
    @Override
    public CollectionAttribute<X, ?> getDeclaredCollection(String name) {
        declared(name);
        return plural(name, PluralAttributeImpl.CollectionAttributeImpl.class, "Collection", false, null);
    }

    /** @throws IllegalArgumentException if there is no {@code Collection} attribute of that name and element type */
    @Override
    public <E> CollectionAttribute<? super X, E> getCollection(String name, Class<E> elementType) {
        return plural(name, PluralAttributeImpl.CollectionAttributeImpl.class, "Collection", true, elementType);
    }

    /** @throws IllegalArgumentException if there is no {@code Collection} attribute of that name and element type */
    @Override
    public <E> CollectionAttribute<X, E> getDeclaredCollection(String name, Class<E> elementType) {
        declared(name);
        return plural(name, PluralAttributeImpl.CollectionAttributeImpl.class, "Collection", true, elementType);
    }

    /** @throws IllegalArgumentException if there is no {@code Set} attribute of that name */
    @Override
    public SetAttribute<? super X, ?> getSet(String name) {
        return plural(name, PluralAttributeImpl.SetAttributeImpl.class, "Set", false, null);
    }

    /** @throws IllegalArgumentException if there is no {@code Set} attribute of that name */
    @Override
    public SetAttribute<X, ?> getDeclaredSet(String name) {
        declared(name);
        return plural(name, PluralAttributeImpl.SetAttributeImpl.class, "Set", false, null);
    }

    /** @throws IllegalArgumentException if there is no {@code Set} attribute of that name and element type */
    @Override
    public <E> SetAttribute<? super X, E> getSet(String name, Class<E> elementType) {
        return plural(name, PluralAttributeImpl.SetAttributeImpl.class, "Set", true, elementType);
    }

    /** @throws IllegalArgumentException if there is no {@code Set} attribute of that name and element type */
    @Override
    public <E> SetAttribute<X, E> getDeclaredSet(String name, Class<E> elementType) {
        declared(name);
        return plural(name, PluralAttributeImpl.SetAttributeImpl.class, "Set", true, elementType);
    }

    /** @throws IllegalArgumentException if there is no {@code List} attribute of that name */
    @Override
    public ListAttribute<? super X, ?> getList(String name) {
        return plural(name, PluralAttributeImpl.ListAttributeImpl.class, "List", false, null);
    }

    /** @throws IllegalArgumentException if there is no {@code List} attribute of that name */
    @Override
    public ListAttribute<X, ?> getDeclaredList(String name) {
        declared(name);
        return plural(name, PluralAttributeImpl.ListAttributeImpl.class, "List", false, null);
    }

    /** @throws IllegalArgumentException if there is no {@code List} attribute of that name and element type */
    @Override
    public <E> ListAttribute<? super X, E> getList(String name, Class<E> elementType) {
        return plural(name, PluralAttributeImpl.ListAttributeImpl.class, "List", true, elementType);
    }

    /** @throws IllegalArgumentException if there is no {@code List} attribute of that name and element type */
    @Override
    public <E> ListAttribute<X, E> getDeclaredList(String name, Class<E> elementType) {
        declared(name);
        return plural(name, PluralAttributeImpl.ListAttributeImpl.class, "List", true, elementType);
    }

    /** @throws IllegalArgumentException if there is no {@code Map} attribute of that name */
    @Override
    public MapAttribute<? super X, ?, ?> getMap(String name) {
        return map(name, false, null, null);
    }

    /** @throws IllegalArgumentException if there is no {@code Map} attribute of that name declared here */
    @Override
    public MapAttribute<X, ?, ?> getDeclaredMap(String name) {
        declared(name);
        return map(name, false, null, null);
    }

    /** @throws IllegalArgumentException if there is no {@code Map} attribute of that name, key and value type */
    @Override
    public <K, V> MapAttribute<? super X, K, V> getMap(String name, Class<K> keyType, Class<V> valueType) {
        return map(name, true, keyType, valueType);
    }

    /** @throws IllegalArgumentException if there is no such {@code Map} attribute declared here */
    @Override
    public <K, V> MapAttribute<X, K, V> getDeclaredMap(String name, Class<K> keyType, Class<V> valueType) {
        declared(name);
        return map(name, true, keyType, valueType);
    }

    private <A> A map(String name, boolean typed, Class<?> keyType, Class<?> valueType) {
        AttributeImpl<X, ?> a = attribute(name);
        if (!(a instanceof PluralAttributeImpl.MapAttributeImpl<?, ?, ?> m)) {
            throw new IllegalArgumentException("Attribute '" + name + "' of " + describe() + " is a "
                    + a.describeKind() + ", not a Map attribute");
        }
        if (typed) {
            requireType(a, "key type", keyType, m.getKeyJavaType());
            requireType(a, "value type", valueType, m.getElementType().getJavaType());
        }
        return cast(a);
    }

    /** Whether the type has (declares or inherits) an attribute of that name. */
    boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The attribute of that name. */
    AttributeImpl<X, ?> attribute(String name) {
        AttributeImpl<X, ?> a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException(capitalized(describe()) + " has no attribute '" + name
                    + "'; its attributes are " + byName.keySet());
        }
        return a;
    }

    private SingularAttributeImpl<X, ?> singular(String name) {
        AttributeImpl<X, ?> a = attribute(name);
        if (a instanceof SingularAttributeImpl<X, ?> s) {
            return s;
        }
        throw new IllegalArgumentException("Attribute '" + name + "' of " + describe() + " is a "
                + a.describeKind() + ", not a singular attribute");
    }

    private <A> A plural(String name, Class<?> kind, String kindName, boolean typed, Class<?> elementType) {
        AttributeImpl<X, ?> a = attribute(name);
        if (!kind.isInstance(a)) {
            throw new IllegalArgumentException("Attribute '" + name + "' of " + describe() + " is a "
                    + a.describeKind() + ", not a " + kindName + " attribute");
        }
        if (typed) {
            requireType(a, "element type", elementType, ((PluralAttributeImpl<?, ?, ?>) a).getElementType().getJavaType());
        }
        return cast(a);
    }

    /** Accepts the declared type, its wrapper or primitive, and any supertype of it. */
    void requireType(AttributeImpl<?, ?> a, String what, Class<?> requested, Class<?> actual) {
        if (requested == null || !Types.box(requested).isAssignableFrom(Types.box(actual))) {
            throw new IllegalArgumentException("The " + what + " of attribute '" + a.getName() + "' of " + describe()
                    + " is " + actual.getName() + ", not " + (requested == null ? "null" : requested.getName()));
        }
    }


    static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object o) {
        return (T) o;
    }
}
