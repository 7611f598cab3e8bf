package io.jynamo.jpql.ast;

/**
 * {@code value IS [NOT] NULL}.
 *
 * @param value   an attribute, parameter or literal
 * @param negated {@code true} for IS NOT NULL
 * @param pos     position of IS
 */
public record IsNull(Expr value, boolean negated, Pos pos) implements Condition {
}
