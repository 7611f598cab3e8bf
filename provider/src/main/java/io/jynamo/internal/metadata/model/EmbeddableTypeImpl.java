package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.AttributeMeta;
import jakarta.persistence.metamodel.EmbeddableType;

import java.util.List;
import java.util.Set;

/**
 * An {@code @Embeddable} (stored as a nested DynamoDB map, or flattened into the key for an
 * {@code @EmbeddedId}), or the type of an {@code @IdClass}.
 */
final class EmbeddableTypeImpl<X> extends ManagedTypeImpl<X> implements EmbeddableType<X> {

    @SuppressWarnings("unchecked")
    EmbeddableTypeImpl(Class<?> javaType, List<AttributeMeta> attributes, TypeRegistry types) {
        super((Class<X>) javaType, attributes, Set.of(), types);
    }

    @Override
    public PersistenceType getPersistenceType() {
        return PersistenceType.EMBEDDABLE;
    }

    @Override
    String describe() {
        return "embeddable " + getJavaType().getName();
    }

    @Override
    public String toString() {
        return "EmbeddableType[" + getJavaType().getName() + "]";
    }
}
