package io.jynamo.internal.context;

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
    private final Map<String, AttributeValue> key;
    private Status status;
    private Map<String, AttributeValue> snapshot;

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
        return key;
    }

    public Status status() {
        return status;
    }

    public void status(Status status) {
        this.status = status;
    }

    /**
     * The item as last read from or written to DynamoDB, or {@code null} when the state is not
     * known (a new instance, or a reference not loaded yet).
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

    /** {@code Entity{key=value}} for messages. */
    public String describe() {
        return meta.describe(key);
    }
}
