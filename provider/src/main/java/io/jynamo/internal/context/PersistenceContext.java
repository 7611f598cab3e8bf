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
    /** Per owner and link-table relationship: the target keys its link table holds, as far as this context knows. */
    private final Map<Object, Map<Object, java.util.Set<Map<String, AttributeValue>>>> links = new IdentityHashMap<>();

    /** The target keys the link table holds for an owner's relationship, or {@code null} when not known. */
    public java.util.Set<Map<String, AttributeValue>> storedLinks(Object owner, Object association) {
        Map<Object, java.util.Set<Map<String, AttributeValue>>> of = links.get(owner);
        return of == null ? null : of.get(association);
    }

    /** Records what the link table holds (or will hold once the flush is written) for an owner's relationship. */
    public void storedLinks(Object owner, Object association, java.util.Set<Map<String, AttributeValue>> keys) {
        links.computeIfAbsent(owner, o -> new java.util.HashMap<>()).put(association, keys);
    }

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
        links.remove(entry.entity());
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
        links.clear();
    }
}
