package io.jynamo.jpql.semantic;

import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.IsNull;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.Join;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Pos;
import io.jynamo.jpql.ast.SizeExpr;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.EntityInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits off the conditions on the other attributes of a joined to-one ({@code JOIN p.client c WHERE c.name = :n}):
 * only the target's key is on the root's item, so each top-level conjunct that reads such an attribute (and
 * nothing of another variable) becomes the WHERE of a query of the joined entity, run first; the root's
 * condition is then its foreign key IN the keys found. A conjunct that mixes a to-one's attributes with other
 * variables' (or tests them for NULL after a LEFT JOIN) stays: it is evaluated in Java on the targets loaded after
 * the read ({@link Scope#navigates}). Of a collection it is refused: it cannot be split exactly.
 */
final class JoinedConditions {

    /**
     * The conditions on one join variable, as the query of its entity.
     *
     * @param variable the join variable
     * @param query    {@code SELECT c.<key> FROM Target c WHERE <the moved conjuncts>}
     * @param text     how explain names the join, e.g. {@code JOIN p.client c WHERE c.name = ...}
     * @param pos      where the join is
     */
    record Moved(String variable, Statement query, String text, Pos pos, boolean toMany) {
    }

    private final Statement rest;
    private final List<Moved> moved;

    private JoinedConditions(Statement rest, List<Moved> moved) {
        this.rest = rest;
        this.moved = moved;
    }

    /** The statement without the moved conjuncts. */
    Statement rest() {
        return rest;
    }

    List<Moved> moved() {
        return moved;
    }

    /**
     * Whether a join starts at the variable of an earlier join ({@code JOIN c.orders o JOIN o.lines l}): it is then
     * part of that variable's own query, whose conditions include the ones on its variable.
     */
    static boolean nested(Statement s, Join j) {
        String from = j.path().names().get(0);
        if (from.equals(s.variable())) {
            return false;
        }
        for (Join earlier : s.joins()) {
            if (earlier == j) {
                return false;
            }
            if (from.equals(earlier.variable())) {
                if (j.fetch() && earlier.fetch()) {
                    if (!j.left()) {
                        throw j.pos().error("an inner JOIN FETCH " + j.path().text() + " below a fetch is not supported:"
                                + " it would drop the results whose " + from + " has no " + j.path().names().get(1)
                                + ", which DynamoDB cannot tell before loading them", "write LEFT JOIN FETCH " + j.path().text());
                    }
                    return true; // loaded level by level after the read (Analysis.fetchPaths)
                }
                if (j.fetch() || earlier.fetch()) {
                    throw j.pos().error("JOIN " + (j.fetch() ? "FETCH " : "") + j.path().text() + " from the join variable "
                            + from + (earlier.fetch() ? " of a JOIN FETCH" : "") + " is not supported",
                            "fetch below a fetch (LEFT JOIN FETCH c.orders o LEFT JOIN FETCH o.lines), or join without"
                            + " FETCH with conditions on " + (j.variable() == null ? "the joined entity" : j.variable()));
                }
                if (j.variable() == null) {
                    throw j.pos().error("JOIN " + j.path().text() + " without a variable is not supported",
                            "name it (JOIN " + j.path().text() + " x) and write conditions on x");
                }
                return true;
            }
        }
        return false;
    }

    static JoinedConditions split(Statement s, Scope scope) {
        Map<String, Join> toOne = new LinkedHashMap<>();
        Map<String, Join> toMany = new LinkedHashMap<>();
        // The joins from join variables, by the variable of the root's join they start from, and that variable of each.
        Map<String, List<Join>> nestedJoins = new LinkedHashMap<>();
        Map<String, String> ancestor = new LinkedHashMap<>();
        for (Join j : s.joins()) {
            if (nested(s, j)) {
                if (j.fetch()) {
                    continue; // a fetch below a fetch: loaded after the read
                }
                String from = j.path().names().get(0);
                String top = ancestor.getOrDefault(from, from);
                ancestor.put(j.variable(), top);
                nestedJoins.computeIfAbsent(top, k -> new ArrayList<>()).add(j);
                continue;
            }
            if (j.variable() != null && !j.fetch() && scope.isJoinVariable(j.variable())) {
                AssociationInfo.Kind kind = scope.joinedAssociation(j.variable()).kind();
                if (kind == AssociationInfo.Kind.OWNING_TO_ONE) {
                    toOne.put(j.variable(), j);
                } else if (kind.collection()) {
                    toMany.put(j.variable(), j);
                }
            }
        }
        if (toOne.isEmpty() && toMany.isEmpty()) {
            return new JoinedConditions(s, List.of());
        }
        Map<String, Join> joinedVars = new LinkedHashMap<>(toOne);
        joinedVars.putAll(toMany);
        List<Condition> conjuncts = Condition.conjuncts(s.where());
        List<Condition> kept = new ArrayList<>();
        Map<String, List<Condition>> byVariable = new LinkedHashMap<>();
        for (Condition c : conjuncts) {
            List<PathExpr> paths = paths(c);
            String joined = null;
            for (PathExpr p : paths) {
                String v = p.names().get(0);
                if (ancestor.containsKey(v)) {
                    joined = ancestor.get(v);
                    break;
                }
                if (toOne.containsKey(v) && !keyPath(scope, v, p) || toMany.containsKey(v)) {
                    joined = v;
                    break;
                }
            }
            if (joined == null) {
                kept.add(c);
                continue;
            }
            if (toOne.containsKey(joined) && (mixes(paths, joined, s, scope)
                    || joinedVars.get(joined).left() && Condition.anyAtom(c, IsNull.class::isInstance))) {
                // Evaluated in Java on the targets loaded after the read (Scope#navigates): a query of the target
                // alone could not decide it.
                kept.add(c);
                continue;
            }
            for (PathExpr p : paths) {
                String v = p.names().get(0);
                if (!v.equals(joined) && !joined.equals(ancestor.get(v)) && (v.equals(s.variable()) || scope.isJoinVariable(v)
                        || ancestor.containsKey(v))) {
                    throw p.pos().error("this condition reads " + joined + " (joined by JOIN " + joinedVars.get(joined).path().text()
                            + ") together with " + p.text() + ", and DynamoDB cannot join: it cannot be split into a "
                            + "query of " + joinedTarget(scope, joined).name() + " and one of " + s.entityName(),
                            "write the conditions on " + joined + " as their own AND-ed conditions");
                }
            }
            Join join = joinedVars.get(joined);
            if (join.left() && Condition.anyAtom(c, IsNull.class::isInstance)) {
                throw join.pos().error("IS NULL on an attribute of " + joined + " after LEFT JOIN "
                        + join.path().text() + " is not supported: it would also be true where there is no "
                        + joined + ", which a query of " + joinedTarget(scope, joined).name() + " cannot find",
                        toMany.containsKey(joined) ? "write JOIN (inner), or test " + join.path().text() + " IS EMPTY"
                                : "write JOIN (inner), or test " + join.path().text() + " IS NULL on its own");
            }
            byVariable.computeIfAbsent(joined, k -> new ArrayList<>()).add(c);
        }
        for (String v : nestedJoins.keySet()) {
            // Its joins make it a query of its own even without conditions on it (they decide which rows they keep).
            byVariable.computeIfAbsent(v, k -> new ArrayList<>());
        }
        for (Join j : toMany.values()) {
            if (!byVariable.containsKey(j.variable()) && s.distinct()) {
                // Each row once: an inner join only keeps the owners with an element, a LEFT JOIN keeps every owner.
                if (!j.left()) {
                    kept.add(new Comparison(new SizeExpr(j.path(), j.pos()), CompareOp.GT, new Literal(0L, j.pos()), j.pos()));
                }
                continue;
            }
            if (!byVariable.containsKey(j.variable())) {
                AssociationInfo a = scope.joinedAssociation(j.variable());
                throw j.pos().error((j.left() ? "LEFT " : "") + "JOIN " + j.path().text() + " " + j.variable()
                        + " without a condition on " + j.variable() + " is not supported: it would return each "
                        + s.entityName() + " once per " + a.targetEntity(), "test " + j.path().text() + " IS NOT EMPTY, "
                        + (a.mappedBy() == null ? "load it with LEFT JOIN FETCH " + j.path().text() + ", or query "
                        + a.targetEntity() + " first" : a.byOwnerHint(j.path().text())));
            }
        }
        if (byVariable.isEmpty()) {
            return new JoinedConditions(kept.size() == conjuncts.size() ? s : s.withWhere(Condition.and(kept)), List.of());
        }
        if (s.kind() != StatementKind.SELECT) {
            throw joinedVars.values().iterator().next().pos().error("JOIN in a bulk UPDATE or DELETE is not supported",
                    "select the entities, then change or remove them");
        }
        List<Moved> moved = new ArrayList<>();
        byVariable.forEach((v, cs) -> {
            Join j = joinedVars.get(v);
            EntityInfo target = joinedTarget(scope, v);
            boolean many = toMany.containsKey(v);
            boolean byChildren = many && scope.joinedAssociation(v).kind() == AssociationInfo.Kind.INVERSE_ONE_TO_MANY;
            List<PathExpr> keys = new ArrayList<>();
            // A to-one's or a link table's target key (the link table then names the owners); for an inverse
            // collection, the owner's key each child stores (x.<mappedBy>.<owner key>).
            for (String k : byChildren ? scope.entity().keyPaths() : target.keyPaths()) {
                List<String> names = new ArrayList<>();
                names.add(v);
                if (byChildren) {
                    names.add(scope.joinedAssociation(v).mappedBy());
                }
                names.addAll(List.of(k.split("\\.")));
                keys.add(new PathExpr(names, j.pos(), null));
            }
            // Its joins from v go with it; without DISTINCT it repeats each of its rows once per element they find.
            Statement q = new Statement(StatementKind.SELECT, target.name(), j.pos(), v, SelectKind.ATTRIBUTES, keys,
                    List.of(), Condition.and(cs), List.of(), nestedJoins.getOrDefault(v, List.of()),
                    Statement.ResultShape.ROWS, s.distinct() && nestedJoins.containsKey(v));
            String declared = ImplicitJoins.implicit(j) ? "" : " " + v;
            moved.add(new Moved(v, q, (j.left() ? "LEFT " : "") + "JOIN " + j.path().text() + declared + " WHERE "
                    + "(conditions on " + v + ")", j.pos(), many));
        });
        Statement rest = s.withWhere(Condition.and(kept));
        return new JoinedConditions(rest, moved);
    }

    /** Whether a condition on a joined variable also reads the root's or another variable's attributes. */
    private static boolean mixes(List<PathExpr> paths, String joined, Statement s, Scope scope) {
        for (PathExpr p : paths) {
            String v = p.names().get(0);
            if (!v.equals(joined) && (v.equals(s.variable()) || scope.isJoinVariable(v))) {
                return true;
            }
        }
        return false;
    }

    private static EntityInfo joinedTarget(Scope scope, String variable) {
        AssociationInfo a = scope.joinedAssociation(variable);
        return scope.target(a, null);
    }

    /** Whether a path of the join variable names the target itself or its key (which the root's item stores). */
    private static boolean keyPath(Scope scope, String variable, PathExpr p) {
        if (p.names().size() == 1) {
            return true;
        }
        EntityInfo target = joinedTarget(scope, variable);
        if (target.associations().containsKey(p.names().get(1)) && !target.attributes().containsKey(p.names().get(1))) {
            return true; // navigates a second association: refused where the root's conditions are resolved
        }
        return Scope.keyPath(target, String.join(".", p.names().subList(1, p.names().size()))) != null;
    }

    /** Every path a condition reads, as written (of SIZE: its collection). */
    static List<PathExpr> paths(Condition c) {
        List<PathExpr> out = new ArrayList<>();
        for (Expr e : Condition.expressions(c)) {
            if (e instanceof PathExpr p) {
                out.add(p);
            } else if (e instanceof SizeExpr s) {
                out.add(s.collection());
            }
        }
        return out;
    }
}
