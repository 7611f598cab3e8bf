package io.jynamo.internal.cache;

import io.jynamo.internal.metadata.ItemKey;
import io.jynamo.internal.metadata.EntityMeta;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared-cache side of one entity manager's flushes. A written key is invalidated at once (DynamoDB
 * no longer holds the cached item); the item written is kept here and reaches the cache only when the
 * transaction commits, so nothing of a transaction that rolls back is ever cached. Not thread-safe, like
 * the entity manager that owns it.
 */
public final class CacheWrites {

    private final SharedCache cache;
    private final Map<ItemKey, Staged> staged = new LinkedHashMap<>();

    private record Staged(Map<String, AttributeValue> item, long tick) {
    }

    CacheWrites(SharedCache cache) {
        this.cache = cache;
    }

    /** Whether items of this entity can be cached, so that a write should learn the item it leaves behind. */
    public boolean caches(EntityMeta meta) {
        return cache.caches(meta);
    }

    /**
     * A write that DynamoDB accepted.
     *
     * @param item the whole item DynamoDB now holds, or {@code null} for a delete or when it is not known
     */
    public void written(EntityMeta meta, Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        if (!caches(meta)) {
            return;
        }
        long tick = cache.invalidate(meta, key);
        ItemKey k = new ItemKey(meta, key);
        if (item == null) {
            staged.remove(k);
        } else {
            staged.put(k, new Staged(Map.copyOf(item), tick));
        }
    }

    /** A write that failed or may have happened: the cached item, if any, can no longer be trusted. */
    public void failed(EntityMeta meta, Map<String, AttributeValue> key) {
        if (caches(meta)) {
            cache.invalidate(meta, key);
            staged.remove(new ItemKey(meta, key));
        }
    }

    /**
     * The transaction committed: its items go into the cache (unless {@code store} is false, for store
     * mode BYPASS), each only if no later write or eviction of its key happened meanwhile.
     */
    public void publish(boolean store) {
        if (store) {
            staged.forEach((k, s) -> cache.put(k, s.item(), s.tick(), true));
        }
        staged.clear();
    }

    /** The transaction rolled back: nothing it wrote is published. */
    public void discard() {
        staged.clear();
    }
}
