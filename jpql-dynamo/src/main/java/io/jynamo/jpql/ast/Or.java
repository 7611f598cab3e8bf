package io.jynamo.jpql.ast;

import java.util.List;

/**
 * Disjunction of two or more conditions.
 *
 * @param operands the conditions
 */
public record Or(List<Condition> operands) implements Condition {
    /** Copies the operands. */
    public Or {
        operands = List.copyOf(operands);
    }
}
