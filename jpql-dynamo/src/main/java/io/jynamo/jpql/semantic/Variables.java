package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.Join;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SetClause;
import io.jynamo.jpql.ast.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Identification variables are case-insensitive (JPA 4.4.2): {@code SELECT DISTINCT Object(P) FROM Product p WHERE
 * P.quantity < 10} uses {@code p}. Every path is rewritten to the spelling its variable is declared with, so that
 * the rest of the analysis compares names exactly.
 */
final class Variables {
    private Variables() {
    }

    static Statement canonical(Statement s) {
        Map<String, String> declared = new HashMap<>();
        declared.put(s.variable().toLowerCase(Locale.ROOT), s.variable());
        for (Join j : s.joins()) {
            if (j.variable() != null) {
                declared.putIfAbsent(j.variable().toLowerCase(Locale.ROOT), j.variable());
            }
        }
        boolean[] changed = {false};
        UnaryOperator<PathExpr> fix = p -> {
            String head = p.names().get(0);
            String as = declared.get(head.toLowerCase(Locale.ROOT));
            if (as == null || as.equals(head)) {
                return p;
            }
            changed[0] = true;
            List<String> names = new ArrayList<>(p.names());
            names.set(0, as);
            return new PathExpr(names, p.pos(), p.attribute());
        };
        Statement mapped = mapPaths(s, fix);
        return changed[0] ? mapped : s;
    }

    /** The statement with every path (select list, SET, WHERE, ORDER BY, joins, constructor items) mapped. */
    static Statement mapPaths(Statement s, UnaryOperator<PathExpr> fix) {
        List<PathExpr> selected = s.selected().stream().map(fix).toList();
        List<SetClause> sets = s.sets().stream()
                .map(c -> new SetClause(fix.apply(c.target()), Expr.mapPaths(c.value(), fix), c.pos(), c.inJava())).toList();
        Condition where = s.where() == null ? null : Condition.mapPaths(s.where(), fix);
        List<OrderBy> order = s.order().stream().map(o -> new OrderBy(o.path() == null ? null : fix.apply(o.path()),
                o.descending(), o.pos(), o.nullsFirst(), o.computed() == null ? null : Expr.mapPaths(o.computed(), fix))).toList();
        List<Join> joins = s.joins().stream()
                .map(j -> new Join(fix.apply(j.path()), j.variable(), j.left(), j.fetch(), j.pos())).toList();
        Statement.ResultShape shape = s.shape() == null ? null : new Statement.ResultShape(s.shape().constructor(),
                s.shape().aliases(), s.shape().items().stream().map(e -> Expr.mapPaths(e, fix)).toList(), s.shape().types());
        return new Statement(s.kind(), s.entityName(), s.entityPos(), s.variable(), s.selectKind(), selected, sets, where,
                order, joins, shape, s.distinct());
    }
}
