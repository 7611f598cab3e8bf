package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ParameterInfo;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.EntityComparison;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.IsNull;
import io.jynamo.jpql.ast.Join;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Pos;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.QueryModel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a parsed statement against the entity model: resolves paths, converts literals to the
 * attribute's Java type, types parameters and refuses what DynamoDB cannot evaluate.
 *
 * <p>The work is split by job: {@code Statements} checks the clauses, {@code Conditions} types the WHERE
 * clause, {@code Values} the values in it (with {@code Literals} and {@code ParameterTypes}), and
 * {@code Scope} resolves names.
 */
public final class Analyzer {
    private Analyzer() {
    }

    /**
     * Analyses a statement.
     *
     * @throws IllegalArgumentException for unknown names, type mismatches and unsupported constructs
     */
    public static Analysis analyze(Statement written, QueryModel model) {
        EntityInfo queried = model.entity(written.entityName()).orElseThrow(() -> written.entityPos().error(
                "unknown entity '" + written.entityName() + "'",
                "use the entity name (@Entity(name = ...) or the simple class name) of an entity of this persistence unit"));
        Statement typed = Treats.rewrite(Variables.canonical(written), queried, model);
        Statement treated = ChildSelects.rewrite(typed, model.entity(typed.entityName()).orElseThrow(), model);
        EntityInfo entity = model.entity(treated.entityName()).orElseThrow();
        CollectionSelects.Detected rows = CollectionSelects.detect(treated, entity, model);
        if (rows != null) {
            return analyze(rows.owners(), model).withCollectionRows(rows.rows());
        }
        CollectionSelects.refuseIndex(treated);
        Statement s = ImplicitJoins.rewrite(treated, entity, model);
        Scope scope = new Scope(entity, s.variable(), model);
        if (s.kind() == StatementKind.SELECT) {
            scope.allowNavigation();
        }
        List<AssociationInfo> fetches = new ArrayList<>();
        List<AssociationInfo> innerFetches = new ArrayList<>();
        List<Condition> joinConditions = new ArrayList<>();
        // The fetch join variables' association paths from the root, for the fetches below them.
        java.util.Map<String, List<String>> fetched = new java.util.HashMap<>();
        List<List<String>> fetchPaths = new ArrayList<>();
        for (Join j : s.joins()) {
            if (JoinedConditions.nested(s, j)) {
                if (j.fetch()) {
                    List<String> path = new ArrayList<>(fetched.get(j.path().names().get(0)));
                    path.add(j.path().names().get(1));
                    fetchPaths.add(List.copyOf(path));
                    if (j.variable() != null) {
                        fetched.put(j.variable(), path);
                    }
                }
                continue; // a join from a join variable: part of that variable's own query (JoinedConditions)
            }
            if (j.fetch() && j.variable() != null) {
                fetched.put(j.variable(), List.of(j.path().names().get(1)));
            }
            AssociationInfo a = scope.join(j);
            join(s, j, a, scope, fetches, joinConditions);
            if (j.fetch() && !j.left() && a.kind() != AssociationInfo.Kind.OWNING_TO_ONE && !innerFetches.contains(a)) {
                innerFetches.add(a);
            }
        }
        ParameterTypes params = new ParameterTypes();
        Values values = new Values(scope, params);
        Statements statements = new Statements(scope, values, new Conditions(scope, values));
        JoinedConditions joined = JoinedConditions.split(s, scope);
        Statement resolved = statements.statement(joined.rest());
        for (JoinedConditions.Moved m : joined.moved()) {
            // The joined entity's own query (its own plan), whose keys the root's foreign key is compared with.
            // Its own joins from the join variable (JOIN c.orders o JOIN o.lines l) are steps of that query, run first.
            Analysis sub = analyze(m.query(), model);
            for (ParameterInfo info : sub.parameters()) {
                if (info.name() != null && info.name().startsWith(Step.KEY_PREFIX)) {
                    continue; // the keys of the joined query's own steps, bound when it runs
                }
                params.register(new Param(info.name(), info.position(), m.query().entityPos()), info.expectedType(),
                        info.collectionAllowed());
            }
            if (m.toMany() && s.selectKind() == SelectKind.COUNT && !s.distinct()) {
                throw m.pos().error("COUNT(" + s.variable() + ") over " + m.text() + " counts one row per "
                        + sub.entity().name() + " found, which is not supported", "count the " + s.entityName()
                        + " entities with COUNT(DISTINCT " + s.variable() + "), or the " + sub.entity().name()
                        + " entities with a query of their own");
            }
            if (m.toMany()) {
                // The children found name their owners: the root is compared with those keys, once per child unless DISTINCT.
                Scope.EntityPath root = scope.entityPath(new PathExpr(List.of(s.variable()), m.pos(), null), "JOIN");
                Param keys = scope.step(scope.joinedAssociation(m.variable()), null, sub, m.text(), m.pos(),
                        entity.keyPaths(), !s.distinct());
                joinConditions.add(new EntityComparison(m.text(), root.keyAttributes(), entity, EntityComparison.Op.IN,
                        List.of(keys), m.pos()));
                continue;
            }
            Scope.EntityPath t = scope.entityPath(new PathExpr(List.of(m.variable()), m.pos(), null), "JOIN");
            Param keys = scope.step(t.association(), null, sub, m.text(), m.pos(), t.target().keyPaths(), false);
            // Its foreign key IN the keys found is already an existence test: the inner join's own is redundant.
            joinConditions.removeIf(c -> c instanceof EntityComparison e && e.op() == EntityComparison.Op.IS_NOT_NULL
                    && e.keyAttributes().equals(t.keyAttributes()));
            joinConditions.add(new EntityComparison(m.text(), t.keyAttributes(), t.target(), EntityComparison.Op.IN,
                    List.of(keys), m.pos()));
        }
        innerJoinsOfNavigations(resolved, scope, joinConditions);
        if (!joinConditions.isEmpty()) {
            List<Condition> all = new ArrayList<>();
            if (resolved.where() != null) {
                all.add(resolved.where());
            }
            all.addAll(joinConditions);
            resolved = resolved.withWhere(Condition.and(all));
        }
        return new Analysis(resolved, entity, params.list(), fetches, statements.selectedAssociation(), scope.steps(),
                innerFetches, fetchPaths, null);
    }

