package io.jynamo.internal.em;

import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoProperties;
import io.jynamo.IncompleteFlushException;
import io.jynamo.internal.cache.CacheModes;
import io.jynamo.internal.cache.CacheWrites;
import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.context.EntityLoader;
import io.jynamo.internal.context.Session;
import io.jynamo.internal.context.PersistenceContext;
import io.jynamo.internal.context.SingleThreadUse;
import io.jynamo.internal.dynamo.Recorder;
import io.jynamo.JynamoStatistics;
import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.ItemKey;
import io.jynamo.internal.criteria.CriteriaStatement;
import io.jynamo.internal.graph.GraphImpl;
import io.jynamo.internal.query.Graphs;
import io.jynamo.internal.query.QueryImpl;
import io.jynamo.internal.query.TableFanOut;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.ConnectionConsumer;
import jakarta.persistence.ConnectionFunction;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FindOption;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockOption;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.NoResultException;
import jakarta.persistence.NonUniqueResultException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.Query;
import jakarta.persistence.QueryTimeoutException;
import jakarta.persistence.RefreshOption;
import jakarta.persistence.StoredProcedureQuery;
import jakarta.persistence.TransactionRequiredException;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.TypedQueryReference;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaSelect;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.metamodel.Metamodel;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A Jynamo entity manager: a persistence context over DynamoDB. Not thread-safe, as JPA says; a second
 * thread entering while one is inside fails clearly ({@link SingleThreadUse}).
 *
 * <p>This is the JPA face: {@code EntityManager} has some 90 methods, so the class is longer than 400
 * lines, but each method is short and hands the work on: loading to the {@link EntityLoader}, merge to
 * {@link Merger}, writes to the {@code Flusher}, queries to {@code QueryImpl} (through the
 * {@link Session} contract this class implements), SDK failures to {@link ExceptionConverter}.
 */
final class EntityManagerImpl implements JynamoEntityManager, Session {

    private final EntityManagerFactoryImpl factory;
    private final PersistenceContext context;
    /** Fails an operation that a second thread starts while one is inside (see docs/persistence-context.md). */
    private final Recorder recorder = new Recorder();
    private final SingleThreadUse use = new SingleThreadUse(recorder);
    private final Transaction transaction = new Transaction(this);
    /** This entity manager's own properties, made (a copy of the factory's) only when one is set or overridden. */
    private Map<String, Object> ownProperties;
    private FlushModeType flushMode = FlushModeType.AUTO;
    private CacheRetrieveMode cacheRetrieveMode = CacheRetrieveMode.USE;
    private CacheStoreMode cacheStoreMode = CacheStoreMode.USE;
    private final CacheWrites cacheWrites;
    private final EntityLoader loader;
    /** Made at the first merge: most entity managers never merge. */
    private Merger merger;
    private boolean open = true;
    private int flushedInTransaction;
    /**
     * Unmanaged relationship targets a flush already found stored ({@link #checkStored}): later flushes of this
     * entity manager (one before every query in AUTO mode) do not read them again.
     */
    private java.util.Set<Object> knownStored = java.util.Set.of();

    EntityManagerImpl(EntityManagerFactoryImpl factory, Map<?, ?> overrides) {
        this.factory = factory;
        this.context = new PersistenceContext(factory.instances());
        if (overrides != null && !overrides.isEmpty()) {
            Map<String, Object> own = ownProperties();
            overrides.forEach((k, v) -> own.put(String.valueOf(k), v));
        }
        if (ownProperties == null) {
            // The unit's defaults, read once at bootstrap: most entity managers are made without properties.
            this.cacheRetrieveMode = factory.cacheRetrieveMode();
            this.cacheStoreMode = factory.cacheStoreMode();
        } else {
            this.cacheRetrieveMode = CacheModes.retrieve(ownProperties.get(CacheModes.RETRIEVE_MODE), CacheRetrieveMode.USE);
            this.cacheStoreMode = CacheModes.store(ownProperties.get(CacheModes.STORE_MODE), CacheStoreMode.USE);
        }
        this.cacheWrites = factory.cache().writes();
        this.loader = new EntityLoader(context, factory.instances(), factory.cache(), factory.dynamo(), factory.consistentReads());
        loader.cacheModes(() -> cacheRetrieveMode, () -> cacheStoreMode);
    }

    private Merger merger() {
        if (merger == null) {
            merger = new Merger(context, factory.instances(), this::persist,
                    (meta, key) -> loader.read(meta, key, cacheRetrieveMode, cacheStoreMode), loader, this::metaOf);
        }
        return merger;
    }

    // ---- the Session contract (used by queries) and plumbing for the transaction ----------------------

    @Override
    public PersistenceContext context() {
        return context;
    }

    /** Runs an operation; a runtime failure other than the four JPA exempts marks the transaction rollback-only. */
    @Override
    public <T> T guard(Supplier<T> operation) {
        use.enter();
        try {
            return operation.get();
        } catch (NoResultException | NonUniqueResultException | LockTimeoutException | QueryTimeoutException e) {
            throw e;
        } catch (IncompleteFlushException e) {
            // Nothing was lost: the writes are still pending and a retry of flush/commit can finish them.
            throw e;
        } catch (SdkException e) {
            transaction.markRollbackOnlyIfActive();
            throw ExceptionConverter.translate(e, factory.getName(), factory.dynamo().client());
        } catch (RuntimeException e) {
            throw rejected(e);
        } finally {
            use.leave();
        }
    }

