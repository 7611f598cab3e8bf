package io.jynamo.jpql.plan;

import io.jynamo.jpql.Assignment;
import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.ClientSide;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.Selection;
import io.jynamo.jpql.model.AssociationInfo;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The planner's output; {@code io.jynamo.jpql.BoundPlan} presents it to the provider.
 *
 * @param operation        the DynamoDB operation
 * @param tableName        the table
 * @param indexName        the index, or {@code null} for the table
 * @param keyCondition     the KeyConditionExpression (QUERY only)
 * @param filter           the FilterExpression or {@code null}
 * @param projection       the ProjectionExpression or {@code null}
 * @param names            ExpressionAttributeNames
 * @param values           ExpressionAttributeValues
 * @param keys             primary keys for GET_ITEM / BATCH_GET_ITEM
 * @param count            Select=COUNT
 * @param scanIndexForward false for ORDER BY ... DESC
 * @param assignments      UPDATE assignments
 * @param updateExpression UPDATE expression or {@code null}
 * @param writeCondition   UPDATE/DELETE read by Query or Scan: the whole WHERE as a ConditionExpression, or {@code null}
 * @param scanReason       why a Scan is needed, or {@code null}
 * @param alwaysEmpty      the condition can never be true: no call is needed
 * @param fetches          the associations to batch-load for the entities read (JOIN FETCH), in order
 * @param selectedAssociation SELECT o.customer: the to-one whose targets are the results, or {@code null}
 * @param clientSide       what runs in Java after the read (conditions, an in-memory sort), or {@code null}
 * @param selection        select items computed in Java for each row, or {@code null} when attributes are selected
 * @param assigned         UPDATE whose SET values are computed in Java for each item read: those values, in SET order;
 *                         otherwise {@code null}
 * @param explainer        renders the plan as text, on demand: most plans are executed, not explained
 */
public record PlanData(Operation operation, String tableName, String indexName, String keyCondition, String filter,
                       String projection, Map<String, String> names, Map<String, BoundValue> values,
                       List<Map<String, BoundValue>> keys, boolean count, boolean scanIndexForward,
                       List<Assignment> assignments, String updateExpression, String writeCondition, String scanReason,
                       boolean alwaysEmpty, List<AssociationInfo> fetches,
                       AssociationInfo selectedAssociation, ClientSide clientSide, Selection selection,
                       Selection assigned, Supplier<String> explainer) {

    /** The plan as text. */
    public String explain() {
        return explainer.get();
    }
}
