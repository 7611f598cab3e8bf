package io.jynamo.jpql.ast;

/**
 * A condition that is always true or always false, whatever the row: what the Criteria API's
 * {@code conjunction()} and {@code disjunction()} (and {@code in} of no values) stand for when they cannot be
 * folded into the conditions around them. JPQL text has no such condition; the parser never makes one.
 *
 * @param value what the condition always is
 * @param pos   where it was written
 */
public record Truth(boolean value, Pos pos) implements Condition {
}
