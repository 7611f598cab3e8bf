package io.jynamo.internal.flush;

import io.jynamo.jpql.expression.ExpressionBuilder;
import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.dynamo.AttributeValues;
import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.metadata.AttributeMeta;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.Map;
import java.util.Set;

/**
 * One write a flush sends, for one entity. Each kind renders itself, the way the Enhanced Client's
 * {@code *Operation} classes do (an update's expressions excepted: {@link UpdateShapes} renders those when it is
 * planned): its expressions, its request when sent alone, its BatchWriteItem entry,
 * its TransactWriteItems item, what a failed condition means for it, and whether the item a failed
 * condition saw is the one it leaves (see {@link OwnWrite}).
 */
sealed interface Write {

    EntityEntry entry();

    /** The item after the write, to become the entry's snapshot; {@code null} for a delete. */
    Map<String, AttributeValue> after();

    /** Whether the write carries a condition (and so cannot go into a BatchWriteItem). */
    boolean conditional();

    /** The write's condition and update expressions with their placeholders. */
    Expressions expressions();

    /**
     * Sends the write alone, retried while throttled; a failed condition is thrown as DynamoDB's.
     *
     * @param wantItem whether to learn the whole item an update leaves (for the second-level cache)
     * @return the item DynamoDB holds after the write when known, else {@code null}
     */
    Map<String, AttributeValue> sendAlone(Dynamo dynamo, boolean wantItem);

    /** The write's entry of a BatchWriteItem, which carries no condition: for unconditional writes only. */
    WriteRequest batchEntry();

    /** The write as an item of a TransactWriteItems. */
    TransactWriteItem transactItem();

    /** What a failed condition of this write means: the JPA exception to throw. */
    PersistenceException conflict(Exception cause);

    /**
     * Whether the item a failed condition saw is exactly what this write leaves, so the write is done
     * (its response was lost and the resend failed on its own result; see {@link OwnWrite}).
     *
     * @param old the item DynamoDB holds, {@code null} or empty when there is none
     */
    boolean landed(Map<String, AttributeValue> old);

    /**
     * The item the write is known to leave without DynamoDB's answer (a batch or a transaction returns
     * none): a put's item; {@code null} for a delete, and for an update, which leaves the attributes it
     * does not name as another writer may have set them.
     */
    default Map<String, AttributeValue> knownItem() {
        return null;
    }

    /** Whether the write is an optimistic lock's version check or increment, which changes no state of the entity's own. */
    default boolean onlyVersion() {
        return false;
    }

    /**
     * The expressions of one request.
     *
     * @param condition the condition expression, {@code null} for none
     * @param update    the update expression of an UpdateItem, else {@code null}
     * @param names     ExpressionAttributeNames, {@code null} when empty (DynamoDB rejects an empty map)
     * @param values    ExpressionAttributeValues, {@code null} when empty
     */
    record Expressions(String condition, String update, Map<String, String> names, Map<String, AttributeValue> values) {

        /** The expressions with the placeholders {@code x} gave them. */
        static Expressions of(String condition, String update, ExpressionBuilder<AttributeValue> x) {
            return new Expressions(condition, update, x.namesOrNull(), x.valuesOrNull());
        }

        /** {@code ALL_OLD} where there is a condition: the item a failed one saw tells a conflict from our own write. */
        ReturnValuesOnConditionCheckFailure oldOnFailure() {
            return condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD;
        }
    }

