package io.jynamo.internal.flush;

import io.jynamo.IncompleteFlushException;
import io.jynamo.JynamoException;
import io.jynamo.internal.cache.CacheWrites;
import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.context.PersistenceContext;
import io.jynamo.internal.dynamo.AttributeValues;
import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.dynamo.ItemSize;
import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.proxy.Instances;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PreUpdate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one place that turns a persistence context into writes and sends them: plans every pending
 * insert, update and delete at once, then sends unconditional ones in BatchWriteItem calls of 25,
 * conditional ones (versioned entities, patch updates) one by one, or everything as one
 * TransactWriteItems in atomic mode.
 */
public final class Flusher {

    /** DynamoDB's limit of items per TransactWriteItems. */
    private static final int MAX_TRANSACTION_ITEMS = 100;
    /** DynamoDB's limit of bytes per TransactWriteItems. */
    private static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

    private final Dynamo dynamo;
    private final Instances instances;
    private final boolean atomic;
    private final boolean patch;
    private final UpdateShapes shapes = new UpdateShapes();

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
     * <p>A batch-mode flush is not atomic. Conditional writes go first, so that a conflict is found
     * before anything else is written; a failure after some writes landed throws an
     * {@link IncompleteFlushException} that names what was and was not written. A failure before
     * any write throws the failure itself.
     *
     * @return the number of items written
     */
    public int flush(PersistenceContext context, CacheWrites cache) {
        List<Write> writes = plan(context);
        if (writes.isEmpty()) {
            return 0;
        }
        Set<Write> confirmed = new Confirmed(writes.size());
        try {
            if (atomic) {
                sendAtomically(writes);
                // A TransactWriteItems returns no items: an update's result is not known, only that the old one is gone.
                writes.forEach(w -> done(context, w, cache, w.knownItem(), confirmed));
            } else {
                send(context, writes, cache, confirmed);
            }
            return writes.size();
        } catch (RuntimeException e) {
            for (Write w : writes) {
                if (!confirmed.contains(w)) {
                    cache.failed(w.entry().meta(), w.entry().key());
                }
            }
            if (confirmed.isEmpty() || e instanceof IncompleteFlushException) {
                throw e;
            }
            throw Failures.incomplete(writes, confirmed, e);
        }
    }

    private void send(PersistenceContext context, List<Write> writes, CacheWrites cache, Set<Write> confirmed) {
        List<Dynamo.TableWrite> batch = new ArrayList<>();
        List<Write> conditional = new ArrayList<>();
        for (Write w : writes) {
            if (w.conditional()) {
                conditional.add(w);
            } else {
                batch.add(new Dynamo.TableWrite(w.entry().meta().tableName(), w.batchEntry(), w));
            }
        }
        sendConditional(context, conditional, cache, confirmed);
        List<Dynamo.TableWrite> failed;
        try {
            failed = dynamo.batchWrite(batch, b -> {
                Write w = (Write) b.tag();
                done(context, w, cache, w.knownItem(), confirmed);
            });
        } catch (ResourceNotFoundException ex) {
            throw Failures.missingTable(batch.stream().map(Dynamo.TableWrite::table).distinct().toList(), ex);
        }
        if (!failed.isEmpty()) {
            throw Failures.unprocessed(writes, confirmed, failed.stream().map(f -> (Write) f.tag()).toList());
        }
    }

