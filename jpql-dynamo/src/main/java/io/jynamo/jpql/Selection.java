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
}
