package io.jynamo.jpql.ast;

/**
 * {@code value [NOT] LIKE pattern [ESCAPE 'c']}.
 *
 * @param value   the string attribute
 * @param pattern a literal, parameter or LOWER/UPPER of one
 * @param negated {@code true} for NOT LIKE
 * @param pos     position of LIKE
 * @param escape  the escape character, or {@code null}
 */
public record Like(Expr value, Expr pattern, boolean negated, Pos pos, Character escape) implements Condition {
    /** Without an escape character. */
    public Like(Expr value, Expr pattern, boolean negated, Pos pos) {
        this(value, pattern, negated, pos, null);
    }
}
