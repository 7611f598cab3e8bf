package io.jynamo.jpql.ast;

/**
 * {@code element [NOT] MEMBER [OF] collection}.
 *
 * @param element    a literal or parameter
 * @param collection the collection attribute
 * @param negated    {@code true} for NOT MEMBER OF
 * @param pos        position of MEMBER
 */
public record MemberOf(Expr element, PathExpr collection, boolean negated, Pos pos) implements Condition {
}
