package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.Between;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.IsNull;
import io.jynamo.jpql.ast.Like;
import io.jynamo.jpql.ast.MemberOf;
import io.jynamo.jpql.ast.PathExpr;
import jakarta.persistence.criteria.Expression;

/** The leaf conditions of criteria queries. */
final class Predicates {
    private Predicates() {
    }

    static PredicateImpl compare(ExpressionImpl<?> left, CompareOp op, Object right) {
        if (right == null) {
            if (op == CompareOp.EQ || op == CompareOp.NE) {
                return isNull(left, op == CompareOp.NE);
            }
            throw new IllegalArgumentException("A criteria comparison " + op.symbol() + " with null; compare with a value");
        }
        return compare(left, op, right instanceof Expression<?> e ? ExpressionImpl.own(e)
                : new ValueImpl<>(numberOrSelf(left.getJavaType(), right)));
    }

    /**
     * A string compared with a number-typed expression ({@code cb.equal(path, "1")}, the {@code Object} overloads
     * take any value) is read as that number, as other providers read it; a string that is no such number is kept,
     * and binding it fails naming the parameter and both types.
     */
    static Object numberOrSelf(Class<?> type, Object value) {
        Class<?> t = type == null ? null : io.jynamo.jpql.semantic.Types.wrap(type);
        if (!(value instanceof String s) || t == null || !io.jynamo.jpql.semantic.Types.numeric(t)) {
            return value;
        }
        try {
            Object number = io.jynamo.jpql.semantic.Types.fromBigDecimal(new java.math.BigDecimal(s.trim()), t);
            return number == null ? value : number;
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }

    static PredicateImpl compare(ExpressionImpl<?> left, CompareOp op, ExpressionImpl<?> right) {
        return new PredicateImpl(l -> {
            Lowered<Expr> a = left.lower(l);
            Lowered<Expr> b = right.lower(l);
            return new Lowered<>(new Comparison(a.node(), op, b.node(), Lowering.POS),
                    a.text() + " " + op.symbol() + " " + b.text());
        });
    }

    static PredicateImpl isNull(ExpressionImpl<?> value, boolean negated) {
        return new PredicateImpl(l -> {
            Lowered<Expr> v = value.lower(l);
            return new Lowered<>(new IsNull(v.node(), negated, Lowering.POS), v.text() + (negated ? " IS NOT NULL" : " IS NULL"));
        });
    }

    static PredicateImpl between(ExpressionImpl<?> value, ExpressionImpl<?> low, ExpressionImpl<?> high) {
        return new PredicateImpl(l -> {
            Lowered<Expr> v = value.lower(l);
            Lowered<Expr> a = low.lower(l);
            Lowered<Expr> b = high.lower(l);
            return new Lowered<>(new Between(v.node(), a.node(), b.node(), false, Lowering.POS),
                    v.text() + " BETWEEN " + a.text() + " AND " + b.text());
        });
    }

    /** {@code value [NOT] LIKE pattern [ESCAPE c]}. */
    static PredicateImpl like(ExpressionImpl<?> value, ExpressionImpl<?> pattern, Character escape, boolean negated) {
        return new PredicateImpl(l -> {
            Lowered<Expr> v = value.lower(l);
            Lowered<Expr> t = pattern.lower(l);
            return new Lowered<>(new Like(v.node(), t.node(), negated, Lowering.POS, escape),
                    v.text() + (negated ? " NOT LIKE " : " LIKE ") + t.text()
                            + (escape == null ? "" : " ESCAPE '" + (escape == '\'' ? "''" : escape) + "'"));
        });
    }

    static PredicateImpl memberOf(ExpressionImpl<?> element, ExpressionImpl<?> collection, boolean negated) {
        if (!(collection instanceof PathImpl<?> path) || !path.plural()) {
            throw new IllegalArgumentException("MEMBER OF needs a collection attribute path, not " + collection);
        }
        return new PredicateImpl(l -> {
            Lowered<Expr> e = element.lower(l);
            Lowered<Expr> c = path.lower(l);
            return new Lowered<>(new MemberOf(e.node(), (PathExpr) c.node(), negated, Lowering.POS),
                    e.text() + (negated ? " NOT MEMBER OF " : " MEMBER OF ") + c.text());
        });
    }

    /** A condition made of a Boolean expression ({@code cb.isTrue(x)}, {@code where(booleanPath)}). */
    static PredicateImpl truth(ExpressionImpl<Boolean> value, boolean expected) {
        return new PredicateImpl(l -> {
            Lowered<Expr> v = value.lower(l);
            return new Lowered<>((Condition) new Comparison(v.node(), CompareOp.EQ, l.value(expected), Lowering.POS),
                    v.text() + " = " + String.valueOf(expected).toUpperCase());
        });
    }
}
