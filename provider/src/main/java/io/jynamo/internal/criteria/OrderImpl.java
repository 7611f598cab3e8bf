package io.jynamo.internal.criteria;

import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Nulls;
import jakarta.persistence.criteria.Order;

/** {@code cb.asc(x)} / {@code cb.desc(x)}. */
record OrderImpl(ExpressionImpl<?> expression, boolean ascending, Nulls nulls) implements Order {

    @Override
    public Order reverse() {
        return new OrderImpl(expression, !ascending, nulls);
    }

    @Override
    public boolean isAscending() {
        return ascending;
    }

    @Override
    public Nulls getNullPrecedence() {
        return nulls;
    }

    @Override
    public Expression<?> getExpression() {
        return expression;
    }
}
