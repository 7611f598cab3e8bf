package io.jynamo.internal.em;

import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.context.EntityLoader;
import io.jynamo.internal.context.PersistenceContext;
import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.ItemKey;
import io.jynamo.internal.proxy.Instances;
import jakarta.persistence.OptimisticLockException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** {@code merge}: the state of a detached or new instance copied onto the managed one of its key. */
final class Merger {

    private final PersistenceContext context;
    private final Instances instances;
    private final Consumer<Object> persist;
    private final BiFunction<EntityMeta, Map<String, AttributeValue>, Map<String, AttributeValue>> reader;
    private final EntityLoader loader;
    private final java.util.function.Function<Object, EntityMeta> metaOf;
    /** During one merge call: the managed instance of each detached or new instance met, so cycles end. */
    private Map<Object, Object> merging;
    /** During one {@link #mergeAll} call: the keys its batched reads found no item of (their merges read nothing). */
    private Set<ItemKey> absent = Set.of();

    Merger(PersistenceContext context, Instances instances, Consumer<Object> persist,
           BiFunction<EntityMeta, Map<String, AttributeValue>, Map<String, AttributeValue>> reader, EntityLoader loader,
           java.util.function.Function<Object, EntityMeta> metaOf) {
        this.metaOf = metaOf;
        this.context = context;
        this.instances = instances;
        this.persist = persist;
        this.reader = reader;
        this.loader = loader;
    }

    /** Merges the state of a detached or new instance (JPA 3.2 section 3.2.7.1); returns the managed one. */
    <T> T merge(EntityMeta meta, T entity) {
        boolean outer = merging == null;
        if (outer) {
            merging = new java.util.IdentityHashMap<>();
        }
        try {
            @SuppressWarnings("unchecked")
            T known = (T) merging.get(entity);
            return known != null ? known : mergeOne(meta, entity);
        } finally {
            if (outer) {
                merging = null;
                loader.resolvePending();
            }
        }
    }

    /**
     * Merges each instance in order, as {@link #merge} would, the items of the keys the persistence context lacks
     * read first, in BatchGetItem calls of up to 100 keys, rather than by one GetItem per merge.
     */
    <T> List<T> mergeAll(Collection<? extends T> entities) {
        Map<EntityMeta, List<Map<String, AttributeValue>>> unknown = new LinkedHashMap<>();
        for (T entity : entities) {
            EntityMeta meta = metaOf.apply(entity);
            Map<String, AttributeValue> key = keyToRead(meta, entity);
            if (key != null) {
                unknown.computeIfAbsent(meta, m -> new ArrayList<>()).add(key);
            }
        }
        Set<ItemKey> none = new HashSet<>();
        unknown.forEach((meta, keys) -> {
            loader.findAll(meta, keys);
            for (Map<String, AttributeValue> key : keys) {
                if (context.entry(meta, key) == null) {
                    none.add(new ItemKey(meta, key));
                }
            }
        });
        absent = none;
        try {
            List<T> merged = new ArrayList<>(entities.size());
            for (T entity : entities) {
                merged.add(merge(metaOf.apply(entity), entity));
            }
            return merged;
        } finally {
            absent = Set.of();
        }
    }

