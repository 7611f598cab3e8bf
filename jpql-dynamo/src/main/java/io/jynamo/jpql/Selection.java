package io.jynamo.jpql;

import io.jynamo.jpql.model.AttributeInfo;

import java.util.List;

/**
 * Select items computed in Java for each row read ({@code SELECT e.price * e.quantity, LENGTH(e.name)}): the
 * provider reads {@link #attributes()} (the plan's projection includes them) and asks {@link #values} for the
 * items of each row, already of the types {@link CompiledQuery#selectedTypes()} names. It never changes which
 * rows a query returns, so it is not the client-side work {@link ClientSide} describes.
 *
 * <pre>{@code
 * Selection s = plan.selection();
 * Object[] values = s.values(attribute -> valueOf(item, attribute));
 * }</pre>
 */
public interface Selection {
    /** The attributes the items read, each once. */
    List<AttributeInfo> attributes();

    /** The value of each select item in the row, in select order ({@code null} for NULL). */
    Object[] values(ClientSide.Row row);

    /** The items as EXPLAIN shows them, e.g. {@code (e.price * e.quantity), LENGTH(e.name)}. */
    String describe();

    /**
     * Whether the items are aggregates ({@code SUM}, {@code AVG}, {@code MIN}, {@code MAX}, {@code COUNT}): the query
     * has one result, folded from every row read with {@link #fold()}, and {@link #values} is not used.
     */
    boolean aggregates();

    /** A new fold of the rows into the aggregates' values; only when {@link #aggregates()}. */
    Fold fold();

    /** The aggregates of the rows added so far. */
    interface Fold {
        /** Adds a row: each aggregate reads its argument in it (NULL is skipped, as JPQL says). */
        void add(ClientSide.Row row);

        /**
         * The value of each aggregate in select order, of the types {@link CompiledQuery#selectedTypes()} names:
         * {@code COUNT} 0 and the others NULL when no row had a value.
         */
        Object[] values();
    }
}
