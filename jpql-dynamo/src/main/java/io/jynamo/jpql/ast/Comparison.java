package io.jynamo.jpql.ast;

/**
 * {@code left op right}.
 *
 * @param left  left operand
 * @param op    operator
 * @param right right operand
 * @param pos   position of the operator
 */
public record Comparison(Expr left, CompareOp op, Expr right, Pos pos) implements Condition {
}
