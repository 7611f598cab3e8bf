package io.jynamo.jpql.plan;

import io.jynamo.jpql.Assignment;
import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.EntityComparison;
import io.jynamo.jpql.ast.Like;
import io.jynamo.jpql.ast.OrderBy;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.RelationSize;
import io.jynamo.jpql.ast.SetClause;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.IndexInfo;
import io.jynamo.jpql.plan.AccessPathChooser.AccessPath;
import io.jynamo.jpql.plan.Bound.All;
import io.jynamo.jpql.plan.Bound.Const;
import io.jynamo.jpql.semantic.Analysis;
import io.jynamo.jpql.semantic.LikePattern;

import java.util.ArrayList;
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
    private final List<io.jynamo.jpql.semantic.Step> steps;

    private Planner(Analysis analysis, Binder binder) {
        this.steps = analysis.steps();
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
     * @throws IllegalArgumentException for missing or ill-typed arguments, an unusable forced index, a LIKE
     *                                  pattern DynamoDB cannot evaluate, or a bulk write whose WHERE needs Java
     */
    public static PlanData plan(Analysis analysis, Map<Object, Object> arguments, String forcedIndex) {
        return plan(analysis, Binder.bind(analysis, arguments), forcedIndex);
    }

    /** Plans with arguments already checked and converted ({@link PlanTemplate} looks for their values in the plan). */
    static PlanData plan(Analysis analysis, Binder binder, String forcedIndex) {
        return new Planner(analysis, binder).run(forcedIndex);
    }

    /**
     * Plans the operation without arguments, for explain: every parameter stands as its placeholder
     * ({@code :name}, {@code ?1}), planned as a non-null value, and the text says where the operation or a
     * condition depends on the value bound.
     *
     * @throws IllegalArgumentException for an unknown or unusable forced index
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
        List<Condition> inJava = new ArrayList<>();
        Condition pushed = pushable(stmt.where(), inJava, binder);
        if (!inJava.isEmpty() && stmt.kind() != StatementKind.SELECT) {
            throw new IllegalArgumentException(stmt.kind() + " cannot run " + ClientWork.text(inJava.get(0))
                    + " in Java: DynamoDB cannot evaluate it and a bulk write must repeat its whole condition in each "
                    + "write; select the entities with this condition and change or remove them one by one");
        }
        Bound where = Normaliser.where(pushed, binder);
        Renderer r = new Renderer();
        boolean count = stmt.selectKind() == SelectKind.COUNT && stmt.kind() == StatementKind.SELECT;
        AccessPathChooser chooser = new AccessPathChooser(entity, stmt, binder);
        chooser.checkForcedIndex(forcedIndex);
        if (where instanceof Const c && !c.value()) {
            return finish(r, Operation.BATCH_GET_ITEM, null, null, null, List.of(), count, true, null, true, null);
        }
        List<Bound> conjuncts = JoinedSortKeys.rewrite(entity,
                where instanceof Const ? List.of() : where instanceof All a ? a.operands() : List.of(where));
        List<OrderBy> order = count ? List.of() : stmt.order();
        AccessPath path = null;
        boolean served = false;
        if (order.size() == 1 && order.get(0).path() != null
                && sortKeys().contains(order.get(0).path().attribute().path())) {
            // DynamoDB orders by the sort key of a Query; when one serves the conditions, no sort in memory.
            path = chooser.choose(conjuncts, forcedIndex, count, order.get(0).path().attribute().path());
            served = path != null;
        }
        if (path == null) {
            path = chooser.choose(conjuncts, forcedIndex, count, null);
        }
        List<OrderBy> inMemory = served || path.operation() == Operation.GET_ITEM ? List.of() : order;
        ClientWork client = inJava.isEmpty() && inMemory.isEmpty() ? null : new ClientWork(inJava, inMemory, binder);
        // Rows a filter in Java drops are still read: DynamoDB must not count them.
        boolean dynamoCount = count && inJava.isEmpty();
        if (path.operation() == Operation.GET_ITEM || path.operation() == Operation.BATCH_GET_ITEM) {
            return finish(r, path.operation(), null, null, null, path.keys(), false, true, null, false, client);
        }
        if (path.operation() == Operation.SCAN) {
            String filter = conjuncts.isEmpty() ? null : r.conjunction(conjuncts);
            String reason = conjuncts.isEmpty() && !inJava.isEmpty()
                    ? "no condition DynamoDB can evaluate (the WHERE runs in Java): every item is read" : path.scanReason();
            return finish(r, Operation.SCAN, null, null, filter, conjuncts, List.of(), dynamoCount, true, reason, false,
                    client);
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
        boolean forward = !served || !order.get(0).descending();
        return finish(r, Operation.QUERY, path.index() == null ? null : path.index().name(), key.toString(), filter,
                conjuncts, List.of(), dynamoCount, forward, null, false, client);
    }

    /** The sort keys of the table and its indexes: the attributes DynamoDB can order a Query by. */
    private List<String> sortKeys() {
        List<String> keys = new ArrayList<>();
        if (entity.sortKey() != null) {
            keys.add(entity.sortKey());
        }
        for (IndexInfo i : entity.indexes()) {
            if (i.sortKey() != null) {
                keys.add(i.sortKey());
            }
        }
        return keys;
    }

    /**
     * The WHERE without its top-level conjuncts DynamoDB cannot evaluate, which go to {@code inJava}: a conjunct
     * is evaluated wholly in Java or wholly by DynamoDB, so the three-valued logic of each stays in one place.
     */
    private static Condition pushable(Condition where, List<Condition> inJava, Binder binder) {
        if (where == null) {
            return null;
        }
        List<Condition> conjuncts = Condition.conjuncts(where);
        List<Condition> kept = new ArrayList<>();
        for (Condition c : conjuncts) {
            if (needsJava(c, binder)) {
                checkEvaluable(c);
                inJava.add(c);
            } else {
                kept.add(c);
            }
        }
        if (inJava.isEmpty()) {
            return where;
        }
        // Counting a relationship costs a call per row: the cheaper conditions decide first (AND stops at FALSE).
        List<Condition> counting = new ArrayList<>();
        inJava.removeIf(c -> countsRelationship(c) && counting.add(c));
        inJava.addAll(counting);
        return Condition.and(kept);
    }

    /** Whether the condition reads SIZE of a relationship collection, anywhere in it (inside a CASE too). */
    private static boolean countsRelationship(Condition c) {
        return Condition.expressions(c).stream().anyMatch(e -> e instanceof RelationSize);
    }

    /**
     * Whether DynamoDB cannot evaluate some part of the condition: a function of an attribute, or a LIKE whose
     * pattern (as written or bound) is neither exact text, {@code 'p%'}, {@code '%s%'} nor {@code '%'}.
     */
    private static boolean needsJava(Condition c, Binder binder) {
        return Condition.anyAtom(c, a -> {
            if (a instanceof Like l && l.value() instanceof PathExpr && binder.eval(l.pattern()) instanceof String pattern
                    && LikePattern.parse(pattern, l.escape(), l.pattern().pos(), "").shape() == LikePattern.Shape.OTHER) {
                return true;
            }
            for (io.jynamo.jpql.ast.Expr e : Condition.operands(a)) {
                if (ClientWork.javaOnly(e)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Refuses what the Java evaluator does not evaluate, combined (by OR, NOT) with what only it can. */
    private static void checkEvaluable(Condition c) {
        for (Condition a : Condition.atoms(c)) {
            if (a instanceof EntityComparison || Condition.operands(a).stream()
                    .anyMatch(e -> e instanceof PathExpr p && p.attribute() != null
                            && AttributeInfo.TYPE_PATH.equals(p.attribute().path()))) {
                throw new IllegalArgumentException("cannot evaluate " + (a instanceof EntityComparison e ? e.text()
                        + " (an entity comparison)" : "TYPE(...)") + " in Java, where it is OR-ed or negated together "
                        + "with a condition DynamoDB cannot evaluate: write it as its own AND-ed condition");
            }
        }
    }

    // ---- output -----------------------------------------------------------------------------

    /**
     * The stored attributes of a projection: an attribute of a to-one's target ({@link AttributeInfo#navigated()})
     * is read through the foreign key the item stores, or of an inverse side's through the item's key; the size of a
     * relationship collection ({@link RelationSize}) is counted by the item's key.
     */
    private List<AttributeInfo> stored(List<AttributeInfo> attrs) {
        List<AttributeInfo> out = new ArrayList<>(attrs.size());
        for (AttributeInfo a : attrs) {
            if (a.path().startsWith(RelationSize.PREFIX)) {
                for (String k : entity.keyPaths()) {
                    out.add(entity.attributes().get(k));
                }
                continue;
            }
            if (!a.navigated()) {
                out.add(a);
                continue;
            }
            AssociationInfo first = entity.associations().get(a.path().substring(AttributeInfo.NAVIGATION_PREFIX.length())
                    .split("\\.")[0]);
            // The target of an inverse side is found by the owner's key, which its item stores.
            for (String stored : first.kind() == AssociationInfo.Kind.OWNING_TO_ONE ? first.foreignKey().values()
                    : entity.keyPaths()) {
                out.add(entity.attributes().get(stored));
            }
        }
        return out;
    }

    private PlanData finish(Renderer r, Operation op, String indexName, String keyCondition, String filter,
                            List<Map<String, BoundValue>> keys, boolean count, boolean forward, String scanReason,
                            boolean alwaysEmpty, ClientWork client) {
        return finish(r, op, indexName, keyCondition, filter, null, keys, count, forward, scanReason, alwaysEmpty,
                client);
    }

    private PlanData finish(Renderer r, Operation op, String indexName, String keyCondition, String filter,
                            List<Bound> whereConjuncts, List<Map<String, BoundValue>> keys, boolean count,
                            boolean forward, String scanReason, boolean alwaysEmpty, ClientWork client) {
        String projection = null;
        SelectWork select = stmt.kind() == StatementKind.SELECT && stmt.shape().computed()
                ? new SelectWork(stmt.shape().items(), stmt.shape().types(), binder) : null;
        if (stmt.kind() == StatementKind.SELECT && stmt.selectKind() == SelectKind.ATTRIBUTES) {
            List<AttributeInfo> attrs = new ArrayList<>();
            for (PathExpr p : stmt.selected()) {
                attrs.add(p.attribute());
            }
            if (select != null) {
                // Only what the computed items read; an item of literals alone still needs each row: its key.
                attrs.addAll(select.attributes());
                if (attrs.isEmpty()) {
                    attrs.add(entity.attributes().get(entity.partitionKey()));
                }
            }
            List<AttributeInfo> more = new ArrayList<>();
            if (client != null) {
                more.addAll(client.attributes()); // what Java filters and sorts by must be read too, selected or not
            }
            if (steps.stream().anyMatch(io.jynamo.jpql.semantic.Step::repeats)) {
                // A collection JOIN without DISTINCT repeats each row per element found: the provider tells rows by key.
                for (String k : entity.keyPaths()) {
                    more.add(entity.attributes().get(k));
                }
            }
            for (AttributeInfo a : more) {
                if (attrs.stream().noneMatch(x -> x.path().equals(a.path()))) {
                    attrs.add(a);
                }
            }
            projection = r.projection(stored(attrs));
        }
        SetWork assigned = stmt.kind() == StatementKind.UPDATE && (stmt.sets().get(0).inJava()
                || stmt.sets().stream().anyMatch(c -> c.value() instanceof Computed x && mayBeAbsent(x, whereConjuncts)))
                ? new SetWork(stmt.sets(), binder) : null;
        if (stmt.kind() != StatementKind.SELECT) {
            List<AttributeInfo> attrs = new ArrayList<>();
            attrs.add(entity.attributes().get(entity.partitionKey()));
            if (entity.sortKey() != null) {
                attrs.add(entity.attributes().get(entity.sortKey()));
            }
            if (assigned != null) {
                // What the SET values are computed from, to compute them and to write only if it is unchanged.
                attrs.addAll(assigned.attributes());
            }
            projection = r.projection(stored(attrs));
        }
        List<Assignment> assignments = new ArrayList<>();
        if (stmt.kind() == StatementKind.UPDATE && assigned == null) {
            for (SetClause c : stmt.sets()) {
                AttributeInfo a = c.target().attribute();
                if (c.value() instanceof Computed computed) {
                    increment(r, a, computed, assignments);
                    continue;
                }
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
        // Read-only views, not copies: the renderer is this plan's alone and renders nothing after this.
        Map<String, String> names = r.names();
        Map<String, BoundValue> values = r.values();
        List<Map<String, BoundValue>> keyList = List.copyOf(keys);
        String updateExpression = assigned == null ? update : "computed in Java for each item read: SET "
                + assigned.describe() + ", written only if " + (assigned.attributes().isEmpty() ? "the WHERE still holds"
                : "what it was computed from is unchanged");
        String projected = projection;
        StatementKind kind = stmt.kind();
        List<String> navigated = alwaysEmpty ? List.of() : navigated(client, select);
        return new PlanData(op, entity.tableName(), indexName, keyCondition, filter, projection, names, values,
                keyList, count, forward, List.copyOf(assignments), update, writeCondition, scanReason, alwaysEmpty,
                fetches, selectedAssociation, alwaysEmpty ? null : client, select, assigned, () -> Explain.render(entity, op,
                        indexName, keyCondition, filter, projected, names, values, keyList, count, forward,
                        updateExpression, writeCondition, scanReason, alwaysEmpty, kind, fetches, selectedAssociation,
                        alwaysEmpty || client == null ? null : client.describe(), steps,
                        alwaysEmpty ? List.of() : counted(client, select),
                        select == null ? null : select.describe(), navigated));
    }

    /** The relationships counted per row read: for conditions in Java and for select items. */
    private static List<AssociationInfo> counted(ClientWork client, SelectWork select) {
        List<AssociationInfo> counted = new ArrayList<>(client == null ? List.of() : client.countedAssociations());
        if (select != null) {
            select.countedAssociations().stream().filter(a -> !counted.contains(a)).forEach(counted::add);
        }
        return counted;
    }

    /** The attributes of to-one targets the rows are read for, as paths below the root ({@code customer.name}). */
    private List<String> navigated(ClientWork client, SelectWork select) {
        List<AttributeInfo> read = new ArrayList<>();
        for (PathExpr p : stmt.selected()) {
            read.add(p.attribute());
        }
        if (client != null) {
            read.addAll(client.attributes());
        }
        if (select != null) {
            read.addAll(select.attributes());
        }
        return read.stream().filter(a -> a != null && a.navigated())
                .map(a -> a.path().substring(AttributeInfo.NAVIGATION_PREFIX.length())).distinct().toList();
    }

    /**
     * Whether the attribute of {@code SET e.n = e.m ± v} may be absent from an item the statement writes: DynamoDB fails
     * the whole write when {@code #m} is absent, where JPQL gives NULL, so such an increment is computed in Java.
     */
    private static boolean mayBeAbsent(Computed c, List<Bound> whereConjuncts) {
        AttributeInfo o = ((PathExpr) c.arguments().get(c.arguments().get(0) instanceof PathExpr ? 0 : 1)).attribute();
        return !o.alwaysStored() && !AccessPathChooser.impliesPresence(whereConjuncts == null ? List.of() : whereConjuncts, o.path());
    }

    /**
     * {@code SET e.n = e.m ± v}: DynamoDB's own {@code SET #n = #m + :v} in the conditional UpdateItem, for an attribute
     * every item written has (a primitive, or one the WHERE requires); a NULL value makes the result NULL (the
     * attribute is removed).
     */
    private void increment(Renderer r, AttributeInfo target, Computed c, List<Assignment> assignments) {
        boolean valueFirst = !(c.arguments().get(0) instanceof PathExpr);
        PathExpr operand = (PathExpr) c.arguments().get(valueFirst ? 1 : 0);
        AttributeInfo o = operand.attribute();
        Object v = binder.eval(c.arguments().get(valueFirst ? 0 : 1));
        if (v == null) {
            assignments.add(new Assignment(target, null));
            r.remove(target);
            return;
        }
        BoundValue bv = new BoundValue(v, o, false);
        assignments.add(new Assignment(target, bv));
        r.setArithmetic(target, o, c.function(), bv, valueFirst);
    }
}
