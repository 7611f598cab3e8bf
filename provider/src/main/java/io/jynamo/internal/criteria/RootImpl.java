package io.jynamo.internal.criteria;

import jakarta.persistence.criteria.Fetch;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.CollectionJoin;
import jakarta.persistence.criteria.SetJoin;
import jakarta.persistence.criteria.ListJoin;
import jakarta.persistence.criteria.MapJoin;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.metamodel.CollectionAttribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ListAttribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.MapAttribute;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SetAttribute;
import jakarta.persistence.metamodel.SingularAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The entity a criteria query reads ({@code query.from(User.class)}).
 *
 * @param <X> the entity class
 */
final class RootImpl<X> extends PathImpl<X> implements Root<X> {
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
    List<String> names(Lowering l) {
        List<String> names = new ArrayList<>();
        names.add(l.variable(this));
        return names;
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

    @Override
    public Set<Join<X, ?>> getJoins() {
        return Set.of();
    }

    @Override
    public Set<Fetch<X, ?>> getFetches() {
        return Set.of();
    }

    @Override
    public boolean isCorrelated() {
        return false;
    }

    @Override
    public From<X, X> getCorrelationParent() {
        throw new IllegalStateException("A query root is not correlated");
    }

    // <generated: every other method of the interface is a construct Jynamo refuses>
    @Override
    public <Y> Join<X, Y> join(Class<Y> arg0) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <Y> Join<X, Y> join(Class<Y> arg0, JoinType arg1) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <Y> Join<X, Y> join(EntityType<Y> arg0) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <Y> Join<X, Y> join(EntityType<Y> arg0, JoinType arg1) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <Y> Join<X, Y> join(SingularAttribute<? super X, Y> arg0) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <Y> Join<X, Y> join(SingularAttribute<? super X, Y> arg0, JoinType arg1) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <Y> CollectionJoin<X, Y> join(CollectionAttribute<? super X, Y> arg0) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <Y> SetJoin<X, Y> join(SetAttribute<? super X, Y> arg0) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <Y> ListJoin<X, Y> join(ListAttribute<? super X, Y> arg0) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <K, V> MapJoin<X, K, V> join(MapAttribute<? super X, K, V> arg0) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <Y> CollectionJoin<X, Y> join(CollectionAttribute<? super X, Y> arg0, JoinType arg1) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <Y> SetJoin<X, Y> join(SetAttribute<? super X, Y> arg0, JoinType arg1) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <Y> ListJoin<X, Y> join(ListAttribute<? super X, Y> arg0, JoinType arg1) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <K, V> MapJoin<X, K, V> join(MapAttribute<? super X, K, V> arg0, JoinType arg1) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <X, Y> Join<X, Y> join(String arg0) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <X, Y> CollectionJoin<X, Y> joinCollection(String arg0) {
        throw Unsupported.construct("Root.joinCollection");
    }

    @Override
    public <X, Y> SetJoin<X, Y> joinSet(String arg0) {
        throw Unsupported.construct("Root.joinSet");
    }

    @Override
    public <X, Y> ListJoin<X, Y> joinList(String arg0) {
        throw Unsupported.construct("Root.joinList");
    }

    @Override
    public <X, K, V> MapJoin<X, K, V> joinMap(String arg0) {
        throw Unsupported.construct("Root.joinMap");
    }

    @Override
    public <X, Y> Join<X, Y> join(String arg0, JoinType arg1) {
        throw Unsupported.construct("Root.join");
    }

    @Override
    public <X, Y> CollectionJoin<X, Y> joinCollection(String arg0, JoinType arg1) {
        throw Unsupported.construct("Root.joinCollection");
    }

    @Override
    public <X, Y> SetJoin<X, Y> joinSet(String arg0, JoinType arg1) {
        throw Unsupported.construct("Root.joinSet");
    }

    @Override
    public <X, Y> ListJoin<X, Y> joinList(String arg0, JoinType arg1) {
        throw Unsupported.construct("Root.joinList");
    }

    @Override
    public <X, K, V> MapJoin<X, K, V> joinMap(String arg0, JoinType arg1) {
        throw Unsupported.construct("Root.joinMap");
    }

    @Override
    public <Y> Fetch<X, Y> fetch(SingularAttribute<? super X, Y> arg0) {
        throw Unsupported.construct("Root.fetch");
    }

    @Override
    public <Y> Fetch<X, Y> fetch(SingularAttribute<? super X, Y> arg0, JoinType arg1) {
        throw Unsupported.construct("Root.fetch");
    }

    @Override
    public <Y> Fetch<X, Y> fetch(PluralAttribute<? super X, ?, Y> arg0) {
        throw Unsupported.construct("Root.fetch");
    }

    @Override
    public <Y> Fetch<X, Y> fetch(PluralAttribute<? super X, ?, Y> arg0, JoinType arg1) {
        throw Unsupported.construct("Root.fetch");
    }

    @Override
    public <X, Y> Fetch<X, Y> fetch(String arg0) {
        throw Unsupported.construct("Root.fetch");
    }

    @Override
    public <X, Y> Fetch<X, Y> fetch(String arg0, JoinType arg1) {
        throw Unsupported.construct("Root.fetch");
    }
    // </generated>
}
