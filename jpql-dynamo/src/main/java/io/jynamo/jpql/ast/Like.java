package io.jynamo.jpql.ast;

/**
 * {@code value [NOT] LIKE pattern}.
 *
 * @param value   the string attribute
 * @param pattern a literal, parameter or LOWER/UPPER of one
 * @param negated {@code true} for NOT LIKE
 * @param pos     position of LIKE
 */
public record Like(Expr value, Expr pattern, boolean negated, Pos pos) implements Condition {
}
