package io.jynamo.jpql.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A value expression: an attribute path, a literal, a parameter, LOWER/UPPER or SIZE. */
public sealed interface Expr permits PathExpr, Literal, Param, CaseFunction, SizeExpr, Computed, CaseExpr, RelationSize {
    /** Where the expression starts. */
    Pos pos();

    /**
     * {@code e} and every expression inside it, each before its own operands: the argument of LOWER/UPPER, the
     * arguments of a function or operator, and of a CASE the expressions of its WHEN conditions
     * ({@link Condition#expressions}), its results and its ELSE. A SIZE is one node (its collection is not
     * listed apart).
     */
    static List<Expr> nodes(Expr e) {
        List<Expr> out = new ArrayList<>();
        out.add(e);
        if (e instanceof CaseFunction f) {
            out.addAll(nodes(f.argument()));
        } else if (e instanceof Computed c) {
            c.arguments().forEach(a -> out.addAll(nodes(a)));
        } else if (e instanceof CaseExpr c) {
            c.whens().forEach(w -> out.addAll(Condition.expressions(w)));
            c.thens().forEach(t -> out.addAll(nodes(t)));
            if (c.otherwise() != null) {
                out.addAll(nodes(c.otherwise()));
            }
        }
        return out;
    }

    /** Whether {@code e} or an expression inside it ({@link #nodes}) passes {@code test}. */
    static boolean anyNode(Expr e, Predicate<? super Expr> test) {
        return nodes(e).stream().anyMatch(test);
    }
}
