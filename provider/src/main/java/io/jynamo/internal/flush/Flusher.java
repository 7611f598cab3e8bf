package io.jynamo.internal.flush;

import io.jynamo.JynamoException;
import io.jynamo.UnprocessedWritesException;
import io.jynamo.internal.cache.CacheWrites;
import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.context.PersistenceContext;
import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.dynamo.Expression;
import io.jynamo.internal.dynamo.ItemSize;
import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.proxy.Instances;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PreUpdate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one place that turns a persistence context into writes and sends them: plans every pending
 * insert, update and delete at once, then sends unconditional ones in BatchWriteItem calls of 25,
 * conditional ones (versioned entities, patch updates) one by one, or everything as one
 * TransactWriteItems in atomic mode.
 */
public final class Flusher {

    /** DynamoDB's limit of items per TransactWriteItems. */
    public static final int MAX_TRANSACTION_ITEMS = 100;
    /** DynamoDB's limit of bytes per TransactWriteItems. */
    public static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

    private final Dynamo dynamo;
    private final Instances instances;
    private final boolean atomic;
    private final boolean patch;

    public Flusher(Dynamo dynamo, Instances instances, boolean atomic, boolean patch) {
        this.dynamo = dynamo;
        this.instances = instances;
        this.atomic = atomic;
        this.patch = patch;
    }

    /** Whether flushes go out as one transaction. */
    public boolean atomic() {
        return atomic;
    }

    /**
     * Writes every pending change of the context. Written entries become clean; entries whose write
     * failed stay pending so that a later flush can finish the job. Every write DynamoDB accepted is
     * reported to {@code cache} with the item it left; when the flush fails, every write not confirmed
     * is reported as failed, since it may have happened all the same.
     *
     * @return the number of items written
     */
    public int flush(PersistenceContext context, CacheWrites cache) {
        List<Write> writes = plan(context);
        if (writes.isEmpty()) {
            return 0;
        }
        Set<Write> confirmed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        try {
            return send(context, writes, cache, confirmed);
        } catch (RuntimeException e) {
            for (Write w : writes) {
                if (!confirmed.contains(w)) {
                    cache.failed(w.entry().meta(), w.entry().key());
                }
            }
            throw e;
        }
    }

    private int send(PersistenceContext context, List<Write> writes, CacheWrites cache, Set<Write> confirmed) {
        if (atomic) {
            sendAtomically(writes);
            // A TransactWriteItems returns no items: an update's result is not known, only that the old one is gone.
            writes.forEach(w -> done(context, w, cache, w instanceof Write.Put p ? p.item() : null, confirmed));
            return writes.size();
        }
        List<Dynamo.TableWrite> batch = new ArrayList<>();
        List<Write> conditional = new ArrayList<>();
        for (Write w : writes) {
            if (w.conditional()) {
                conditional.add(w);
            } else {
                batch.add(new Dynamo.TableWrite(w.entry().meta().tableName(), request(w), w));
            }
        }
        List<Dynamo.TableWrite> failed = dynamo.batchWrite(batch);
        Set<Object> failedWrites = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        failed.forEach(f -> failedWrites.add(f.tag()));
        int written = 0;
        for (Dynamo.TableWrite b : batch) {
            if (!failedWrites.contains(b.tag())) {
                Write w = (Write) b.tag();
                done(context, w, cache, w instanceof Write.Put p ? p.item() : null, confirmed);
                written++;
            }
        }
        for (Write w : conditional) {
            Map<String, AttributeValue> stored = sendOne(w, cache.caches(w.entry().meta()));
            done(context, w, cache, stored, confirmed);
            written++;
        }
        if (!failed.isEmpty()) {
            List<String> keys = failed.stream().map(f -> ((Write) f.tag()).entry().describe()).toList();
            throw new UnprocessedWritesException("DynamoDB did not accept " + keys.size() + " of " + writes.size()
                    + " writes after retries (throttling or capacity); they are still pending and a later flush"
                    + " or commit will send them again: " + keys, keys);
        }
        return written;
    }

