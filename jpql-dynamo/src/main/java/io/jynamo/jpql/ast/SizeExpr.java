package io.jynamo.jpql.ast;

/**
 * {@code SIZE(e.collection)}: the number of elements, 0 for an absent collection.
 *
 * @param collection the collection attribute
 * @param pos        where it starts
 */
public record SizeExpr(PathExpr collection, Pos pos) implements Expr {
}
