package io.jynamo.internal.context;

import io.jynamo.internal.cache.SharedCache;
import io.jynamo.internal.dynamo.AttributeValues;
import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.ItemKey;
import io.jynamo.internal.proxy.Instances;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.PostLoad;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import io.jynamo.internal.metadata.AssociationMeta;
import jakarta.persistence.FetchType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Supplier;
import java.util.HashSet;
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
        return materialise(meta, item, new ItemKey(meta, item));
    }

    /** {@link #materialise(EntityMeta, Map)} of an item whose key was made already ({@code new ItemKey(meta, item)}). */
    public Object materialise(EntityMeta meta, Map<String, AttributeValue> item, ItemKey key) {
        meta = meta.concrete(item);
        EntityEntry entry = context.entry(key);
        if (entry != null) {
            if (entry.unread()) {
                fill(entry, item);
            }
            return entry.entity();
        }
        Object entity = instances.create(meta);
        meta.load(entity, item);
        context.add(meta, entity, key, EntityEntry.Status.MANAGED, item);
        associate(meta, entity, item);
        instances.clean(entity);
        meta.fire(PostLoad.class, entity);
        return entity;
    }

    /** Loads an item into the instance of an entry (an unread reference, a refresh) and makes it clean. */
    public void fill(EntityEntry entry, Map<String, AttributeValue> item) {
        // An unloaded reference filled here must not run its own loader (a second GetItem) on the first setter.
        instances.markLoaded(entry.entity());
        entry.meta().load(entry.entity(), item);
        associate(entry.meta(), entry.entity(), item);
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
        Map<ItemKey, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
        for (EntityMeta t : tables) {
            for (Dynamo.TableItem item : found) {
                if (item.table().equals(t.tableName())) {
                    byKey.putIfAbsent(ItemKey.canonical(t, item.item()), t.fromOwnTable(item.item()));
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
        // Keys are compared as ItemKeys, hashed once from their values (a key map's own hash hashes every member of
        // each AttributeValue); the codecs write numbers as DynamoDB returns them, so an asked key matches its item's.
        List<ItemKey> asked = new ArrayList<>(keys.size());
        Map<ItemKey, Map<String, AttributeValue>> missing = new LinkedHashMap<>();
        for (Map<String, AttributeValue> key : keys) {
            ItemKey k = new ItemKey(meta, key);
            asked.add(k);
            EntityEntry entry = context.entry(k);
            if (entry == null || entry.unread()) {
                missing.putIfAbsent(k, key);
            }
        }
        Set<ItemKey> found = new HashSet<>();
        if (!missing.isEmpty()) {
            for (Map<String, AttributeValue> item : readAll(meta, new ArrayList<>(missing.values()), retrieve, store)) {
                ItemKey k = new ItemKey(meta, item);
                materialise(meta, item, k);
                found.add(k);
            }
            resolvePending();
        }
        List<Object> result = new ArrayList<>(keys.size());
        for (ItemKey k : asked) {
            EntityEntry entry = context.entry(k);
            if (entry != null && entry.status() != EntityEntry.Status.REMOVED && meta.isSameOrSuperOf(entry.meta())
                    && (!missing.containsKey(k) || found.contains(k))) {
                result.add(entry.entity());
            }
        }
        return result;
    }

    /** {@link #findAll(EntityMeta, List, CacheRetrieveMode, CacheStoreMode)} in the entity manager's cache modes. */
    public List<Object> findAll(EntityMeta meta, List<Map<String, AttributeValue>> keys) {
        return findAll(meta, keys, retrieveMode.get(), storeMode.get());
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
        if (!dangling.isEmpty() && dangling.remove(reference)) {
            throw new EntityNotFoundException("No " + meta.describe(key) + " exists (lazy reference of a relationship;"
                    + " the item it refers to was deleted)");
        }
        Set<Object> group = references.get(meta.root());
        Map<String, AttributeValue> item = group != null && group.remove(reference) && !group.isEmpty()
                ? readTogether(reference, meta, key, group, retrieve, store)
                : read(meta, key, retrieve, store);
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
        resolvePending();
    }

    // ---- Relationships -------------------------------------------------------------------------------

    /** Unloaded references this loader made for to-one relationships, by target table: initialised together. */
    private final Map<EntityMeta, Set<Object>> references = new HashMap<>();
    /** References a batch found no item for: touching one throws without another call. */
    private Set<Object> dangling = Set.of(); // made when one is found: most entity managers meet none
    /** EAGER to-one targets of entities loaded since the last {@link #resolvePending()}. */
    private final List<Pending> eager = new ArrayList<>();
    private Supplier<CacheRetrieveMode> retrieveMode = () -> CacheRetrieveMode.USE;
    private Supplier<CacheStoreMode> storeMode = () -> CacheStoreMode.USE;

    /** An eager target to read: its reference, or {@code null} for a target of an entity hierarchy (made once read). */
    private record Pending(Object owner, AssociationMeta association, Object reference, Map<String, AttributeValue> key) {
    }

    /** The session's cache modes, which the loads of relationships use. */
    public void cacheModes(Supplier<CacheRetrieveMode> retrieve, Supplier<CacheStoreMode> store) {
        this.retrieveMode = retrieve;
        this.storeMode = store;
    }

    /**
     * Sets the relationship attributes of an entity just loaded from its item: an owning to-one side to the
     * managed target or a reference (EAGER ones are read together by {@link #resolvePending()}), a to-many
     * side to a {@link RelationCollection} that loads on first use, an inverse one-to-one side by one Query.
     */
    private void associate(EntityMeta meta, Object entity, Map<String, AttributeValue> item) {
        for (AssociationMeta a : meta.associations()) {
            if (a.owningToOne()) {
                Map<String, AttributeValue> key = a.targetKeyOf(item);
                a.accessor().set(entity, key == null ? null : toOne(a, entity, key));
            } else if (a.toMany()) {
                a.accessor().set(entity, RelationCollection.of(a, () -> {
                    requireManaged(a, entity);
                    return a.linkTable() != null ? linked(a, entity, true) : inverse(a, entity, true);
                }));
            } else {
                List<Object> found = inverse(a, entity, true);
                a.accessor().set(entity, found.isEmpty() ? null : found.get(0));
            }
        }
    }

    /**
     * The key under which {@link PersistenceContext#storedLinks} keeps the targets an orphanRemoval side held
     * when loaded (apart from a link table's own stored links, which use the association itself).
     */
    public static Object orphanBase(AssociationMeta a) {
        return List.of("orphans", a);
    }

    private void noteLoaded(AssociationMeta a, Object owner, List<Object> targets) {
        if (a.orphanRemoval() || a.foreignKeyOnTarget()) {
            Set<Map<String, AttributeValue>> keys = new LinkedHashSet<>();
            for (Object t : targets) {
                EntityEntry e = context.entry(t);
                if (e != null) {
                    keys.add(AttributeValues.canonicalKey(e.key()));
                }
            }
            if (a.orphanRemoval()) {
                context.storedLinks(owner, orphanBase(a), keys);
            }
            if (a.foreignKeyOnTarget()) {
                // The children whose items name this owner: the flush compares the collection with them.
                context.storedLinks(owner, a, new LinkedHashSet<>(keys));
            }
        }
    }

    /**
     * The children whose items store the owner's key, for a {@link AssociationMeta#foreignKeyOnTarget()} side whose
     * collection was replaced (or whose owner is removed) before it was loaded: one Query, the children managed.
     */
    public List<Object> storedChildren(AssociationMeta a, Object owner) {
        List<Object> children = new ArrayList<>(storedTargets(a, owner, true));
        children.removeIf(java.util.Objects::isNull); // an ordered list's gaps
        return children;
    }

    /**
     * The targets DynamoDB holds for a managed owner's to-many relationship, read now (one Query, then the targets not
     * managed yet), whatever its collection in memory holds; nothing the flush compares collections with changes. An
     * ordered list's gaps are nulls, so that each target is at its position; a keyed map gives its values.
     * An inverse side's collection in memory is the application's (JPA keeps it in step only when the application
     * does), while a query answers what is stored.
     */
    public List<Object> storedTargets(AssociationMeta a, Object owner) {
        return storedTargets(a, owner, false);
    }

    /** @param note whether the flush compares the collection with what was read (see {@link #noteLoaded}) */
    private List<Object> storedTargets(AssociationMeta a, Object owner, boolean note) {
        List<Object> targets = new ArrayList<>();
        for (Object element : a.linkTable() != null ? linked(a, owner, note) : inverse(a, owner, note)) {
            targets.add(element instanceof Map.Entry<?, ?> e ? e.getValue() : element); // a keyed map's entries
        }
        return targets;
    }

    /** A collection loads through its owner's persistence context: not once the owner is detached (or it is closed). */
    private void requireManaged(AssociationMeta a, Object owner) {
        if (context.entry(owner) == null) {
            throw new jakarta.persistence.PersistenceException("Cannot load '" + a.name() + "' of a detached "
                    + a.owner().name() + " (its EntityManager was closed or cleared, or it was detached): the collection"
                    + " was never loaded. Touch it (size()) or PersistenceUnitUtil.load(entity, \"" + a.name() + "\")"
                    + " while the entity is managed, or merge the entity into an open EntityManager and read it there");
        }
    }

    private Object toOne(AssociationMeta a, Object owner, Map<String, AttributeValue> key) {
        EntityEntry entry = context.entry(a.target(), key);
        if (entry != null) {
            return entry.entity();
        }
        if (a.target().hasEntitySubclasses()) {
            // The key does not say which class of the hierarchy the target is: no reference can stand for it,
            // so it is read (in the batch of eager targets) even when the relationship is LAZY.
            eager.add(new Pending(owner, a, null, key));
            return null;
        }
        Object reference = reference(a.target(), key);
        if (a.fetch() == FetchType.EAGER) {
            eager.add(new Pending(owner, a, reference, key));
        }
        return reference;
    }

    /**
     * The managed instance of a key, or a new lazy reference to it (no call) that is initialised together
     * with the other unloaded references of its table when first touched.
     */
    public Object reference(EntityMeta target, Map<String, AttributeValue> key) {
        ItemKey itemKey = new ItemKey(target, key);
        EntityEntry entry = context.entry(itemKey);
        if (entry != null) {
            return entry.entity();
        }
        Object reference = instances.reference(target, target.idOfKey(key),
                r -> loadReference(r, target, key, retrieveMode.get(), storeMode.get()));
        context.add(target, reference, itemKey, key, EntityEntry.Status.MANAGED, null);
        references.computeIfAbsent(target.root(), k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(reference);
        return reference;
    }

    /**
     * Reads a reference being touched together with up to 99 other unloaded references of the same table
     * (one BatchGetItem), so that touching each target of a list of owners costs one call per 100.
     */
    private Map<String, AttributeValue> readTogether(Object reference, EntityMeta meta, Map<String, AttributeValue> key,
                                                     Set<Object> group, CacheRetrieveMode retrieve, CacheStoreMode store) {
        List<EntityEntry> others = new ArrayList<>();
        for (Iterator<Object> it = group.iterator(); it.hasNext() && others.size() < Dynamo.GET_BATCH - 1; ) {
            EntityEntry other = context.entry(it.next());
            it.remove();
            if (other != null && other.unread()) {
                others.add(other);
            }
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(key);
        others.forEach(o -> keys.add(o.key()));
        Map<ItemKey, Map<String, AttributeValue>> found = byKey(meta, readAll(meta, keys, retrieve, store));
        for (EntityEntry other : others) {
            Map<String, AttributeValue> item = found.get(ItemKey.canonical(meta, other.key()));
            if (item != null && other.meta().accepts(item)) {
                fill(other, item);
            } else {
                if (dangling.isEmpty()) {
                    dangling = Collections.newSetFromMap(new IdentityHashMap<>());
                }
                dangling.add(other.entity());
            }
        }
        return found.get(ItemKey.canonical(meta, key));
    }

    private static Map<ItemKey, Map<String, AttributeValue>> byKey(EntityMeta meta, List<Map<String, AttributeValue>> items) {
        Map<ItemKey, Map<String, AttributeValue>> byKey = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            byKey.put(ItemKey.canonical(meta, item), item);
        }
        return byKey;
    }

    /**
     * JOIN FETCH: loads the named associations of managed owners. To-one targets not loaded yet are read
     * together, 100 keys a BatchGetItem (touching one reference reads its group); a collection is one Query
     * per owner (its index or link table), the floor for index loads.
     */
    public void fetch(List<?> owners, List<String> associations) {
        for (String name : associations) {
            for (Object owner : owners) {
                Object value = associationValue(owner, name);
                if (value instanceof java.util.Collection<?> || value instanceof Map<?, ?>) {
                    RelationCollection.elements(value).size(); // a relationship collection loads on first use
                } else if (value != null) {
                    instances.load(value);
                }
            }
        }
    }

    /** The targets the managed owners' relationship of that name holds (a collection's elements, a to-one's target). */
    public List<Object> targets(List<?> owners, String name) {
        List<Object> targets = new ArrayList<>();
        for (Object owner : owners) {
            Object value = associationValue(owner, name);
            if (value instanceof java.util.Collection<?> || value instanceof Map<?, ?>) {
                targets.addAll(RelationCollection.elements(value));
            } else if (value != null) {
                targets.add(value);
            }
        }
        return targets;
    }

    /** The value of a managed owner's relationship of that name, or {@code null} (none, or not managed). */
    /** The value of a managed owner's relationship attribute (a collection, a target, or null); null for an unmanaged one. */
    public Object associationValue(Object owner, String name) {
        EntityEntry entry = owner == null ? null : context.entry(owner);
        AssociationMeta a = entry == null ? null : entry.meta().association(name);
        return a == null ? null : a.accessor().get(owner);
    }

    /**
     * An entity graph's relationships of managed owners, as {@link #fetch(List, List)} loads them, then its
     * subgraphs' of the targets.
     */
    public void fetch(List<?> owners, io.jynamo.internal.graph.GraphImpl<?> graph) {
        Map<String, io.jynamo.internal.graph.GraphImpl<?>> nodes = graph.fetches();
        fetch(owners, new ArrayList<>(nodes.keySet()));
        nodes.forEach((name, sub) -> {
            if (sub == null) {
                return;
            }
            List<Object> targets = targets(owners, name);
            if (!targets.isEmpty()) {
                fetch(targets, sub);
            }
        });
    }

    /**
     * Loads the EAGER to-one targets of the entities loaded since the last call: per target table, one
     * BatchGetItem per 100 distinct keys not loaded yet. A target DynamoDB does not hold (a dangling
     * reference) is set to {@code null} on its owner, as the spec wants of an eager relationship.
     */
    public void resolvePending() {
        while (!eager.isEmpty()) {
            List<Pending> batch = new ArrayList<>(eager);
            eager.clear();
            Map<EntityMeta, List<Pending>> byTable = new LinkedHashMap<>();
            for (Pending p : batch) {
                byTable.computeIfAbsent(p.association().target().root(), k -> new ArrayList<>()).add(p);
            }
            for (Map.Entry<EntityMeta, List<Pending>> t : byTable.entrySet()) {
                EntityMeta table = t.getKey();
                // Distinct keys by ItemKey (hashed once from the key's values, not through AttributeValue.hashCode).
                Map<ItemKey, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
                List<Pending> pending = t.getValue();
                ItemKey[] canonical = new ItemKey[pending.size()]; // of the targets read: made once, looked up below
                for (int i = 0; i < pending.size(); i++) {
                    Pending p = pending.get(i);
                    EntityEntry entry = p.reference() == null ? context.entry(p.association().target(), p.key())
                            : context.entry(p.reference());
                    if (entry == null && p.reference() == null || entry != null && entry.unread()) {
                        canonical[i] = ItemKey.canonical(table, p.key());
                        keys.putIfAbsent(canonical[i], p.key());
                    }
                }
                if (keys.isEmpty()) {
                    placeManaged(t.getValue());
                    continue;
                }
                Map<ItemKey, Map<String, AttributeValue>> found =
                        byKey(table, readAll(table, new ArrayList<>(keys.values()), retrieveMode.get(), storeMode.get()));
                Set<Object> group = references.getOrDefault(table, Set.of());
                for (int i = 0; i < pending.size(); i++) {
                    Pending p = pending.get(i);
                    // Only a pending target that was read can have an item; the others are managed and set as such.
                    Map<String, AttributeValue> item = canonical[i] == null ? null : found.get(canonical[i]);
                    if (p.reference() == null) {
                        // A target of an entity hierarchy: materialised as the class its item names.
                        EntityEntry known = context.entry(p.association().target(), p.key());
                        if (known != null && !known.unread()) {
                            p.association().accessor().set(p.owner(), known.entity());
                        } else if (item != null && p.association().target().accepts(item)) {
                            p.association().accessor().set(p.owner(), materialise(p.association().target(), item));
                        } else {
                            dangling(p);
                        }
                        continue;
                    }
                    EntityEntry entry = context.entry(p.reference());
                    if (entry == null || !entry.unread()) {
                        continue;
                    }
                    group.remove(p.reference());
                    if (item != null && entry.meta().accepts(item)) {
                        fill(entry, item);
                    } else {
                        context.remove(entry);
                        dangling(p);
                    }
                }
            }
        }
    }

    /** Targets of hierarchies already managed when their batch came: set without a read. */
    private void placeManaged(List<Pending> pending) {
        for (Pending p : pending) {
            if (p.reference() == null) {
                EntityEntry known = context.entry(p.association().target(), p.key());
                if (known != null) {
                    p.association().accessor().set(p.owner(), known.entity());
                }
            }
        }
    }

    /** An eager target DynamoDB does not hold: null on its owner, and reading it is no change of the owner. */
    private void dangling(Pending p) {
        p.association().accessor().set(p.owner(), null);
        EntityEntry owner = context.entry(p.owner());
        if (owner != null && owner.snapshot() != null) {
            Map<String, AttributeValue> snapshot = new LinkedHashMap<>(owner.snapshot());
            p.association().joinColumns().forEach(c -> snapshot.remove(c.storedName()));
            owner.snapshot(snapshot);
        }
    }

    /**
     * The targets of an inverse side ({@code mappedBy}) of one owner: one Query (following its pages) on the
     * target's table by the owning side's foreign key, through its foreign-key index; removed ones left out.
     */
    /** @param note whether the flush compares the collection with what was read (see {@link #noteLoaded}) */
    private List<Object> inverse(AssociationMeta a, Object owner, boolean note) {
        EntityMeta child = a.target();
        EntityEntry ownerEntry = context.entry(owner);
        Map<String, AttributeValue> ownerKey = ownerEntry != null ? ownerEntry.key() : a.owner().keyOf(owner);
        List<Object> result = new ArrayList<>();
        List<AttributeValue> beside = new ArrayList<>();
        // A global index: eventually consistent, whatever the unit's consistent-read setting.
        for (Map<String, AttributeValue> item : dynamo.queryAll(a.inverseQuery(ownerKey).build())) {
            if (!child.accepts(item) || Expiry.expired(child, item)) {
                continue;
            }
            ItemKey key = new ItemKey(child, item);
            EntityEntry known = context.entry(key);
            if (known != null && known.status() == EntityEntry.Status.REMOVED) {
                continue;
            }
            result.add(materialise(child, item, key));
            if (a.besideColumn() != null) {
                beside.add(item.get(a.besideColumn()));
            }
        }
        resolvePending();
        if (a.orderBy() != null) {
            result.sort(OrderBy.comparator(child, a.orderBy()));
        }
        if (note) {
            noteLoaded(a, owner, result);
        }
        if (a.orderColumn() != null) {
            return placed(a, result, beside);
        }
        if (a.mapKeyColumn() != null) {
            return entries(a, result, beside);
        }
        return result;
    }

    /**
     * An ordered list ({@code @OrderColumn}) from its elements and their stored positions: each element at
     * its position, {@code null} where no element has one (a gap, as JPA providers read one). An element
     * without a position (stored before the order column existed), or whose position another element holds
     * already, goes after the ones placed so far; the next flush stores the positions the list then has.
     */
    private static List<Object> placed(AssociationMeta a, List<Object> elements, List<AttributeValue> positions) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            order.add(i);
        }
        List<Integer> at = new ArrayList<>();
        for (AttributeValue p : positions) {
            at.add(position(a, p));
        }
        order.sort(java.util.Comparator.comparing(i -> at.get(i) == null ? Integer.MAX_VALUE : at.get(i)));
        List<Object> list = new ArrayList<>(elements.size());
        for (int i : order) {
            Integer p = at.get(i);
            while (p != null && list.size() < p) {
                list.add(null);
            }
            list.add(elements.get(i));
        }
        return list;
    }

    private static Integer position(AssociationMeta a, AttributeValue stored) {
        if (stored == null || stored.n() == null) {
            return null;
        }
        try {
            int p = new java.math.BigDecimal(stored.n()).intValueExact();
            if (p < 0) {
                throw new ArithmeticException();
            }
            return p;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new jakarta.persistence.PersistenceException(a.owner().name() + "." + a.name() + ": a stored position '"
                    + a.orderColumn() + "' = " + stored.n() + " is not a list index (a non-negative int); fix the item");
        }
    }

    /**
     * A keyed map's entries ({@code @MapKeyColumn}, {@code @MapKeyJoinColumn}) from its targets and their stored
     * keys; a target without a stored key is left out (a map cannot hold it).
     */
    private List<Object> entries(AssociationMeta a, List<Object> targets, List<AttributeValue> keys) {
        List<Object> entries = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            AttributeValue k = keys.get(i);
            if (k == null || Boolean.TRUE.equals(k.nul()) || targets.get(i) == null) {
                continue;
            }
            Object key = a.mapKeyEntity() != null
                    ? reference(a.mapKeyEntity(), Map.of(a.mapKeyEntity().partitionKey().storedName(), k))
                    : a.basicMapKey(k);
            entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>(key, targets.get(i)));
        }
        return entries;
    }

    /**
     * The targets of a link-table side of one owner: one Query on the link table (its index for the inverse
     * side of a {@code @ManyToMany}), then the targets not managed yet in BatchGetItem calls of 100; targets
     * whose items are gone are left out (an ordered list keeps their positions as {@code null}). An ordered
     * list places each target at its stored position, a keyed map under its stored key.
     */
    private List<Object> linked(AssociationMeta a, Object owner, boolean note) {
        EntityEntry ownerEntry = context.entry(owner);
        List<Map<String, AttributeValue>> rows = linkRows(a, ownerEntry != null ? ownerEntry.key() : a.owner().keyOf(owner));
        if (note && a.linkOwner()) {
            Set<Map<String, AttributeValue>> stored = new LinkedHashSet<>();
            rows.forEach(r -> stored.add(linkRow(a, r)));
            context.storedLinks(owner, a, stored);
        }
        String theirs = a.linkTarget().storedName();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> row : rows) {
            keys.add(a.target().root().keyOfLinkValue(row.get(theirs)));
        }
        List<Object> result = new ArrayList<>(findAll(a.target(), keys));
        if (a.orderBy() != null) {
            result.sort(OrderBy.comparator(a.target(), a.orderBy()));
        }
        if (note) {
            noteLoaded(a, owner, result);
        }
        String beside = a.linkOwner() ? a.besideColumn() : null;
        if (beside == null) {
            return result;
        }
        Set<Object> found = Collections.newSetFromMap(new IdentityHashMap<>());
        found.addAll(result);
        List<Object> each = new ArrayList<>(rows.size());
        List<AttributeValue> stored = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            EntityEntry t = context.entry(a.target(), keys.get(i));
            each.add(t != null && found.contains(t.entity()) ? t.entity() : null);
            stored.add(rows.get(i).get(beside));
        }
        return a.orderColumn() != null ? placed(a, each, stored) : entries(a, each, stored);
    }

    /**
     * One stored link of an owning link-table side as {@code LinkWrites} compares them: its sort key (the
     * target's key, position or map key) and the target's key, by column name, canonical.
     */
    public static Map<String, AttributeValue> linkRow(AssociationMeta a, Map<String, AttributeValue> item) {
        String sort = a.linkTable().sortKey().storedName();
        String target = a.linkTarget().storedName();
        Map<String, AttributeValue> row = new LinkedHashMap<>();
        row.put(sort, item.get(sort));
        row.put(target, item.get(target));
        return AttributeValues.canonicalKey(row);
    }

    /**
     * The items a link table holds for one owner key: one Query (and its pages) by partition key, or on the
     * inverted index for the inverse side of a {@code @ManyToMany}.
     */
    public List<Map<String, AttributeValue>> linkRows(AssociationMeta a, Map<String, AttributeValue> ownerKey) {
        EntityMeta link = a.linkTable();
        String mine = (a.linkOwner() ? link.partitionKey() : a.inverse().linkTarget()).storedName();
        String index = a.linkOwner() ? null : link.indexes().get(0).name();
        AttributeValue value = a.owner().root().linkValue(ownerKey);
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        for (Map<String, AttributeValue> item : linkItems(link, index, mine, value, consistentReads)) {
            if (item.get(a.linkTarget().storedName()) != null) {
                rows.add(item);
            }
        }
        return rows;
    }

    /**
     * The items of a link table whose {@code column} holds {@code value}: one Query (and its pages) of the table,
     * or of its inverted index ({@code index}) when the column is the target's. Either end of a link reads here.
     */
    public List<Map<String, AttributeValue>> linkItems(EntityMeta link, String index, String column, AttributeValue value,
                                                       boolean consistent) {
        return dynamo.queryAll(QueryRequest.builder().tableName(link.tableName()).indexName(index)
                .keyConditionExpression("#k = :k").expressionAttributeNames(Map.of("#k", column))
                .expressionAttributeValues(Map.of(":k", value)).consistentRead(index == null && consistent).build());
    }
}
