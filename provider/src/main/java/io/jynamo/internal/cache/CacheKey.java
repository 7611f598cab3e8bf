package io.jynamo.internal.cache;

import io.jynamo.internal.dynamo.AttributeValues;
import io.jynamo.internal.metadata.EntityMeta;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Where one item lives in the shared cache: its root entity (the entities of one SINGLE_TABLE hierarchy
 * share their table and so their keys) and the values of its key attributes. Made from a key or from a
 * whole item alike (only the key's values are kept), and hashed once: a store looks it up in two caches.
 */
final class CacheKey {

    private final String entity;
    private final AttributeValue partitionKey;
    private final AttributeValue sortKey;
    private final int hash;

    /** The key of an item of {@code meta}'s hierarchy, taken from its key attributes or from the whole item. */
    CacheKey(EntityMeta meta, Map<String, AttributeValue> keyOrItem) {
        EntityMeta root = meta.root();
        this.entity = root.name();
        this.partitionKey = keyOrItem.get(root.partitionKey().storedName());
        this.sortKey = root.sortKey() == null ? null : keyOrItem.get(root.sortKey().storedName());
        this.hash = (31 * entity.hashCode() + AttributeValues.valueHash(partitionKey)) * 31
                + AttributeValues.valueHash(sortKey);
    }

    String entity() {
        return entity;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof CacheKey k && hash == k.hash && entity.equals(k.entity)
                && AttributeValues.equalValues(partitionKey, k.partitionKey) && AttributeValues.equalValues(sortKey, k.sortKey);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "CacheKey[" + entity + ", " + partitionKey + (sortKey == null ? "" : ", " + sortKey) + "]";
    }
}
