package io.jynamo.jpql;

import io.jynamo.jpql.ast.Statement;

import java.util.List;

/**
 * A SELECT through a join of a collection without a condition on its elements: {@code SELECT t FROM Order o JOIN
 * o.tags t WHERE o.id = :id}, {@code SELECT c.id, a.alias FROM Customer c LEFT JOIN c.aliases a ORDER BY a.alias}.
 * DynamoDB cannot join, so the statement compiles to the owners' query (the compiled query's own plan, selecting
 * the owners) and this description of the rows: the provider loads each owner's collection (as a fetch would) and
 * makes one row per (owner, element), as SQL's join returns them; with {@code left}, an owner without elements gives
 * one row whose element items are NULL. Then ORDER BY, DISTINCT, {@code firstResult} and {@code maxResults} apply
 * to the rows, in Java.
 *
 * @param association the collection of the queried entity that is joined
 * @param left        LEFT JOIN: an owner without elements gives a row of NULL element items
 * @param items       the select items in order: one item of path {@code ""} for an entity ({@code SELECT t}, the owner
 *                    {@code SELECT c}, or what {@code COUNT} counts), else attribute paths
 * @param order       the ORDER BY items in order
 * @param distinct    SELECT DISTINCT: equal rows once
 * @param types       the Java type of each select item (empty for an entity: the provider knows the classes)
 * @param shape       how the rows become results (NEW, result variables), as written
 * @param positions   {@code INDEX(v) = 1} and the like, ANDed in WHERE: the rows whose element is at such a position
 *                    of its owner's ordered list ({@code @OrderColumn}) are kept
 * @param count       {@code SELECT COUNT([DISTINCT] v)}: the one result is the number of rows whose entity item is not
 *                    NULL (with {@code distinct}, of different entities), as SQL counts
 */
public record CollectionRows(String association, boolean left, List<Item> items, List<Order> order,
                             boolean distinct, List<Class<?>> types, Statement.ResultShape shape,
                             List<Position> positions, boolean count) {

    /**
     * A value of a row.
     *
     * @param element whether it is read from the element (else from the owner)
     * @param path    the attribute path below the variable ({@code alias}, {@code address.city}); {@code ""} for the
     *                entity itself
     */
    public record Item(boolean element, String path) {
    }

    /**
     * An ORDER BY item of the rows.
     *
     * @param item       what is compared
     * @param descending DESC
     * @param nullsFirst NULLS FIRST / LAST as written, or {@code null} (then NULL is lowest)
     */
    public record Order(Item item, boolean descending, Boolean nullsFirst) {
    }

    /**
     * A condition on an element's position in its owner's list, {@code INDEX(v) op value}.
     *
     * @param op    the comparison
     * @param value the position compared with (0 is the first)
     */
    public record Position(io.jynamo.jpql.ast.CompareOp op, long value) {
        /** Whether a position passes. */
        public boolean test(long position) {
            return op.test(Long.compare(position, value));
        }
    }

    /** Whether an entity is selected (or counted) rather than attributes. */
    public boolean entity() {
        return items.size() == 1 && items.get(0).path().isEmpty();
    }

    public CollectionRows {
        positions = List.copyOf(positions);
        items = List.copyOf(items);
        order = List.copyOf(order);
        types = List.copyOf(types);
    }
}
