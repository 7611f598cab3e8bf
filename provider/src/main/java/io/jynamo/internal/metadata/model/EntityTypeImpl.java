package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.EntityMeta;
import jakarta.persistence.metamodel.EntityType;

/**
 * An entity. Its id is one of three shapes: a single {@code @Id} (the partition key), an
 * {@code @IdClass} whose two {@code @Id} attributes are the partition and sort keys, or an
 * {@code @EmbeddedId}, which the metamodel shows as one embedded attribute although the metadata
 * flattens it into the two key attributes. Its supertype is the nearest mapped superclass or entity
 * superclass, if any.
 */
final class EntityTypeImpl<X> extends IdentifiableTypeImpl<X> implements EntityType<X> {

    private final String name;

    @SuppressWarnings("unchecked")
    EntityTypeImpl(EntityMeta meta, TypeRegistry types, IdentifiableTypeImpl<? super X> supertype) {
        super((Class<X>) meta.javaClass(), meta, modelAttributes(meta), types, supertype);
        this.name = meta.name();
    }

    /** The entity name, as JPQL uses it. */
    @Override
    public String getName() {
        return name;
    }

    @Override
    public PersistenceType getPersistenceType() {
        return PersistenceType.ENTITY;
    }

    @Override
    public BindableType getBindableType() {
        return BindableType.ENTITY_TYPE;
    }

    @Override
    public Class<X> getBindableJavaType() {
        return getJavaType();
    }

    @Override
    String describe() {
        return "entity " + name;
    }

    @Override
    public String toString() {
        return "EntityType[" + name + "]";
    }
}