    /** The writes the context needs, in the order its entries joined. */
    List<Write> plan(PersistenceContext context) {
        List<Write> writes = new ArrayList<>();
        for (EntityEntry e : context.entries()) {
            Write w = planOne(e);
            if (w != null) {
                checkSize(w);
                writes.add(w);
            }
        }
        if (atomic) {
            long bytes = writes.stream().mapToLong(w -> w.after() == null ? 0 : ItemSize.of(w.after())).sum();
            if (writes.size() > MAX_TRANSACTION_ITEMS || bytes > MAX_TRANSACTION_BYTES) {
                throw new JynamoException("This transaction writes " + writes.size() + " items (" + bytes
                        + " bytes) but jynamo.write-mode=atomic sends one TransactWriteItems, which takes at most "
                        + MAX_TRANSACTION_ITEMS + " items and 4 MB; nothing was written. Commit in smaller"
                        + " transactions or use jynamo.write-mode=batch");
            }
        }
        return writes;
    }

    private Write planOne(EntityEntry e) {
        EntityMeta meta = e.meta();
        Object entity = e.entity();
        AttributeMeta version = meta.version();
        switch (e.status()) {
            case NEW -> {
                if (version != null && version.accessor().get(entity) == null) {
                    version.accessor().set(entity, zero(version));
                }
                if (e.overRemoved()) {
                    // It replaces an item whose delete was dropped: the item exists, and must still be the one removed.
                    return new Write.Put(e, meta.toItem(entity), false, storedVersion(e));
                }
                return new Write.Put(e, meta.toItem(entity), version != null, null);
            }
            case REMOVED -> {
                return new Write.Delete(e, storedVersion(e));
            }
            default -> {
                if (e.snapshot() == null || Boolean.FALSE.equals(instances.mayBeDirty(entity))) {
                    return null;
                }
                Map<String, AttributeValue> item = meta.toItem(entity);
                if (item.equals(e.snapshot())) {
                    return null;
                }
                if (meta.hasCallbacks(PreUpdate.class)) {
                    meta.fire(PreUpdate.class, entity);
                    item = meta.toItem(entity);
                }
                if (!meta.keyOfItem(item).equals(e.key())) {
                    throw new PersistenceException("The primary key of managed entity " + e.describe()
                            + " was changed to " + meta.describe(meta.keyOfItem(item))
                            + "; keys are immutable: remove the entity and persist a new one");
                }
                if (version == null && !patch) {
                    return new Write.Put(e, item, false, null);
                }
                AttributeValue expected = null;
                if (version != null) {
                    expected = e.snapshot().get(version.storedName());
                    Object next = increment(version, version.codec().read(expected));
                    version.accessor().set(entity, next);
                    item.put(version.storedName(), version.codec().write(next));
                }
                Map<String, AttributeValue> set = new LinkedHashMap<>();
                Set<String> remove = new LinkedHashSet<>();
                for (Map.Entry<String, AttributeValue> a : item.entrySet()) {
                    if (!e.key().containsKey(a.getKey()) && !Objects.equals(a.getValue(), e.snapshot().get(a.getKey()))) {
                        set.put(a.getKey(), a.getValue());
                    }
                }
                for (String old : e.snapshot().keySet()) {
                    if (!item.containsKey(old)) {
                        remove.add(old);
                    }
                }
                return new Write.Update(e, set, remove, expected, item);
            }
        }
    }

    /** The version DynamoDB holds for a versioned entry, as last read; {@code null} when unversioned or unknown. */
    private static AttributeValue storedVersion(EntityEntry e) {
        AttributeMeta version = e.meta().version();
        return version == null || e.snapshot() == null ? null : e.snapshot().get(version.storedName());
    }

    private static Object zero(AttributeMeta version) {
        Class<?> t = version.boxedType();
        return t == Long.class ? (Object) 0L : t == Short.class ? (Object) (short) 0 : (Object) 0;
    }

