package io.jynamo.jpql.ast;

import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;

/**
 * After analysis: {@code SIZE(e.children)} of a relationship collection (an inverse one-to-many or a link-table
 * side), whose elements are not on the owner's item. It is evaluated in Java after the read, per owner row: the
 * provider counts the targets (a {@code Select=COUNT} Query of the foreign-key index or the link table) and hands
 * the number in as the value of {@link #attribute()}.
 *
 * @param collection  the collection path as written
 * @param association the relationship
 * @param attribute   the pseudo-attribute standing for the count ({@link #PREFIX} + the association's name, no
 *                    stored path): the provider recognises it by {@code ClientSide.counted}
 * @param pos         where SIZE starts
 */
public record RelationSize(PathExpr collection, AssociationInfo association, AttributeInfo attribute, Pos pos)
        implements Expr {
    /** The path prefix of the pseudo-attribute: no Java attribute name contains parentheses. */
    public static final String PREFIX = "SIZE()";
}
