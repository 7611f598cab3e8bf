package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.And;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.Not;
import io.jynamo.jpql.ast.Or;
import io.jynamo.jpql.ast.Truth;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A condition: a leaf (comparison, LIKE, IN, ...), or the AND / OR of other conditions. An AND of nothing
 * ({@code cb.conjunction()}) is true and adds no condition; an OR of nothing ({@code cb.disjunction()}) is false:
 * a query whose whole condition is false returns nothing without calling DynamoDB.
 */
class PredicateImpl extends ExpressionImpl<Boolean> implements Predicate {
    /** The lowered condition that is always false. */
    static final Lowered<Condition> FALSE = new Lowered<>(new Truth(false, Lowering.POS), "FALSE");

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
     * The condition, or {@code null} when it is always true (an empty AND, or a junction of those), or {@link #FALSE}
     * when it is always false (an empty OR, an IN of no values, the negation of a true one). Constants fold into the
     * junctions around them, so that a condition either is one of those two or has none inside it.
     */
    @Override
    Lowered<Condition> condition(Lowering l) {
        Lowered<Condition> c = leaf != null ? leaf.apply(l) : junction(l);
        if (!negated) {
            return c;
        }
        if (c == null || isFalse(c)) {
            return c == null ? FALSE : null;
        }
        return new Lowered<>(new Not(c.node()), "NOT (" + c.text() + ")");
    }

    private Lowered<Condition> junction(Lowering l) {
        boolean and = operator == BooleanOperator.AND;
        List<Condition> parts = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (ExpressionImpl<Boolean> operand : operands) {
            Lowered<Condition> c = operand.condition(l);
            if (c == null ? !and : isFalse(c) && and) {
                return c; // true OR anything, false AND anything
            }
            if (c != null && !isFalse(c)) {
                parts.add(c.node());
                texts.add("(" + c.text() + ")");
            }
        }
        if (parts.isEmpty()) {
            return and ? null : FALSE;
        }
        if (parts.size() == 1) {
            return new Lowered<>(parts.get(0), texts.get(0));
        }
        return new Lowered<>(and ? new And(parts) : new Or(parts), String.join(and ? " AND " : " OR ", texts));
    }

    static boolean isFalse(Lowered<Condition> c) {
        return c != null && c.node() instanceof Truth t && !t.value();
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