    private static Object increment(AttributeMeta version, Object current) {
        long next = current == null ? 1 : ((Number) current).longValue() + 1;
        Class<?> t = version.boxedType();
        return t == Long.class ? (Object) next : t == Short.class ? (Object) (short) next : (Object) (int) next;
    }

    private static void checkSize(Write w) {
        if (w.after() != null) {
            long size = ItemSize.of(w.after());
            if (size > ItemSize.MAX_ITEM) {
                throw new JynamoException("Entity " + w.entry().describe() + " is " + size
                        + " bytes as a DynamoDB item; DynamoDB stores at most 400 KB per item. Nothing was written."
                        + " Move large values elsewhere (e.g. S3) and keep a reference");
            }
        }
    }

    private static WriteRequest request(Write w) {
        if (w instanceof Write.Put p) {
            return WriteRequest.builder().putRequest(r -> r.item(p.item())).build();
        }
        return WriteRequest.builder().deleteRequest(r -> r.key(w.entry().key())).build();
    }

    /** The request pieces of a conditional write, as one builder feeds both single and transactional calls. */
    private record Conditional(String condition, String update, Expression expression) {
    }

    private static Conditional conditional(Write w) {
        EntityMeta meta = w.entry().meta();
        Expression x = new Expression();
        String condition = null;
        String update = null;
        AttributeValue expectedVersion = null;
        if (w instanceof Write.Put p) {
            if (p.mustNotExist()) {
                condition = "attribute_not_exists(" + x.name(meta.partitionKey().storedName()) + ")";
            }
            expectedVersion = p.expectedVersion();
        } else if (w instanceof Write.Delete d) {
            expectedVersion = d.expectedVersion();
        } else if (w instanceof Write.Update u) {
            expectedVersion = u.expectedVersion();
            List<String> sets = new ArrayList<>();
            u.set().forEach((name, value) -> sets.add(x.name(name) + " = " + x.value(value)));
            List<String> removes = new ArrayList<>();
            u.remove().forEach(name -> removes.add(x.name(name)));
            StringBuilder sb = new StringBuilder();
            if (!sets.isEmpty()) {
                sb.append("SET ").append(String.join(", ", sets));
            }
            if (!removes.isEmpty()) {
                sb.append(sb.length() > 0 ? " " : "").append("REMOVE ").append(String.join(", ", removes));
            }
            update = sb.length() == 0 ? null : sb.toString();
            if (expectedVersion == null && meta.version() == null) {
                // Patch mode: the item must still exist, else an update would resurrect a deleted entity.
                condition = "attribute_exists(" + x.name(meta.partitionKey().storedName()) + ")";
            }
        }
        if (expectedVersion != null) {
            condition = x.name(meta.version().storedName()) + " = " + x.value(expectedVersion);
        }
        return new Conditional(condition, update, x);
    }

    /**
     * Sends one conditional write.
     *
     * @param wantItem whether to learn the whole item an update leaves (for the second-level cache)
     * @return the item DynamoDB holds after the write when known, else {@code null}
     */
    private Map<String, AttributeValue> sendOne(Write w, boolean wantItem) {
        EntityMeta meta = w.entry().meta();
        Conditional c = conditional(w);
        try {
            if (w instanceof Write.Put p) {
                dynamo.client().putItem(b -> b.tableName(meta.tableName()).item(p.item()).conditionExpression(c.condition())
                        .expressionAttributeNames(c.expression().names()).expressionAttributeValues(c.expression().values()));
                return p.item();
            } else if (w instanceof Write.Delete) {
                dynamo.client().deleteItem(b -> b.tableName(meta.tableName()).key(w.entry().key())
                        .conditionExpression(c.condition()).expressionAttributeNames(c.expression().names())
                        .expressionAttributeValues(c.expression().values()));
                return null;
            } else {
                // An UpdateItem changes some attributes only; what the item became is known only from DynamoDB
                // (another writer may have changed other attributes), and ALL_NEW says it at no extra call.
                var response = dynamo.client().updateItem(b -> b.tableName(meta.tableName()).key(w.entry().key())
                        .updateExpression(c.update()).conditionExpression(c.condition())
                        .expressionAttributeNames(c.expression().names()).expressionAttributeValues(c.expression().values())
                        .returnValues(wantItem ? ReturnValue.ALL_NEW : null));
                return wantItem && response.hasAttributes() ? response.attributes() : null;
            }
        } catch (ConditionalCheckFailedException ex) {
            throw conflict(w, ex);
        }
    }

