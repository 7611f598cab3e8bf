package io.jynamo.internal.em;

import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.context.EntityLoader;
import io.jynamo.internal.context.PersistenceContext;
import io.jynamo.internal.context.RelationCollection;
import io.jynamo.internal.dynamo.AttributeValues;
import io.jynamo.internal.metadata.AssociationMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.ItemKey;
import io.jynamo.internal.metadata.LinkItem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before a flush: the link items of every owning link-table relationship, by diffing its collection with
 * what the link table holds (known from the load, or read with one Query when the collection was replaced).
 * Added and removed links become NEW and REMOVED entries of the link table's {@link EntityMeta}, so the
 * flush writes them with the entities, in the same batches; unchanged links are never rewritten.
 */
final class LinkWrites {

    private final PersistenceContext context;
    private final EntityLoader loader;

    LinkWrites(PersistenceContext context, EntityLoader loader) {
        this.context = context;
        this.loader = loader;
    }

    void plan() {
        List<Runnable> additions = new ArrayList<>();
        for (EntityEntry entry : context.entries()) {
            for (AssociationMeta a : entry.meta().associations()) {
                if (a.linkOwner()) {
                    plan(entry, a);
                    continue;
                }
                if (a.foreignKeyOnTarget()) {
                    children(entry, a, additions);
                }
                if (a.toMany() && a.linkTable() == null && a.besideColumn() != null && a.besideWritten()) {
                    beside(entry, a);
                }
            }
        }
        // Every owner's removals first: a child moved from one collection to another ends naming the new owner.
        additions.forEach(Runnable::run);
    }

    /**
     * A unidirectional {@code @OneToMany} with {@code @JoinColumn}: the children's items store the owner's key.
     * The collection is compared with the children known to name the owner (loaded with it, or written by an
     * earlier flush; read with one Query when it was replaced before it was loaded, or its owner is removed):
     * a child that left has the key removed from its item, a child that came gets it, after every owner's
     * removals. Children are written only when their stored key differs.
     */
    private void children(EntityEntry entry, AssociationMeta a, List<Runnable> additions) {
        Object owner = entry.entity();
        Set<Map<String, AttributeValue>> base = context.storedLinks(owner, a);
        Map<Map<String, AttributeValue>, Object> current = new LinkedHashMap<>();
        if (entry.status() != EntityEntry.Status.REMOVED) {
            if (entry.unread()) {
                return;
            }
            Object value = a.accessor().get(owner);
            if (value instanceof RelationCollection rc && !rc.loaded()) {
                return; // never loaded: unchanged
            }
            for (Object child : Cascades.values(a, owner, false)) {
                EntityEntry c = context.entry(child);
                if (c == null || c.status() != EntityEntry.Status.REMOVED) {
                    current.putIfAbsent(AttributeValues.canonicalKey(c != null ? c.key() : a.target().keyOf(child)), child);
                }
            }
            if (base == null && entry.status() == EntityEntry.Status.NEW && !entry.overRemoved()) {
                base = Set.of();
            }
        }
        if (base == null) {
            base = new LinkedHashSet<>();
            for (Object child : loader.storedChildren(a, owner)) {
                base.add(AttributeValues.canonicalKey(context.entry(child).key()));
            }
        }
        Map<String, AttributeValue> ownerKey = entry.key();
        List<Map<String, AttributeValue>> gone = new ArrayList<>();
        List<Map<String, AttributeValue>> unread = new ArrayList<>();
        for (Map<String, AttributeValue> k : base) {
            if (!current.containsKey(k)) {
                gone.add(k);
                EntityEntry c = context.entry(a.target(), k);
                if (c == null || c.unread()) {
                    unread.add(k); // detached or evicted since: read, so that its item stops naming the owner
                }
            }
        }
        if (!unread.isEmpty()) {
            loader.findAll(a.target(), unread);
        }
        for (Map<String, AttributeValue> k : gone) {
            EntityEntry c = context.entry(a.target(), k);
            if (c != null && c.status() != EntityEntry.Status.REMOVED && !c.unread() && names(a, c, ownerKey)) {
                foreignKey(a, c, null);
            }
        }
        context.storedLinks(owner, a, new LinkedHashSet<>(current.keySet()));
        if (!current.isEmpty()) {
            additions.add(() -> {
                for (EntityEntry c : managed(a, entry, current.values())) {
                    foreignKey(a, c, ownerKey);
                }
            });
        }
    }

