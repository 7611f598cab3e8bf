package io.jynamo.internal.em;

import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.context.EntityLoader;
import io.jynamo.internal.dynamo.AttributeValues;
import io.jynamo.internal.context.PersistenceContext;
import io.jynamo.internal.context.RelationCollection;
import io.jynamo.internal.metadata.AssociationMeta;
import io.jynamo.internal.metadata.EntityMeta;
import jakarta.persistence.CascadeType;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an operation cascades to (JPA 3.2 section 3.2): the targets of an entity's relationships marked with
 * the operation's {@code CascadeType}, and the checks flush makes over every relationship of the context.
 */
final class Cascades {

    private Cascades() {
    }

    /**
     * The targets an operation cascades to from an entity. A collection Jynamo has not loaded yet is loaded
     * only when {@code load} (remove must reach the stored children); otherwise its stored elements need
     * nothing (they are already persistent, detached with their owner...).
     */
    static List<Object> targets(EntityMeta meta, Object entity, CascadeType type, boolean load) {
        if (meta.associations().isEmpty()) {
            return List.of(); // every persist, remove and detach asks
        }
        List<Object> targets = new ArrayList<>();
        for (AssociationMeta a : meta.associations()) {
            boolean cascades = a.cascades(type) || type == CascadeType.REMOVE && a.orphanRemoval();
            if (cascades) {
                targets.addAll(values(a, entity, load));
            }
        }
        return targets;
    }

    /** The current targets of one relationship of an entity, without loading an unloaded collection unless asked. */
    static List<Object> values(AssociationMeta a, Object entity, boolean load) {
        Object v = a.accessor().get(entity);
        if (v == null) {
            return List.of();
        }
        if (!a.toMany()) {
            return List.of(v);
        }
        Collection<?> c = v instanceof RelationCollection rc && !load ? rc.elementsIfLoaded() : RelationCollection.elements(v);
        if (c == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>(c.size());
        for (Object o : c) {
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** A target to remove as an orphan: its entity and key (it may not be managed yet). */
    record Orphan(EntityMeta target, Map<String, AttributeValue> key) {
    }

    /**
     * The targets a flush must remove as orphans: for an owning to-one side with
     * {@code orphanRemoval}, the target its item refers to when it no longer does; for a to-many or inverse
     * one-to-one side, the targets it held when loaded ({@link EntityLoader#orphanBase}) and no longer holds.
     * The base then becomes the current state, so an orphan is removed once.
     */
    static List<Orphan> orphans(PersistenceContext context, EntityEntry owner) {
        if (owner.meta().associations().isEmpty()) {
            return List.of(); // every flush asks this of every entry
        }
        List<Orphan> orphans = new ArrayList<>();
        for (AssociationMeta a : owner.meta().associations()) {
            if (!a.orphanRemoval()) {
                continue;
            }
            if (a.owningToOne()) {
                Map<String, AttributeValue> before = owner.snapshot() == null ? null : a.targetKeyOf(owner.snapshot());
                Object now = a.accessor().get(owner.entity());
                if (before != null && (now == null || !AttributeValues.sameItem(before, keyOf(context, a, now)))) {
                    orphans.add(new Orphan(a.target(), before));
                }
                continue;
            }
            Object base = EntityLoader.orphanBase(a);
            Set<Map<String, AttributeValue>> loaded = context.storedLinks(owner.entity(), base);
            Object value = a.accessor().get(owner.entity());
            if (loaded == null || value instanceof RelationCollection rc && !rc.loaded()) {
                continue;
            }
            Set<Map<String, AttributeValue>> current = new LinkedHashSet<>();
            for (Object target : values(a, owner.entity(), false)) {
                current.add(AttributeValues.canonicalKey(keyOf(context, a, target)));
            }
            for (Map<String, AttributeValue> k : loaded) {
                if (!current.contains(k)) {
                    orphans.add(new Orphan(a.target(), k));
                }
            }
            context.storedLinks(owner.entity(), base, current);
        }
        return orphans;
    }

    private static Map<String, AttributeValue> keyOf(PersistenceContext context, AssociationMeta a, Object target) {
        EntityEntry e = context.entry(target);
        return e != null ? e.key() : a.target().keyOf(target);
    }
}
