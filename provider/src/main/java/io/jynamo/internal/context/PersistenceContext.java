package io.jynamo.internal.context;

import io.jynamo.internal.metadata.EntityMeta;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first-level cache of one entity manager: one instance per key, and the entry of every
 * managed instance.
 */
public final class PersistenceContext {

    private record Key(EntityMeta meta, Map<String, AttributeValue> key) {
    }

    private final Map<Key, EntityEntry> byKey = new LinkedHashMap<>();
    private final Map<Object, EntityEntry> byInstance = new IdentityHashMap<>();

    /** The entry of an instance, or {@code null} if it is not managed. */
    public EntityEntry entry(Object entity) {
        return byInstance.get(entity);
    }

    /** The entry of a key, or {@code null}. */
    public EntityEntry entry(EntityMeta meta, Map<String, AttributeValue> key) {
        return byKey.get(new Key(meta.root(), key));
    }

    /** Starts managing an instance. */
    public EntityEntry add(EntityMeta meta, Object entity, Map<String, AttributeValue> key, EntityEntry.Status status,
                           Map<String, AttributeValue> snapshot) {
        EntityEntry e = new EntityEntry(meta, entity, key, status, snapshot);
        byKey.put(new Key(meta.root(), key), e);
        byInstance.put(entity, e);
        return e;
    }

    /** Stops managing an instance (detach, or after its delete was written). */
    public void remove(EntityEntry entry) {
        byKey.remove(new Key(entry.meta().root(), entry.key()));
        byInstance.remove(entry.entity());
    }

    /** Every entry, in the order they joined. */
    public List<EntityEntry> entries() {
        return new ArrayList<>(byKey.values());
    }

    public int size() {
        return byKey.size();
    }

    public void clear() {
        byKey.clear();
        byInstance.clear();
    }
}
