package io.jynamo.internal.cache;

import io.jynamo.internal.metadata.ItemKey;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jynamo.internal.config.UnitConfig;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.Metadata;
import jakarta.persistence.Cache;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SharedCacheMode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The second-level cache of one factory: DynamoDB items (immutable maps), by entity and key, never
 * entity instances; every entity manager makes its own instance from a cached item.
 *
 * <p>Coherence rests on one clock. Every invalidation of a key (a write, a failed write, an eviction)
 * takes the next tick and records it; a reader notes the clock before it reads DynamoDB, and what it
 * read is stored only if the key was not invalidated since. So a slow reader can never put back an item
 * that a writer replaced while the read was on its way, and of two writers of one key only the later
 * one's item is published.
 */
public final class SharedCache implements Cache {

    private final String unit;
    private final Metadata metadata;
    private final SharedCacheMode mode;
    private final boolean consistentReads;
    /** The entities whose items the mode lets in (metadata is per factory, like this cache: found by identity). */
    private final Set<EntityMeta> cached = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final com.github.benmanes.caffeine.cache.Cache<ItemKey, Map<String, AttributeValue>> items;
    /** The tick of the latest invalidation of each recently invalidated key. */
    private final com.github.benmanes.caffeine.cache.Cache<ItemKey, Long> invalidated;
    /** The tick of the latest invalidation of a whole entity. */
    private final Map<String, Long> regions = new ConcurrentHashMap<>();
    /** Loads that started before this tick are not stored: evictAll, or an invalidation record was dropped. */
    private final AtomicLong floor = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    /** Stores hold it shared; whole-entity and whole-cache evictions hold it exclusively. */
    private final ReadWriteLock regionLock = new ReentrantReadWriteLock();

