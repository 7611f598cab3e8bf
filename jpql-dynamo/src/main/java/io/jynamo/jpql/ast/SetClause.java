package io.jynamo.jpql.ast;

/**
 * One {@code SET e.a = value} item of an UPDATE.
 *
 * @param target the attribute to change
 * @param value  a literal (NULL removes the attribute), parameter or LOWER/UPPER of one
 * @param pos    where the item starts
 */
public record SetClause(PathExpr target, Expr value, Pos pos) {
}
