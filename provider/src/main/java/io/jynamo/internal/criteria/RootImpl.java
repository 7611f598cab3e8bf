package io.jynamo.internal.criteria;

import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;

import java.util.List;

/**
 * The entity a criteria query reads ({@code query.from(User.class)}); its joins and fetches are JPQL's
 * {@code [LEFT] JOIN [FETCH]} clauses ({@link FromImpl}).
 *
 * @param <X> the entity class
 */
final class RootImpl<X> extends FromImpl<X, X> implements Root<X> {
    private final EntityType<X> entity;

    RootImpl(EntityType<X> entity) {
        super(null, null, entity.getJavaType());
        this.entity = entity;
    }

    @Override
    ManagedType<?> managedType() {
        return entity;
    }

    @Override
    RootImpl<?> root() {
        return this;
    }

    @Override
    String face() {
        return "Root";
    }

    @Override
    String describe() {
        return entity.getName();
    }

    @Override
    public EntityType<X> getModel() {
        return entity;
    }

    @Override
    public Path<?> getParentPath() {
        return null;
    }
}
