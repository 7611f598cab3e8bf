package io.jynamo.jpql;

import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;

import java.util.Comparator;
import java.util.List;

/**
 * The part of a plan DynamoDB cannot run, which the provider runs in Java on the items read: conditions
 * DynamoDB cannot evaluate ({@code UPPER(u.name) = UPPER(:n)}) with JPQL's three-valued logic, and an
 * {@code ORDER BY} no Query can serve, sorted in memory. When a plan has it ({@link BoundPlan#clientSide()}
 * is not {@code null}) the provider reads every matching item (no {@code Limit}, since rows may be dropped or
 * reordered after the read), keeps those {@link #test} accepts, sorts them with {@link #comparator()} when
 * there is one, and only then applies firstResult and maxResults.
 *
 * <pre>{@code
 * ClientSide cs = plan.clientSide();
 * List<ClientSide.Row> rows = items.stream().map(item -> (ClientSide.Row) a -> valueOf(item, a))
 *         .filter(cs::test).sorted(cs.comparator()).toList();
 * }</pre>
 */
public interface ClientSide {

    /** One item read, as the Java value of each attribute ({@code null} when absent). */
    @FunctionalInterface
    interface Row {
        /** The Java value of the attribute in this item, {@code null} when it has none. */
        Object get(AttributeInfo attribute);
    }

    /** The attributes {@link #test} and {@link #comparator()} read: a projection must include them. */
    List<AttributeInfo> attributes();

    /** Whether some rows read may be dropped in Java (a condition is evaluated after the read). */
    boolean filters();

    /** Whether the rows are sorted in memory. */
    boolean sorts();

    /** {@code true} when the row satisfies every condition evaluated in Java (JPQL: the condition is TRUE). */
    boolean test(Row row);

    /** The in-memory order, or {@code null} when DynamoDB orders the rows (or there is no ORDER BY). */
    Comparator<Row> comparator();

    /**
     * {@code SIZE(e.children)} of a relationship collection: the association whose targets the pseudo-attribute
     * stands for (it has no stored path), which the provider counts for each row ({@code Select=COUNT} Query of the
     * foreign-key index or the link table) and hands in as the attribute's value; {@code null} for a stored
     * attribute.
     */
    default AssociationInfo counted(AttributeInfo attribute) {
        return null;
    }

    /**
     * How far the provider must count the targets of a {@link #counted} attribute for the conditions to be decided
     * (a count capped there decides them as the exact one would): 1 for {@code IS EMPTY}, {@code n + 1} for
     * {@code SIZE(...) > n}, {@link Long#MAX_VALUE} when the exact count is needed.
     */
    default long countUpTo(AttributeInfo attribute) {
        return Long.MAX_VALUE;
    }

    /**
     * What runs in Java, as EXPLAIN shows it and policy messages name it, e.g.
     * {@code filter UPPER(u.name) = UPPER(:n); sort by u.city ASC NULLS LAST}.
     */
    String describe();
}
