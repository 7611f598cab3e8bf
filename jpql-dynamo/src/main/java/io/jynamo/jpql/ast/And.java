package io.jynamo.jpql.ast;

import java.util.List;

/**
 * Conjunction of two or more conditions.
 *
 * @param operands the conditions
 */
public record And(List<Condition> operands) implements Condition {
    /** Copies the operands. */
    public And {
        operands = List.copyOf(operands);
    }
}
