package io.jynamo.internal.query;

import io.jynamo.JynamoException;
import io.jynamo.UnprocessedWritesException;
import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.context.Expiry;
import io.jynamo.internal.context.Session;
import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.jpql.BoundPlan;
import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.Selection;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.SetClause;
import io.jynamo.jpql.expression.ExpressionBuilder;
import io.jynamo.jpql.model.AttributeInfo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes of a bulk UPDATE or DELETE: the keys the plan reads, then one write per item conditional on
 * the whole WHERE (or BatchWriteItem deletes where the WHERE names only the table key). Bulk statements
 * bypass the persistence context (JPA 4.10): every key they touch leaves it and the second-level cache.
 */
final class BulkWrites {

    private static final System.Logger LOG = System.getLogger(BulkWrites.class.getName());

    /** The attribute an arithmetic bulk UPDATE leaves its token in, so that a resent write does not add twice. */
    static final String OP_ATTRIBUTE = "jynamo_op";
    private static final String OP_NAME = "#jynamoOp";
    private static final String OP_VALUE = ":jynamoOp";

    private final Session session;
    private final QueryServices services;
    private final CompiledQuery compiled;
    private final Reads reads;

    BulkWrites(Session session, QueryServices services, CompiledQuery compiled, Reads reads) {
        this.session = session;
        this.services = services;
        this.compiled = compiled;
        this.reads = reads;
    }

    /** Runs the statement's writes for a bound plan; returns how many items were written. */
    int execute(BoundPlan plan) {
        EntityMeta meta = services.entity(compiled.entity().name());
        boolean keyed = plan.operation() == Operation.GET_ITEM || plan.operation() == Operation.BATCH_GET_ITEM;
        boolean oneTable = reads.tables().size() == 1 && meta.tables().size() == 1;
        boolean computes = plan.assignedInJava() != null; // SET values computed from the items: read them first
        if (keyed && oneTable && !computes && (compiled.kind() == StatementKind.UPDATE || plan.keys().size() == 1)) {
            // The full keys are known and a write conditioned on the item's existence says whether there was
            // one, so nothing is read first. Many deletes still read once to send BatchWriteItems of 25.
            List<Map<String, AttributeValue>> keys = reads.keys(plan);
            try {
                return compiled.kind() == StatementKind.DELETE ? deleteEachIfStillMatching(meta, plan, keys) : update(meta, plan, keys);
            } finally {
                // Bulk statements write DynamoDB at once, outside the persistence context and its commit: every key
                // they touched (or may have touched, when they fail part-way) leaves the second-level cache now.
                services.cache().invalidate(meta, keys);
            }
        }
        // Each key is written in the table it was read from: under TABLE_PER_CLASS, that of its concrete class
        // (a keyed plan's one BatchGetItem over every table says which by the item's discriminator). Kept are the
        // keys, or with SET values computed in Java the items as read (keys and what the values read).
        Map<EntityMeta, List<Map<String, AttributeValue>>> byTable = new LinkedHashMap<>();
        if (oneTable || keyed) {
            Iterator<Map<String, AttributeValue>> items = reads.items(plan, Long.MAX_VALUE);
            while (items.hasNext()) {
                Map<String, AttributeValue> item = items.next();
                byTable.computeIfAbsent(oneTable ? meta : meta.concrete(item), t -> new ArrayList<>())
                        .add(computes ? item : meta.keyOfItem(item));
            }
        } else {
            for (EntityMeta table : reads.tables()) {
                List<Map<String, AttributeValue>> kept = byTable.computeIfAbsent(table, t -> new ArrayList<>());
                Iterator<Map<String, AttributeValue>> items = reads.items(plan, table);
                while (items.hasNext()) {
                    Map<String, AttributeValue> item = items.next();
                    kept.add(computes ? item : meta.keyOfItem(item));
                }
            }
        }
        int written = 0;
        try {
            for (Map.Entry<EntityMeta, List<Map<String, AttributeValue>>> t : byTable.entrySet()) {
                if (computes) {
                    written += updateComputed(t.getKey(), plan, t.getValue());
                } else if (compiled.kind() == StatementKind.UPDATE) {
                    written += update(t.getKey(), plan, t.getValue());
                } else {
                    written += onlyTableKey(plan) ? delete(t.getKey(), t.getValue())
                            : deleteEachIfStillMatching(t.getKey(), plan, t.getValue());
                }
            }
            return written;
        } finally {
            for (List<Map<String, AttributeValue>> kept : byTable.values()) {
                services.cache().invalidate(meta, computes ? kept.stream().map(meta::keyOfItem).toList() : kept);
            }
        }
    }

