package io.jynamo.internal.context;

import io.jynamo.internal.cache.SharedCache;
import io.jynamo.internal.dynamo.AttributeValues;
import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.proxy.Instances;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.PostLoad;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one way items become managed instances, for find, findAll, refresh, queries and lazy references:
 * reads by key (through the second-level cache when the modes allow), and materialises or fills the
 * instance of a persistence context, firing {@code @PostLoad}.
 */
public final class EntityLoader {

    private final PersistenceContext context;
    private final Instances instances;
    private final SharedCache cache;
    private final Dynamo dynamo;
    private final boolean consistentReads;

    public EntityLoader(PersistenceContext context, Instances instances, SharedCache cache, Dynamo dynamo,
                        boolean consistentReads) {
        this.context = context;
        this.instances = instances;
        this.cache = cache;
        this.dynamo = dynamo;
        this.consistentReads = consistentReads;
    }

    /**
     * The managed instance of a found item: the one already in the context (JPA's identity guarantee),
     * or a new one loaded from the item, of the entity class its discriminator names (which may be a
     * subclass of {@code meta}'s in an entity hierarchy).
     */
    public Object materialise(EntityMeta meta, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = meta.keyOfItem(item);
        meta = meta.concrete(item);
        EntityEntry entry = context.entry(meta, key);
        if (entry != null) {
            if (entry.unread()) {
                fill(entry, item);
            }
            return entry.entity();
        }
        Object entity = instances.create(meta);
        meta.load(entity, item);
        instances.clean(entity);
        context.add(meta, entity, key, EntityEntry.Status.MANAGED, item);
        meta.fire(PostLoad.class, entity);
        return entity;
    }

    /** Loads an item into the instance of an entry (an unread reference, a refresh) and makes it clean. */
    public void fill(EntityEntry entry, Map<String, AttributeValue> item) {
        // An unloaded reference filled here must not run its own loader (a second GetItem) on the first setter.
        instances.markLoaded(entry.entity());
        entry.meta().load(entry.entity(), item);
        instances.clean(entry.entity());
        entry.snapshot(item);
        entry.meta().fire(PostLoad.class, entry.entity());
    }

    /**
     * One item by key: from the shared cache when the modes allow, else one GetItem; {@code null} if none
     * or if it has expired ({@link Expiry}: DynamoDB may still hold it for days).
     */
    public Map<String, AttributeValue> read(EntityMeta meta, Map<String, AttributeValue> key,
                                            CacheRetrieveMode retrieve, CacheStoreMode store) {
        Map<String, AttributeValue> item = cache.read(meta, key, retrieve, store, k -> get(meta, k));
        return Expiry.expired(meta, item) ? null : item;
    }

    /**
     * One GetItem, or, when several tables may hold the key (TABLE_PER_CLASS), one BatchGetItem naming each
     * of them: the item found is of the class whose table holds it (its discriminator says which).
     */
    private Map<String, AttributeValue> get(EntityMeta meta, Map<String, AttributeValue> key) {
        List<EntityMeta> tables = meta.tables();
        if (tables.size() == 1) {
            return tables.get(0).fromOwnTable(dynamo.get(tables.get(0).tableName(), key, consistentReads));
        }
        List<Map<String, AttributeValue>> found = batchGet(tables, List.of(key));
        return found.isEmpty() ? null : found.get(0);
    }

    private List<Map<String, AttributeValue>> batchGet(List<EntityMeta> tables, List<Map<String, AttributeValue>> keys) {
        if (tables.size() == 1) {
            List<Map<String, AttributeValue>> items = dynamo.batchGet(tables.get(0).tableName(), keys, consistentReads, null, null);
            return tables.get(0).tablePerClass() ? items.stream().map(tables.get(0)::fromOwnTable).toList() : items;
        }
        Map<String, List<Map<String, AttributeValue>>> byTable = new LinkedHashMap<>();
        for (EntityMeta t : tables) {
            byTable.put(t.tableName(), keys);
        }
        List<Dynamo.TableItem> found = dynamo.batchGet(byTable, consistentReads);
        // DynamoDB does not keep keys unique across sibling tables: should two hold one, the item of the table
        // listed first (the entity nearest the root, in the unit's order) wins, every time.
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
        for (EntityMeta t : tables) {
            for (Dynamo.TableItem item : found) {
                if (item.table().equals(t.tableName())) {
                    byKey.putIfAbsent(AttributeValues.canonicalKey(t.keyOfItem(item.item())), t.fromOwnTable(item.item()));
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * Items by key, in no particular order, misses and expired items left out: what the shared cache lacks
     * in BatchGetItem calls.
     */
    public List<Map<String, AttributeValue>> readAll(EntityMeta meta, List<Map<String, AttributeValue>> keys,
                                                     CacheRetrieveMode retrieve, CacheStoreMode store) {
        List<Map<String, AttributeValue>> items = cache.readAll(meta, keys, retrieve, store,
                toRead -> batchGet(meta.tables(), toRead));
        if (meta.timeToLive() == null) {
            return items;
        }
        List<Map<String, AttributeValue>> live = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            if (!Expiry.expired(meta, item)) {
                live.add(item);
            }
        }
        return live;
    }

    /**
     * The managed instances of many keys, in the keys' order, misses and removed ones left out: managed and
     * read ones need no call, the rest are read in BatchGetItem calls of 100 (what the cache lacks).
     */
    public List<Object> findAll(EntityMeta meta, List<Map<String, AttributeValue>> keys,
                                CacheRetrieveMode retrieve, CacheStoreMode store) {
        Set<Map<String, AttributeValue>> missing = new LinkedHashSet<>();
        for (Map<String, AttributeValue> key : keys) {
            EntityEntry entry = context.entry(meta, key);
            if (entry == null || entry.unread()) {
                missing.add(key);
            }
        }
        Set<Map<String, AttributeValue>> found = new HashSet<>();
        if (!missing.isEmpty()) {
            for (Map<String, AttributeValue> item : readAll(meta, new ArrayList<>(missing), retrieve, store)) {
                materialise(meta, item);
                found.add(meta.keyOfItem(item));
            }
        }
        List<Object> result = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            EntityEntry entry = context.entry(meta, key);
            if (entry != null && entry.status() != EntityEntry.Status.REMOVED && meta.isSameOrSuperOf(entry.meta())
                    && (!missing.contains(key) || found.contains(key))) {
                result.add(entry.entity());
            }
        }
        return result;
    }

    /**
     * Loads a lazy reference on first use of its state: one read by key, unless find() or refresh()
     * already read it (reading again would cost a call and overwrite what the application changed since).
     *
     * @throws EntityNotFoundException when DynamoDB holds no item of that key
     */
    public void loadReference(Object reference, EntityMeta meta, Map<String, AttributeValue> key,
                              CacheRetrieveMode retrieve, CacheStoreMode store) {
        EntityEntry managed = context.entry(reference);
        if (managed != null && managed.snapshot() != null) {
            return;
        }
        Map<String, AttributeValue> item = read(meta, key, retrieve, store);
        if (item == null || !meta.accepts(item)) {
            throw new EntityNotFoundException("No " + meta.describe(key) + " exists (lazy reference)"
                    + (item == null ? "" : ": the item of that key is a " + meta.concrete(item).name()));
        }
        EntityEntry e = context.entry(reference);
        if (e != null) {
            fill(e, item);
        } else {
            meta.load(reference, item);
        }
    }
}
