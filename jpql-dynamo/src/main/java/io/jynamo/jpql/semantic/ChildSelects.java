package io.jynamo.jpql.semantic;

import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.Join;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.QueryModel;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELECT o FROM Customer c JOIN c.orders o WHERE c.name = :n}: what is selected are the elements of a
 * collection whose elements store their owner's key (an inverse one-to-many, or a unidirectional one with
 * {@code @JoinColumn}). Each element has one owner, so the rows are the same as those of the query of the elements
 * joined to their owner, {@code SELECT o FROM Order o JOIN o.customer c WHERE c.name = :n}, which the provider runs
 * as for any to-one join (the owners first, then the elements by their foreign key). The statement is rewritten to
 * it; variables keep their names, so every path and message reads as written. The owner's attributes may be
 * selected beside the element's ({@code SELECT d.id, e.id FROM Department d JOIN d.employees e}): one row per
 * element, the owner's attributes read through the element's to-one, as SQL's inner join returns them; and
 * {@code COUNT(o)} counts the elements so.
 */
final class ChildSelects {
    private ChildSelects() {
    }

    static Statement rewrite(Statement s, EntityInfo root, QueryModel model) {
        if (s.kind() != StatementKind.SELECT || s.shape().computed() || s.selected().isEmpty()) {
            return s;
        }
        String v = s.selected().stream().map(p -> p.names().get(0)).filter(n -> !n.equals(s.variable())).findFirst()
                .orElse(null);
        if (v == null) {
            return s; // the root's attributes alone
        }
        Join joined = null;
        for (Join j : s.joins()) {
            if (v.equals(j.variable())) {
                joined = j;
            } else if (j.fetch()) {
                return s; // a fetch of the root's (or of another join's) needs the root selected
            }
        }
        // What is selected and ordered by: the elements' attributes, and the owner's beside them (SELECT d.id, e.id).
        java.util.Set<String> readable = java.util.Set.of(s.variable(), v);
        if (joined == null || joined.left() || joined.fetch() || !joined.path().names().get(0).equals(s.variable())
                || !s.selected().stream().allMatch(p -> readable.contains(p.names().get(0)))
                || !s.order().stream().allMatch(o -> o.path() != null && readable.contains(o.path().names().get(0)))) {
            return s;
        }
        AssociationInfo a = root.associations().get(joined.path().names().get(1));
        if (a == null || a.kind() != AssociationInfo.Kind.INVERSE_ONE_TO_MANY || a.mappedBy() == null
                || CollectionSelects.readsIndex(s.where(), v)) {
            return s; // (an element's position is known in its owner's list only: CollectionSelects)
        }
        // The owning side must refer to the root's entity itself: one of a superclass would also join other owners.
        AssociationInfo owning = model.entity(a.targetEntity()).map(t -> t.associations().get(a.mappedBy())).orElse(null);
        if (owning == null || !owning.targetEntity().equals(root.name())) {
            return s;
        }
        // The owner becomes a join of the element's owning side; the other joins stay, in order, after it.
        List<Join> joins = new ArrayList<>();
        joins.add(new Join(new PathExpr(List.of(v, a.mappedBy()), joined.pos(), null), s.variable(), false, false,
                joined.pos()));
        for (Join j : s.joins()) {
            if (j != joined) {
                joins.add(j);
            }
        }
        return new Statement(StatementKind.SELECT, a.targetEntity(), s.entityPos(), v, s.selectKind(), s.selected(),
                s.sets(), s.where(), s.order(), joins, s.shape(), s.distinct());
    }
}
