package io.jynamo.internal.context;

import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.ItemKey;
import io.jynamo.internal.proxy.Instances;
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

    private final Instances instances;
    private Map<ItemKey, EntityEntry> byKey = new LinkedHashMap<>();
    /**
     * The entries of instances that carry no entry of their own ({@link Instances#attach}): plain objects, or an
     * instance another live context manages too. A proxy carries its entry, and is not hashed.
     */
    private Map<Object, EntityEntry> byInstance = Map.of();
    /**
     * Entries of such instances not hashed into {@link #byInstance} yet: an identity hash costs a call into the VM
     * for each new object, and a bulk persist never asks by instance, so they are hashed at the first lookup that does.
     */
    private List<EntityEntry> unhashed = List.of();
    /** Whether an entry was attached to its instance (a proxy) since the last {@link #clear}. */
    private boolean attachedAny;
    /** Whether an entity with relationships joined since the last {@link #clear}. */
    private boolean related;
    /** Per owner and link-table relationship: the target keys its link table holds, as far as this context knows. */
    private Map<Object, Map<Object, java.util.Set<Map<String, AttributeValue>>>> links = Map.of();

    public PersistenceContext(Instances instances) {
        this.instances = instances;
    }

    /** The target keys the link table holds for an owner's relationship, or {@code null} when not known. */
    public java.util.Set<Map<String, AttributeValue>> storedLinks(Object owner, Object association) {
        Map<Object, java.util.Set<Map<String, AttributeValue>>> of = links.isEmpty() ? null : links.get(owner);
        return of == null ? null : of.get(association);
    }

    /** Records what the link table holds (or will hold once the flush is written) for an owner's relationship. */
    public void storedLinks(Object owner, Object association, java.util.Set<Map<String, AttributeValue>> keys) {
        if (links.isEmpty()) {
            links = new IdentityHashMap<>(); // made at the first use: most contexts never need one
        }
        links.computeIfAbsent(owner, o -> new java.util.HashMap<>()).put(association, keys);
    }

    /**
     * Makes room for {@code more} entries about to join an empty context (a page of a query, a batch read), so that
     * its table is made once rather than doubled again and again as they come.
     */
    public void expect(int more) {
        if (more > 12 && byKey.isEmpty()) {
            byKey = new LinkedHashMap<>((int) (more / 0.75f) + 1);
        }
    }

    /** The entry of an instance, or {@code null} if it is not managed. */
    public EntityEntry entry(Object entity) {
        EntityEntry e = attachedEntry(entity);
        if (e != null) {
            return e;
        }
        if (!unhashed.isEmpty()) {
            hashUnhashed();
        }
        return byInstance.isEmpty() ? null : byInstance.get(entity);
    }

    /**
     * The entry of an instance when it can be told without hashing the instances not hashed yet: the one a proxy
     * carries, or one in the identity map. Persist asks this after asking by key (the one key an instance's entry
     * can have), so that persisting many new entities hashes none of them; an instance whose key was changed after
     * it joined is then not found, and the flush refuses its entry.
     */
    public EntityEntry hashedEntry(Object entity) {
        EntityEntry e = attachedEntry(entity);
        return e != null || byInstance.isEmpty() ? e : byInstance.get(entity);
    }

    /** The entry a proxy carries, when it is this context's. */
    private EntityEntry attachedEntry(Object entity) {
        // The entity check: a clone of a proxy (Object.clone) copies the entry it carries, and is not managed.
        return instances.attached(entity) instanceof EntityEntry e && e.owner == this && e.entity() == entity ? e : null;
    }

    private void hashUnhashed() {
        if (byInstance.isEmpty()) {
            byInstance = new IdentityHashMap<>(unhashed.size());
        }
        List<EntityEntry> pending = unhashed;
        unhashed = List.of();
        for (EntityEntry e : pending) {
            if (e.owner != this) {
                continue; // removed since
            }
            EntityEntry first = byInstance.putIfAbsent(e.entity(), e);
            if (first != null) {
                // Persisted again after its key was changed (persist asks by key): the instance stays managed under
                // the entry it joined with, as a second persist of a managed instance does nothing, and the flush
                // refuses that entry until the key is set back or the instance is removed.
                byKey.remove(e.itemKey, e);
                release(e);
            }
        }
    }

    /** The entry of a key, or {@code null}. */
    public EntityEntry entry(EntityMeta meta, Map<String, AttributeValue> key) {
        return byKey.get(new ItemKey(meta, key));
    }

    /** The entry of a key, or {@code null}. */
    public EntityEntry entry(ItemKey key) {
        return byKey.get(key);
    }

    /** Starts managing an instance. */
    public EntityEntry add(EntityMeta meta, Object entity, Map<String, AttributeValue> key, EntityEntry.Status status,
                           Map<String, AttributeValue> snapshot) {
        return add(meta, entity, new ItemKey(meta, key), key, status, snapshot);
    }

    /** Starts managing an instance of a key (its key attributes are made from it when needed). */
    public EntityEntry add(EntityMeta meta, Object entity, ItemKey key, EntityEntry.Status status,
                           Map<String, AttributeValue> snapshot) {
        return add(meta, entity, key, null, status, snapshot);
    }

    /**
     * Starts managing an instance of a key a lookup made already ({@code new ItemKey(meta, key)}), whose key
     * attributes are {@code key}.
     */
    public EntityEntry add(EntityMeta meta, Object entity, ItemKey itemKey, Map<String, AttributeValue> key,
                           EntityEntry.Status status, Map<String, AttributeValue> snapshot) {
        EntityEntry e = new EntityEntry(meta, entity, key, status, snapshot);
        e.owner = this;
        e.itemKey = itemKey;
        byKey.put(itemKey, e);
        related |= !meta.associations().isEmpty();
        // The room is taken by a live entry of another context, or of another instance (a clone of a proxy shares
        // its state): this entry then goes to the identity map, and that one keeps the room.
        boolean taken = instances.attached(entity) instanceof EntityEntry other && other.owner != null
                && (other.owner != this || other.entity() != entity);
        if (!taken && instances.attach(entity, e)) {
            attachedAny = true;
        } else {
            if (unhashed.isEmpty()) {
                unhashed = new ArrayList<>();
            }
            unhashed.add(e);
        }
        return e;
    }

    /** Ends the management of an entry's instance here. */
    private void release(EntityEntry entry) {
        entry.owner = null;
        if (instances.attached(entry.entity()) == entry) {
            instances.attach(entry.entity(), null);
        }
    }

    /** Stops managing an instance (detach, or after its delete was written). */
    public void remove(EntityEntry entry) {
        if (!unhashed.isEmpty()) {
            hashUnhashed(); // so that no removed entry (and its entity) is held until the next lookup by instance
        }
        byKey.remove(entry.itemKey, entry); // only this entry: a later one under the same key stays
        release(entry);
        if (!byInstance.isEmpty()) {
            byInstance.remove(entry.entity(), entry); // only this entry: the instance may have joined again since
        }
        if (!links.isEmpty()) {
            links.remove(entry.entity());
        }
    }

    /** Every entry, in the order they joined. */
    public List<EntityEntry> entries() {
        return new ArrayList<>(byKey.values());
    }

    /**
     * Whether an entity with relationships joined since the last {@link #clear} (it may have left since): if none
     * did, a flush has no cascade, orphan or link table to look at.
     */
    public boolean related() {
        return related;
    }

    public int size() {
        return byKey.size();
    }

    public void clear() {
        if (attachedAny) {
            // Only an entry a proxy carries is seen after the context let it go: a plain instance's is unreachable.
            byKey.values().forEach(this::release);
            attachedAny = false;
        }
        byKey.clear();
        related = false;
        byInstance = Map.of();
        unhashed = List.of();
        links = Map.of();
    }
}