    /** The writes the context needs, in the order its entries joined. */
    List<Write> plan(PersistenceContext context) {
        List<Write> writes = new ArrayList<>();
        for (EntityEntry e : context.entries()) {
            Write w = planOne(e);
            if (w != null) {
                WriteCheck.check(w);
                if (w instanceof Write.Update) {
                    WriteCheck.expression(w, "update", w.expressions().update()); // only an update's grows with the entity
                }
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
                Map<String, AttributeValue> item = withBeside(e, meta.inserted(meta.toItem(entity, e.key())));
                if (!sameKey(meta, item, e.key())) {
                    throw keyChanged(e, meta, item);
                }
                if (e.overRemoved()) {
                    // It replaces an item whose delete was dropped: the item exists, and must still be the one removed.
                    return new Write.Put(e, item, false, storedVersion(e));
                }
                return new Write.Put(e, item, version != null, null);
            }
            case REMOVED -> {
                return new Write.Delete(e, storedVersion(e));
            }
            default -> {
                if (e.snapshot() == null) {
                    return null;
                }
                Map<String, AttributeValue> item = Boolean.FALSE.equals(instances.mayBeDirty(entity)) && e.beside() == null
                        ? null : changed(e);
                if (item == null || AttributeValues.equalItems(item, e.snapshot())) {
                    return e.lock() == LockModeType.NONE ? null : versionCheck(e);
                }
                if (meta.hasCallbacks(PreUpdate.class)) {
                    meta.fire(PreUpdate.class, entity);
                    item = changed(e);
                }
                if (!sameKey(meta, item, e.key())) {
                    throw keyChanged(e, meta, item);
                }
                if (version == null && !patch) {
                    return new Write.Put(e, item, false, null);
                }
                AttributeValue expected = null;
                if (version != null) {
                    expected = e.snapshot().get(version.storedName());
                    Object next = nextVersion(version, expected);
                    version.accessor().set(entity, next);
                    item.put(version.storedName(), version.codec().write(next));
                }
                Map<String, AttributeValue> set = new LinkedHashMap<>();
                Set<String> remove = Set.of();
                for (Map.Entry<String, AttributeValue> a : item.entrySet()) {
                    if (!isKey(meta, a.getKey()) && !AttributeValues.equalValues(a.getValue(), e.snapshot().get(a.getKey()))) {
                        set.put(a.getKey(), a.getValue());
                    }
                }
                for (String old : e.snapshot().keySet()) {
                    if (!item.containsKey(old)) {
                        if (remove.isEmpty()) {
                            remove = new LinkedHashSet<>(); // made for the rare update that removes an attribute
                        }
                        remove.add(old);
                    }
                }
                return new Write.Update(e, set, remove, expected, item, shapes.of(meta, set, remove, expected));
            }
        }
    }

    /** The whole item a change of a managed entity leaves: its attributes, and what it keeps of the stored item. */
    private static Map<String, AttributeValue> changed(EntityEntry e) {
        EntityMeta meta = e.meta();
        Map<String, AttributeValue> stored = e.snapshot();
        return withBeside(e, meta.updated(withUnmapped(meta, meta.toItem(e.entity(), stored), stored), stored));
    }

    /** The refusal of an entity whose key was changed since it joined the context (read or persisted). */
    private static PersistenceException keyChanged(EntityEntry e, EntityMeta meta, Map<String, AttributeValue> item) {
        return new PersistenceException("The primary key of managed entity " + e.describe() + " was changed to "
                + meta.describe(meta.keyOfItem(item)) + "; keys are immutable: remove the entity and persist a new one."
                + " Nothing was written by this flush");
    }

    /** Whether an item has the key attributes' values of {@code key} (compared without building the item's key map). */
    private static boolean sameKey(EntityMeta meta, Map<String, AttributeValue> item, Map<String, AttributeValue> key) {
        String pk = meta.partitionKey().storedName();
        if (!AttributeValues.equalValues(item.get(pk), key.get(pk))) {
            return false;
        }
        return meta.sortKey() == null
                || AttributeValues.equalValues(item.get(meta.sortKey().storedName()), key.get(meta.sortKey().storedName()));
    }

    private static boolean isKey(EntityMeta meta, String attribute) {
        return attribute.equals(meta.partitionKey().storedName())
                || meta.sortKey() != null && attribute.equals(meta.sortKey().storedName());
    }

    /**
     * The write of an optimistic lock on an unchanged entity: a conditional UpdateItem that sets the
     * version to what it was read as ({@code OPTIMISTIC}: it fails if anyone changed the item since,
     * and changes nothing otherwise) or to the next version ({@code OPTIMISTIC_FORCE_INCREMENT}).
     * An item stored without a version (by another program) has none to check: {@code OPTIMISTIC} is refused,
     * and a forced increment starts the version as a change of the entity would, without a condition.
     */
    private Write versionCheck(EntityEntry e) {
        AttributeMeta version = e.meta().version();
        AttributeValue expected = e.snapshot().get(version.storedName());
        if (expected == null && e.lock() == LockModeType.OPTIMISTIC) {
            throw new OptimisticLockException("Entity " + e.describe() + " is locked with OPTIMISTIC, but its item has"
                    + " no version attribute '" + version.storedName() + "' (it was written without one), so there is no"
                    + " version to check; nothing was written by this flush. Lock it with OPTIMISTIC_FORCE_INCREMENT,"
                    + " or change it, to give it a version", null, e.entity());
        }
        AttributeValue value = expected;
        if (e.lock() == LockModeType.OPTIMISTIC_FORCE_INCREMENT) {
            Object next = nextVersion(version, expected);
            version.accessor().set(e.entity(), next);
            value = version.codec().write(next);
        }
        Map<String, AttributeValue> after = new LinkedHashMap<>(e.snapshot());
        after.put(version.storedName(), value);
        Map<String, AttributeValue> set = Map.of(version.storedName(), value);
        return new Write.Update(e, set, Set.of(), expected, after, shapes.of(e.meta(), set, Set.of(), expected));
    }

