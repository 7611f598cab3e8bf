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

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
        for (EntityEntry entry : context.entries()) {
            for (AssociationMeta a : entry.meta().associations()) {
                if (a.linkOwner()) {
                    plan(entry, a);
                } else if (a.toMany() && a.mappedBy() != null && a.linkTable() == null && a.besideColumn() != null
                        && a.besideWritten()) {
                    beside(entry, a);
                }
            }
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
        AttributeValue stored = c.beside() != null && c.beside().containsKey(column) ? c.beside().get(column)
                : c.snapshot() == null ? null : c.snapshot().get(column);
        if (c.status() == EntityEntry.Status.NEW || !AttributeValues.same(value, stored)) {
            c.beside(column, value);
        }
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
        AttributeValue owner = entry.key().get(entry.meta().root().partitionKey().storedName());
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
        return key.get(a.target().root().partitionKey().storedName());
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
