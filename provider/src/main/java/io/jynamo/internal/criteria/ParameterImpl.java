package io.jynamo.internal.criteria;

import io.jynamo.internal.query.Shaping;
import io.jynamo.jpql.ast.Expr;
import jakarta.persistence.criteria.ParameterExpression;

/**
 * {@code cb.parameter(type[, name])}. An unnamed parameter gets a generated name in the statement; the
 * application sets it through this object.
 *
 * @param <T> its Java type
 */
final class ParameterImpl<T> extends ExpressionImpl<T> implements ParameterExpression<T>, Shaping.Named {
    private final String name;
    private final String statementName;
    private final Class<T> type;

    ParameterImpl(Class<T> type, String name, int number) {
        super(type);
        if (type == null) {
            throw new IllegalArgumentException("A criteria parameter needs a type");
        }
        this.type = type;
        this.name = name;
        this.statementName = name != null ? name : "jynamo_param" + number;
    }

    @Override
    Lowered<Expr> lower(Lowering l) {
        return new Lowered<>(l.parameter(this), ":" + statementName);
    }

    @Override
    public String statementName() {
        return statementName;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Integer getPosition() {
        return null;
    }

    @Override
    public Class<T> getParameterType() {
        return type;
    }

    @Override
    public String toString() {
        return ":" + statementName + " (" + type.getSimpleName() + ")";
    }
}
