package io.jynamo.internal.em;

import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.context.EntityLoader;
import io.jynamo.internal.context.PersistenceContext;
import io.jynamo.internal.context.RelationCollection;
import io.jynamo.internal.dynamo.AttributeValues;
import io.jynamo.internal.metadata.AssociationMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.LinkItem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
                }
            }
        }
    }

    private void plan(EntityEntry entry, AssociationMeta a) {
        Set<Map<String, AttributeValue>> base = context.storedLinks(entry.entity(), a);
        Set<Map<String, AttributeValue>> current = new LinkedHashSet<>();
        if (entry.status() != EntityEntry.Status.REMOVED) {
            if (entry.unread()) {
                return;
            }
            Object value = a.accessor().get(entry.entity());
            if (value instanceof RelationCollection rc && !rc.loaded()) {
                return; // never loaded: unchanged
            }
            for (Object target : Cascades.values(a, entry.entity(), false)) {
                EntityEntry t = context.entry(target);
                current.add(AttributeValues.canonicalKey(t != null ? t.key() : a.target().keyOf(target)));
            }
            if (base == null && entry.status() == EntityEntry.Status.NEW && !entry.overRemoved()) {
                base = Set.of();
            }
        }
        if (base == null) {
            // The collection was replaced (or the owner is removed) before its links were read: read them now.
            base = new LinkedHashSet<>();
            for (Map<String, AttributeValue> k : loader.linkedKeys(a, entry.key())) {
                base.add(AttributeValues.canonicalKey(k));
            }
        }
        EntityMeta link = a.linkTable();
        AttributeValue owner = entry.key().get(entry.meta().root().partitionKey().storedName());
        String targetKey = a.target().root().partitionKey().storedName();
        for (Map<String, AttributeValue> k : current) {
            if (!base.contains(k)) {
                add(link, owner, k.get(targetKey));
            }
        }
        for (Map<String, AttributeValue> k : base) {
            if (!current.contains(k)) {
                remove(link, owner, k.get(targetKey));
            }
        }
        context.storedLinks(entry.entity(), a, current);
    }

    private static Map<String, AttributeValue> key(EntityMeta link, AttributeValue owner, AttributeValue target) {
        return Map.of(link.partitionKey().storedName(), owner, link.sortKey().storedName(), target);
    }

    private static LinkItem item(EntityMeta link, AttributeValue owner, AttributeValue target) {
        return new LinkItem(link.partitionKey().valueOf(owner), link.sortKey().valueOf(target));
    }

    private void add(EntityMeta link, AttributeValue owner, AttributeValue target) {
        Map<String, AttributeValue> key = key(link, owner, target);
        EntityEntry e = context.entry(link, key);
        if (e == null) {
            context.add(link, item(link, owner, target), key, EntityEntry.Status.NEW, null);
        } else if (e.status() == EntityEntry.Status.REMOVED) {
            e.status(EntityEntry.Status.MANAGED); // its delete is not written yet: it stays
        }
    }

    private void remove(EntityMeta link, AttributeValue owner, AttributeValue target) {
        Map<String, AttributeValue> key = key(link, owner, target);
        EntityEntry e = context.entry(link, key);
        if (e == null) {
            context.add(link, item(link, owner, target), key, EntityEntry.Status.MANAGED, key).status(EntityEntry.Status.REMOVED);
        } else if (e.status() == EntityEntry.Status.NEW) {
            context.remove(e); // never written
        } else {
            e.status(EntityEntry.Status.REMOVED);
        }
    }
}
