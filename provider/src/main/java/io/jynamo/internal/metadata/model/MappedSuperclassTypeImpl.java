package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import jakarta.persistence.metamodel.MappedSuperclassType;

import java.util.List;

/**
 * A {@code @MappedSuperclass} between entities and their supertypes: it declares the attributes (and maybe
 * the id and version) written in it, which the entities extending it inherit as the very same objects.
 * It is built from the first entity below it, so an {@code @AttributeOverride} there does not change it.
 */
final class MappedSuperclassTypeImpl<X> extends IdentifiableTypeImpl<X> implements MappedSuperclassType<X> {

    @SuppressWarnings("unchecked")
    MappedSuperclassTypeImpl(Class<?> javaType, EntityMeta below, List<AttributeMeta> attributes, TypeRegistry types,
                             IdentifiableTypeImpl<? super X> supertype) {
        super((Class<X>) javaType, below, attributes, types, supertype);
    }

    @Override
    public PersistenceType getPersistenceType() {
        return PersistenceType.MAPPED_SUPERCLASS;
    }

    @Override
    String describe() {
        return "mapped superclass " + getJavaType().getName();
    }

    @Override
    public String toString() {
        return "MappedSuperclassType[" + getJavaType().getName() + "]";
    }
}
