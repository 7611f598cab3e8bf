package io.jynamo.jpql.ast;

import java.util.List;

/**
 * {@code value [NOT] IN (items)}; an item that is a parameter may be bound to a collection.
 *
 * @param value   the attribute
 * @param items   literals and parameters
 * @param negated {@code true} for NOT IN
 * @param pos     position of IN
 */
public record In(Expr value, List<Expr> items, boolean negated, Pos pos) implements Condition {
    /** Copies the items. */
    public In {
        items = List.copyOf(items);
    }
}
