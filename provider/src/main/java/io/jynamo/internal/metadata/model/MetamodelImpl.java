package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.Metadata;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Jakarta Persistence metamodel of one persistence unit, built once from its {@link Metadata}:
 * <pre>{@code
 * EntityType<User> user = emf.getMetamodel().entity(User.class);
 * SingularAttribute<? super User, String> email = user.getId(String.class);
 * }</pre>
 * Every type and attribute is made in the constructor and never changes, so the metamodel is safe to
 * share between threads and answers repeated calls with the same objects.
 */
public final class MetamodelImpl implements Metamodel {

    private final Map<Class<?>, EntityTypeImpl<?>> entitiesByClass;
    private final Map<String, EntityTypeImpl<?>> entitiesByName;
    private final Map<Class<?>, EmbeddableTypeImpl<?>> embeddablesByClass;
    private final Map<Class<?>, MappedSuperclassTypeImpl<?>> mappedByClass;
    private final Set<EntityType<?>> entities;
    private final Set<EmbeddableType<?>> embeddables;
    private final Set<ManagedType<?>> managedTypes;

    /**
     * Builds the metamodel of every entity of the metadata and of every embeddable they use.
     *
     * @param metadata the persistence unit's entities
     */
    public MetamodelImpl(Metadata metadata) {
        TypeRegistry types = new TypeRegistry();
        Map<Class<?>, EntityTypeImpl<?>> byClass = new LinkedHashMap<>();
        Map<String, EntityTypeImpl<?>> byName = new LinkedHashMap<>();
        Map<Class<?>, EntityTypeImpl<?>> made = new HashMap<>();
        Map<Class<?>, MappedSuperclassTypeImpl<?>> mapped = new LinkedHashMap<>();
        for (EntityMeta meta : metadata.entities()) {
            EntityTypeImpl<?> type = type(meta, types, made, mapped);
            byClass.put(meta.javaClass(), type);
            byName.put(meta.name(), type);
        }
        // Relationships last: their types are entity types, which may refer to each other; supertypes first.
        for (EntityMeta meta : metadata.entities().stream()
                .sorted(java.util.Comparator.comparingInt(MetamodelImpl::depth)).toList()) {
            byClass.get(meta.javaClass()).addAssociations(meta.associations(), byClass::get, types);
        }
        this.entitiesByClass = Collections.unmodifiableMap(byClass);
        this.entitiesByName = Collections.unmodifiableMap(byName);
        this.embeddablesByClass = Collections.unmodifiableMap(new LinkedHashMap<>(types.embeddables()));
        this.mappedByClass = Collections.unmodifiableMap(mapped);
        this.entities = Collections.unmodifiableSet(new LinkedHashSet<>(byClass.values()));
        this.embeddables = Collections.unmodifiableSet(new LinkedHashSet<>(embeddablesByClass.values()));
        Set<ManagedType<?>> managed = new LinkedHashSet<>(entities);
        managed.addAll(mappedByClass.values());
        managed.addAll(embeddables);
        this.managedTypes = Collections.unmodifiableSet(managed);
    }

    private static int depth(EntityMeta meta) {
        int depth = 0;
        for (EntityMeta e = meta.parent(); e != null; e = e.parent()) {
            depth++;
        }
        return depth;
    }

    /**
     * The entity type of a metadata entity, made after its supertypes (whose attributes it shares): its entity
     * superclass, then the mapped superclasses between that and it, top first.
     */
    private static EntityTypeImpl<?> type(EntityMeta meta, TypeRegistry types, Map<Class<?>, EntityTypeImpl<?>> byClass,
                                          Map<Class<?>, MappedSuperclassTypeImpl<?>> mapped) {
        EntityTypeImpl<?> type = byClass.get(meta.javaClass());
        if (type == null) {
            IdentifiableTypeImpl<?> supertype = meta.parent() == null ? null : type(meta.parent(), types, byClass, mapped);
            Class<?> stop = meta.parent() == null ? Object.class : meta.parent().javaClass();
            List<Class<?>> between = new ArrayList<>();
            for (Class<?> c = meta.javaClass().getSuperclass(); c != null && c != stop && c != Object.class; c = c.getSuperclass()) {
                if (io.jynamo.internal.metadata.Annotations.has(c, MappedSuperclass.class)) {
                    between.add(0, c);
                }
            }
            List<AttributeMeta> attributes = IdentifiableTypeImpl.modelAttributes(meta);
            for (Class<?> m : between) {
                MappedSuperclassTypeImpl<?> ms = mapped.get(m);
                if (ms == null) {
                    List<AttributeMeta> upToHere = attributes.stream().filter(a -> declaredAtOrAbove(a, m)).toList();
                    ms = new MappedSuperclassTypeImpl<>(m, meta, upToHere, types, ManagedTypeImpl.cast(supertype));
                    mapped.put(m, ms);
                }
                supertype = ms;
            }
            type = new EntityTypeImpl<>(meta, types, ManagedTypeImpl.cast(supertype));
            byClass.put(meta.javaClass(), type);
        }
        return type;
    }

