package io.jynamo.internal.criteria;

import io.jynamo.internal.query.Shaping;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Statement;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.persistence.metamodel.EntityType;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A criteria bulk DELETE, lowered to the statement {@code DELETE FROM E e WHERE ...} parses to.
 *
 * @param <T> the entity class
 */
final class CriteriaDeleteImpl<T> implements CriteriaDelete<T>, CriteriaStatement.Lowerable {
    private final Clauses clauses;

    private final Class<T> entityClass;

    CriteriaDeleteImpl(CriteriaBuilderImpl builder, Class<T> entityClass) {
        this.clauses = new Clauses(builder);
        this.entityClass = entityClass;
        builder.entity(entityClass);
    }

    @Override
    public CriteriaStatement lower() {
        Lowering l = new Lowering();
        RootImpl<?> root = (RootImpl<?>) getRoot();
        String variable = l.variable(root);
        Lowered<Condition> where = clauses.where(l);
        Statement statement = new Statement(StatementKind.DELETE, root.getModel().getName(), Lowering.POS, variable,
                SelectKind.ENTITY, List.of(), List.of(), where == null ? null : where.node(), null);
        String text = "DELETE FROM " + root.getModel().getName() + " " + variable + (where == null ? "" : " WHERE " + where.text());
        return new CriteriaStatement(statement, text, new Shaping(l.preset(), l.visible(), null, null));
    }

    /** The root ({@code from} is optional: the entity is known from the start). */
    @Override
    public Root<T> getRoot() {
        return from(entityClass);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Root<T> from(Class<T> entity) {
        if (entity != entityClass) {
            throw new IllegalArgumentException("This CriteriaDelete is of " + entityClass.getName() + ", not " + entity.getName());
        }
        return clauses.roots.isEmpty() ? clauses.from(entity) : (Root<T>) clauses.roots.get(0);
    }

    @Override
    public Root<T> from(EntityType<T> entity) {
        return from(entity.getJavaType());
    }

    @Override
    public CriteriaDelete<T> where(Expression<Boolean> restriction) {
        clauses.where(restriction);
        return this;
    }

    @Override
    public CriteriaDelete<T> where(Predicate... restrictions) {
        clauses.where(Arrays.asList(restrictions));
        return this;
    }

    @Override
    public Predicate getRestriction() {
        return clauses.restriction();
    }

    @Override
    public Set<ParameterExpression<?>> getParameters() {
        return Clauses.parameters(this);
    }

    // <generated: every other method of the interface is a construct Jynamo refuses>
    @Override
    public <U> Subquery<U> subquery(Class<U> arg0) {
        throw Unsupported.construct("CriteriaDelete.subquery");
    }

    @Override
    public <U> Subquery<U> subquery(EntityType<U> arg0) {
        throw Unsupported.construct("CriteriaDelete.subquery");
    }
    // </generated>
}
