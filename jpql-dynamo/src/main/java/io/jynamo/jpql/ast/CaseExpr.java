package io.jynamo.jpql.ast;

import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 ... [ELSE v] END}, evaluated in Java after the read: the value of the first
 * condition that is TRUE, else the ELSE value (NULL without one). A simple {@code CASE x WHEN a THEN v ...} is
 * parsed as {@code CASE WHEN x = a THEN v ...}.
 *
 * @param whens     the conditions, in order
 * @param thens     the value of each condition
 * @param otherwise the ELSE value, or {@code null} for NULL
 * @param pos       where CASE starts
 */
public record CaseExpr(List<Condition> whens, List<Expr> thens, Expr otherwise, Pos pos) implements Expr {
    /** Copies the lists. */
    public CaseExpr {
        whens = List.copyOf(whens);
        thens = List.copyOf(thens);
    }
}
