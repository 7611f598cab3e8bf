package io.jynamo.internal.criteria;

import io.jynamo.internal.query.Shaping;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SetClause;
import io.jynamo.jpql.ast.Statement;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.metamodel.SingularAttribute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A criteria bulk UPDATE, lowered to the statement {@code UPDATE E e SET ... WHERE ...} parses to.
 *
 * @param <T> the entity class
 */
final class CriteriaUpdateImpl<T> extends BulkCriteria<T> implements CriteriaUpdate<T> {
    private final List<PathImpl<?>> targets = new ArrayList<>();
    private final List<ExpressionImpl<?>> values = new ArrayList<>();

    CriteriaUpdateImpl(CriteriaBuilderImpl builder, Class<T> entityClass) {
        super(builder, entityClass, "CriteriaUpdate");
    }

    @Override
    public CriteriaStatement lower() {
        Lowering l = new Lowering();
        RootImpl<?> root = (RootImpl<?>) getRoot();
        String variable = l.variable(root);
        root.refuseJoins("CriteriaUpdate");
        if (targets.isEmpty()) {
            throw new IllegalStateException("The CriteriaUpdate sets nothing; call set(attribute, value) first");
        }
        List<SetClause> sets = new ArrayList<>();
        StringBuilder text = new StringBuilder("UPDATE " + root.getModel().getName() + " " + variable + " SET ");
        for (int i = 0; i < targets.size(); i++) {
            Lowered<Expr> target = targets.get(i).lower(l);
            Lowered<Expr> value = values.get(i).lower(l);
            sets.add(new SetClause((PathExpr) target.node(), value.node(), Lowering.POS));
            text.append(i == 0 ? "" : ", ").append(target.text()).append(" = ").append(value.text());
        }
        Lowered<Condition> where = clauses.where(l);
        if (where != null) {
            text.append(" WHERE ").append(where.text());
        }
        Statement statement = new Statement(StatementKind.UPDATE, root.getModel().getName(), Lowering.POS, variable,
                SelectKind.ENTITY, List.of(), sets, where == null ? null : where.node(), null);
        return new CriteriaStatement(statement, text.toString(), new Shaping(l.preset(), l.visible(), null, null));
    }

    private CriteriaUpdate<T> assign(Path<?> target, Object value) {
        if (!(target instanceof PathImpl<?> p) || target instanceof RootImpl<?>) {
            throw new IllegalArgumentException("CriteriaUpdate.set needs an attribute path of the root, not " + target);
        }
        targets.add(p);
        values.add(value instanceof Expression<?> e ? ExpressionImpl.own(e)
                : value == null ? new NullValue<>(p.getJavaType()) : new ValueImpl<>(value));
        return this;
    }

    @Override
    public <Y, X extends Y> CriteriaUpdate<T> set(SingularAttribute<? super T, Y> attribute, X value) {
        return assign(getRoot().get(attribute), value);
    }

    @Override
    public <Y> CriteriaUpdate<T> set(SingularAttribute<? super T, Y> attribute, Expression<? extends Y> value) {
        return assign(getRoot().get(attribute), value);
    }

    @Override
    public <Y, X extends Y> CriteriaUpdate<T> set(Path<Y> attribute, X value) {
        return assign(attribute, value);
    }

    @Override
    public <Y> CriteriaUpdate<T> set(Path<Y> attribute, Expression<? extends Y> value) {
        return assign(attribute, value);
    }

    @Override
    public CriteriaUpdate<T> set(String attributeName, Object value) {
        return assign(getRoot().get(attributeName), value);
    }

    @Override
    public CriteriaUpdate<T> where(Expression<Boolean> restriction) {
        clauses.where(restriction);
        return this;
    }

    @Override
    public CriteriaUpdate<T> where(Predicate... restrictions) {
        clauses.where(Arrays.asList(restrictions));
        return this;
    }


    /** {@code SET e.a = NULL}. */
    private static final class NullValue<Y> extends ExpressionImpl<Y> {
        NullValue(Class<? extends Y> type) {
            super(type);
        }

        @Override
        Lowered<Expr> lower(Lowering l) {
            return new Lowered<>(new io.jynamo.jpql.ast.Literal(null, Lowering.POS), "NULL");
        }
    }
}
