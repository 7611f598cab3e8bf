package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.CaseExpr;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.Truth;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;

import java.util.ArrayList;
import java.util.List;

/**
 * The Criteria API's computed values beyond {@link Functions.Calc}: functions with a keyword argument
 * ({@code EXTRACT(YEAR FROM x)}, {@code CAST(x AS Integer)}, {@code CURRENT_DATE}), {@code CASE} and
 * {@code COALESCE} builders. Lowered to the statement's nodes as the JPQL parser builds them, so selections and
 * conditions are computed in Java by the same evaluator.
 */
final class Computations {
    private Computations() {
    }

    /**
     * A function whose arguments mix expressions and keywords: each argument is an {@link ExpressionImpl}, or a
     * String keyword lowered as a literal (the field of EXTRACT, the type of CAST).
     */
    static final class Keyword<T> extends ExpressionImpl<T> {
        private final String function;
        private final List<Object> arguments;

        Keyword(Class<? extends T> type, String function, Object... arguments) {
            super(type);
            this.function = function;
            this.arguments = List.of(arguments);
        }

        @Override
        Lowered<Expr> lower(Lowering l) {
            List<Expr> nodes = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (Object a : arguments) {
                if (a instanceof String word) {
                    nodes.add(new Literal(word, Lowering.POS));
                    texts.add(word);
                } else {
                    Lowered<Expr> e = ((ExpressionImpl<?>) a).lower(l);
                    nodes.add(e.node());
                    texts.add(e.text());
                }
            }
            String text = switch (function) {
                case "EXTRACT" -> "EXTRACT(" + texts.get(0) + " FROM " + texts.get(1) + ")";
                case "CAST" -> "CAST(" + texts.get(0) + " AS " + texts.get(1) + ")";
                default -> texts.isEmpty() ? function : function + "(" + String.join(", ", texts) + ")";
            };
            return new Lowered<>(new Computed(function, nodes, Lowering.POS), text);
        }
    }

    /** {@code CASE WHEN c THEN v ... ELSE w END}, and the simple {@code CASE x WHEN a THEN v ...}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    abstract static class CaseBase<C, R> extends ExpressionImpl<R> {
        private final ExpressionImpl<C> operand;
        private final List<ExpressionImpl<?>> whens = new ArrayList<>();
        private final List<ExpressionImpl<?>> thens = new ArrayList<>();
        private ExpressionImpl<?> otherwise;
        private Class<?> type;

        CaseBase(ExpressionImpl<C> operand) {
            super(null);
            this.operand = operand;
        }

        private static ExpressionImpl<?> arg(Object v) {
            return v instanceof Expression<?> e ? ExpressionImpl.own(e) : new ValueImpl<>(v);
        }

        final void add(Object when, Object then) {
            whens.add(arg(when));
            ExpressionImpl<?> t = arg(then);
            thens.add(t);
            if (type == null) {
                type = t.getJavaType();
            }
        }

        final Expression<R> orElse(Object result) {
            otherwise = arg(result);
            return this;
        }

        final ExpressionImpl<C> operand() {
            return operand;
        }

        @Override
        public Class<? extends R> getJavaType() {
            return (Class) (type == null ? Object.class : type);
        }

        @Override
        Lowered<Expr> lower(Lowering l) {
            if (whens.isEmpty()) {
                throw new IllegalArgumentException("A criteria CASE has no WHEN; add one with when(condition, result)");
            }
            List<Condition> conditions = new ArrayList<>();
            List<Expr> results = new ArrayList<>();
            StringBuilder text = new StringBuilder("CASE");
            Lowered<Expr> x = operand == null ? null : operand.lower(l);
            if (x != null) {
                text.append(' ').append(x.text());
            }
            for (int i = 0; i < whens.size(); i++) {
                if (x == null) {
                    Lowered<Condition> c = whens.get(i).condition(l);
                    conditions.add(c == null ? new Truth(true, Lowering.POS) : c.node()); // null: cb.conjunction()
                    text.append(" WHEN ").append(c == null ? "TRUE" : c.text());
                } else {
                    Lowered<Expr> v = whens.get(i).lower(l);
                    conditions.add(new Comparison(x.node(), CompareOp.EQ, v.node(), Lowering.POS));
                    text.append(" WHEN ").append(v.text());
                }
                Lowered<Expr> r = thens.get(i).lower(l);
                results.add(r.node());
                text.append(" THEN ").append(r.text());
            }
            Expr other = null;
            if (otherwise != null) {
                Lowered<Expr> o = otherwise.lower(l);
                other = o.node();
                text.append(" ELSE ").append(o.text());
            }
            return new Lowered<>(new CaseExpr(conditions, results, other, Lowering.POS), text.append(" END").toString());
        }
    }

    /** {@code cb.selectCase().when(condition, result)...otherwise(result)}. */
    static final class SearchedCase<R> extends CaseBase<Object, R> implements CriteriaBuilder.Case<R> {
        SearchedCase() {
            super(null);
        }

        @Override
        public SearchedCase<R> when(Expression<Boolean> condition, R result) {
            add(condition, result);
            return this;
        }

        @Override
        public SearchedCase<R> when(Expression<Boolean> condition, Expression<? extends R> result) {
            add(condition, result);
            return this;
        }

        @Override
        public Expression<R> otherwise(R result) {
            return orElse(result);
        }

        @Override
        public Expression<R> otherwise(Expression<? extends R> result) {
            return orElse(result);
        }
    }

    /** {@code cb.selectCase(x).when(value, result)...otherwise(result)}. */
    static final class SimpleCase<C, R> extends CaseBase<C, R> implements CriteriaBuilder.SimpleCase<C, R> {
        SimpleCase(ExpressionImpl<C> operand) {
            super(operand);
        }

        @Override
        public Expression<C> getExpression() {
            return operand();
        }

        @Override
        public SimpleCase<C, R> when(C condition, R result) {
            add(condition, result);
            return this;
        }

        @Override
        public SimpleCase<C, R> when(C condition, Expression<? extends R> result) {
            add(condition, result);
            return this;
        }

        @Override
        public SimpleCase<C, R> when(Expression<? extends C> condition, R result) {
            add(condition, result);
            return this;
        }

        @Override
        public SimpleCase<C, R> when(Expression<? extends C> condition, Expression<? extends R> result) {
            add(condition, result);
            return this;
        }

        @Override
        public Expression<R> otherwise(R result) {
            return orElse(result);
        }

        @Override
        public Expression<R> otherwise(Expression<? extends R> result) {
            return orElse(result);
        }
    }

    /** {@code COALESCE(a, b, ...)} built value by value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final class CoalesceImpl<T> extends ExpressionImpl<T> implements CriteriaBuilder.Coalesce<T> {
        private final List<ExpressionImpl<?>> values = new ArrayList<>();

        CoalesceImpl() {
            super(null);
        }

        @Override
        public Class<? extends T> getJavaType() {
            return (Class) (values.isEmpty() || values.get(0).getJavaType() == null ? Object.class
                    : values.get(0).getJavaType());
        }

        @Override
        public CoalesceImpl<T> value(T value) {
            values.add(new ValueImpl<>(value));
            return this;
        }

        @Override
        public CoalesceImpl<T> value(Expression<? extends T> value) {
            values.add(ExpressionImpl.own(value));
            return this;
        }

        @Override
        Lowered<Expr> lower(Lowering l) {
            if (values.size() < 2) {
                throw new IllegalArgumentException("A criteria COALESCE needs at least two values; add them with value(...)");
            }
            return new Functions.Calc<>(Object.class, "COALESCE", (List) values).lower(l);
        }
    }
}
