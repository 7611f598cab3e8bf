package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.Condition;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.metamodel.EntityType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the three kinds of criteria queries share: their roots and their restriction. */
final class Clauses {
    private final CriteriaBuilderImpl builder;
    final List<RootImpl<?>> roots = new ArrayList<>();
    private ExpressionImpl<Boolean> where;

    Clauses(CriteriaBuilderImpl builder) {
        this.builder = builder;
    }

    <X> RootImpl<X> from(EntityType<X> entity) {
        RootImpl<X> root = new RootImpl<>(entity);
        roots.add(root);
        return root;
    }

    <X> RootImpl<X> from(Class<X> entityClass) {
        return from(builder.entity(entityClass));
    }

    void where(Expression<Boolean> restriction) {
        where = restriction == null ? null : ExpressionImpl.own(restriction);
    }

    void where(List<? extends Expression<Boolean>> restrictions) {
        where = restrictions.isEmpty() ? null : PredicateImpl.junction(Predicate.BooleanOperator.AND, restrictions);
    }

    Predicate restriction() {
        if (where == null || where instanceof Predicate) {
            return (Predicate) where;
        }
        return Predicates.truth(where, true);
    }

    /** The one root of the query; Jynamo reads one entity per query. */
    RootImpl<?> root(String query) {
        if (roots.size() != 1) {
            throw roots.isEmpty()
                    ? new IllegalArgumentException("The " + query + " has no root; call from(EntityClass) first")
                    : Unsupported.construct("a " + query + " with " + roots.size() + " roots (a cross join): from");
        }
        return roots.get(0);
    }

    Lowered<Condition> where(Lowering l) {
        return where == null ? null : where.condition(l);
    }

    /** The parameter objects a query uses (its lowered form lists them). */
    static Set<ParameterExpression<?>> parameters(CriteriaStatement.Lowerable query) {
        Set<ParameterExpression<?>> out = new LinkedHashSet<>();
        query.lower().shaping().visible().values().forEach(p -> out.add((ParameterExpression<?>) p));
        return out;
    }
}
