package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.In;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code x IN (a, b, ...)}, built item by item ({@code cb.in(x).value(a).value(b)}); an item may be a
 * parameter bound to a collection.
 *
 * @param <T> the type of the tested expression
 */
final class InImpl<T> extends ExpressionImpl<Boolean> implements CriteriaBuilder.In<T> {
    private final ExpressionImpl<? extends T> tested;
    private final List<ExpressionImpl<?>> items = new ArrayList<>();

    InImpl(ExpressionImpl<? extends T> tested) {
        super(Boolean.class);
        this.tested = tested;
    }

    InImpl<T> item(ExpressionImpl<?> item) {
        items.add(item);
        return this;
    }

    @Override
    Lowered<Condition> condition(Lowering l) {
        if (items.isEmpty()) {
            return PredicateImpl.FALSE; // in(x) of no values: no value is one of none
        }
        Lowered<Expr> value = tested.lower(l);
        StringBuilder text = new StringBuilder(value.text()).append(" IN (");
        List<Expr> nodes = lowerAll(items, l, text);
        return new Lowered<>(new In(value.node(), nodes, false, Lowering.POS), text.append(")").toString());
    }

    @Override
    Lowered<Expr> lower(Lowering l) {
        throw Unsupported.construct("a Predicate used as a value");
    }

    @Override
    public Expression<T> getExpression() {
        @SuppressWarnings("unchecked")
        Expression<T> e = (Expression<T>) tested;
        return e;
    }

    @Override
    public CriteriaBuilder.In<T> value(T value) {
        return item(new ValueImpl<>(value));
    }

    @Override
    public CriteriaBuilder.In<T> value(Expression<? extends T> value) {
        return item(own(value));
    }

    @Override
    public BooleanOperator getOperator() {
        return BooleanOperator.AND;
    }

    @Override
    public boolean isNegated() {
        return false;
    }

    @Override
    public List<Expression<Boolean>> getExpressions() {
        return List.of();
    }

    @Override
    public Predicate not() {
        return new PredicateImpl(this::condition).not(); // a negated predicate that says so: isNegated() is true
    }
}
