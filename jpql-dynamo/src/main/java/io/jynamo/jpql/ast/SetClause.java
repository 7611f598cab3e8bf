package io.jynamo.jpql.ast;

/**
 * One {@code SET e.a = value} item of an UPDATE.
 *
 * @param target the attribute to change
 * @param value  as parsed: any value expression. After analysis, without {@code inJava}: a literal (NULL removes the
 *               attribute), a parameter, LOWER/UPPER of one, or {@code e.n ± value} (DynamoDB's own arithmetic);
 *               with {@code inJava}: an expression the provider evaluates in Java for each item read
 * @param pos    where the item starts
 * @param inJava whether the value is computed in Java from the item as read (every SET of the statement is, then)
 */
public record SetClause(PathExpr target, Expr value, Pos pos, boolean inJava) {

    /** A SET item as written (not yet analysed). */
    public SetClause(PathExpr target, Expr value, Pos pos) {
        this(target, value, pos, false);
    }
}
