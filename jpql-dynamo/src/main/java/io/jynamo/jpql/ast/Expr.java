package io.jynamo.jpql.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

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

    /**
     * {@code e} with every path in it ({@link #nodes}, and the collection of a SIZE) replaced by {@code path}'s
     * result; the parser's expressions only (a {@link RelationSize} is made by analysis and kept as it is).
     */
    static Expr mapPaths(Expr e, UnaryOperator<PathExpr> path) {
        if (e instanceof PathExpr p) {
            return path.apply(p);
        }
        if (e instanceof SizeExpr s) {
            return new SizeExpr(path.apply(s.collection()), s.pos());
        }
        if (e instanceof CaseFunction f) {
            return new CaseFunction(f.upper(), mapPaths(f.argument(), path), f.pos());
        }
        if (e instanceof Computed c) {
            return new Computed(c.function(), c.arguments().stream().map(a -> mapPaths(a, path)).toList(), c.pos());
        }
        if (e instanceof CaseExpr c) {
            return new CaseExpr(c.whens().stream().map(w -> Condition.mapPaths(w, path)).toList(),
                    c.thens().stream().map(t -> mapPaths(t, path)).toList(),
                    c.otherwise() == null ? null : mapPaths(c.otherwise(), path), c.pos());
        }
        return e;
    }

    /** Whether {@code e} or an expression inside it ({@link #nodes}) passes {@code test}. */
    static boolean anyNode(Expr e, Predicate<? super Expr> test) {
        return nodes(e).stream().anyMatch(test);
    }
}
