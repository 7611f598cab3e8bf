package io.jynamo.jpql.ast;

/**
 * {@code value [NOT] BETWEEN low AND high}.
 *
 * @param value   the tested operand
 * @param low     lower bound (inclusive)
 * @param high    upper bound (inclusive)
 * @param negated {@code true} for NOT BETWEEN
 * @param pos     position of BETWEEN
 */
public record Between(Expr value, Expr low, Expr high, boolean negated, Pos pos) implements Condition {
}