    /**
     * Whether the WHERE names nothing but the table's own key (or is absent): then an item read still matches
     * as long as it exists, since a primary key never changes, and unconditional BatchWriteItem deletes are safe.
     */
    private static boolean onlyTableKey(BoundPlan plan) {
        return plan.writeCondition() == null
                || plan.operation() == Operation.QUERY && plan.indexName() == null && plan.filter() == null;
    }

    /** A write's ConditionExpression: the item exists and, when the plan has one, the whole WHERE holds. */
    private record WriteCondition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    }

    private WriteCondition writeCondition(EntityMeta meta, BoundPlan plan, String otherExpression) {
        String pk = "#jynamoPk";
        // An expired item DynamoDB has not deleted yet is absent to the application: not written, not counted.
        String condition = "attribute_exists(" + pk + ")"
                + (meta.timeToLive() == null ? "" : " AND " + Expiry.FILTER)
                + (plan.writeCondition() == null ? "" : " AND (" + plan.writeCondition() + ")");
        // DynamoDB rejects placeholders a request does not use, and the key condition, filter and projection of
        // the read plan are not part of the write.
        Set<String> used = Placeholders.in((otherExpression == null ? "" : otherExpression) + " " + condition);
        Map<String, AttributeValue> values = Placeholders.usedOnly(services.queryModel().convertAll(meta.name(), plan.values()), used);
        Map<String, String> names = new LinkedHashMap<>();
        names.put(pk, meta.partitionKey().storedName());
        Map<String, String> planNames = Placeholders.usedOnly(plan.names(), used);
        if (planNames != null) {
            names.putAll(planNames);
        }
        if (meta.timeToLive() != null) {
            names.put(Expiry.NAME, meta.timeToLive().storedName());
            values = values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values);
            values.put(Expiry.NOW, Expiry.now());
        }
        return new WriteCondition(condition, names, values);
    }

    /**
     * One DeleteItem per item read, each conditional on the whole WHERE: BatchWriteItem cannot carry a
     * condition, and an item changed since the read (say its index key) must not be deleted.
     */
    private int deleteEachIfStillMatching(EntityMeta meta, BoundPlan plan, List<Map<String, AttributeValue>> keys) {
        WriteCondition c = writeCondition(meta, plan, null);
        return eachKey("DELETE", meta, keys, key -> services.dynamo().delete(
                DeleteItemRequest.builder().tableName(meta.tableName()).key(key)
                        .conditionExpression(c.expression()).expressionAttributeNames(c.names())
                        .expressionAttributeValues(c.values()).build()));
    }

    /** One conditional write of a bulk statement, for one key, sent through the gateway (which retries throttling). */
    private interface KeyWrite {
        void send(Map<String, AttributeValue> key);
    }

    /** What one key's conditional write came to: written, skipped (its condition failed), or a failure. */
    private record Outcome(boolean written, RuntimeException failure) {
        static final Outcome WRITTEN = new Outcome(true, null);
        static final Outcome SKIPPED = new Outcome(false, null);
    }

    /**
     * Sends a bulk statement's conditional writes, up to {@code jynamo.parallelism} at once. A failed condition means
     * the item no longer matches (or is gone) and is skipped; throttling is retried within the budget; any other
     * failure starts no further write (those in flight finish) and stops the statement, saying how far it got, since
     * a bulk statement is not atomic. Every key written, skipped or failed leaves the persistence context (JPA 4.10:
     * bulk statements bypass it; a managed copy would be stale).
     *
     * @param keys the keys, or the items read (of which each write takes what it needs)
     * @return how many items were written
     */
    private int eachKey(String statement, EntityMeta meta, List<Map<String, AttributeValue>> keys, KeyWrite write) {
        List<Outcome> outcomes = services.dynamo().inParallel(keys, key -> {
            try {
                write.send(key);
                return Outcome.WRITTEN;
            } catch (ConditionalCheckFailedException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Bulk " + statement + " skipped " + meta.describe(meta.keyOfItem(key))
                        + ": it no longer matches");
                return Outcome.SKIPPED;
            } catch (RuntimeException e) {
                return new Outcome(false, e);
            }
        }, o -> o.failure() != null);
        int written = 0;
        int done = 0;
        RuntimeException failure = null;
        for (int i = 0; i < keys.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o == null) {
                continue; // not started
            }
            EntityEntry entry = session.context().entry(meta, meta.keyOfItem(keys.get(i)));
            if (entry != null) {
                session.context().remove(entry);
            }
            if (o.failure() != null) {
                failure = failure == null ? o.failure() : failure;
                continue;
            }
            done++;
            written += o.written() ? 1 : 0;
        }
        if (failure != null) {
            throw stopped(statement, meta, written, done, keys.size(), failure);
        }
        return written;
    }

    /** A bulk statement that failed part-way, saying what it did. */
    private static JynamoException stopped(String statement, EntityMeta meta, int written, int done, int total,
                                           RuntimeException cause) {
        return new JynamoException("Bulk " + statement + " of " + meta.name() + " stopped after " + done + " of " + total
                + " items (" + written + " written) because DynamoDB failed: " + cause.getMessage() + ". Bulk statements"
                + " are not atomic: what was written stays written. Run the statement again to finish it; it re-reads"
                + " the items and re-checks the WHERE", cause);
    }

    private int delete(EntityMeta meta, List<Map<String, AttributeValue>> keys) {
        List<Dynamo.TableWrite> writes = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            writes.add(new Dynamo.TableWrite(meta.tableName(), WriteRequest.builder().deleteRequest(d -> d.key(key)).build(), key));
        }
        int[] deleted = {0};
        List<Dynamo.TableWrite> failed;
        try {
            failed = services.dynamo().batchWrite(writes, w -> deleted[0]++);
        } catch (RuntimeException e) {
            throw stopped("DELETE", meta, deleted[0], deleted[0], keys.size(), e);
        } finally {
            for (Map<String, AttributeValue> key : keys) {
                EntityEntry entry = session.context().entry(meta, key);
                if (entry != null) {
                    session.context().remove(entry);
                }
            }
        }
        if (!failed.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<String> unwritten = failed.stream().map(f -> meta.describe((Map<String, AttributeValue>) f.tag())).toList();
            throw new UnprocessedWritesException("Bulk delete left " + unwritten.size() + " of " + keys.size()
                    + " items undeleted within the retry budget: " + unwritten, unwritten);
        }
        return keys.size();
    }

    private int update(EntityMeta meta, BoundPlan plan, List<Map<String, AttributeValue>> keys) {
        // The WHERE is checked again at write time, so an item changed meanwhile so that it no longer
        // matches is left alone, and an item deleted meanwhile is not re-created.
        if (!arithmetic()) {
            WriteCondition c = writeCondition(meta, plan, plan.updateExpression());
            return eachKey("UPDATE", meta, keys, key -> services.dynamo().update(
                    UpdateItemRequest.builder().tableName(meta.tableName()).key(key)
                            .updateExpression(plan.updateExpression()).conditionExpression(c.expression())
                            .expressionAttributeNames(c.names()).expressionAttributeValues(c.values()).build()));
        }
        // SET #n = #n + :v is not idempotent: a resend after a lost response (the SDK's retry) would add twice. Each
        // write also stores this statement's token and is conditional on the item not holding it yet, so a resend
        // fails its condition, and the item DynamoDB returns, holding the token, says the first attempt landed.
        String update = plan.updateExpression() + ", " + OP_NAME + " = " + OP_VALUE;
        WriteCondition c = writeCondition(meta, plan, update);
        String condition = c.expression() + " AND (attribute_not_exists(" + OP_NAME + ") OR " + OP_NAME + " <> " + OP_VALUE + ")";
        Map<String, String> names = new LinkedHashMap<>(c.names());
        names.put(OP_NAME, OP_ATTRIBUTE);
        AttributeValue token = AttributeValue.fromS(java.util.UUID.randomUUID().toString());
        Map<String, AttributeValue> values = c.values() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(c.values());
        values.put(OP_VALUE, token);
        return eachKey("UPDATE", meta, keys, key -> {
            try {
                services.dynamo().update(UpdateItemRequest.builder().tableName(meta.tableName()).key(key)
                        .updateExpression(update).conditionExpression(condition).expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build());
            } catch (ConditionalCheckFailedException e) {
                if (!(e.hasItem() && token.equals(e.item().get(OP_ATTRIBUTE)))) {
                    throw e; // the item no longer matches: skipped
                }
            }
        });
    }

    /** Whether an assignment is DynamoDB arithmetic ({@code SET e.n = e.n + :v}). */
    private boolean arithmetic() {
        return compiled.statement().sets().stream().anyMatch(s -> s.value() instanceof io.jynamo.jpql.ast.Computed);
    }

    /** How often an item's SET values are computed again when others keep changing what they are computed from. */
    private static final int MAX_RECOMPUTES = 10;

    /**
     * SET values computed in Java ({@code SET e.salary = e.salary * 2}): for each item read, the values from the item
     * as read, written by an UpdateItem conditional on the WHERE, on this statement's token (as for DynamoDB arithmetic,
     * so that a resent write is known to have landed and is not applied twice) and on every attribute the values read
     * being unchanged, so that no concurrent write is lost. When that last part fails, the values are computed again
     * from the item DynamoDB returns, at most {@link #MAX_RECOMPUTES} times; an item that no longer matches is skipped.
     */
    private int updateComputed(EntityMeta meta, BoundPlan plan, List<Map<String, AttributeValue>> items) {
        Selection assigned = plan.assignedInJava();
        List<SetClause> sets = compiled.statement().sets();
        WriteCondition where = writeCondition(meta, plan, null);
        AttributeValue token = AttributeValue.fromS(java.util.UUID.randomUUID().toString());
        return eachKey("UPDATE", meta, items, read -> {
            Map<String, AttributeValue> item = read;
            for (int computed = 1; ; computed++) {
                try {
                    services.dynamo().update(computedWrite(meta, sets, reads.assigned(assigned, item), assigned, item, where, token));
                    return;
                } catch (ConditionalCheckFailedException e) {
                    Map<String, AttributeValue> now = e.hasItem() ? e.item() : Map.of();
                    if (token.equals(now.get(OP_ATTRIBUTE))) {
                        return; // a resent write: the first attempt landed
                    }
                    if (now.isEmpty() || sameValues(assigned, item, now)) {
                        throw e; // gone, or no longer matching: skipped
                    }
                    if (computed == MAX_RECOMPUTES) {
                        throw new JynamoException("Bulk UPDATE of " + meta.describe(meta.keyOfItem(item)) + ": what SET "
                                + assigned.describe() + " is computed from changed " + computed + " times while it was"
                                + " computed; nothing was written over those changes", e);
                    }
                    item = now; // changed meanwhile: computed again from the item as it is now
                }
            }
        });
    }

    private UpdateItemRequest computedWrite(EntityMeta meta, List<SetClause> sets, Object[] values, Selection assigned,
                                            Map<String, AttributeValue> item, WriteCondition where, AttributeValue token) {
        // Placeholders of their own: the WHERE's #nK and :vK come from the plan.
        ExpressionBuilder<AttributeValue> x = new ExpressionBuilder<>("#jynamoS", ":jynamoS");
        for (int i = 0; i < values.length; i++) {
            AttributeInfo target = sets.get(i).target().attribute();
            if (values[i] == null) {
                x.remove(target.storedPath());
            } else {
                x.set(target.storedPath(), services.queryModel().convert(meta.name(), new BoundValue(values[i], target, false)));
            }
        }
        x.set(OP_ATTRIBUTE, token);
        StringBuilder condition = new StringBuilder(where.expression()).append(" AND (attribute_not_exists(")
                .append(x.name(OP_ATTRIBUTE)).append(") OR ").append(x.name(OP_ATTRIBUTE)).append(" <> ")
                .append(x.value(token)).append(')');
        for (AttributeInfo a : assigned.attributes()) {
            AttributeValue was = Reads.stored(item, a.storedPath());
            condition.append(" AND ").append(was == null ? x.attributeNotExists(a.storedPath())
                    : x.path(a.storedPath()) + " = " + x.value(was));
        }
        Map<String, String> names = new LinkedHashMap<>(where.names());
        names.putAll(x.names());
        Map<String, AttributeValue> expressionValues = where.values() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(where.values());
        expressionValues.putAll(x.values());
        return UpdateItemRequest.builder().tableName(meta.tableName()).key(meta.keyOfItem(item))
                .updateExpression(x.update()).conditionExpression(condition.toString())
                .expressionAttributeNames(names).expressionAttributeValues(expressionValues)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    }

    /** Whether the attributes the SET values read hold the same values in both items. */
    private static boolean sameValues(Selection assigned, Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        for (AttributeInfo attribute : assigned.attributes()) {
            if (!java.util.Objects.equals(Reads.stored(a, attribute.storedPath()), Reads.stored(b, attribute.storedPath()))) {
                return false;
            }
        }
        return true;
    }
}
