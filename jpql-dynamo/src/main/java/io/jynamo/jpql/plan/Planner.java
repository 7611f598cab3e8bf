package io.jynamo.jpql.plan;

import io.jynamo.jpql.Assignment;
import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SetClause;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.plan.AccessPathChooser.AccessPath;
import io.jynamo.jpql.plan.Bound.All;
import io.jynamo.jpql.plan.Bound.Const;
import io.jynamo.jpql.semantic.Analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Plans the DynamoDB operation of an analysed statement, one job per class: the {@link Binder} checks the
 * arguments, the {@link Normaliser} turns the WHERE into negation normal form with JPQL's three-valued logic,
 * the {@link AccessPathChooser} picks GetItem, BatchGetItem, Query (table or index) or Scan, and the
 * {@link Renderer} writes the expressions with placeholders.
 */
public final class Planner {
    private final EntityInfo entity;
    private final Statement stmt;
    private final Binder binder;
    private final List<AssociationInfo> fetches;
    private final AssociationInfo selectedAssociation;

    private Planner(Analysis analysis, Binder binder) {
        this.fetches = analysis.fetches();
        this.selectedAssociation = analysis.selectedAssociation();
        this.entity = analysis.entity();
        this.stmt = analysis.statement();
        this.binder = binder;
    }

    /**
     * Binds the arguments and plans the operation.
     *
     * @param analysis    the analysed statement
     * @param arguments   arguments by name (String) or position (Integer); may be null when there are none
     * @param forcedIndex the index to use (hint {@code jynamo.index}) or {@code null}
     * @throws IllegalArgumentException for missing or ill-typed arguments, an unusable forced index, an
     *                                  ORDER BY no Query can serve or a LIKE pattern DynamoDB cannot evaluate
     */
    public static PlanData plan(Analysis analysis, Map<Object, Object> arguments, String forcedIndex) {
        return new Planner(analysis, Binder.bind(analysis, arguments)).run(forcedIndex);
    }

    /**
     * Plans the operation without arguments, for explain: every parameter stands as its placeholder
     * ({@code :name}, {@code ?1}), planned as a non-null value, and the text says where the operation or a
     * condition depends on the value bound.
     *
     * @throws IllegalArgumentException for an unknown or unusable forced index or an ORDER BY no Query can serve
     */
    public static String explainUnbound(Analysis analysis, String forcedIndex) {
        Binder binder = Binder.unbound(analysis);
        PlanData plan = new Planner(analysis, binder).run(forcedIndex);
        StringBuilder sb = new StringBuilder(plan.explain());
        for (String note : new LinkedHashSet<>(binder.notes())) {
            sb.append('\n').append("note:").append(" ".repeat(11)).append(note);
        }
        return sb.toString();
    }

    private PlanData run(String forcedIndex) {
        Bound where = Normaliser.where(stmt.where(), binder);
        Renderer r = new Renderer();
        boolean count = stmt.selectKind() == SelectKind.COUNT && stmt.kind() == StatementKind.SELECT;
        AccessPathChooser chooser = new AccessPathChooser(entity, stmt, binder);
        chooser.checkForcedIndex(forcedIndex);
        if (where instanceof Const c && !c.value()) {
            return finish(r, Operation.BATCH_GET_ITEM, null, null, null, List.of(), count, true, null, true);
        }
        List<Bound> conjuncts = where instanceof Const ? List.of() : where instanceof All a ? a.operands() : List.of(where);
        AccessPath path = chooser.choose(conjuncts, forcedIndex, count);
        if (path.operation() == Operation.GET_ITEM || path.operation() == Operation.BATCH_GET_ITEM) {
            return finish(r, path.operation(), null, null, null, path.keys(), false, true, null, false);
        }
        if (path.operation() == Operation.SCAN) {
            String filter = conjuncts.isEmpty() ? null : r.conjunction(conjuncts);
            return finish(r, Operation.SCAN, null, null, filter, conjuncts, List.of(), count, true, path.scanReason(),
                    false);
        }
        StringBuilder key = new StringBuilder(r.atom(path.partitionKeyAtom()));
        if (path.sortKeyAtom() != null) {
            key.append(" AND ").append(r.keyAtom(path.sortKeyAtom()));
        }
        List<Bound> rest = new ArrayList<>();
        for (Bound b : conjuncts) {
            if (b != path.partitionKeyAtom() && b != path.sortKeyAtom()) {
                rest.add(b);
            }
        }
        String filter = rest.isEmpty() ? null : r.conjunction(rest);
        boolean forward = stmt.orderBy() == null || !stmt.orderBy().descending();
        return finish(r, Operation.QUERY, path.index() == null ? null : path.index().name(), key.toString(), filter,
                conjuncts, List.of(), count, forward, null, false);
    }