    /** Whether an attribute is written in that class or one of its superclasses. */
    private static boolean declaredAtOrAbove(AttributeMeta a, Class<?> type) {
        return a.member() != null && a.member().getDeclaringClass().isAssignableFrom(type);
    }

    /**
     * The entity type of exactly this class.
     *
     * @throws IllegalArgumentException if the class is not an entity of the persistence unit
     */
    @Override
    public <X> EntityType<X> entity(Class<X> cls) {
        EntityTypeImpl<?> type = cls == null ? null : entitiesByClass.get(cls);
        if (type == null) {
            throw new IllegalArgumentException(name(cls) + " is not an entity of this persistence unit; its entities are "
                    + classNames(entitiesByClass.keySet()));
        }
        return ManagedTypeImpl.cast(type);
    }

    /**
     * The entity type of that entity name ({@code @Entity(name)}, else the simple class name), as
     * JPQL uses it.
     *
     * @throws IllegalArgumentException if no entity has that name
     */
    @Override
    public EntityType<?> entity(String entityName) {
        EntityTypeImpl<?> type = entityName == null ? null : entitiesByName.get(entityName);
        if (type == null) {
            throw new IllegalArgumentException("No entity is named '" + entityName + "' in this persistence unit; "
                    + "its entity names are " + entitiesByName.keySet());
        }
        return type;
    }

    /**
     * The entity, mapped superclass or embeddable type of exactly this class. A mapped superclass is a type
     * of the unit when an entity of the unit extends it.
     *
     * @throws IllegalArgumentException if the class is none of those
     */
    @Override
    public <X> ManagedType<X> managedType(Class<X> cls) {
        ManagedTypeImpl<?> type = cls == null ? null : entitiesByClass.get(cls);
        if (type == null && cls != null) {
            type = embeddablesByClass.get(cls);
        }
        if (type == null && cls != null) {
            type = mappedByClass.get(cls);
        }
        if (type == null) {
            throw new IllegalArgumentException(name(cls) + " is not a managed type of this persistence unit; "
                    + "its entities are " + classNames(entitiesByClass.keySet())
                    + ", its mapped superclasses " + classNames(mappedByClass.keySet())
                    + " and its embeddables " + classNames(embeddablesByClass.keySet()));
        }
        return ManagedTypeImpl.cast(type);
    }

    /**
     * The embeddable type of exactly this class. Embeddables are those an entity uses, as
     * {@code @Embedded} (at any depth) or {@code @EmbeddedId}; an {@code @IdClass} is not one.
     *
     * @throws IllegalArgumentException if the class is not an embeddable of the persistence unit
     */
    @Override
    public <X> EmbeddableType<X> embeddable(Class<X> cls) {
        EmbeddableTypeImpl<?> type = cls == null ? null : embeddablesByClass.get(cls);
        if (type == null) {
            throw new IllegalArgumentException(name(cls) + " is not an embeddable of this persistence unit; "
                    + "its embeddables are " + classNames(embeddablesByClass.keySet()));
        }
        return ManagedTypeImpl.cast(type);
    }

    /** Every entity type, then every mapped superclass type, then every embeddable type; unmodifiable. */
    @Override
    public Set<ManagedType<?>> getManagedTypes() {
        return managedTypes;
    }

    /** Every entity type, in the order the persistence unit lists the classes; unmodifiable. */
    @Override
    public Set<EntityType<?>> getEntities() {
        return entities;
    }

    /** Every embeddable type the entities use; unmodifiable. */
    @Override
    public Set<EmbeddableType<?>> getEmbeddables() {
        return embeddables;
    }

    private static String name(Class<?> cls) {
        return cls == null ? "A null class" : "Class " + cls.getName();
    }

    private static String classNames(Set<Class<?>> classes) {
        return classes.stream().map(Class::getName).toList().toString();
    }

    @Override
    public String toString() {
        return "Metamodel" + entitiesByName.keySet();
    }
}