    private void sendAtomically(List<Write> writes) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (Write w : writes) {
            EntityMeta meta = w.entry().meta();
            Conditional c = conditional(w);
            TransactWriteItem.Builder item = TransactWriteItem.builder();
            if (w instanceof Write.Put p) {
                item.put(Put.builder().tableName(meta.tableName()).item(p.item()).conditionExpression(c.condition())
                        .expressionAttributeNames(c.expression().names()).expressionAttributeValues(c.expression().values()).build());
            } else if (w instanceof Write.Delete) {
                item.delete(Delete.builder().tableName(meta.tableName()).key(w.entry().key()).conditionExpression(c.condition())
                        .expressionAttributeNames(c.expression().names()).expressionAttributeValues(c.expression().values()).build());
            } else {
                item.update(Update.builder().tableName(meta.tableName()).key(w.entry().key())
                        .updateExpression(c.update()).conditionExpression(c.condition())
                        .expressionAttributeNames(c.expression().names())
                        .expressionAttributeValues(c.expression().values()).build());
            }
            items.add(item.build());
        }
        try {
            dynamo.client().transactWriteItems(b -> b.transactItems(items));
        } catch (TransactionCanceledException ex) {
            List<CancellationReason> reasons = ex.hasCancellationReasons() ? ex.cancellationReasons() : List.of();
            for (int i = 0; i < reasons.size() && i < writes.size(); i++) {
                String code = reasons.get(i).code();
                if ("ConditionalCheckFailed".equals(code)) {
                    throw conflict(writes.get(i), ex);
                }
            }
            throw new JynamoException("DynamoDB cancelled the transaction of " + writes.size()
                    + " writes; nothing was written. Reasons: " + reasons.stream().map(CancellationReason::code).toList(), ex);
        }
    }

    private static PersistenceException conflict(Write w, Exception cause) {
        Object entity = w.entry().entity();
        if (w instanceof Write.Put p && p.mustNotExist()) {
            EntityExistsException e = new EntityExistsException("Entity " + w.entry().describe()
                    + " already exists; nothing was written for it");
            e.initCause(cause);
            return e;
        }
        if (w instanceof Write.Update u && u.expectedVersion() == null) {
            return new jakarta.persistence.EntityNotFoundException("Entity " + w.entry().describe()
                    + " was deleted by someone else; the update was not written");
        }
        return new OptimisticLockException("Entity " + w.entry().describe()
                + " was changed or deleted by someone else since it was read (its version no longer matches);"
                + " nothing was written for it. Reload it and apply the change again", cause, entity);
    }

    private void done(PersistenceContext context, Write w, CacheWrites cache, Map<String, AttributeValue> stored,
                      Set<Write> confirmed) {
        confirmed.add(w);
        EntityEntry e = w.entry();
        cache.written(e.meta(), e.key(), stored);
        instances.clean(e.entity());
        EntityMeta meta = e.meta();
        switch (e.status()) {
            case NEW -> {
                e.status(EntityEntry.Status.MANAGED);
                e.snapshot(w.after());
                meta.fire(PostPersist.class, e.entity());
            }
            case REMOVED -> {
                context.remove(e);
                meta.fire(PostRemove.class, e.entity());
            }
            default -> {
                e.snapshot(w.after());
                meta.fire(PostUpdate.class, e.entity());
            }
        }
    }
}