    // ---- output -----------------------------------------------------------------------------

    private PlanData finish(Renderer r, Operation op, String indexName, String keyCondition, String filter,
                            List<Map<String, BoundValue>> keys, boolean count, boolean forward, String scanReason,
                            boolean alwaysEmpty) {
        return finish(r, op, indexName, keyCondition, filter, null, keys, count, forward, scanReason, alwaysEmpty);
    }

    private PlanData finish(Renderer r, Operation op, String indexName, String keyCondition, String filter,
                            List<Bound> whereConjuncts, List<Map<String, BoundValue>> keys, boolean count,
                            boolean forward, String scanReason, boolean alwaysEmpty) {
        String projection = null;
        if (stmt.kind() == StatementKind.SELECT && stmt.selectKind() == SelectKind.ATTRIBUTES) {
            List<AttributeInfo> attrs = new ArrayList<>();
            for (PathExpr p : stmt.selected()) {
                attrs.add(p.attribute());
            }
            projection = r.projection(attrs);
        } else if (stmt.kind() != StatementKind.SELECT) {
            List<AttributeInfo> attrs = new ArrayList<>();
            attrs.add(entity.attributes().get(entity.partitionKey()));
            if (entity.sortKey() != null) {
                attrs.add(entity.attributes().get(entity.sortKey()));
            }
            projection = r.projection(attrs);
        }
        List<Assignment> assignments = new ArrayList<>();
        if (stmt.kind() == StatementKind.UPDATE) {
            for (SetClause c : stmt.sets()) {
                AttributeInfo a = c.target().attribute();
                Object v = binder.eval(c.value());
                if (v == null) {
                    assignments.add(new Assignment(a, null));
                    r.remove(a);
                } else {
                    BoundValue bv = new BoundValue(v, a, false);
                    assignments.add(new Assignment(a, bv));
                    r.set(a, bv);
                }
            }
        }
        String update = r.update();
        // A bulk write re-checks the whole WHERE, key condition included: an index key may have changed since
        // the read, and only the table's own key cannot. Rendered last, so the read's placeholders stay as they were.
        String writeCondition = stmt.kind() == StatementKind.SELECT || whereConjuncts == null || whereConjuncts.isEmpty()
                ? null : r.conjunction(whereConjuncts);
        Map<String, String> names = Collections.unmodifiableMap(new LinkedHashMap<>(r.names()));
        Map<String, BoundValue> values = Collections.unmodifiableMap(new LinkedHashMap<>(r.values()));
        List<Map<String, BoundValue>> keyList = List.copyOf(keys);
        String updateExpression = update;
        String projected = projection;
        StatementKind kind = stmt.kind();
        return new PlanData(op, entity.tableName(), indexName, keyCondition, filter, projection, names, values,
                keyList, count, forward, List.copyOf(assignments), update, writeCondition, scanReason, alwaysEmpty,
                fetches, selectedAssociation, () -> Explain.render(entity, op, indexName, keyCondition, filter, projected,
                        names, values, keyList, count, forward, updateExpression, writeCondition, scanReason, alwaysEmpty,
                        kind, fetches, selectedAssociation));
    }
}
