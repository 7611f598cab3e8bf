package io.jynamo.internal.context;

import io.jynamo.internal.dynamo.AttributeValues;
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

    /**
     * An entity hierarchy's root and a key, hashed once and from the key attributes' values alone (a key map's
     * own hash would hash every member of each {@link AttributeValue}).
     */
    private static final class Key {
        private final EntityMeta root;
        private final Map<String, AttributeValue> key;
        private final AttributeValue partitionKey;
        private final AttributeValue sortKey;
        private final int hash;

        Key(EntityMeta root, Map<String, AttributeValue> key) {
            this.root = root;
            this.key = key;
            this.partitionKey = key.get(root.partitionKey().storedName());
            this.sortKey = root.sortKey() == null ? null : key.get(root.sortKey().storedName());
            this.hash = (31 * System.identityHashCode(root) + AttributeValues.valueHash(partitionKey)) * 31
                    + AttributeValues.valueHash(sortKey);
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Key k) || hash != k.hash || root != k.root) {
                return false;
            }
            return exact() && k.exact()
                    ? AttributeValues.equalValues(partitionKey, k.partitionKey) && AttributeValues.equalValues(sortKey, k.sortKey)
                    : key.equals(k.key);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        /** Whether the map holds the key attributes and nothing else, so that their values decide equality. */
        private boolean exact() {
            return partitionKey != null && (root.sortKey() == null ? key.size() == 1 : sortKey != null && key.size() == 2);
        }
    }

    private final Map<Key, EntityEntry> byKey = new LinkedHashMap<>();
    private final Map<Object, EntityEntry> byInstance = new IdentityHashMap<>();
    /** The key of the last lookup that found nothing: the instance is often added under it next (hashed once). */
    private Key missed;
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
        Key k = new Key(meta.root(), key);
        EntityEntry e = byKey.get(k);
        missed = e == null ? k : null;
        return e;
    }

    private Key key(EntityMeta meta, Map<String, AttributeValue> key) {
        Key k = missed;
        missed = null;
        return k != null && k.key == key && k.root == meta.root() ? k : new Key(meta.root(), key);
    }

    /** Starts managing an instance. */
    public EntityEntry add(EntityMeta meta, Object entity, Map<String, AttributeValue> key, EntityEntry.Status status,
                           Map<String, AttributeValue> snapshot) {
        EntityEntry e = new EntityEntry(meta, entity, key, status, snapshot);
        byKey.put(key(meta, key), e);
        byInstance.put(entity, e);
        return e;
    }

    /** Stops managing an instance (detach, or after its delete was written). */
    public void remove(EntityEntry entry) {
        missed = null;
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
        missed = null;
        byKey.clear();
        byInstance.clear();
        links.clear();
    }
}
