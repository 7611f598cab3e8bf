package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.Metadata;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
        for (EntityMeta meta : metadata.entities()) {
            EntityTypeImpl<?> type = type(meta, types, made);
            byClass.put(meta.javaClass(), type);
            byName.put(meta.name(), type);
        }
        // Relationships last: their types are entity types, which may refer to each other; supertypes first.
        for (EntityMeta meta : metadata.entities().stream()
                .sorted(java.util.Comparator.comparingInt(MetamodelImpl::depth)).toList()) {
            byClass.get(meta.javaClass()).addAssociations(meta.associations(), byClass::get);
        }
        this.entitiesByClass = Collections.unmodifiableMap(byClass);
        this.entitiesByName = Collections.unmodifiableMap(byName);
        this.embeddablesByClass = Collections.unmodifiableMap(new LinkedHashMap<>(types.embeddables()));
        this.entities = Collections.unmodifiableSet(new LinkedHashSet<>(byClass.values()));
        this.embeddables = Collections.unmodifiableSet(new LinkedHashSet<>(embeddablesByClass.values()));
        Set<ManagedType<?>> managed = new LinkedHashSet<>(entities);
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

    /** The entity type of a metadata entity, made after its entity supertype's (whose attributes it shares). */
    private static EntityTypeImpl<?> type(EntityMeta meta, TypeRegistry types, Map<Class<?>, EntityTypeImpl<?>> byClass) {
        EntityTypeImpl<?> type = byClass.get(meta.javaClass());
        if (type == null) {
            EntityTypeImpl<?> supertype = meta.parent() == null ? null : type(meta.parent(), types, byClass);
            type = new EntityTypeImpl<>(meta, types, ManagedTypeImpl.cast(supertype));
            byClass.put(meta.javaClass(), type);
        }
        return type;
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
     * The entity or embeddable type of exactly this class.
     *
     * @throws IllegalArgumentException if the class is neither an entity nor an embeddable of the persistence unit
     */
    @Override
    public <X> ManagedType<X> managedType(Class<X> cls) {
        ManagedTypeImpl<?> type = cls == null ? null : entitiesByClass.get(cls);
        if (type == null && cls != null) {
            type = embeddablesByClass.get(cls);
        }
        if (type == null) {
            throw new IllegalArgumentException(name(cls) + " is not a managed type of this persistence unit; "
                    + "its entities are " + classNames(entitiesByClass.keySet())
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

    /** Every entity type, then every embeddable type; unmodifiable. */
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
