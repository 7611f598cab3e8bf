package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.JoinedKey;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.plan.Bound.Attr;
import io.jynamo.jpql.plan.Bound.Cmp;
import io.jynamo.jpql.plan.Bound.Match;
import io.jynamo.jpql.plan.Bound.Val;
import io.jynamo.jpql.semantic.LikePattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditions on the parts of a sort key joined from several key attributes ({@link EntityInfo#sortKeyParts()}):
 * equalities on its first parts are one condition on the sort key itself, which a Query's key condition (or a
 * GetItem, when every part is fixed) serves. {@code route = 'r1' AND day = 2} of a key (route, day, stop) reads the
 * sort keys beginning with {@code 2#} of partition {@code r1} instead of the whole partition through a filter. The
 * joined value identifies the parts (the joining escapes the separator), so the conditions it replaces are implied
 * by it and dropped.
 */
final class JoinedSortKeys {

    private JoinedSortKeys() {
    }

    static List<Bound> rewrite(EntityInfo entity, List<Bound> conjuncts) {
        if (entity.sortKeyParts().isEmpty() || conjuncts.isEmpty()) {
            return conjuncts;
        }
        List<Bound> used = new ArrayList<>();
        List<BoundValue> values = new ArrayList<>();
        for (String part : entity.sortKeyParts()) {
            List<String> stored = entity.attributes().get(part).storedPath();
            Cmp equality = null;
            for (Bound b : conjuncts) {
                if (b instanceof Cmp c && c.op() == CompareOp.EQ && c.left() instanceof Attr a
                        && a.attribute().storedPath().equals(stored) && c.right() instanceof Val v
                        && v.value().value() != null && !v.value().element()) {
                    equality = c;
                    break;
                }
            }
            if (equality == null) {
                break;
            }
            used.add(equality);
            values.add(((Val) equality.right()).value());
        }
        if (used.isEmpty()) {
            return conjuncts;
        }
        AttributeInfo sortKey = entity.attributes().get(entity.sortKey());
        boolean whole = used.size() == entity.sortKeyParts().size();
        BoundValue joined = new BoundValue(new JoinedKey(values, !whole), sortKey, false);
        List<Bound> out = new ArrayList<>(conjuncts.size());
        out.add(whole ? new Cmp(new Attr(sortKey), CompareOp.EQ, new Val(joined))
                : new Match(sortKey, LikePattern.Shape.PREFIX, joined, false));
        for (Bound b : conjuncts) {
            if (!used.contains(b)) {
                out.add(b);
            }
        }
        return out;
    }
}