    /**
     * A runtime exception an EntityManager or Query method throws marks the transaction rollback-only (JPA 3.2
     * section 3.1.1 and 3.11), invalid arguments included; only the four exempt ones of {@link #guard} do not.
     */
    private <E extends RuntimeException> E rejected(E e) {
        transaction.markRollbackOnlyIfActive();
        return e;
    }

    private void run(Runnable operation) {
        guard(() -> {
            operation.run();
            return null;
        });
    }

    @Override
    public void checkOpen() {
        use.check();
        if (!open) {
            throw new IllegalStateException("This EntityManager is closed");
        }
    }

    /** The entity metadata of an instance or class, or IllegalArgumentException. */
    public EntityMeta meta(Class<?> type) {
        EntityMeta meta = type == null ? null : factory.entityOf(type);
        if (meta == null) {
            throw rejected(new IllegalArgumentException((type == null ? "null" : type.getName())
                    + " is not an entity of persistence unit '" + factory.getName() + "'; annotate it with @Entity"
                    + " and list it in persistence.xml (or let the unit scan for it)"));
        }
        return meta;
    }

    private EntityMeta metaOf(Object entity) {
        if (entity == null) {
            throw rejected(new IllegalArgumentException("The entity must not be null"));
        }
        return meta(entity.getClass());
    }

    @Override
    public boolean transactionActive() {
        return transaction.isActive();
    }

    /** Fails when another thread is inside an operation of this entity manager (for commit and rollback). */
    void checkThread() {
        use.check();
    }

    void flushForCommit() {
        use.enter();
        try {
            checkOpenOrInTransaction();
            flushCounted();
        } finally {
            use.leave();
        }
    }

    private void flushCounted() {
        cascadeAtFlush();
        try {
            flushedInTransaction += factory.flusher().flush(context, cacheWrites);
        } catch (IncompleteFlushException e) {
            flushedInTransaction += e.writtenKeys().size();
            throw e;
        }
    }

    @Override
    public void flushForQuery() {
        if (transaction.isActive() && !factory.flusher().atomic()) {
            flushCounted();
        }
    }

    /** Items earlier flushes of the active transaction wrote: in batch mode no rollback can undo them. */
    int flushedInTransaction() {
        return flushedInTransaction;
    }

    void afterCompletion() {
        flushedInTransaction = 0;
        // Only committed writes reach the second-level cache; their keys were invalidated when flushed.
        cacheWrites.publish(cacheStoreMode != CacheStoreMode.BYPASS);
        if (!open) {
            context.clear();
        }
    }

    void afterRollback() {
        flushedInTransaction = 0;
        // JPA 3.2 section 3.3.3: a rollback detaches every managed instance; unflushed work is gone.
        context.clear();
        cacheWrites.discard();
    }

    private void checkOpenOrInTransaction() {
        if (!open && !transaction.isActive()) {
            throw new IllegalStateException("This EntityManager is closed");
        }
    }

    @Override
    public EntityLoader loader() {
        return loader;
    }

    private Object materialise(EntityMeta meta, Map<String, AttributeValue> item) {
        Object entity = loader.materialise(meta, item);
        loader.resolvePending();
        return entity;
    }

    private void fill(EntityEntry entry, Map<String, AttributeValue> item) {
        loader.fill(entry, item);
        loader.resolvePending();
    }

    private Map<String, AttributeValue> read(EntityMeta meta, Map<String, AttributeValue> key) {
        return loader.read(meta, key, cacheRetrieveMode, cacheStoreMode);
    }

    private Map<String, AttributeValue> read(EntityMeta meta, Map<String, AttributeValue> key,
                                             CacheRetrieveMode retrieve, CacheStoreMode store) {
        return loader.read(meta, key, retrieve, store);
    }

    // ---- EntityManager -------------------------------------------------------------------------------

    @Override
    public void persist(Object entity) {
        checkOpen();
        EntityMeta meta = metaOf(entity);
        run(() -> persist(meta, entity, null));
    }

    /**
     * Persist of one entity, then cascaded over its PERSIST relationships (each entity once: cycles end).
     * The set of entities visited is made at the first cascade: most persists have none.
     */
    private void persist(EntityMeta meta, Object entity, java.util.Set<Object> visited) {
        if (visited != null && !visited.add(entity)) {
            return;
        }
        EntityEntry entry = persistOne(meta, entity);
        if (!entry.unread()) {
            for (Object target : Cascades.targets(meta, entity, CascadeType.PERSIST, false)) {
                if (visited == null) {
                    visited = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                    visited.add(entity);
                }
                persist(metaOf(target), target, visited);
            }
        }
    }

