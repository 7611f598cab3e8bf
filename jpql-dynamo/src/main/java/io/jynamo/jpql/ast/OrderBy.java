package io.jynamo.jpql.ast;

/**
 * {@code ORDER BY path [ASC|DESC]}.
 *
 * @param path       the ordering attribute (must be the sort key of the queried table or index)
 * @param descending {@code true} for DESC
 * @param pos        where the path starts
 */
public record OrderBy(PathExpr path, boolean descending, Pos pos) {
}
