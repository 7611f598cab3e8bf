package io.jynamo.jpql.ast;

/**
 * {@code LOWER(x)} or {@code UPPER(x)} applied to a literal or parameter (evaluated in Java).
 *
 * @param upper    {@code true} for UPPER
 * @param argument the literal, parameter or nested LOWER/UPPER
 * @param pos      where it starts
 */
public record CaseFunction(boolean upper, Expr argument, Pos pos) implements Expr {
}
