package io.jynamo.internal.criteria;

import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.persistence.metamodel.EntityType;

import java.util.Set;

/**
 * What a criteria UPDATE and DELETE share: the one entity they write, its root ({@code from} is optional), the
 * restriction and its parameters.
 *
 * @param <T> the entity class
 */
abstract class BulkCriteria<T> implements CriteriaStatement.Lowerable {
    final Clauses clauses;
    private final Class<T> entityClass;
    private final String kind;

    BulkCriteria(CriteriaBuilderImpl builder, Class<T> entityClass, String kind) {
        this.clauses = new Clauses(builder);
        this.entityClass = entityClass;
        this.kind = kind;
        builder.entity(entityClass);
    }

    /** The root ({@code from} is optional: the entity is known from the start). */
    public Root<T> getRoot() {
        return from(entityClass);
    }

    @SuppressWarnings("unchecked")
    public Root<T> from(Class<T> entity) {
        if (entity != entityClass) {
            throw new IllegalArgumentException("This " + kind + " is of " + entityClass.getName() + ", not " + entity.getName());
        }
        return clauses.roots.isEmpty() ? clauses.from(entity) : (Root<T>) clauses.roots.get(0);
    }

    public Root<T> from(EntityType<T> entity) {
        return from(entity.getJavaType());
    }

    public Predicate getRestriction() {
        return clauses.restriction();
    }

    public Set<ParameterExpression<?>> getParameters() {
        return Clauses.parameters(this);
    }

    public <U> Subquery<U> subquery(Class<U> type) {
        throw Unsupported.construct(kind + ".subquery");
    }

    public <U> Subquery<U> subquery(EntityType<U> type) {
        throw Unsupported.construct(kind + ".subquery");
    }
}
