package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.And;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.Not;
import io.jynamo.jpql.ast.Or;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A condition: a leaf (comparison, LIKE, IN, ...), or the AND / OR of other conditions. An AND of nothing
 * ({@code cb.conjunction()}) is true and adds no condition; an OR of nothing ({@code cb.disjunction()}) is false.
 */
class PredicateImpl extends ExpressionImpl<Boolean> implements Predicate {
    private final BooleanOperator operator;
    private final List<ExpressionImpl<Boolean>> operands;
    private final Function<Lowering, Lowered<Condition>> leaf;
    private final boolean negated;

    private PredicateImpl(BooleanOperator operator, List<ExpressionImpl<Boolean>> operands,
                          Function<Lowering, Lowered<Condition>> leaf, boolean negated) {
        super(Boolean.class);
        this.operator = operator;
        this.operands = List.copyOf(operands);
        this.leaf = leaf;
        this.negated = negated;
    }

    /** A leaf condition. */
    PredicateImpl(Function<Lowering, Lowered<Condition>> leaf) {
        this(BooleanOperator.AND, List.of(), leaf, false);
    }

    /** The AND or OR of conditions (Predicates, or Boolean expressions). */
    static PredicateImpl junction(BooleanOperator operator, List<? extends Expression<Boolean>> operands) {
        List<ExpressionImpl<Boolean>> own = new ArrayList<>();
        for (Expression<Boolean> e : operands) {
            own.add(own(e));
        }
        return new PredicateImpl(operator, own, null, false);
    }

    /**
     * The condition, or {@code null} when it is always true (an empty AND, or a junction of those); a condition
     * that is always false is refused, since the JPQL subset has no FALSE.
     */
    @Override
    Lowered<Condition> condition(Lowering l) {
        Lowered<Condition> c = leaf != null ? leaf.apply(l) : junction(l);
        if (c == null) {
            if (negated) {
                throw Unsupported.construct("a negated conjunction (always false): CriteriaBuilder.not(conjunction)");
            }
            return null;
        }
        return negated ? new Lowered<>(new Not(c.node()), "NOT (" + c.text() + ")") : c;
    }

    private Lowered<Condition> junction(Lowering l) {
        if (operands.isEmpty()) {
            if (operator == BooleanOperator.OR) {
                throw Unsupported.construct("an empty disjunction (always false): CriteriaBuilder.disjunction");
            }
            return null;
        }
        List<Condition> parts = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (ExpressionImpl<Boolean> operand : operands) {
            Lowered<Condition> c = operand.condition(l);
            if (c == null) {
                if (operator == BooleanOperator.OR) {
                    return null; // true OR anything
                }
                continue;
            }
            parts.add(c.node());
            texts.add("(" + c.text() + ")");
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return new Lowered<>(parts.get(0), texts.get(0));
        }
        Condition node = operator == BooleanOperator.AND ? new And(parts) : new Or(parts);
        return new Lowered<>(node, String.join(operator == BooleanOperator.AND ? " AND " : " OR ", texts));
    }

    @Override
    Lowered<Expr> lower(Lowering l) {
        throw Unsupported.construct("a Predicate used as a value");
    }

    @Override
    public BooleanOperator getOperator() {
        return operator;
    }

    @Override
    public boolean isNegated() {
        return negated;
    }

    @Override
    public List<Expression<Boolean>> getExpressions() {
        return List.copyOf(operands);
    }

    @Override
    public Predicate not() {
        return new PredicateImpl(operator, operands, leaf, !negated);
    }
}