    private SharedCache(String unit, Metadata metadata, SharedCacheMode mode, long maxItems, Long ttlSeconds,
                        boolean consistentReads) {
        this.unit = unit;
        this.metadata = metadata;
        this.mode = mode;
        this.consistentReads = consistentReads;
        for (EntityMeta e : metadata.entities()) {
            boolean yes = switch (mode) {
                case ALL -> true;
                case NONE -> false;
                case DISABLE_SELECTIVE -> !e.uncacheable();
                case ENABLE_SELECTIVE, UNSPECIFIED -> e.cacheable();
            };
            if (yes) {
                cached.add(e);
            }
        }
        // Same-thread maintenance: evictions happen inside the call that caused them, never later on a pool.
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maxItems).executor(Runnable::run);
        if (ttlSeconds != null) {
            builder.expireAfterWrite(Duration.ofSeconds(ttlSeconds));
        }
        this.items = builder.build();
        this.invalidated = Caffeine.newBuilder().maximumSize(Math.max(1_024, maxItems)).executor(Runnable::run)
                .<ItemKey, Long>evictionListener((key, tick, cause) -> floor.accumulateAndGet(tick, Math::max))
                .build();
    }

    /** The cache a unit's settings ask for ({@code jakarta.persistence.sharedCache.mode}, {@code jynamo.cache.*}). */
    public static SharedCache create(UnitConfig config, Metadata metadata) {
        return new SharedCache(config.unit(), metadata, config.sharedCacheMode(), config.cacheMaxItems(),
                config.cacheTtlSeconds(), config.consistentReads());
    }

    /** The mode the unit asked for; {@code UNSPECIFIED} behaves as {@code ENABLE_SELECTIVE}. */
    public SharedCacheMode mode() {
        return mode;
    }

    /** Whether the mode lets this entity's items into the cache. */
    public boolean caches(EntityMeta meta) {
        return !cached.isEmpty() && cached.contains(meta);
    }

    /** A new collector of one entity manager's writes (see {@link CacheWrites}). */
    public CacheWrites writes() {
        return new CacheWrites(this);
    }

    // ---- reading ------------------------------------------------------------------------------------

    /**
     * The item of a key: from the cache when {@code retrieve} allows and it is there, else from
     * {@code load} (which reads DynamoDB and returns {@code null} for no item), stored as {@code store} says.
     */
    public Map<String, AttributeValue> read(EntityMeta meta, Map<String, AttributeValue> key, CacheRetrieveMode retrieve,
                                            CacheStoreMode store, UnaryOperator<Map<String, AttributeValue>> load) {
        if (!caches(meta)) {
            return load.apply(key);
        }
        ItemKey k = new ItemKey(meta, key);
        if (retrieve != CacheRetrieveMode.BYPASS) {
            Map<String, AttributeValue> hit = items.getIfPresent(k);
            if (hit != null) {
                return hit;
            }
        }
        long stamp = stamp();
        Map<String, AttributeValue> item = load.apply(key);
        if (item != null) {
            loaded(new ItemKey(meta, item), meta, item, stamp, store, consistentReads);
        }
        return item;
    }

    /**
     * The items of many keys, in no particular order and without the absent ones: the cached ones and,
     * in one {@code load} of the others, the rest (see {@link #read}).
     */
    public List<Map<String, AttributeValue>> readAll(EntityMeta meta, List<Map<String, AttributeValue>> keys,
                                                     CacheRetrieveMode retrieve, CacheStoreMode store,
                                                     Function<List<Map<String, AttributeValue>>, List<Map<String, AttributeValue>>> load) {
        if (!caches(meta)) {
            return load.apply(keys);
        }
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        List<Map<String, AttributeValue>> missing = keys;
        if (retrieve != CacheRetrieveMode.BYPASS) {
            missing = new ArrayList<>();
            for (Map<String, AttributeValue> key : keys) {
                Map<String, AttributeValue> hit = items.getIfPresent(new ItemKey(meta, key));
                if (hit != null) {
                    found.add(hit);
                } else {
                    missing.add(key);
                }
            }
        }
        if (!missing.isEmpty()) {
            long stamp = stamp();
            for (Map<String, AttributeValue> item : load.apply(missing)) {
                loaded(new ItemKey(meta, item), meta, item, stamp, store, consistentReads);
                found.add(item);
            }
        }
        return found;
    }

    /** The clock, to be noted before a read of DynamoDB whose items go to {@link #loaded}. */
    public long stamp() {
        return clock.get();
    }

    /**
     * Stores an item read from DynamoDB by a read that began at {@code stamp}, unless the key was invalidated
     * since, {@code store} is BYPASS, or the read was eventually consistent (it might be older than the cache).
     * {@code USE} keeps an item already cached; {@code REFRESH} replaces it.
     *
     * @param key the item's key, {@code new ItemKey(meta, item)} (a query page makes it once for the context too)
     */
    public void loaded(ItemKey key, EntityMeta meta, Map<String, AttributeValue> item, long stamp, CacheStoreMode store,
                       boolean consistent) {
        if (store != CacheStoreMode.BYPASS && consistent && caches(meta)) {
            put(key, item, stamp, store == CacheStoreMode.REFRESH);
        }
    }

    void put(ItemKey k, Map<String, AttributeValue> item, long stamp, boolean replace) {
        // What compute would do when an item is cached and may not be replaced (keep it), without its cost:
        // a query that reads cached items again stores nothing.
        if (!replace && items.asMap().containsKey(k)) {
            return;
        }
        Map<String, AttributeValue> copy = Map.copyOf(item);
        regionLock.readLock().lock();
        try {
            items.asMap().compute(k, (key, old) -> invalidatedSince(key, stamp) || old != null && !replace ? old : copy);
        } finally {
            regionLock.readLock().unlock();
        }
    }

    private boolean invalidatedSince(ItemKey k, long stamp) {
        Long region = regions.get(k.entity());
        Long last = invalidated.getIfPresent(k);
        return floor.get() > stamp || region != null && region > stamp || last != null && last > stamp;
    }

    // ---- invalidation --------------------------------------------------------------------------------

    /**
     * Removes a key's item and records the invalidation, so that no read or write that began before can
     * store it again.
     *
     * @return the tick of this invalidation (a write published later with it wins over earlier ones)
     */
    public long invalidate(EntityMeta meta, Map<String, AttributeValue> key) {
        if (!caches(meta)) {
            return 0;
        }
        long[] tick = new long[1];
        // The tick is taken inside the key's atomic section, so a key's ticks are recorded in order.
        items.asMap().compute(new ItemKey(meta, key), (k, old) -> {
            tick[0] = clock.incrementAndGet();
            invalidated.put(k, tick[0]);
            return null;
        });
        return tick[0];
    }

    /**
     * Removes the items of many keys (a bulk UPDATE or DELETE), recording one invalidation of the whole entity
     * instead of one per key: no read or write of the entity that began before stores an item, and items cached
     * under other keys stay. Recording each key cost more than the rest of a bulk DELETE's own work.
     */
    public void invalidate(EntityMeta meta, java.util.Collection<Map<String, AttributeValue>> keys) {
        if (!caches(meta) || keys.isEmpty()) {
            return;
        }
        if (keys.size() == 1) {
            invalidate(meta, keys.iterator().next()); // one key: its own record, and the entity's reads go on storing
            return;
        }
        regionLock.writeLock().lock();
        try {
            regions.put(meta.root().name(), clock.incrementAndGet());
            for (Map<String, AttributeValue> key : keys) {
                items.invalidate(new ItemKey(meta, key));
            }
        } finally {
            regionLock.writeLock().unlock();
        }
    }

    /** Invalidates every item of an entity. */
    public void invalidate(EntityMeta meta) {
        if (!caches(meta)) {
            return;
        }
        regionLock.writeLock().lock();
        try {
            regions.put(meta.root().name(), clock.incrementAndGet());
            items.asMap().keySet().removeIf(k -> k.entity().equals(meta.root().name()));
        } finally {
            regionLock.writeLock().unlock();
        }
    }

    /** Invalidates everything. */
    public void invalidateAll() {
        regionLock.writeLock().lock();
        try {
            floor.accumulateAndGet(clock.incrementAndGet(), Math::max);
            items.invalidateAll();
        } finally {
            regionLock.writeLock().unlock();
        }
    }

    // ---- jakarta.persistence.Cache -------------------------------------------------------------------

    private EntityMeta entity(Class<?> cls) {
        EntityMeta meta = cls == null ? null : metadata.find(cls);
        if (meta == null) {
            throw new IllegalArgumentException((cls == null ? "null" : cls.getName()) + " is not an entity of persistence unit '"
                    + unit + "'");
        }
        return meta;
    }

    /**
     * Whether the cache holds the item of that entity and primary key.
     *
     * @throws IllegalArgumentException if the class is not an entity or the key not of its id type
     */
    @Override
    public boolean contains(Class<?> cls, Object primaryKey) {
        EntityMeta meta = entity(cls);
        return items.getIfPresent(new ItemKey(meta, meta.keyOfId(primaryKey))) != null;
    }

    /**
     * Removes the item of that entity and primary key.
     *
     * @throws IllegalArgumentException if the class is not an entity or the key not of its id type
     */
    @Override
    public void evict(Class<?> cls, Object primaryKey) {
        EntityMeta meta = entity(cls);
        invalidate(meta, meta.keyOfId(primaryKey));
    }

    /**
     * Removes the items of every entity that is this class or a subclass of it.
     *
     * @throws IllegalArgumentException if no entity of the unit is such a class
     */
    @Override
    public void evict(Class<?> cls) {
        List<EntityMeta> matching = new ArrayList<>();
        for (EntityMeta e : metadata.entities()) {
            if (cls != null && cls.isAssignableFrom(e.javaClass())) {
                matching.add(e);
            }
        }
        if (matching.isEmpty()) {
            entity(cls);
        }
        matching.forEach(this::invalidate);
    }

    /** Removes every item. */
    @Override
    public void evictAll() {
        invalidateAll();
    }

    /**
     * This cache, when asked for {@link SharedCache} or {@link Cache}.
     *
     * @throws PersistenceException for any other type
     */
    @Override
    public <T> T unwrap(Class<T> cls) {
        if (cls != null && cls.isInstance(this)) {
            return cls.cast(this);
        }
        throw new PersistenceException("Cannot unwrap the shared cache of persistence unit '" + unit + "' to "
                + (cls == null ? "null" : cls.getName()));
    }

    @Override
    public String toString() {
        return "SharedCache[" + unit + ", " + mode + ", " + items.estimatedSize() + " items]";
    }
}