    /**
     * The entries of the children a collection holds, read first (in BatchGetItem calls of 100) where the context
     * has none or only an unread reference: their items are written whole or in part, so they must be known.
     */
    private List<EntityEntry> managed(AssociationMeta a, EntityEntry owner, java.util.Collection<Object> children) {
        List<Map<String, AttributeValue>> unknown = new ArrayList<>();
        for (Object child : children) {
            EntityEntry c = context.entry(child);
            if (c == null || c.unread()) {
                unknown.add(c != null ? c.key() : a.target().keyOf(child));
            }
        }
        if (!unknown.isEmpty()) {
            loader.findAll(a.target(), unknown);
        }
        List<EntityEntry> entries = new ArrayList<>(children.size());
        for (Object child : children) {
            EntityEntry c = context.entry(child);
            if (c == null) {
                c = context.entry(a.target(), a.target().keyOf(child));
            }
            if (c == null || c.unread()) {
                throw new IllegalStateException("Entity " + owner.describe() + " holds in '" + a.name() + "' the "
                        + a.target().describe(a.target().keyOf(child)) + ", which DynamoDB does not hold; its item would"
                        + " store the owner's key: persist it, or take it out of the collection. Nothing was written by this flush");
            }
            if (c.status() != EntityEntry.Status.REMOVED) {
                entries.add(c);
            }
        }
        return entries;
    }

    /** Whether a child's item names the owner (as stored, or as this flush will store it). */
    private static boolean names(AssociationMeta a, EntityEntry child, Map<String, AttributeValue> ownerKey) {
        for (AssociationMeta.JoinColumn fk : a.inverse().joinColumns()) {
            if (!AttributeValues.same(ownerKey.get(fk.targetKey().storedName()), stored(child, fk.storedName()))) {
                return false;
            }
        }
        return true;
    }

    /** Sets the owner's key on a child's item ({@code null}: removes it), where it differs from what is stored. */
    private static void foreignKey(AssociationMeta a, EntityEntry child, Map<String, AttributeValue> ownerKey) {
        for (AssociationMeta.JoinColumn fk : a.inverse().joinColumns()) {
            set(child, fk.storedName(), ownerKey == null ? null : ownerKey.get(fk.targetKey().storedName()));
        }
    }