    /**
     * The key whose item a merge of this instance may read, or {@code null} when its id is to be generated or derived
     * ({@code @MapsId}) or not set (left for the merge to report). Keys the context holds already are read by no one:
     * {@link EntityLoader#findAll} skips them.
     */
    private static Map<String, AttributeValue> keyToRead(EntityMeta meta, Object entity) {
        if (meta.idToGenerate(entity)
                || meta.associations().stream().anyMatch(io.jynamo.internal.metadata.AssociationMeta::derived)) {
            return null;
        }
        try {
            return meta.keyOf(entity);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private <T> T mergeOne(EntityMeta meta, T entity) {
        EntityEntry entry = context.entry(entity);
        if (entry != null) {
            if (entry.status() == EntityEntry.Status.REMOVED) {
                throw new IllegalArgumentException("Cannot merge removed entity " + entry.describe());
            }
            return entity;
        }
        if (meta.idToGenerate(entity)) {
            return persistCopy(meta, entity, instances.create(meta));
        }
        for (io.jynamo.internal.metadata.AssociationMeta a : meta.associations()) {
            if (a.derived() && a.accessor().get(entity) != null) {
                a.deriveKey(entity); // @MapsId: a new child's key is its parent's, as at persist
            }
        }
        Map<String, AttributeValue> key = meta.keyOf(entity);
        EntityEntry existing = context.entry(meta, key);
        Object managed;
        if (existing != null) {
            if (existing.status() == EntityEntry.Status.REMOVED) {
                throw new IllegalArgumentException("Cannot merge " + existing.describe()
                        + ": an instance with that key was removed in this persistence context");
            }
            if (existing.unread()) {
                Map<String, AttributeValue> item = reader.apply(meta, key);
                if (item == null) {
                    // A reference to a key DynamoDB does not hold: the merged state makes it a new entity.
                    context.remove(existing);
                    instances.markLoaded(existing.entity());
                    return persistCopy(meta, entity, existing.entity());
                }
                loader.fill(existing, item);
            }
            managed = existing.entity();
        } else {
            Map<String, AttributeValue> item = !absent.isEmpty() && absent.contains(new ItemKey(meta, key)) ? null
                    : reader.apply(meta, key);
            if (item == null) {
                return persistCopy(meta, entity, instances.create(meta));
            }
            managed = loader.materialise(meta, item);
        }
        AttributeMeta version = meta.version();
        if (version != null) {
            Object detachedVersion = version.accessor().get(entity);
            Object managedVersion = version.accessor().get(managed);
            if (detachedVersion != null && managedVersion != null && (detachedVersion instanceof Number d
                    ? d.longValue() != ((Number) managedVersion).longValue()
                    : !detachedVersion.equals(managedVersion))) {
                throw new OptimisticLockException("Cannot merge " + meta.describe(key) + ": it was read at version "
                        + detachedVersion + " but is now at version " + managedVersion
                        + "; reload it and apply the change again", null, entity);
            }
        }
        merging.put(entity, managed);
        copyState(meta, entity, managed);
        instances.touch(managed);
        @SuppressWarnings("unchecked") T t = (T) managed;
        return t;
    }

    /** Merge of a new entity: its state copied onto an instance that is then persisted. */
    private <T> T persistCopy(EntityMeta meta, T from, Object to) {
        merging.put(from, to);
        copyState(meta, from, to);
        persist.accept(to);
        @SuppressWarnings("unchecked") T t = (T) to;
        return t;
    }

    private void copyState(EntityMeta meta, Object from, Object to) {
        for (io.jynamo.internal.metadata.AssociationMeta a : meta.associations()) {
            Object value = a.accessor().get(from);
            if (value instanceof io.jynamo.internal.context.RelationCollection rc && !rc.loaded()) {
                continue; // never loaded while detached: the managed instance keeps its own
            }
            if (value instanceof java.util.Map<?, ?> m) {
                java.util.Map<Object, Object> merged = new java.util.LinkedHashMap<>();
                m.forEach((k, element) -> merged.put(k, element == null ? null : target(a, element)));
                a.accessor().set(to, merged);
            } else if (value instanceof Collection<?> c) {
                Collection<Object> merged = value instanceof java.util.Set<?> ? new java.util.LinkedHashSet<>() : new ArrayList<>();
                for (Object element : c) {
                    merged.add(element == null ? null : target(a, element));
                }
                a.accessor().set(to, merged);
            } else {
                a.accessor().set(to, value == null ? null : target(a, value));
            }
        }
        if (meta.embeddedId() != null) {
            // A copy, not the merged instance's own key object: the application may change or reuse that one, and
            // the managed instance's key must not change with it.
            Object id = meta.embeddedId().accessor().get(from);
            meta.embeddedId().accessor().set(to, id == null ? null : meta.idOfKey(meta.keyOf(from)));
        }
        for (AttributeMeta a : meta.attributes()) {
            if (a.role() == AttributeMeta.Role.VERSION && a.accessor().get(to) != null) {
                continue;
            }
            Object value = a.accessor().get(from);
            if (value instanceof java.util.Set<?> s) {
                value = new java.util.LinkedHashSet<>(s);
            } else if (value instanceof Collection<?> c) {
                value = new ArrayList<>(c);
            } else if (value instanceof java.util.Map<?, ?> m) {
                value = new java.util.LinkedHashMap<>(m);
            }
            a.accessor().set(to, value);
        }
    }

    /**
     * What a merged relationship refers to in the persistence context: the merged target when the
     * relationship cascades MERGE, else the managed instance of the target's key (a reference, no call).
     */
    private Object target(io.jynamo.internal.metadata.AssociationMeta a, Object value) {
        EntityEntry e = context.entry(value);
        if (e != null) {
            return value;
        }
        Object merged = merging.get(value);
        if (merged != null) {
            return merged;
        }
        EntityMeta meta = metaOf.apply(value);
        // A reference never loaded has no state to merge (its fields are empty): it stands for its key.
        if (a.cascades(jakarta.persistence.CascadeType.MERGE) && instances.isLoaded(value)) {
            return merge(meta, value);
        }
        if (meta.idToGenerate(value)) {
            throw new IllegalStateException("Cannot merge '" + a.name() + "': it refers to a new " + meta.name()
                    + " and does not cascade MERGE; persist or merge the " + meta.name() + " first, or add"
                    + " cascade = CascadeType.MERGE");
        }
        return loader.reference(meta, meta.keyOf(value));
    }
}
