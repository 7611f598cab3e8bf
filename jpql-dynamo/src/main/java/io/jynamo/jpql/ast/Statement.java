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
 * @param orderBy    the ORDER BY item or {@code null}
 * @param joins      the joins of FROM, in order (empty for none)
 */
public record Statement(StatementKind kind, String entityName, Pos entityPos, String variable, SelectKind selectKind,
                        List<PathExpr> selected, List<SetClause> sets, Condition where, OrderBy orderBy,
                        List<Join> joins) {
    /** Copies the lists. */
    public Statement {
        selected = List.copyOf(selected);
        sets = List.copyOf(sets);
        joins = List.copyOf(joins);
    }

    /** A statement without joins. */
    public Statement(StatementKind kind, String entityName, Pos entityPos, String variable, SelectKind selectKind,
                     List<PathExpr> selected, List<SetClause> sets, Condition where, OrderBy orderBy) {
        this(kind, entityName, entityPos, variable, selectKind, selected, sets, where, orderBy, List.of());
    }
}