    /**
     * An inverse {@code @OneToMany} with {@code @OrderColumn} or {@code @MapKeyColumn}: the position or key of
     * each child is stored on the child's item, so the owner of the list sets it on the children whose stored
     * one differs (the flush writes them with the children; unchanged children are not written).
     */
    private void beside(EntityEntry entry, AssociationMeta a) {
        if (entry.status() == EntityEntry.Status.REMOVED || entry.unread()) {
            return;
        }
        Object value = a.accessor().get(entry.entity());
        if (value == null || value instanceof RelationCollection rc && !rc.loaded()) {
            return;
        }
        String column = a.besideColumn();
        if (a.orderColumn() != null) {
            int i = 0;
            for (Object child : (java.util.List<?>) value) {
                set(a, child, column, a.besideValue(i++));
            }
        } else {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (e.getValue() != null) {
                    set(a, e.getValue(), column, key(a, e.getKey()));
                }
            }
        }
    }

    private void set(AssociationMeta a, Object child, String column, AttributeValue value) {
        EntityEntry c = child == null ? null : context.entry(child);
        if (c == null || c.status() == EntityEntry.Status.REMOVED) {
            return; // a new child without cascade fails the flush elsewhere; a removed one has no item to keep
        }
        set(c, column, value);
    }

    private static void set(EntityEntry c, String column, AttributeValue value) {
        if (c.status() == EntityEntry.Status.NEW || !AttributeValues.same(value, stored(c, column))) {
            c.beside(column, value);
        }
    }

    /** An attribute another entity's relationship stores on a child's item: as this flush writes it, or as read. */
    private static AttributeValue stored(EntityEntry c, String column) {
        return c.beside() != null && c.beside().containsKey(column) ? c.beside().get(column)
                : c.snapshot() == null ? null : c.snapshot().get(column);
    }

    /** A map key as stored: refused when null, since it is part of an item's key or a stored attribute. */
    private static AttributeValue key(AssociationMeta a, Object key) {
        if (key == null) {
            throw new IllegalStateException("Entity " + a.owner().name() + " attribute '" + a.name() + "' holds a null"
                    + " map key, which Jynamo cannot store beside the relationship (" + a.mapKeyColumn() + "); give"
                    + " every entry a key");
        }
        AttributeValue v = a.besideValue(key);
        if (v == null) {
            throw new IllegalStateException("Entity " + a.owner().name() + " attribute '" + a.name() + "' is keyed by a "
                    + a.mapKeyEntity().name() + " whose key is null: persist it (its id is assigned at persist) first");
        }
        return v;
    }

    private void plan(EntityEntry entry, AssociationMeta a) {
        Set<Map<String, AttributeValue>> base = context.storedLinks(entry.entity(), a);
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> current = new LinkedHashMap<>();
        EntityMeta link = a.linkTable();
        String sort = link.sortKey().storedName();
        String targetColumn = a.linkTarget().storedName();
        if (entry.status() != EntityEntry.Status.REMOVED) {
            if (entry.unread()) {
                return;
            }
            Object value = a.accessor().get(entry.entity());
            if (value instanceof RelationCollection rc && !rc.loaded()) {
                return; // never loaded: unchanged
            }
            if (a.orderColumn() != null) {
                int i = 0;
                for (Object target : value == null ? java.util.List.of() : (java.util.List<?>) value) {
                    AttributeValue position = a.besideValue(i++);
                    if (target != null) {
                        row(current, sort, position, targetColumn, targetKey(a, target));
                    }
                }
            } else if (a.mapKeyColumn() != null) {
                for (Map.Entry<?, ?> e : value == null ? Set.<Map.Entry<?, ?>>of() : ((Map<?, ?>) value).entrySet()) {
                    if (e.getValue() != null) {
                        row(current, sort, key(a, e.getKey()), targetColumn, targetKey(a, e.getValue()));
                    }
                }
            } else {
                for (Object target : Cascades.values(a, entry.entity(), false)) {
                    AttributeValue k = targetKey(a, target);
                    row(current, sort, k, targetColumn, k);
                }
            }
            if (base == null && entry.status() == EntityEntry.Status.NEW && !entry.overRemoved()) {
                base = Set.of();
            }
        }
        if (base == null) {
            // The collection was replaced (or the owner is removed) before its links were read: read them now.
            base = new LinkedHashSet<>();
            for (Map<String, AttributeValue> item : loader.linkRows(a, entry.key())) {
                base.add(EntityLoader.linkRow(a, item));
            }
        }
        AttributeValue owner = entry.meta().root().linkValue(entry.key());
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> stored = new LinkedHashMap<>();
        for (Map<String, AttributeValue> row : base) {
            stored.put(Map.of(sort, row.get(sort)), row);
        }
        // Only what differs is written: a new or moved link is put, a link whose position or key is gone deleted.
        for (Map.Entry<Map<String, AttributeValue>, Map<String, AttributeValue>> row : current.entrySet()) {
            if (!row.getValue().equals(stored.get(row.getKey()))) {
                put(link, owner, row.getValue());
            }
        }
        for (Map.Entry<Map<String, AttributeValue>, Map<String, AttributeValue>> row : stored.entrySet()) {
            if (!current.containsKey(row.getKey())) {
                remove(link, owner, row.getValue());
            }
        }
        context.storedLinks(entry.entity(), a, new LinkedHashSet<>(current.values()));
    }

    private AttributeValue targetKey(AssociationMeta a, Object target) {
        EntityEntry t = context.entry(target);
        Map<String, AttributeValue> key = t != null ? t.key() : a.target().keyOf(target);
        return a.target().root().linkValue(key);
    }

    private static void row(Map<Map<String, AttributeValue>, Map<String, AttributeValue>> rows, String sort,
                            AttributeValue sortValue, String targetColumn, AttributeValue target) {
        Map<String, AttributeValue> row = new LinkedHashMap<>();
        row.put(sort, sortValue);
        row.put(targetColumn, target);
        row = AttributeValues.canonicalKey(row);
        rows.putIfAbsent(Map.of(sort, row.get(sort)), row);
    }

    private static Map<String, AttributeValue> key(EntityMeta link, AttributeValue owner, Map<String, AttributeValue> row) {
        return Map.of(link.partitionKey().storedName(), owner, link.sortKey().storedName(),
                row.get(link.sortKey().storedName()));
    }

    private static LinkItem item(EntityMeta link, AttributeValue owner, Map<String, AttributeValue> row) {
        LinkItem item = new LinkItem(null, null);
        fill(link, item, owner, row);
        return item;
    }

    /** Sets a link item's attributes (owner, target, position or key) from a row. */
    private static void fill(EntityMeta link, LinkItem item, AttributeValue owner, Map<String, AttributeValue> row) {
        for (io.jynamo.internal.metadata.AttributeMeta at : link.attributes()) {
            AttributeValue v = at == link.partitionKey() ? owner : row.get(at.storedName());
            at.accessor().set(item, at.valueOf(v));
        }
    }

    private void put(EntityMeta link, AttributeValue owner, Map<String, AttributeValue> row) {
        Map<String, AttributeValue> key = key(link, owner, row);
        ItemKey itemKey = new ItemKey(link, key);
        EntityEntry e = context.entry(itemKey);
        if (e == null) {
            context.add(link, item(link, owner, row), itemKey, key, EntityEntry.Status.NEW, null);
            return;
        }
        if (e.status() == EntityEntry.Status.REMOVED) {
            e.status(EntityEntry.Status.MANAGED); // its delete is not written yet: it stays, holding this row
        }
        fill(link, (LinkItem) e.entity(), owner, row);
    }

    private void remove(EntityMeta link, AttributeValue owner, Map<String, AttributeValue> row) {
        Map<String, AttributeValue> key = key(link, owner, row);
        ItemKey itemKey = new ItemKey(link, key);
        EntityEntry e = context.entry(itemKey);
        if (e == null) {
            context.add(link, item(link, owner, row), itemKey, key, EntityEntry.Status.MANAGED, key)
                    .status(EntityEntry.Status.REMOVED);
        } else if (e.status() == EntityEntry.Status.NEW) {
            context.remove(e); // never written
        } else {
            e.status(EntityEntry.Status.REMOVED);
        }
    }
}