    /** Persist of one entity, not cascaded; returns its entry. */
    private EntityEntry persistOne(EntityMeta meta, Object entity) {
        // Managed already? Asked by key where it has one, so that persisting many new entities hashes none.
        Map<String, AttributeValue> key = meta.keyIfSet(entity);
        ItemKey itemKey = key == null ? null : new ItemKey(meta, key);
        EntityEntry underKey = itemKey == null ? null : context.entry(itemKey);
        EntityEntry entry = underKey != null && underKey.entity() == entity ? underKey : context.hashedEntry(entity);
        if (entry != null) {
            if (entry.status() == EntityEntry.Status.REMOVED) {
                entry.status(EntityEntry.Status.MANAGED);
            }
            return entry;
        }
        boolean keyMayChange = key == null || meta.hasCallbacks(PrePersist.class) || !meta.associations().isEmpty();
        meta.fire(PrePersist.class, entity);
        for (io.jynamo.internal.metadata.AssociationMeta a : meta.associations()) {
            a.deriveKey(entity); // @MapsId: the key is the target's
        }
        AttributeMeta pk = meta.partitionKey();
        if (meta.idToGenerate(entity)) {
            // Assigned at persist (JPA allows persist or flush) so the entity has its key in the identity map.
            keyMayChange = true;
            if (meta.idGenerator() != null) {
                pk.accessor().set(entity, factory.idGenerators().next(meta.idGenerator()));
            } else {
                UUID id = UUID.randomUUID();
                pk.accessor().set(entity, pk.javaType() == UUID.class ? id : id.toString());
            }
        }
        if (keyMayChange) { // a callback, @MapsId or the generator may have set it
            key = meta.keyOf(entity);
            itemKey = new ItemKey(meta, key);
            underKey = context.entry(itemKey);
        }
        EntityEntry other = underKey; // another instance's entry under this key
        if (other != null) {
            if (other.status() != EntityEntry.Status.REMOVED) {
                throw new EntityExistsException("Another instance of " + other.describe()
                        + " is already managed by this EntityManager; merge() it instead of persisting a copy");
            }
            // Remove then persist of the same key in one flush: the put replaces the delete.
            context.remove(other);
            EntityEntry replacing = context.add(meta, entity, itemKey, key, EntityEntry.Status.NEW, null);
            replacing.replace(other);
            return replacing;
        }
        return context.add(meta, entity, itemKey, key, EntityEntry.Status.NEW, null);
    }

    /**
     * What a flush does over relationships before it plans writes (JPA 3.2 section 3.2.4): persist cascades
     * again to what PERSIST relationships of managed entities reach, orphans are removed, and a new entity
     * reachable through a relationship without PERSIST cascade is an error.
     */
    private void cascadeAtFlush() {
        if (!context.related()) {
            return; // every entity of the context is one without relationships (a bulk load, say)
        }
        // Sized for the few cascades most flushes make (the default size makes a table for 32 pairs).
        java.util.Set<Object> visited = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(4));
        // Unmanaged targets with a key that Jynamo did not load: new or detached, which only DynamoDB can tell.
        List<Reached> unknown = new ArrayList<>();
        int size;
        do {
            size = context.size();
            for (EntityEntry entry : context.entries()) {
                if (entry.status() == EntityEntry.Status.REMOVED || entry.unread()) {
                    continue;
                }
                for (Cascades.Orphan orphan : Cascades.orphans(context, entry)) {
                    EntityEntry o = context.entry(orphan.target(), orphan.key());
                    if (o == null || o.status() == EntityEntry.Status.MANAGED) {
                        Object instance = o != null ? o.entity() : loader.reference(orphan.target(), orphan.key());
                        remove(instance, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
                    }
                }
                for (io.jynamo.internal.metadata.AssociationMeta a : entry.meta().associations()) {
                    for (Object target : Cascades.values(a, entry.entity(), false)) {
                        EntityEntry t = context.entry(target);
                        if (a.cascades(CascadeType.PERSIST)) {
                            if (t == null || t.status() == EntityEntry.Status.REMOVED) {
                                persist(metaOf(target), target, visited);
                            }
                        } else if (t == null && isNew(target)) {
                            throw notCascaded(target, entry, a);
                        } else if (t == null && !(target instanceof io.jynamo.internal.proxy.Proxied)
                                && !knownStored.contains(target)) {
                            unknown.add(new Reached(target, entry, a));
                        }
                    }
                }
            }
        } while (context.size() != size);
        checkStored(unknown);
        new LinkWrites(context, loader).plan();
    }

    private IllegalStateException notCascaded(Object target, EntityEntry from, io.jynamo.internal.metadata.AssociationMeta a) {
        return new IllegalStateException("Flush found a new " + metaOf(target).name() + " reachable"
                + " from " + from.describe() + " through '" + a.name() + "', which does not cascade"
                + " PERSIST: persist it first, or add cascade = CascadeType.PERSIST to '" + a.name() + "'");
    }

    /** An unmanaged target met at flush, with where it was reached from. */
    private record Reached(Object target, EntityEntry from, io.jynamo.internal.metadata.AssociationMeta through) {
    }