    /**
     * The item with every attribute of the stored one that the entity does not map (written by another
     * program, by an older version of the class, or by a subclass) and the stored discriminator: a whole-item
     * put keeps them, and an update does not remove them.
     */
    private static Map<String, AttributeValue> withUnmapped(EntityMeta meta, Map<String, AttributeValue> item,
                                                            Map<String, AttributeValue> stored) {
        for (Map.Entry<String, AttributeValue> a : stored.entrySet()) {
            if (!meta.maps(a.getKey())) {
                item.putIfAbsent(a.getKey(), a.getValue());
            }
        }
        String discriminator = meta.discriminatorColumn();
        if (discriminator != null && stored.containsKey(discriminator)) {
            // A reference of a superclass (getReference) may hold an item stored as a subclass: it stays one.
            item.put(discriminator, stored.get(discriminator));
        }
        return item;
    }

    /**
     * The item with the attributes another entity's relationship stores on it (a position, a map key, the owner's
     * key of a unidirectional {@code @OneToMany}); one set to {@code null} is removed.
     */
    private static Map<String, AttributeValue> withBeside(EntityEntry e, Map<String, AttributeValue> item) {
        if (e.beside() != null) {
            e.beside().forEach((name, value) -> {
                if (value == null) {
                    item.remove(name);
                } else {
                    item.put(name, value);
                }
            });
        }
        return item;
    }

    /** The version DynamoDB holds for a versioned entry, as last read; {@code null} when unversioned or unknown. */
    private static AttributeValue storedVersion(EntityEntry e) {
        AttributeMeta version = e.meta().version();
        return version == null || e.snapshot() == null ? null : e.snapshot().get(version.storedName());
    }

    private static Object zero(AttributeMeta version) {
        Class<?> t = version.boxedType();
        if (!Number.class.isAssignableFrom(t)) {
            return timestampVersion(t, null);
        }
        return t == Long.class ? (Object) 0L : t == Short.class ? (Object) (short) 0 : (Object) 0;
    }

    /** The version after the stored one; the first one when the item was stored without a version. */
    private static Object nextVersion(AttributeMeta version, AttributeValue stored) {
        return increment(version, stored == null ? null : version.codec().read(stored));
    }

    private static Object increment(AttributeMeta version, Object current) {
        if (!Number.class.isAssignableFrom(version.boxedType())) {
            return timestampVersion(version.boxedType(), current);
        }
        long next = current == null ? 1 : ((Number) current).longValue() + 1;
        Class<?> t = version.boxedType();
        return t == Long.class ? (Object) next : t == Short.class ? (Object) (short) next : (Object) (int) next;
    }

