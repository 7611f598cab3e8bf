package io.jynamo.jpql.semantic;

import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Join;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.QueryModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A path through an owning to-one to another attribute of its target ({@code WHERE o.customer.name = :n}) is, in
 * JPQL, an inner join of that association. Only the target's key is on the owner's item, so the WHERE of a SELECT
 * is rewritten to the explicit join the provider already runs as a query of the target first
 * ({@code JOIN o.customer WHERE (conditions on o.customer)}, see {@link JoinedConditions}): the path's variable
 * becomes the join's, named as the path is. An explicit inner join of the same association is used instead when
 * the statement declares one. Paths to the target's key stay: the owner stores it.
 */
final class ImplicitJoins {
    private ImplicitJoins() {
    }

    /** Whether the join was added here for a path, not written (its variable is the path to the association). */
    static boolean implicit(Join j) {
        return j.variable() != null && j.variable().equals(j.path().text());
    }

    static Statement rewrite(Statement s, EntityInfo entity, QueryModel model) {
        if (s.kind() != StatementKind.SELECT || s.where() == null) {
            return s;
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (Join j : s.joins()) {
            if (j.variable() != null && !j.left() && !j.fetch() && j.path().names().size() == 2) {
                declared.putIfAbsent(j.path().names().get(1), j.variable());
            }
        }
        Map<String, Join> added = new LinkedHashMap<>();
        Condition where = Condition.mapPaths(s.where(), p -> {
            List<String> n = p.names();
            if (n.size() < 3 || !n.get(0).equals(s.variable()) || entity.attributes().containsKey(n.get(1))) {
                return p;
            }
            AssociationInfo a = entity.associations().get(n.get(1));
            if (a == null || a.kind() != AssociationInfo.Kind.OWNING_TO_ONE) {
                return p;
            }
            EntityInfo target = model.entity(a.targetEntity()).orElse(null);
            if (target == null || Scope.keyPath(target, String.join(".", n.subList(2, n.size()))) != null) {
                return p;
            }
            String variable = declared.get(a.name());
            if (variable == null) {
                PathExpr association = new PathExpr(n.subList(0, 2), p.pos(), null);
                variable = association.text();
                added.putIfAbsent(variable, new Join(association, variable, false, false, p.pos()));
            }
            List<String> names = new ArrayList<>();
            names.add(variable);
            names.addAll(n.subList(2, n.size()));
            return new PathExpr(names, p.pos(), null);
        });
        if (added.isEmpty() && where.equals(s.where())) {
            return s;
        }
        List<Join> joins = new ArrayList<>(s.joins());
        joins.addAll(added.values());
        return new Statement(s.kind(), s.entityName(), s.entityPos(), s.variable(), s.selectKind(), s.selected(),
                s.sets(), where, s.order(), joins, s.shape(), s.distinct());
    }
}
