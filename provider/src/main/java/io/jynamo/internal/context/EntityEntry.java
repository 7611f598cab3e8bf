package io.jynamo.internal.context;

import jakarta.persistence.LockModeType;

import io.jynamo.internal.metadata.EntityMeta;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** What the persistence context knows of one managed instance. */
public final class EntityEntry {

    /** Where an instance stands with respect to the database. */
    public enum Status {
        /** Persisted, not yet written. */
        NEW,
        /** Written or read; changes are written at flush. */
        MANAGED,
        /** Removed, to be deleted at flush. */
        REMOVED
    }

    private final EntityMeta meta;
    private final Object entity;
    /** The key as DynamoDB key attributes; made from {@link #itemKey} when first asked for, if not given. */
    private Map<String, AttributeValue> key;
    private Status status;
    private Map<String, AttributeValue> snapshot;
    private boolean overRemoved;
    private LockModeType lock = LockModeType.NONE;
    /** Attributes another entity's relationship stores on this item (a position, a map key), or {@code null}. */
    private Map<String, AttributeValue> beside;
    /** The context managing the instance through this entry; {@code null} once it no longer does. */
    PersistenceContext owner;
    /** The key the context holds this entry under. */
    io.jynamo.internal.metadata.ItemKey itemKey;

    EntityEntry(EntityMeta meta, Object entity, Map<String, AttributeValue> key, Status status,
                Map<String, AttributeValue> snapshot) {
        this.meta = meta;
        this.entity = entity;
        this.key = key;
        this.status = status;
        this.snapshot = snapshot;
    }

    public EntityMeta meta() {
        return meta;
    }

    public Object entity() {
        return entity;
    }

    /** The DynamoDB key of the instance. */
    public Map<String, AttributeValue> key() {
        if (key == null) {
            key = itemKey.asKey();
        }
        return key;
    }

    public Status status() {
        return status;
    }

    public void status(Status status) {
        this.status = status;
        this.overRemoved = false;
    }

    /**
     * Makes this NEW entry stand in for a removed entry of the same key whose delete was not written
     * yet: DynamoDB still holds that item (its {@link #snapshot()} when it was read), so the insert
     * replaces it, and removing this entry again must delete it.
     */
    public void replace(EntityEntry removed) {
        this.snapshot = removed.snapshot;
        this.overRemoved = true;
    }

    /** Whether this NEW entry replaces an item a removed entry left in DynamoDB (see {@link #replace}). */
    public boolean overRemoved() {
        return status == Status.NEW && overRemoved;
    }

    /**
     * The item as last read from or written to DynamoDB, or {@code null} when the state is not
     * known (a new instance, or a reference not loaded yet). A NEW entry that {@linkplain #replace replaces}
     * a removed one holds the removed one's.
     */
    public Map<String, AttributeValue> snapshot() {
        return snapshot;
    }

    public void snapshot(Map<String, AttributeValue> snapshot) {
        this.snapshot = snapshot;
    }

    /** Whether this is a reference ({@code getReference}) whose state has never been read. */
    public boolean unread() {
        return status == Status.MANAGED && snapshot == null;
    }

    /**
     * The optimistic lock the application asked for in this transaction: {@code OPTIMISTIC} (the version
     * is checked at commit) or {@code OPTIMISTIC_FORCE_INCREMENT} (it is also incremented); else {@code NONE}.
     */
    public LockModeType lock() {
        return lock;
    }

    /** Sets the lock; a weaker one never replaces a stronger one within a transaction. */
    public void lock(LockModeType lock) {
        if (lock == LockModeType.NONE || this.lock != LockModeType.OPTIMISTIC_FORCE_INCREMENT) {
            this.lock = lock;
        }
    }

    /**
     * The attributes a {@code @OneToMany} of another entity stores on this item beside the relationship
     * ({@code @OrderColumn}, {@code @MapKeyColumn}, or the owner's key of a unidirectional one), which the next
     * flush writes with the item; {@code null} when none.
     */
    public Map<String, AttributeValue> beside() {
        return beside;
    }

    /** Forgets {@link #beside()} once written: the snapshot holds it from then on. */
    public void written() {
        beside = null;
    }

    /** Sets one attribute stored beside a relationship ({@link #beside()}); {@code null} removes it from the item. */
    public void beside(String attribute, AttributeValue value) {
        if (beside == null) {
            beside = new java.util.LinkedHashMap<>();
        }
        beside.put(attribute, value);
    }

    /** {@code Entity{key=value}} for messages. */
    public String describe() {
        return meta.describe(key());
    }
}
