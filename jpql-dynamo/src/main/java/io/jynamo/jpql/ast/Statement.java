package io.jynamo.jpql.ast;

import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;

import java.util.List;

/**
 * A parsed (and, after analysis, resolved) JPQL statement.
 *
 * @param kind       SELECT, UPDATE or DELETE
 * @param entityName the entity name after FROM / UPDATE
 * @param entityPos  where the entity name is
 * @param variable   the identification variable
 * @param selectKind ENTITY, ATTRIBUTES or COUNT (ENTITY for UPDATE/DELETE)
 * @param selected   the selected paths (for SELECT e: the bare variable; for COUNT: empty)
 * @param sets       UPDATE assignments, otherwise empty
 * @param where      the WHERE condition or {@code null}
 * @param order      the ORDER BY items in order (empty for none)
 * @param joins      the joins of FROM, in order (empty for none)
 * @param distinct   {@code SELECT DISTINCT e} or {@code COUNT(DISTINCT e)}: what only matters when a join of a
 *                   collection could repeat a row
 */
public record Statement(StatementKind kind, String entityName, Pos entityPos, String variable, SelectKind selectKind,
                        List<PathExpr> selected, List<SetClause> sets, Condition where, List<OrderBy> order,
                        List<Join> joins, ResultShape shape, boolean distinct) {
    /** Copies the lists. */
    public Statement {
        selected = List.copyOf(selected);
        sets = List.copyOf(sets);
        order = order == null ? List.of() : List.copyOf(order);
        joins = List.copyOf(joins);
    }

    /** A statement without DISTINCT. */
    public Statement(StatementKind kind, String entityName, Pos entityPos, String variable, SelectKind selectKind,
                     List<PathExpr> selected, List<SetClause> sets, Condition where, List<OrderBy> order,
                     List<Join> joins, ResultShape shape) {
        this(kind, entityName, entityPos, variable, selectKind, selected, sets, where, order, joins, shape, false);
    }

    /** This statement with another WHERE, everything else kept. */
    public Statement withWhere(Condition where) {
        return new Statement(kind, entityName, entityPos, variable, selectKind, selected, sets, where, order, joins,
                shape, distinct);
    }

    /** A statement with at most one ORDER BY item. */
    public Statement(StatementKind kind, String entityName, Pos entityPos, String variable, SelectKind selectKind,
                     List<PathExpr> selected, List<SetClause> sets, Condition where, OrderBy orderBy, List<Join> joins,
                     ResultShape shape) {
        this(kind, entityName, entityPos, variable, selectKind, selected, sets, where,
                orderBy == null ? List.of() : List.of(orderBy), joins, shape);
    }

    /** The first ORDER BY item, or {@code null} for none. */
    public OrderBy orderBy() {
        return order.isEmpty() ? null : order.get(0);
    }

    /** A statement whose rows are returned as they are. */
    public Statement(StatementKind kind, String entityName, Pos entityPos, String variable, SelectKind selectKind,
                     List<PathExpr> selected, List<SetClause> sets, Condition where, OrderBy orderBy, List<Join> joins) {
        this(kind, entityName, entityPos, variable, selectKind, selected, sets, where, orderBy, joins, ResultShape.ROWS);
    }

    /** A statement without joins. */
    public Statement(StatementKind kind, String entityName, Pos entityPos, String variable, SelectKind selectKind,
                     List<PathExpr> selected, List<SetClause> sets, Condition where, OrderBy orderBy) {
        this(kind, entityName, entityPos, variable, selectKind, selected, sets, where, orderBy, List.of());
    }

    /**
     * How selected attributes become results: {@code SELECT NEW com.x.Dto(e.a, e.b)} names a class to construct,
     * {@code SELECT e.a AS a} gives result variables (a {@code Tuple}'s aliases), and select items computed in Java
     * ({@code SELECT e.price * e.quantity, LENGTH(e.name)}) are {@code items}.
     *
     * @param constructor the fully qualified class of {@code NEW}, or {@code null}
     * @param aliases     the result variable of each selected item, {@code null} where none
     * @param items       when some select item is not an attribute path: every select item in order (attribute
     *                    paths, literals, parameters, functions, arithmetic, CASE), evaluated in Java for each row
     *                    read, and the statement's {@code selected} list is empty; otherwise empty
     * @param types       with {@code items}: the JPQL result type of each item (set by analysis; before it, a
     *                    Criteria query may give the type each item declares, used where the item itself tells none),
     *                    otherwise empty
     */
    public record ResultShape(String constructor, List<String> aliases, List<Expr> items, List<Class<?>> types) {
        /** Rows as they are: no constructor, no aliases. */
        public static final ResultShape ROWS = new ResultShape(null, List.of());

        public ResultShape {
            aliases = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(aliases));
            items = items == null ? List.of() : List.copyOf(items);
            types = types == null ? List.of() : List.copyOf(types);
        }

        /** A shape whose select items are attribute paths. */
        public ResultShape(String constructor, List<String> aliases) {
            this(constructor, aliases, List.of(), List.of());
        }

        /** Whether the select items are computed in Java ({@link #items()} is not empty). */
        public boolean computed() {
            return !items.isEmpty();
        }
    }
}
