package io.jynamo.jpql.ast;

/**
 * {@code [LEFT] JOIN [FETCH] var.association [AS] v} in FROM.
 *
 * @param path     the joined association, {@code var.association}
 * @param variable the join's identification variable, or {@code null} when none is declared
 * @param left     {@code true} for LEFT [OUTER] JOIN
 * @param fetch    {@code true} for JOIN FETCH
 * @param pos      where the join starts
 */
public record Join(PathExpr path, String variable, boolean left, boolean fetch, Pos pos) {
}