    /**
     * A path through a to-one of the root in SELECT or ORDER BY ({@code SELECT o.customer.name}) is an inner join,
     * as in WHERE: the owners without a target are no rows (JPA 4.4.4). For an owning to-one that is its foreign
     * key's existence (WHERE paths became the implicit join's, which tests it); for the inverse side of a one-to-one,
     * anywhere, the existence of the target found after the read, tested in Java.
     */
    private static void innerJoinsOfNavigations(Statement resolved, Scope scope, List<Condition> conditions) {
        List<Expr> read = new ArrayList<>(resolved.selected());
        if (resolved.shape() != null) {
            read.addAll(resolved.shape().items());
        }
        for (OrderBy o : resolved.order()) {
            read.add(o.computed() != null ? o.computed() : o.path());
        }
        if (resolved.where() != null) {
            read.addAll(Condition.expressions(resolved.where()));
        }
        Set<String> joined = new LinkedHashSet<>();
        for (Expr e : read) {
            for (Expr x : Expr.nodes(e)) {
                if (x instanceof PathExpr p && p.attribute() != null && p.attribute().navigated()
                        && p.names().get(0).equals(scope.variable())) {
                    joined.add(p.names().get(1));
                }
            }
        }
        Pos pos = resolved.entityPos();
        for (String association : joined) {
            AssociationInfo a = scope.entity().associations().get(association);
            if (a.kind() == AssociationInfo.Kind.INVERSE_TO_ONE) {
                conditions.add(inverseExists(scope, a, pos));
                continue;
            }
            Scope.EntityPath t = scope.entityPath(new PathExpr(List.of(scope.variable(), association), pos, null),
                    "navigation");
            if (t == null) {
                continue; // an @Id relationship: its foreign key is part of the owner's key, so always set
            }
            conditions.add(new EntityComparison(t.text(), t.keyAttributes(), t.target(), EntityComparison.Op.IS_NOT_NULL,
                    List.of(), pos));
        }
    }

    /** The owner has a target on the inverse side of a one-to-one: its key, read from the target found, in Java. */
    private static Condition inverseExists(Scope scope, AssociationInfo a, Pos pos) {
        String key = scope.target(a, pos).keyPaths().get(0);
        return new IsNull(scope.attribute(new PathExpr(List.of(scope.variable(), a.name(), key), pos, null)), true, pos);
    }

    /**
     * What a join becomes. DynamoDB has no joins, so a join is accepted only where it means something stored on the
     * root's item: an inner join over an owning to-one keeps the owners whose foreign key is set (its variable then
     * names the target's key, which is the foreign key); a fetch join is a batch load after the read (an inner one of
     * an association stored on the other side then drops the owners without targets). A join that would multiply or
     * filter rows by other items is refused.
     */
    private static void join(Statement s, Join j, AssociationInfo a, Scope scope, List<AssociationInfo> fetches,
                             List<Condition> conditions) {
        String text = (j.left() ? "LEFT " : "") + "JOIN " + (j.fetch() ? "FETCH " : "") + j.path().text();
        if (j.fetch() && (s.selectKind() != SelectKind.ENTITY || !s.selected().get(0).text().equals(s.variable()))) {
            throw j.pos().error(text + " needs the entity " + s.variable() + " itself in the SELECT list",
                    "write SELECT " + s.variable() + " ... " + text + ", or remove FETCH");
        }
        if (a.kind() == AssociationInfo.Kind.OWNING_TO_ONE) {
            if (!j.left()) {
                Scope.EntityPath t = scope.entityPath(j.path(), "JOIN");
                conditions.add(new EntityComparison(t.text(), t.keyAttributes(), t.target(), EntityComparison.Op.IS_NOT_NULL,
                        List.of(), j.pos()));
            }
        } else if (!j.fetch() && a.kind().collection() && j.variable() != null) {
            // JOIN c.children x WHERE <conditions on x>: a query of the children first (JoinedConditions)
            return;
        } else if (!j.fetch() && a.kind() == AssociationInfo.Kind.INVERSE_TO_ONE && s.kind() == StatementKind.SELECT) {
            // One target at most: no row is repeated. An inner join keeps the owners whose target exists, found after
            // the read (as a path through the side is); a LEFT JOIN keeps every owner.
            if (!j.left()) {
                conditions.add(inverseExists(scope, a, j.pos()));
            }
            return;
        } else if (!j.fetch()) {
            throw j.pos().error(text + " is not supported: " + scope.entity().name() + "." + a.name() + " is a "
                            + (a.kind().collection() ? "collection" : "to-one") + " stored on the " + a.targetEntity()
                            + " side, and DynamoDB cannot join",
                    a.kind() == AssociationInfo.Kind.LINK_TABLE
                            ? "load it with LEFT JOIN FETCH " + j.path().text() + " and filter in Java"
                            : a.byOwnerHint(j.path().text()));
        }
        if (j.fetch() && !fetches.contains(a)) {
            fetches.add(a);
        }
    }
}
