package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.Metadata;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;

import java.util.Set;

/** Placeholder, being replaced. */
public final class MetamodelImpl implements Metamodel {

    public MetamodelImpl(Metadata metadata) {
    }

    @Override
    public <X> EntityType<X> entity(Class<X> cls) {
        throw new UnsupportedOperationException();
    }

    @Override
    public EntityType<?> entity(String entityName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <X> ManagedType<X> managedType(Class<X> cls) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <X> EmbeddableType<X> embeddable(Class<X> cls) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<ManagedType<?>> getManagedTypes() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<EntityType<?>> getEntities() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<EmbeddableType<?>> getEmbeddables() {
        throw new UnsupportedOperationException();
    }
}