    /**
     * A timestamp version (JPA 3.2 section 3.5.7 allows {@code Timestamp}; Jynamo also takes {@code Instant}):
     * now, or one nanosecond after the current version when the clock has not passed it (a fast second
     * write, a clock set back), so the next version is always strictly greater and the condition on it
     * tells one write from the other.
     */
    private static Object timestampVersion(Class<?> type, Object current) {
        Instant now = Instant.now();
        Instant previous = current instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) current;
        Instant next = previous != null && !now.isAfter(previous) ? previous.plusNanos(1) : now;
        return type == java.sql.Timestamp.class ? java.sql.Timestamp.from(next) : next;
    }

    /** What one conditional write came to: the item it left (when known), or its failure. */
    private record Sent(Map<String, AttributeValue> stored, RuntimeException failure) {
    }

    /**
     * Sends the conditional writes, up to {@code jynamo.parallelism} at once, before anything else: a conflict
     * stops further writes. Writes in flight when one fails are finished and confirmed; then the first failure
     * (in the flush's order) is thrown. The context is only touched here, on the flushing thread.
     */
    private void sendConditional(PersistenceContext context, List<Write> writes, CacheWrites cache, Set<Write> confirmed) {
        if (writes.isEmpty()) {
            return; // most flushes: no stream pipelines for nothing
        }
        List<Boolean> wantItems = writes.stream().map(w -> cache.caches(w.entry().meta())).toList();
        List<Integer> order = java.util.stream.IntStream.range(0, writes.size()).boxed().toList();
        List<Sent> outcomes = dynamo.inParallel(order, i -> {
            try {
                return new Sent(sendOne(writes.get(i), wantItems.get(i)), null);
            } catch (RuntimeException e) {
                return new Sent(null, e);
            }
        }, sent -> sent.failure() != null);
        RuntimeException failure = null;
        for (int i = 0; i < writes.size(); i++) {
            Sent sent = outcomes.get(i);
            if (sent == null) {
                continue;
            }
            if (sent.failure() == null) {
                done(context, writes.get(i), cache, sent.stored(), confirmed);
            } else if (failure == null) {
                failure = sent.failure();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Sends one conditional write, retried while throttled. A failed condition is a conflict unless the
     * item DynamoDB holds is exactly what this write leaves: then an earlier attempt of this same call
     * landed and its response was lost (the SDK sent it again), and the write is done.
     *
     * @param wantItem whether to learn the whole item an update leaves (for the second-level cache)
     * @return the item DynamoDB holds after the write when known, else {@code null}
     */
    private Map<String, AttributeValue> sendOne(Write w, boolean wantItem) {
        try {
            return w.sendAlone(dynamo, wantItem);
        } catch (ConditionalCheckFailedException ex) {
            Map<String, AttributeValue> old = ex.hasItem() ? ex.item() : null;
            if (w.landed(old)) {
                return old;
            }
            throw w.conflict(ex);
        } catch (ResourceNotFoundException ex) {
            throw Failures.missingTable(List.of(w.entry().meta().tableName()), ex);
        }
    }

    private void sendAtomically(List<Write> writes) {
        List<TransactWriteItem> items = writes.stream().map(Write::transactItem).toList();
        // The token makes DynamoDB itself treat a resend of this transaction (the SDK's retry after a lost
        // response) as the same one; the item check below covers engines that ignore it.
        String token = UUID.randomUUID().toString();
        try {
            dynamo.transactWrite(TransactWriteItemsRequest.builder().transactItems(items).clientRequestToken(token).build());
        } catch (TransactionCanceledException ex) {
            List<CancellationReason> reasons = ex.hasCancellationReasons() ? ex.cancellationReasons() : List.of();
            if (OwnWrite.transactionLanded(writes, reasons)) {
                return;
            }
            for (int i = 0; i < reasons.size() && i < writes.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    throw writes.get(i).conflict(ex);
                }
            }
            throw new JynamoException("DynamoDB cancelled the transaction of " + writes.size()
                    + " writes; nothing was written. Reasons: " + reasons.stream().map(CancellationReason::code).toList(), ex);
        } catch (ResourceNotFoundException ex) {
            throw Failures.missingTable(writes.stream().map(w -> w.entry().meta().tableName()).distinct().toList(), ex);
        }
    }

    private void done(PersistenceContext context, Write w, CacheWrites cache, Map<String, AttributeValue> stored,
                      Set<Write> confirmed) {
        confirmed.add(w);
        EntityEntry e = w.entry();
        e.lock(LockModeType.NONE);
        cache.written(e.meta(), e.key(), stored);
        instances.clean(e.entity());
        e.written();
        EntityMeta meta = e.meta();
        switch (e.status()) {
            case NEW -> {
                e.status(EntityEntry.Status.MANAGED);
                e.snapshot(meta.afterInsert(w.after(), e.entity()));
                meta.fire(PostPersist.class, e.entity());
            }
            case REMOVED -> {
                context.remove(e);
                meta.fire(PostRemove.class, e.entity());
            }
            default -> {
                e.snapshot(w.after());
                if (!w.onlyVersion()) {
                    meta.fire(PostUpdate.class, e.entity());
                }
            }
        }
    }
}