    /** A whole-item put; {@code mustNotExist} for a versioned insert. */
    record Put(EntityEntry entry, Map<String, AttributeValue> item, boolean mustNotExist,
               AttributeValue expectedVersion) implements Write {

        @Override
        public Map<String, AttributeValue> after() {
            return item;
        }

        @Override
        public Map<String, AttributeValue> knownItem() {
            return item;
        }

        @Override
        public boolean conditional() {
            return mustNotExist || expectedVersion != null;
        }

        @Override
        public Expressions expressions() {
            ExpressionBuilder<AttributeValue> x = new ExpressionBuilder<>();
            String condition = mustNotExist ? x.attributeNotExists(entry.meta().partitionKey().storedName()) : null;
            if (mustNotExist && entry.meta().timeToLive() != null) {
                // An expired item DynamoDB has not deleted yet is absent: a new entity of its key may replace it.
                condition = "(" + condition + " OR " + x.name(entry.meta().timeToLive().storedName()) + " <= "
                        + x.value(io.jynamo.internal.context.Expiry.now()) + ")";
            }
            String versioned = expectedVersion == null ? condition
                    : versionIs(x, entry.meta().version().storedName(), expectedVersion);
            return Expressions.of(versioned, null, x);
        }

        @Override
        public Map<String, AttributeValue> sendAlone(Dynamo dynamo, boolean wantItem) {
            Expressions e = expressions();
            dynamo.put(PutItemRequest.builder().tableName(entry.meta().tableName()).item(item)
                    .conditionExpression(e.condition()).expressionAttributeNames(e.names())
                    .expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            return item;
        }

        @Override
        public WriteRequest batchEntry() {
            return WriteRequest.builder().putRequest(r -> r.item(item)).build();
        }

        @Override
        public TransactWriteItem transactItem() {
            Expressions e = expressions();
            return TransactWriteItem.builder().put(p -> p.tableName(entry.meta().tableName()).item(item)
                    .conditionExpression(e.condition()).expressionAttributeNames(e.names())
                    .expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(e.oldOnFailure())).build();
        }

        @Override
        public PersistenceException conflict(Exception cause) {
            if (!mustNotExist) {
                return versionConflict(entry, cause);
            }
            EntityExistsException e = new EntityExistsException("Entity " + entry.describe()
                    + " already exists; nothing was written for it");
            e.initCause(cause);
            return e;
        }

        @Override
        public boolean landed(Map<String, AttributeValue> old) {
            return old != null && !old.isEmpty() && AttributeValues.sameItem(item, old);
        }
    }

    /** A delete; {@code expectedVersion} for a versioned entity, else {@code null}. */
    record Delete(EntityEntry entry, AttributeValue expectedVersion) implements Write {

        @Override
        public Map<String, AttributeValue> after() {
            return null;
        }

        @Override
        public boolean conditional() {
            return expectedVersion != null;
        }

        @Override
        public Expressions expressions() {
            ExpressionBuilder<AttributeValue> x = new ExpressionBuilder<>();
            return Expressions.of(expectedVersion == null ? null
                    : versionIs(x, entry.meta().version().storedName(), expectedVersion), null, x);
        }

        @Override
        public Map<String, AttributeValue> sendAlone(Dynamo dynamo, boolean wantItem) {
            Expressions e = expressions();
            dynamo.delete(DeleteItemRequest.builder().tableName(entry.meta().tableName()).key(entry.key())
                    .conditionExpression(e.condition()).expressionAttributeNames(e.names())
                    .expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            return null;
        }

        @Override
        public WriteRequest batchEntry() {
            return WriteRequest.builder().deleteRequest(r -> r.key(entry.key())).build();
        }

        @Override
        public TransactWriteItem transactItem() {
            Expressions e = expressions();
            return TransactWriteItem.builder().delete(d -> d.tableName(entry.meta().tableName()).key(entry.key())
                    .conditionExpression(e.condition()).expressionAttributeNames(e.names())
                    .expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(e.oldOnFailure())).build();
        }

        @Override
        public PersistenceException conflict(Exception cause) {
            return versionConflict(entry, cause);
        }

        @Override
        public boolean landed(Map<String, AttributeValue> old) {
            // The item is gone, which is what the delete was for, whoever's call removed it.
            return old == null || old.isEmpty();
        }
    }

    /**
     * An UpdateItem of exactly the changed attributes, with its expressions rendered when planned (see
     * {@link UpdateShapes}): {@code SET} of {@code set}, {@code REMOVE} of {@code remove}, and the condition that
     * the item still holds {@code expectedVersion}, or for an unversioned entity (patch mode) that it still exists.
     */
    record Update(EntityEntry entry, Map<String, AttributeValue> set, Set<String> remove,
                  AttributeValue expectedVersion, Map<String, AttributeValue> after, Expressions expressions)
            implements Write {

        @Override
        public boolean conditional() {
            return true;
        }

        @Override
        public boolean onlyVersion() {
            AttributeMeta version = entry.meta().version();
            return remove.isEmpty() && set.size() == 1 && version != null && set.containsKey(version.storedName());
        }

        @Override
        public Map<String, AttributeValue> sendAlone(Dynamo dynamo, boolean wantItem) {
            Expressions e = expressions();
            // An UpdateItem changes some attributes only; what the item became is known only from DynamoDB
            // (another writer may have changed other attributes), and ALL_NEW says it at no extra call.
            var response = dynamo.update(UpdateItemRequest.builder().tableName(entry.meta().tableName()).key(entry.key())
                    .updateExpression(e.update()).conditionExpression(e.condition())
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .returnValues(wantItem ? ReturnValue.ALL_NEW : null)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            return wantItem && response.hasAttributes() ? response.attributes() : null;
        }

        /** Never called: an update always carries a condition, which a BatchWriteItem cannot. */
        @Override
        public WriteRequest batchEntry() {
            throw new IllegalStateException("An UpdateItem of " + entry.describe() + " cannot go into a BatchWriteItem");
        }

        @Override
        public TransactWriteItem transactItem() {
            Expressions e = expressions();
            return TransactWriteItem.builder().update(u -> u.tableName(entry.meta().tableName()).key(entry.key())
                    .updateExpression(e.update()).conditionExpression(e.condition())
                    .expressionAttributeNames(e.names())
                    .expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(e.oldOnFailure())).build();
        }

        @Override
        public PersistenceException conflict(Exception cause) {
            if (expectedVersion == null) {
                return new EntityNotFoundException("Entity " + entry.describe()
                        + " was deleted by someone else; the update was not written");
            }
            return versionConflict(entry, cause);
        }

        @Override
        public boolean landed(Map<String, AttributeValue> old) {
            if (old == null || old.isEmpty() || expectedVersion == null && entry.meta().version() == null) {
                return false; // an unversioned patch fails only on a missing item
            }
            for (Map.Entry<String, AttributeValue> a : set.entrySet()) {
                if (!AttributeValues.same(a.getValue(), old.get(a.getKey()))) {
                    return false;
                }
            }
            return remove.stream().noneMatch(old::containsKey);
        }
    }

    /** The condition that the item still holds the version this write was planned from (also {@link UpdateShapes}'). */
    static <V> String versionIs(ExpressionBuilder<V> x, String version, V expected) {
        return x.name(version) + " = " + x.value(expected);
    }

    private static OptimisticLockException versionConflict(EntityEntry entry, Exception cause) {
        return new OptimisticLockException("Entity " + entry.describe()
                + " was changed or deleted by someone else since it was read (its version no longer matches);"
                + " nothing was written for it. Reload it and apply the change again", cause, entry.entity());
    }
}
