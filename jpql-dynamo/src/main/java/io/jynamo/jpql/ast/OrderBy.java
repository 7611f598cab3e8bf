package io.jynamo.jpql.ast;

/**
 * One item of {@code ORDER BY path [ASC|DESC] [NULLS FIRST|LAST]}, or of an ORDER BY a value computed in Java
 * ({@code ORDER BY LENGTH(e.name)}, {@code ORDER BY total} for {@code SELECT e.a + e.b AS total}).
 *
 * @param path       the ordering attribute, {@code null} when {@code computed} is set
 * @param descending {@code true} for DESC
 * @param pos        where the path starts
 * @param nullsFirst {@code NULLS FIRST} ({@code true}) or {@code NULLS LAST} ({@code false}) as written, or
 *                   {@code null} for the default: NULL sorts as the greatest value (last ascending, first descending)
 */
public record OrderBy(PathExpr path, boolean descending, Pos pos, Boolean nullsFirst, Expr computed) {

    /** An item ordering by an attribute path. */
    public OrderBy(PathExpr path, boolean descending, Pos pos, Boolean nullsFirst) {
        this(path, descending, pos, nullsFirst, null);
    }

    /** An item without NULLS FIRST/LAST. */
    public OrderBy(PathExpr path, boolean descending, Pos pos) {
        this(path, descending, pos, null);
    }

    /** Whether rows whose value is NULL come first: as written, else NULL sorts as the greatest value. */
    public boolean nullsFirstEffective() {
        return nullsFirst != null ? nullsFirst : descending;
    }
}
