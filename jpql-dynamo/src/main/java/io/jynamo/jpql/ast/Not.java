package io.jynamo.jpql.ast;

/**
 * Negation (three-valued: NOT unknown is unknown).
 *
 * @param operand the negated condition
 */
public record Not(Condition operand) implements Condition {
}
