package io.jynamo.jpql;

import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.plan.PlanData;

import java.util.List;
import java.util.Map;

/**
 * One executable plan: what the provider turns into a DynamoDB request (or a series of pages).
 *
 * <pre>{@code
 * BoundPlan plan = compiled.bind(Map.of("name", "Smith"), null);
 * if (plan.alwaysEmpty()) return List.of();
 * switch (plan.operation()) { case QUERY -> ... QueryRequest.builder().tableName(plan.tableName())
 *     .indexName(plan.indexName()).keyConditionExpression(plan.keyCondition()) ... }
 * }</pre>
 *
 * Every expression uses the placeholders of {@link #names()} and {@link #values()}.
 */
public final class BoundPlan {
    private final PlanData data;

    BoundPlan(PlanData data) {
        this.data = data;
    }

    /** The DynamoDB operation. */
    public Operation operation() {
        return data.operation();
    }

    /** The table name. */
    public String tableName() {
        return data.tableName();
    }

    /** The index to query, or {@code null} for the table. */
    public String indexName() {
        return data.indexName();
    }

    /** The KeyConditionExpression (QUERY only, otherwise {@code null}). */
    public String keyCondition() {
        return data.keyCondition();
    }

    /** The FilterExpression, or {@code null} if none. */
    public String filter() {
        return data.filter();
    }

    /** The ProjectionExpression, or {@code null} for all attributes. */
    public String projection() {
        return data.projection();
    }

    /** ExpressionAttributeNames: {@code #n0} to the stored attribute name (one per path segment). */
    public Map<String, String> names() {
        return data.names();
    }

    /** ExpressionAttributeValues: {@code :v0} to the value to convert. */
    public Map<String, BoundValue> values() {
        return data.values();
    }

    /**
     * GET_ITEM / BATCH_GET_ITEM: each full primary key as stored attribute name to value, in the order
     * the query listed them, duplicates removed. Empty for other operations (and for an always-empty plan).
     */
    public List<Map<String, BoundValue>> keys() {
        return data.keys();
    }

    /** {@code true} for SELECT COUNT: use Select=COUNT and add up the pages' counts. */
    public boolean count() {
        return data.count();
    }

    /** {@code false} for ORDER BY sort key DESC. */
    public boolean scanIndexForward() {
        return data.scanIndexForward();
    }

    /** UPDATE only: the assignments (a {@code null} value means REMOVE); empty otherwise. */
    public List<Assignment> assignments() {
        return data.assignments();
    }

    /** UPDATE only: e.g. {@code SET #n3 = :v5 REMOVE #n4}, using the same names/values maps; otherwise {@code null}. */
    public String updateExpression() {
        return data.updateExpression();
    }

    /**
     * UPDATE/DELETE whose keys are read by a Query or Scan: the whole WHERE (key condition and filter) as a
     * ConditionExpression over {@link #names()} and {@link #values()}, for each write to repeat, so that an
     * item changed since the read (an index key included) is left alone. {@code null} for a SELECT, for a
     * WHERE that names only full primary keys (GET_ITEM / BATCH_GET_ITEM), and for no WHERE.
     */
    public String writeCondition() {
        return data.writeCondition();
    }

    /** The plan as human-readable text (operation, table/index, expressions, scan, names and values). */
    public String explain() {
        return data.explain();
    }

    /** Whether the plan is a Scan (the provider applies the scan policy). */
    public boolean scan() {
        return data.operation() == Operation.SCAN;
    }

    /** When {@link #scan()}: which condition would have made it a Query; otherwise {@code null}. */
    public String scanReason() {
        return data.scanReason();
    }

    /**
     * {@code true} when the condition can never be true once the arguments are known (for example a
     * comparison with a NULL argument, or {@code IN} of an empty collection): return an empty result
     * (COUNT 0, UPDATE/DELETE 0 rows) without calling DynamoDB. Such a plan is a BATCH_GET_ITEM with no keys.
     */
    public boolean alwaysEmpty() {
        return data.alwaysEmpty();
    }

    /**
     * JOIN FETCH: the associations of the root entity to load, after the read, for the entities it returned, in
     * query order, each once (empty without fetch joins). Owning to-one targets are read by BatchGetItem of the
     * distinct foreign keys (100 a call, managed ones not at all); inverse sides by their index Query per owner;
     * link-table collections by a Query of the link table per owner, then BatchGetItem of the targets.
     * {@link #explain()} lists them as {@code then fetch:} lines.
     */
    public List<AssociationInfo> fetches() {
        return data.fetches();
    }

    /**
     * {@code SELECT o.customer} (or {@code SELECT c ... JOIN o.customer c}): the to-one whose targets are the
     * results, else {@code null}. The plan reads the owners' foreign-key attributes (projected, in the order of
     * the target's key paths: {@code CompiledQuery.selectedAttributes()}); the provider then reads the distinct
     * targets by key (BatchGetItem, 100 a call; managed ones not at all) and returns one target per row, in row
     * order, dropping rows whose target does not exist (the inner join of the path). {@link #explain()} shows it
     * as a {@code then read:} line.
     */
    public AssociationInfo selectedAssociation() {
        return data.selectedAssociation();
    }

    /**
     * What the provider must run in Java after the read: conditions DynamoDB cannot evaluate and an ORDER BY no
     * Query serves, sorted in memory; {@code null} when DynamoDB does everything. With it, no {@code Limit} may
     * be sent and firstResult/maxResults apply to the rows Java keeps, in its order.
     */
    public ClientSide clientSide() {
        return data.clientSide();
    }

    /**
     * Select items computed in Java for each row ({@code SELECT e.price * e.quantity}), or {@code null} when the
     * query selects entities, attribute paths alone, or counts. The projection reads what they need.
     */
    public Selection selection() {
        return data.selection();
    }

    /**
     * An UPDATE whose SET values are computed in Java ({@code SET e.salary = e.salary * 2}, {@code SET e.a = e.b}):
     * the values for each item read, in the order of {@code statement().sets()}, already of the attributes' Java types
     * ({@code null}: remove the attribute); the projection reads the attributes they need. {@code null} for every
     * other statement, whose SET values the update expression carries.
     */
    public Selection assignedInJava() {
        return data.assigned();
    }

    @Override
    public String toString() {
        return explain();
    }
}
