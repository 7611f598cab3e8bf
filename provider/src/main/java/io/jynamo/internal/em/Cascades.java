package io.jynamo.internal.em;

import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.context.PersistenceContext;
import io.jynamo.internal.context.RelationCollection;
import io.jynamo.internal.metadata.AssociationMeta;
import io.jynamo.internal.metadata.EntityMeta;
import jakarta.persistence.CascadeType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
        Collection<?> c = v instanceof RelationCollection rc && !load ? rc.elementsIfLoaded() : (Collection<?>) v;
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

    /**
     * The children a flush must remove as orphans: the elements a loaded collection with
     * {@code orphanRemoval} held when loaded and no longer holds, still managed.
     */
    static List<Object> orphans(PersistenceContext context, EntityEntry owner) {
        List<Object> orphans = new ArrayList<>();
        for (AssociationMeta a : owner.meta().associations()) {
            if (!a.orphanRemoval() || !a.toMany()) {
                continue;
            }
            Object v = a.accessor().get(owner.entity());
            if (!(v instanceof RelationCollection rc) || !rc.loaded()) {
                continue;
            }
            Collection<Object> now = rc.elementsIfLoaded();
            java.util.Set<Object> current = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            current.addAll(now);
            for (Object was : rc.loadedElements()) {
                EntityEntry e = context.entry(was);
                if (!current.contains(was) && e != null && e.status() == EntityEntry.Status.MANAGED) {
                    orphans.add(was);
                }
            }
        }
        return orphans;
    }
}
