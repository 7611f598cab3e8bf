package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.Expr;

/**
 * A value the query carries ({@code cb.literal(v)}, or the {@code Object} of {@code cb.equal(path, v)}): bound
 * as a parameter of a generated name, so the statement, and its cached plan, is the same for every value.
 *
 * @param <T> its Java type
 */
final class ValueImpl<T> extends ExpressionImpl<T> {
    private final T value;

    @SuppressWarnings("unchecked")
    ValueImpl(T value) {
        super(value == null ? null : (Class<? extends T>) value.getClass());
        if (value == null) {
            throw new IllegalArgumentException("A criteria value is null; compare with isNull() / isNotNull()");
        }
        this.value = value;
    }

    T value() {
        return value;
    }

    @Override
    Lowered<Expr> lower(Lowering l) {
        return new Lowered<>(l.value(value), text(value));
    }

    private static String text(Object v) {
        if (v instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        return v instanceof Number || v instanceof Boolean ? v.toString() : "'" + v + "'";
    }

    @Override
    public String toString() {
        return text(value);
    }
}