    /**
     * Tells new from detached among unmanaged targets the application made itself (JPA 3.2 section 3.2.4:
     * a new one reachable without PERSIST cascade fails the flush): the ones DynamoDB does not hold are new.
     * One BatchGetItem per 100 such targets per table; none in the usual case of managed targets.
     */
    private void checkStored(List<Reached> unknown) {
        Map<EntityMeta, List<Reached>> byTable = new LinkedHashMap<>();
        for (Reached u : unknown) {
            byTable.computeIfAbsent(metaOf(u.target()).root(), k -> new ArrayList<>()).add(u);
        }
        for (Map.Entry<EntityMeta, List<Reached>> t : byTable.entrySet()) {
            EntityMeta table = t.getKey();
            java.util.Set<Map<String, AttributeValue>> keys = new java.util.LinkedHashSet<>();
            t.getValue().forEach(u -> keys.add(table.keyOf(u.target())));
            java.util.Set<ItemKey> stored = new java.util.HashSet<>();
            for (Map<String, AttributeValue> item : loader.readAll(table, new ArrayList<>(keys), cacheRetrieveMode, cacheStoreMode)) {
                stored.add(ItemKey.canonical(table, item));
            }
            for (Reached u : t.getValue()) {
                if (!stored.contains(ItemKey.canonical(table, table.keyOf(u.target())))) {
                    throw notCascaded(u.target(), u.from(), u.through());
                }
                if (knownStored.isEmpty()) {
                    knownStored = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()); // made when first needed
                }
                knownStored.add(u.target());
            }
        }
    }

    /**
     * Whether an unmanaged instance is surely new: its id is still to be generated, or its key is unset. (One
     * with a key is new or detached: {@link #checkStored} asks DynamoDB.)
     */
    private boolean isNew(Object entity) {
        EntityMeta meta = metaOf(entity);
        if (meta.idToGenerate(entity)) {
            return true;
        }
        try {
            meta.keyOf(entity);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Override
    public <T> T merge(T entity) {
        checkOpen();
        EntityMeta meta = metaOf(entity);
        return guard(() -> merger().merge(meta, entity));
    }

    @Override
    public void remove(Object entity) {
        checkOpen();
        metaOf(entity);
        run(() -> remove(entity, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
    }

    /** Remove of one entity, then cascaded over its REMOVE (and orphanRemoval) relationships. */
    private void remove(Object entity, java.util.Set<Object> visited) {
        if (!visited.add(entity)) {
            return;
        }
        EntityMeta meta = metaOf(entity);
        EntityEntry entry = context.entry(entity);
        if (entry == null) {
            removeUnmanaged(meta, entity, visited);
            return;
        }
        // A reference never read has relationships only once loaded: removing its children needs its state.
        List<Object> targets = entry.status() == EntityEntry.Status.REMOVED || meta.associations().isEmpty()
                ? List.of() : cascadeTargets(entry, CascadeType.REMOVE);
        switch (entry.status()) {
            case NEW -> {
                meta.fire(PreRemove.class, entity);
                if (entry.overRemoved()) {
                    // It replaced a removed instance whose item is still stored: that item must go after all.
                    entry.status(EntityEntry.Status.REMOVED);
                } else {
                    context.remove(entry);
                }
            }
            case MANAGED -> {
                meta.fire(PreRemove.class, entity);
                entry.status(EntityEntry.Status.REMOVED);
            }
            default -> {
            }
        }
        for (Object target : targets) {
            if (context.entry(target) != null) {
                remove(target, visited);
            }
        }
    }

    /**
     * Remove of an instance the context does not manage. The spec ignores a new instance (and cascades the
     * remove to what it references) but refuses a detached one. Only the table can tell them apart: an instance
     * with no key yet is new, one whose key another managed instance holds is detached, and otherwise one
     * consistent {@code GetItem} of the key decides — a call only this misuse-or-no-op path pays.
     */
    private void removeUnmanaged(EntityMeta meta, Object entity, java.util.Set<Object> visited) {
        boolean keyed = meta.partitionKey().write(entity) != null
                && (meta.sortKey() == null || meta.sortKey().write(entity) != null);
        if (keyed) {
            Map<String, AttributeValue> key = meta.keyOf(entity);
            EntityEntry holder = context.entry(meta, key);
            boolean detached = holder != null ? holder.status() != EntityEntry.Status.REMOVED
                    : guard(() -> factory.dynamo().get(meta.tableName(), key, true)) != null;
            if (detached) {
                throw new IllegalArgumentException("Cannot remove " + meta.describe(key)
                        + ": the instance is detached (its item is stored, but this instance is not managed);"
                        + " use em.remove(em.merge(entity)) or em.remove(em.getReference("
                        + meta.javaClass().getSimpleName() + ".class, id))");
            }
        }
        for (Object target : Cascades.targets(meta, entity, CascadeType.REMOVE, false)) {
            if (context.entry(target) != null) {
                remove(target, visited);
            }
        }
    }

    /** The targets an operation cascades to from a managed entry, loading a reference when it has cascading relationships. */
    private List<Object> cascadeTargets(EntityEntry entry, CascadeType type) {
        boolean any = entry.meta().associations().stream().anyMatch(a -> a.cascades(type)
                || type == CascadeType.REMOVE && a.orphanRemoval());
        if (!any) {
            return List.of();
        }
        if (entry.unread()) {
            factory.instances().load(entry.entity());
        }
        return Cascades.targets(entry.meta(), entry.entity(), type, type == CascadeType.REMOVE);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey) {
        return find(entityClass, primaryKey, Map.of());
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, Map<String, Object> hints) {
        checkOpen();
        EntityMeta meta = meta(entityClass);
        Map<String, AttributeValue> key = meta.keyOfId(primaryKey);
        CacheRetrieveMode retrieve = hints == null ? cacheRetrieveMode
                : CacheModes.retrieve(hints.get(CacheModes.RETRIEVE_MODE), cacheRetrieveMode);
        CacheStoreMode store = hints == null ? cacheStoreMode : CacheModes.store(hints.get(CacheModes.STORE_MODE), cacheStoreMode);
        GraphImpl<?> graph = Graphs.of(hints);
        T found = findEntity(entityClass, meta, key, retrieve, store);
        if (found != null && graph != null) {
            run(() -> loader.fetch(List.of(found), graph));
        }
        return found;
    }

    private <T> T findEntity(Class<T> entityClass, EntityMeta meta, Map<String, AttributeValue> key,
                             CacheRetrieveMode retrieve, CacheStoreMode store) {
        return guard(() -> {
            EntityEntry entry = context.entry(meta, key);
            if (entry != null) {
                if (entry.status() == EntityEntry.Status.REMOVED) {
                    return null;
                }
                // A managed entry without a snapshot is a reference whose state was never read; plain
                // (non-proxy) references report themselves loaded, so the snapshot is what tells.
                if (entry.unread()) {
                    Map<String, AttributeValue> item = read(meta, key, retrieve, store);
                    if (item == null) {
                        context.remove(entry);
                        return null;
                    }
                    fill(entry, item);
                }
                // In an entity hierarchy the key may belong to an instance of another subclass: not found.
                return entityClass.isInstance(entry.entity()) ? entityClass.cast(entry.entity()) : null;
            }
            Map<String, AttributeValue> item = read(meta, key, retrieve, store);
            return item == null || !meta.accepts(item) ? null : entityClass.cast(materialise(meta, item));
        });
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode) {
        return find(entityClass, primaryKey, lockMode, Map.of());
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode, Map<String, Object> hints) {
        requireTransactionFor(lockMode, "find"); // first: without a transaction no lock mode but NONE is allowed
        checkLockMode(lockMode);
        T found = find(entityClass, primaryKey, hints);
        if (found != null) {
            applyLock(context.entry(found), lockMode);
        }
        return found;
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, FindOption... options) {
        Map<String, Object> hints = new LinkedHashMap<>();
        LockModeType lockMode = LockModeType.NONE;
        for (FindOption o : options) {
            if (o instanceof LockModeType l) {
                lockMode = l;
            } else if (o instanceof CacheRetrieveMode m) {
                hints.put(CacheModes.RETRIEVE_MODE, m);
            } else if (o instanceof CacheStoreMode m) {
                hints.put(CacheModes.STORE_MODE, m);
            }
        }
        return find(entityClass, primaryKey, lockMode, hints);
    }

    @Override
    public <T> T find(EntityGraph<T> entityGraph, Object primaryKey, FindOption... options) {
        if (!(entityGraph instanceof GraphImpl<T> graph)) {
            throw rejected(new IllegalArgumentException("The entity graph " + entityGraph + " was not made by Jynamo;"
                    + " use createEntityGraph or getEntityGraph"));
        }
        T found = find(graph.getClassType(), primaryKey, options);
        if (found != null) {
            run(() -> loader.fetch(List.of(found), graph));
        }
        return found;
    }

    private void requireTransactionFor(LockModeType lockMode, String what) {
        if (lockMode != null && lockMode != LockModeType.NONE && !transaction.isActive()) {
            throw new TransactionRequiredException(what + "() with lock mode " + lockMode + " needs an active transaction");
        }
    }

    /**
     * Records an optimistic lock on a managed entry: its version is checked at commit ({@code OPTIMISTIC},
     * {@code READ}) and also incremented ({@code OPTIMISTIC_FORCE_INCREMENT}, {@code WRITE}), by a
     * conditional write even when the entity is not changed.
     */
    private void applyLock(EntityEntry entry, LockModeType lockMode) {
        if (lockMode == null || lockMode == LockModeType.NONE || entry.status() == EntityEntry.Status.NEW) {
            return; // an insert is not a read that can go stale
        }
        if (entry.meta().version() == null) {
            run(() -> {
                throw rejected(new PersistenceException("Lock mode " + lockMode + " needs a @Version attribute, and entity "
                        + entry.meta().name() + " has none: Jynamo checks optimistic locks by version. Add @Version"
                        + " to the entity, or do not lock it"));
            });
        }
        if (entry.unread()) {
            guard(() -> find(entry.meta().javaClass(), entry.meta().idOfKey(entry.key())));
        }
        boolean force = lockMode == LockModeType.OPTIMISTIC_FORCE_INCREMENT || lockMode == LockModeType.WRITE;
        entry.lock(force ? LockModeType.OPTIMISTIC_FORCE_INCREMENT : LockModeType.OPTIMISTIC);
    }

    /** Refuses the lock modes DynamoDB cannot honour; the refusal, a PersistenceException, marks the transaction. */
    private void checkLockMode(LockModeType lockMode) {
        if (lockMode == null || lockMode == LockModeType.NONE || lockMode == LockModeType.OPTIMISTIC
                || lockMode == LockModeType.READ || lockMode == LockModeType.OPTIMISTIC_FORCE_INCREMENT
                || lockMode == LockModeType.WRITE) {
            return;
        }
        run(() -> {
            throw rejected(new PersistenceException("Lock mode " + lockMode + " is not supported: DynamoDB has no row locks."
                    + " Use @Version for optimistic locking, or jynamo.write-mode=atomic"));
        });
    }

    @Override
    public <T> T getReference(Class<T> entityClass, Object primaryKey) {
        checkOpen();
        EntityMeta meta = meta(entityClass);
        Map<String, AttributeValue> key = meta.keyOfId(primaryKey);
        ItemKey itemKey = new ItemKey(meta, key);
        EntityEntry entry = context.entry(itemKey);
        if (entry != null) {
            return entityClass.cast(entry.entity());
        }
        if (meta.tables().size() > 1) {
            // TABLE_PER_CLASS: only the item says which table (and class) an instance of a non-leaf entity is in,
            // and a lazy reference would write or delete in the wrong one; so it is read now, in one BatchGetItem.
            T found = find(entityClass, primaryKey);
            if (found == null) {
                throw new EntityNotFoundException("No " + meta.describe(key) + " exists in the tables of " + meta.name()
                        + " and its subclasses " + meta.tables().stream().map(EntityMeta::tableName).toList());
            }
            return found;
        }
        Object reference = factory.instances().reference(meta, primaryKey,
                ref -> loader.loadReference(ref, meta, key, cacheRetrieveMode, cacheStoreMode));
        context.add(meta, reference, itemKey, key, EntityEntry.Status.MANAGED, null);
        return entityClass.cast(reference);
    }

    @Override
    public <T> T getReference(T entity) {
        EntityMeta meta = metaOf(entity);
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) meta.javaClass();
        return getReference(type, meta.idOf(entity));
    }

    @Override
    public void flush() {
        checkOpen();
        if (!transaction.isActive()) {
            throw new TransactionRequiredException("flush() needs an active transaction; call getTransaction().begin() first");
        }
        if (factory.flusher().atomic()) {
            // Atomic mode writes the whole transaction as one TransactWriteItems at commit; what flush does over
            // relationships (cascades, and the error for a new entity reachable without cascade) happens now.
            run(this::cascadeAtFlush);
            return;
        }
        run(this::flushCounted);
    }

    @Override
    public void setFlushMode(FlushModeType flushMode) {
        checkOpen();
        this.flushMode = flushMode;
    }

    @Override
    public FlushModeType getFlushMode() {
        checkOpen();
        return flushMode;
    }

    @Override
    public void lock(Object entity, LockModeType lockMode) {
        lock(entity, lockMode, Map.of());
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        checkOpen();
        if (!transaction.isActive()) {
            throw new TransactionRequiredException("lock() needs an active transaction");
        }
        EntityEntry entry = requireManaged(entity, "lock");
        checkLockMode(lockMode);
        applyLock(entry, lockMode);
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, LockOption... options) {
        lock(entity, lockMode);
    }

    @Override
    public void refresh(Object entity) {
        checkOpen();
        refresh(entity, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** Refresh of one entity, then cascaded over its REFRESH relationships (the targets it holds before the refresh). */
    private void refresh(Object entity, java.util.Set<Object> visited) {
        if (!visited.add(entity)) {
            return;
        }
        EntityEntry entry = requireManaged(entity, "refresh");
        List<Object> cascaded = entry.unread() ? List.of() : Cascades.targets(entry.meta(), entity, CascadeType.REFRESH, false);
        refreshOne(entry);
        for (Object target : cascaded) {
            EntityEntry t = context.entry(target);
            if (t != null && t.status() != EntityEntry.Status.REMOVED) {
                refresh(target, visited);
            }
        }
    }

    private void refreshOne(EntityEntry entry) {
        run(() -> {
            // A refresh reads DynamoDB, whatever the cache holds, and gives the cache what it read.
            Map<String, AttributeValue> item = read(entry.meta(), entry.key(), CacheRetrieveMode.BYPASS,
                    cacheStoreMode == CacheStoreMode.BYPASS ? CacheStoreMode.BYPASS : CacheStoreMode.REFRESH);
            if (item == null) {
                context.remove(entry);
                throw new EntityNotFoundException("Cannot refresh " + entry.describe() + ": it no longer exists in DynamoDB");
            }
            fill(entry, item);
            if (entry.status() == EntityEntry.Status.NEW) {
                entry.status(EntityEntry.Status.MANAGED);
            }
        });
    }

    @Override
    public void refresh(Object entity, Map<String, Object> properties) {
        refresh(entity);
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode) {
        refresh(entity, lockMode, Map.of());
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        requireTransactionFor(lockMode, "refresh");
        checkLockMode(lockMode);
        refresh(entity);
        applyLock(context.entry(entity), lockMode);
    }

    @Override
    public void refresh(Object entity, RefreshOption... options) {
        refresh(entity);
    }

    private EntityEntry requireManaged(Object entity, String what) {
        EntityMeta meta = metaOf(entity);
        EntityEntry entry = context.entry(entity);
        if (entry == null || entry.status() == EntityEntry.Status.REMOVED) {
            throw rejected(new IllegalArgumentException("Cannot " + what + " this " + meta.name()
                    + ": it is not managed by this EntityManager (detached, new or removed)"));
        }
        return entry;
    }

    @Override
    public void clear() {
        checkOpen();
        context.clear();
        knownStored = java.util.Set.of();
    }

    @Override
    public void detach(Object entity) {
        checkOpen();
        metaOf(entity);
        detach(entity, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** Detach of one entity, then cascaded over its DETACH relationships (loaded ones only: the rest hold nothing managed). */
    private void detach(Object entity, java.util.Set<Object> visited) {
        EntityEntry entry = context.entry(entity);
        if (entry == null || !visited.add(entity)) {
            return;
        }
        List<Object> targets = entry.unread() ? List.of() : Cascades.targets(entry.meta(), entity, CascadeType.DETACH, false);
        context.remove(entry);
        for (Object target : targets) {
            detach(target, visited);
        }
    }

    @Override
    public boolean contains(Object entity) {
        checkOpen();
        metaOf(entity);
        EntityEntry entry = context.entry(entity);
        return entry != null && entry.status() != EntityEntry.Status.REMOVED;
    }

    @Override
    public LockModeType getLockMode(Object entity) {
        checkOpen();
        if (!transaction.isActive()) {
            throw new TransactionRequiredException("getLockMode() needs an active transaction");
        }
        return requireManaged(entity, "get the lock mode of").lock();
    }

    @Override
    public void setCacheRetrieveMode(CacheRetrieveMode mode) {
        checkOpen();
        this.cacheRetrieveMode = CacheModes.retrieve(mode, CacheRetrieveMode.USE);
        ownProperties().put(CacheModes.RETRIEVE_MODE, cacheRetrieveMode);
    }

    @Override
    public void setCacheStoreMode(CacheStoreMode mode) {
        checkOpen();
        this.cacheStoreMode = CacheModes.store(mode, CacheStoreMode.USE);
        ownProperties().put(CacheModes.STORE_MODE, cacheStoreMode);
    }

    @Override
    public CacheRetrieveMode getCacheRetrieveMode() {
        return cacheRetrieveMode;
    }

    @Override
    public CacheStoreMode getCacheStoreMode() {
        return cacheStoreMode;
    }

    @Override
    public void setProperty(String name, Object value) {
        checkOpen();
        if (name == null) {
            throw rejected(new IllegalArgumentException("Property name must not be null"));
        }
        if (name.equals(CacheModes.RETRIEVE_MODE)) {
            cacheRetrieveMode = CacheModes.retrieve(value, CacheRetrieveMode.USE);
        } else if (name.equals(CacheModes.STORE_MODE)) {
            cacheStoreMode = CacheModes.store(value, CacheStoreMode.USE);
        }
        ownProperties().put(name, value);
    }

    @Override
    public Map<String, Object> getProperties() {
        checkOpen();
        return java.util.Collections.unmodifiableMap(properties());
    }

    /** The properties in force: the factory's, until this entity manager has its own. */
    private Map<String, Object> properties() {
        return ownProperties != null ? ownProperties : factory.unitProperties();
    }

    private Map<String, Object> ownProperties() {
        if (ownProperties == null) {
            ownProperties = new LinkedHashMap<>(factory.unitProperties());
        }
        return ownProperties;
    }

    // ---- queries -------------------------------------------------------------------------------------

    @Override
    public Query createQuery(String qlString) {
        checkOpen();
        return guard(() -> new QueryImpl<>(this, factory, factory.compile(qlString), Object.class));
    }

    @Override
    public <T> TypedQuery<T> createQuery(String qlString, Class<T> resultClass) {
        checkOpen();
        return guard(() -> new QueryImpl<>(this, factory, factory.compile(qlString), resultClass));
    }

    @Override
    public Query createNamedQuery(String name) {
        return createQuery(namedQuery(name));
    }

    @Override
    public <T> TypedQuery<T> createNamedQuery(String name, Class<T> resultClass) {
        return createQuery(namedQuery(name), resultClass);
    }

    private String namedQuery(String name) {
        checkOpen();
        String jpql = factory.namedQueries().get(name);
        if (jpql == null && factory.isNamedNativeQuery(name)) {
            throw nativeQueries();
        }
        if (jpql == null) {
            throw rejected(new IllegalArgumentException("No named query '" + name + "'; known: " + factory.namedQueries().keySet()));
        }
        return jpql;
    }

    @Override
    public <T> TypedQuery<T> createQuery(TypedQueryReference<T> reference) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) reference.getResultType();
        return createNamedQuery(reference.getName(), type);
    }

    @Override
    public <T> TypedQuery<T> createQuery(CriteriaQuery<T> criteriaQuery) {
        return criteria(criteriaQuery, criteriaQuery.getResultType());
    }

    @Override
    public <T> TypedQuery<T> createQuery(CriteriaSelect<T> selectQuery) {
        if (selectQuery instanceof CriteriaQuery<T> q) {
            return createQuery(q);
        }
        throw rejected(new IllegalArgumentException("The criteria select " + selectQuery + " is a union, intersection or"
                + " difference of queries, which Jynamo does not run; run the queries one by one"));
    }

    @Override
    public Query createQuery(CriteriaUpdate<?> updateQuery) {
        return criteria(updateQuery, Object.class);
    }

    @Override
    public Query createQuery(CriteriaDelete<?> deleteQuery) {
        return criteria(deleteQuery, Object.class);
    }

    private <T> TypedQuery<T> criteria(Object query, Class<T> resultClass) {
        checkOpen();
        return guard(() -> {
            CriteriaStatement lowered = CriteriaStatement.of(query);
            return new QueryImpl<>(this, factory, factory.compile(lowered), lowered.shaping(), resultClass);
        });
    }

    private UnsupportedOperationException nativeQueries() {
        return rejected(new UnsupportedOperationException("Native queries are not supported: DynamoDB has no SQL."
                + " Use JPQL, or unwrap(DynamoDbClient.class) for raw calls"));
    }

    @Override
    public Query createNativeQuery(String sqlString) {
        throw nativeQueries();
    }

    @Override
    public <T> Query createNativeQuery(String sqlString, Class<T> resultClass) {
        throw nativeQueries();
    }

    @Override
    public Query createNativeQuery(String sqlString, String resultSetMapping) {
        throw nativeQueries();
    }

    @Override
    public StoredProcedureQuery createNamedStoredProcedureQuery(String name) {
        throw nativeQueries();
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName) {
        throw nativeQueries();
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, Class<?>... resultClasses) {
        throw nativeQueries();
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, String... resultSetMappings) {
        throw nativeQueries();
    }

    // ---- Jynamo extensions ---------------------------------------------------------------------------

    @Override
    public <T> List<T> findAll(Class<T> entityClass, Collection<?> ids) {
        checkOpen();
        EntityMeta meta = meta(entityClass);
        if (ids == null) {
            throw rejected(new IllegalArgumentException("ids must not be null"));
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>(ids.size());
        for (Object id : ids) {
            keys.add(meta.keyOfId(id));
        }
        return guard(() -> loader.findAll(meta, keys, cacheRetrieveMode, cacheStoreMode).stream().map(entityClass::cast).toList());
    }

    @Override
    public <T> List<T> mergeAll(Collection<? extends T> entities) {
        checkOpen();
        if (entities == null) {
            throw rejected(new IllegalArgumentException("entities must not be null"));
        }
        return guard(() -> merger().mergeAll(entities));
    }

    @Override
    public String explain(String jpql) {
        checkOpen();
        var compiled = factory.compile(jpql);
        String plan = compiled.explain(null);
        EntityMeta meta = factory.metadata().byName(compiled.entity().name());
        if (meta == null) {
            return plan;
        }
        // The compiler knows nothing of time to live or discriminators: Reads and BulkWrites add them to every
        // request of the plan, so say so here.
        StringBuilder sb = new StringBuilder(plan);
        List<AttributeValue> types = meta.discriminatorValues();
        if (types != null) {
            sb.append(plan.endsWith("\n") ? "" : "\n").append("discriminator:  ").append(meta.discriminatorColumn())
                    .append(" IN ").append(types.stream().map(v -> v.s() != null ? "'" + v.s() + "'" : v.n()).toList())
                    .append(" (added to a Query or Scan filter as #jynamoType, without Limit; GetItem results are checked)");
        }
        String fanOut = TableFanOut.explain(meta, compiled.where());
        if (fanOut != null) {
            sb.append(sb.charAt(sb.length() - 1) == '\n' ? "" : "\n").append(fanOut);
        }
        if (meta.timeToLive() != null) {
            sb.append(sb.charAt(sb.length() - 1) == '\n' ? "" : "\n").append("time to live:  expired items left out: ")
                    .append(io.jynamo.internal.context.Expiry.FILTER).append(" with ")
                    .append(io.jynamo.internal.context.Expiry.NAME).append("=").append(meta.timeToLive().storedName())
                    .append(", ").append(io.jynamo.internal.context.Expiry.NOW).append("=now (epoch seconds)");
        }
        return sb.toString();
    }

    @Override
    public long count(Class<?> entityClass) {
        checkOpen();
        EntityMeta meta = meta(entityClass);
        // Counting a whole table is a Scan by nature; asking for it is consent, whatever jynamo.scan says.
        return createQuery("SELECT COUNT(e) FROM " + meta.name() + " e", Long.class)
                .setHint(JynamoProperties.SCAN, "allow").getSingleResult();
    }

    @Override
    public JynamoStatistics statistics() {
        return recorder.snapshot();
    }

    // ---- lifecycle and the rest ----------------------------------------------------------------------

    @Override
    public void joinTransaction() {
        checkOpen();
        throw new TransactionRequiredException("Jynamo entity managers are resource-local: there is no JTA transaction to join");
    }

    @Override
    public boolean isJoinedToTransaction() {
        checkOpen();
        return transaction.isActive();
    }

    @Override
    public <T> T unwrap(Class<T> cls) {
        checkOpen();
        if (cls.isInstance(this)) {
            return cls.cast(this);
        }
        if (cls == DynamoDbClient.class) {
            return cls.cast(factory.dynamo().client());
        }
        throw new PersistenceException("Cannot unwrap " + getClass().getName() + " to " + cls.getName()
                + "; supported: " + JynamoEntityManager.class.getName() + ", " + DynamoDbClient.class.getName());
    }

    @Override
    public Object getDelegate() {
        checkOpen();
        return this;
    }

    @Override
    public void close() {
        checkOpen();
        open = false;
        if (!transaction.isActive()) {
            context.clear();
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public EntityTransaction getTransaction() {
        checkOpen();
        return transaction;
    }

    @Override
    public EntityManagerFactory getEntityManagerFactory() {
        checkOpen();
        return factory;
    }

    @Override
    public CriteriaBuilder getCriteriaBuilder() {
        checkOpen();
        return factory.getCriteriaBuilder();
    }

    @Override
    public Metamodel getMetamodel() {
        checkOpen();
        return factory.getMetamodel();
    }

    @Override
    public <T> EntityGraph<T> createEntityGraph(Class<T> rootType) {
        checkOpen();
        meta(rootType);
        return new GraphImpl<>(null, factory.getMetamodel().entity(rootType), true);
    }

    @Override
    public EntityGraph<?> createEntityGraph(String graphName) {
        checkOpen();
        GraphImpl<?> named = factory.namedEntityGraphs().get(graphName);
        return named == null ? null : named.copy(null, true);
    }

    @Override
    public EntityGraph<?> getEntityGraph(String graphName) {
        checkOpen();
        GraphImpl<?> named = factory.namedEntityGraphs().get(graphName);
        if (named == null) {
            throw rejected(new IllegalArgumentException("No entity graph named '" + graphName + "'; the unit has "
                    + factory.namedEntityGraphs().keySet() + " (declare it with @NamedEntityGraph)"));
        }
        return named;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<EntityGraph<? super T>> getEntityGraphs(Class<T> entityClass) {
        checkOpen();
        meta(entityClass);
        List<EntityGraph<? super T>> out = new ArrayList<>();
        for (GraphImpl<?> g : factory.namedEntityGraphs().values()) {
            if (g.getClassType().isAssignableFrom(entityClass)) {
                out.add((EntityGraph<? super T>) g);
            }
        }
        return out;
    }

    @Override
    public <C> void runWithConnection(ConnectionConsumer<C> action) {
        ConnectionFunction<C, Void> f = connection -> {
            action.accept(connection);
            return null;
        };
        callWithConnection(f);
    }

    @Override
    public <C, T> T callWithConnection(ConnectionFunction<C, T> function) {
        checkOpen();
        try {
            @SuppressWarnings("unchecked")
            ConnectionFunction<Object, T> f = (ConnectionFunction<Object, T>) function;
            return f.apply(factory.dynamo().client());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }
}
