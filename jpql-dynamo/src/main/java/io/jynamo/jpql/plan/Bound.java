package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.semantic.LikePattern;

import java.util.List;

/**
 * A condition in negation normal form with every parameter replaced by its value: negation only
 * survives inside atoms, each of which already has JPQL's three-valued meaning.
 */
sealed interface Bound {

    /** An operand of a comparison. */
    sealed interface Operand {
    }

    /** An attribute. */
    record Attr(AttributeInfo attribute) implements Operand {
    }

    /** A value. */
    record Val(BoundValue value) implements Operand {
    }

    /** SIZE(collection), 0 when absent. */
    record Size(AttributeInfo attribute) implements Operand {
    }

    /** TRUE or FALSE, decided at bind time. */
    record Const(boolean value) implements Bound {
    }

    /** Conjunction. */
    record All(List<Bound> operands) implements Bound {
    }

    /** Disjunction. */
    record Any(List<Bound> operands) implements Bound {
    }

    /** left op right; a value is never on the left. */
    record Cmp(Operand left, CompareOp op, Operand right) implements Bound {
    }

    /** value BETWEEN low AND high (positive only; NOT BETWEEN is expanded). */
    record Btw(Operand value, Val low, Val high) implements Bound {
    }

    /** begins_with / contains on a string attribute. */
    record Match(AttributeInfo attribute, LikePattern.Shape shape, BoundValue text, boolean negated) implements Bound {
    }

    /** attribute [NOT] IN (values), values non-null and non-empty. */
    record InList(AttributeInfo attribute, List<BoundValue> values, boolean negated) implements Bound {
    }

    /** attribute_exists / attribute_not_exists. */
    record Exists(AttributeInfo attribute, boolean exists) implements Bound {
    }

    /**
     * Explain only: a condition decided once its parameters are bound, shown as written (after the attribute's
     * placeholder when there is one), e.g. {@code #n1 LIKE :p} or {@code :p IS NULL}.
     */
    record Deferred(AttributeInfo attribute, String text) implements Bound {
    }

    /** contains(collection, element). */
    record Member(AttributeInfo collection, BoundValue element, boolean negated) implements Bound {
    }
}
