package io.jynamo.internal.em;

import io.jynamo.internal.metadata.Annotations;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jynamo.internal.cache.SharedCache;
import io.jynamo.internal.config.DirtyChecking;
import io.jynamo.internal.config.ScanPolicy;
import io.jynamo.internal.config.UnitConfig;
import io.jynamo.internal.config.UpdateMode;
import io.jynamo.internal.config.WriteMode;
import io.jynamo.internal.dynamo.Clients;
import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.dynamo.Retry;
import io.jynamo.internal.flush.Flusher;
import io.jynamo.internal.idgen.IdGenerators;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.Metadata;
import io.jynamo.internal.metadata.model.CanonicalMetamodel;
import io.jynamo.internal.metadata.model.MetamodelImpl;
import io.jynamo.internal.proxy.Instances;
import io.jynamo.internal.query.ProviderQueryModel;
import io.jynamo.internal.query.QueryServices;
import io.jynamo.internal.schema.Schema;
import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.JpqlCompiler;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.Query;
import jakarta.persistence.SchemaManager;
import jakarta.persistence.SynchronizationType;
import jakarta.persistence.TypedQueryReference;
import jakarta.persistence.criteria.CriteriaBuilder;
import io.jynamo.JynamoEntityManagerFactory;
import io.jynamo.JynamoStatistics;
import io.jynamo.internal.criteria.CriteriaBuilderImpl;
import io.jynamo.internal.graph.GraphImpl;
import io.jynamo.internal.criteria.CriteriaStatement;
import io.jynamo.jpql.ast.Statement;
import jakarta.persistence.metamodel.Metamodel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** A Jynamo entity manager factory: the metadata, client and caches of one persistence unit. Thread-safe. */
public final class EntityManagerFactoryImpl implements JynamoEntityManagerFactory, QueryServices {

    private static final System.Logger LOG = System.getLogger(EntityManagerFactoryImpl.class.getName());

    private final UnitConfig config;
    private final Metadata metadata;
    private final Clients.Client client;
    private final Dynamo dynamo;
    private final Flusher flusher;
    private final Schema schema;
    private final IdGenerators idGenerators;
    private final Instances instances;
    private final ProviderQueryModel queryModel;
    private final Cache<String, CompiledQuery> plans = Caffeine.newBuilder().maximumSize(1_000).build();
    /** Criteria queries by their statement, which is the same for every value a query carries. */
    private final Cache<Statement, CompiledQuery> criteriaPlans = Caffeine.newBuilder().maximumSize(1_000).build();
    private volatile CriteriaBuilderImpl criteriaBuilder;
    private volatile Map<String, GraphImpl<?>> entityGraphs;
    private final Map<String, String> namedQueries = new java.util.concurrent.ConcurrentHashMap<>();
    /** The names of the unit's {@code @NamedNativeQuery}s: using one is told so, not "no such query". */
    private final java.util.Set<String> namedNativeQueries = new java.util.HashSet<>();
    /**
     * The scanning query strings already warned about: bounded like the plan cache, since an application that
     * builds query strings would otherwise grow it forever. A string evicted from it may warn once more.
     */
    private final Cache<String, Boolean> warnedScans = Caffeine.newBuilder().maximumSize(MAX_SCAN_WARNINGS_REMEMBERED)
            .executor(Runnable::run).build();
    private final Retry retry;
    private final SharedCache cache;
    private volatile MetamodelImpl metamodel;
    private volatile boolean open = true;

    /** The factory of the unit {@code config} describes; closes the client (if Jynamo made it) when bootstrap fails here. */
    public EntityManagerFactoryImpl(UnitConfig config, Metadata metadata, Clients.Client client, Instances instances) {
        this.config = config;
        this.metadata = metadata;
        this.client = client;
        this.retry = retry(config.retry());
        this.dynamo = new Dynamo(client.client(), retry, config.parallelism(), config.rateLimitRead(), config.rateLimitWrite());
        this.instances = config.dirtyChecking() == DirtyChecking.SNAPSHOT ? instances.snapshotDirtyChecking() : instances;
        this.flusher = new Flusher(dynamo, this.instances, config.writeMode() == WriteMode.ATOMIC,
                config.updateMode() == UpdateMode.PATCH);
        this.cache = SharedCache.create(config, metadata);
        this.schema = new Schema(metadata, dynamo);
        this.idGenerators = new IdGenerators(dynamo);
        this.queryModel = new ProviderQueryModel(metadata);
        Annotations.using(metadata.mappings(), () -> {
            for (EntityMeta e : metadata.entities()) {
                // An entity's mapped superclasses declare named queries for the unit too (JPA 3.2 section 10.4.1).
                for (Class<?> c = e.javaClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (NamedQuery q : Annotations.all(c, NamedQuery.class)) {
                        namedQueries.putIfAbsent(q.name(), q.query());
                    }
                    for (jakarta.persistence.NamedNativeQuery q : Annotations.all(c, jakarta.persistence.NamedNativeQuery.class)) {
                        namedNativeQueries.add(q.name());
                    }
                }
            }
            return null;
        });
        // A query of orm.xml replaces an annotation's of the same name (JPA 3.2 chapter 12).
        namedQueries.putAll(metadata.mappings().namedQueries());
        try {
            // Named queries are compiled at bootstrap so that a broken one fails fast, naming itself.
            namedQueries.forEach((queryName, jpql) -> {
                try {
                    compile(jpql);
                } catch (IllegalArgumentException e) {
                    throw new PersistenceException("Named query '" + queryName + "' is invalid: " + e.getMessage(), e);
                }
            });
            schema.run(config.schemaAction());
            if (CanonicalMetamodel.anyFor(metadata.entities().stream().<Class<?>>map(EntityMeta::javaClass).toList())) {
                CanonicalMetamodel.populate(getMetamodel(), getNamedQueries(Object.class), getNamedEntityGraphs(Object.class));
            }
        } catch (RuntimeException e) {
            closeClient();
            throw e;
        }
    }

    /** The unit's retry budget: Jynamo's backoff ceiling (2 s), raised to the base when the base is larger. */
    private static Retry retry(UnitConfig.Retries r) {
        return new Retry(r.maxAttempts(), r.baseMillis(), Math.max(r.baseMillis(), Retry.DEFAULT.capMillis()), r.maxMillis());
    }

    // ---- for entity managers and queries -------------------------------------------------------------

    public Metadata metadata() {
        return metadata;
    }

    /**
     * The entity of a class, or of the entity a class Jynamo generated (a proxy) subclasses; {@code null} for
     * anything else, an application's own subclass of an entity among them (JPA 2.1: only entity classes are
     * persisted; persisting an instance of such a subclass is an {@code IllegalArgumentException}).
     */
    EntityMeta entityOf(Class<?> type) {
        EntityMeta exact = metadata.exact(type);
        return exact == null && io.jynamo.internal.proxy.Proxied.class.isAssignableFrom(type)
                ? metadata.find(type.getSuperclass()) : exact;
    }

    @Override
    public EntityMeta entity(String name) {
        return metadata.byName(name);
    }

    public Dynamo dynamo() {
        return dynamo;
    }

    /** The factory's numeric id generators: their blocks are shared by all its entity managers. */
    public IdGenerators idGenerators() {
        return idGenerators;
    }

    public Flusher flusher() {
        return flusher;
    }

    public Instances instances() {
        return instances;
    }

    /** What a query without the {@code jynamo.client-side} hint does when part of it would run in Java. */
    public io.jynamo.internal.config.ClientSidePolicy clientSidePolicy() {
        return config.clientSidePolicy();
    }

    /** The most rows a query without the {@code jynamo.client-side.max-rows} hint may sort in memory. */
    public long clientSideMaxRows() {
        return config.clientSideMaxRows();
    }

    @Override
    public int scanSegments() {
        return config.scanSegments();
    }

    /** What a query without the {@code jynamo.scan} hint does when it would scan. */
    public ScanPolicy scanPolicy() {
        return config.scanPolicy();
    }

    /** The entity managers' default retrieve mode ({@code jakarta.persistence.cache.retrieveMode}). */
    CacheRetrieveMode cacheRetrieveMode() {
        return config.cacheRetrieveMode();
    }

    /** The entity managers' default store mode ({@code jakarta.persistence.cache.storeMode}). */
    CacheStoreMode cacheStoreMode() {
        return config.cacheStoreMode();
    }

    /** Whether reads that can be strongly consistent are ({@code jynamo.consistent-read}). */
    public boolean consistentReads() {
        return config.consistentReads();
    }

    /** The retry budget of the unit's DynamoDB calls ({@code jynamo.retry.*}). */
    public Retry retry() {
        return retry;
    }

    /** How changes to managed entities are found at flush ({@code jynamo.dirty-checking}; default TRACKING). */
    public DirtyChecking dirtyChecking() {
        return config.dirtyChecking();
    }

    /** The second-level cache of the factory (empty, and never consulted, in mode NONE). */
    public SharedCache cache() {
        return cache;
    }

    public ProviderQueryModel queryModel() {
        return queryModel;
    }

    /** How many scanning query strings {@link #warnScanOnce} remembers at most. */
    public static final int MAX_SCAN_WARNINGS_REMEMBERED = 1_000;

    /** Logs a scan warning once per query string (among the last {@value #MAX_SCAN_WARNINGS_REMEMBERED} or so). */
    public void warnScanOnce(String jpql, java.util.function.Supplier<String> message) {
        if (warnedScans.asMap().putIfAbsent(jpql, Boolean.TRUE) == null) {
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }

    /** How many query strings the scan warnings remember now (at most {@value #MAX_SCAN_WARNINGS_REMEMBERED}). */
    public long scanWarningsRemembered() {
        warnedScans.cleanUp();
        return warnedScans.estimatedSize();
    }

    /** The compiled form of a JPQL string, from the plan cache. */
    public CompiledQuery compile(String jpql) {
        if (jpql == null) {
            throw new IllegalArgumentException("The query string must not be null");
        }
        return plans.get(jpql, q -> JpqlCompiler.compile(q, queryModel));
    }

    /** The compiled form of a criteria query's statement, from the plan cache. */
    public CompiledQuery compile(CriteriaStatement criteria) {
        try {
            return criteriaPlans.get(criteria.statement(), s -> JpqlCompiler.compile(s, criteria.text(), queryModel));
        } catch (IllegalArgumentException e) {
            // The statement has no text of its own: name the query instead of a line and column.
            throw new IllegalArgumentException("Criteria query '" + criteria.text() + "': "
                    + e.getMessage().replaceFirst("^JPQL error at line \\d+, column \\d+: ", ""), e);
        }
    }

    /** Whether {@code name} is a {@code @NamedNativeQuery} of the unit (which Jynamo cannot run). */
    public boolean isNamedNativeQuery(String name) {
        return namedNativeQueries.contains(name) && !namedQueries.containsKey(name);
    }

    public Map<String, String> namedQueries() {
        return namedQueries;
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("This EntityManagerFactory is closed");
        }
    }

    // ---- EntityManagerFactory ------------------------------------------------------------------------

    @Override
    public EntityManager createEntityManager() {
        return createEntityManager(Map.of());
    }

    @Override
    public EntityManager createEntityManager(Map<?, ?> map) {
        checkOpen();
        return new EntityManagerImpl(this, map);
    }

    @Override
    public EntityManager createEntityManager(SynchronizationType synchronizationType) {
        return createEntityManager(synchronizationType, Map.of());
    }

    @Override
    public EntityManager createEntityManager(SynchronizationType synchronizationType, Map<?, ?> map) {
        checkOpen();
        throw new IllegalStateException("Synchronization types are for JTA entity managers; Jynamo's are resource-local");
    }

    @Override
    public CriteriaBuilder getCriteriaBuilder() {
        checkOpen();
        CriteriaBuilderImpl b = criteriaBuilder;
        if (b == null) {
            b = new CriteriaBuilderImpl(getMetamodel());
            criteriaBuilder = b;
        }
        return b;
    }

    @Override
    public Metamodel getMetamodel() {
        checkOpen();
        MetamodelImpl m = metamodel;
        if (m == null) {
            synchronized (this) {
                if (metamodel == null) {
                    metamodel = Annotations.using(metadata.mappings(), () -> new MetamodelImpl(metadata));
                }
                m = metamodel;
            }
        }
        return m;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        checkOpen();
        open = false;
        cache.invalidateAll();
        closeClient();
    }

    private void closeClient() {
        dynamo.close();
        if (client.owned()) {
            try {
                client.client().close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Closing the DynamoDB client failed", e);
            }
        }
    }

    @Override
    public String getName() {
        return config.unit();
    }

    @Override
    public Map<String, Object> getProperties() {
        checkOpen();
        return config.properties();
    }

    /** The unit's properties, unmodifiable (what an entity manager starts from). */
    Map<String, Object> unitProperties() {
        return config.properties();
    }

    @Override
    public jakarta.persistence.Cache getCache() {
        checkOpen();
        return cache;
    }

    @Override
    public PersistenceUnitUtil getPersistenceUnitUtil() {
        checkOpen();
        return new UnitUtil(this);
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public SchemaManager getSchemaManager() {
        checkOpen();
        return schema;
    }

    @Override
    public void addNamedQuery(String queryName, Query query) {
        checkOpen();
        if (!(query instanceof io.jynamo.internal.query.QueryImpl<?> q)) {
            throw new IllegalArgumentException("Only queries made by a Jynamo EntityManager can be named");
        }
        namedQueries.put(queryName, q.jpql());
    }

    @Override
    public JynamoStatistics statistics() {
        return dynamo.total().snapshot();
    }

    @Override
    public <T> T unwrap(Class<T> cls) {
        if (cls.isInstance(this)) {
            return cls.cast(this);
        }
        if (cls == DynamoDbClient.class) {
            return cls.cast(dynamo.client());
        }
        throw new PersistenceException("Cannot unwrap the factory to " + cls.getName());
    }

    @Override
    public <T> void addNamedEntityGraph(String graphName, EntityGraph<T> entityGraph) {
        checkOpen();
        if (!(entityGraph instanceof GraphImpl<T> g)) {
            throw new IllegalArgumentException("The entity graph " + entityGraph + " was not made by Jynamo;"
                    + " use EntityManager.createEntityGraph");
        }
        namedEntityGraphs().put(graphName, g.copy(graphName, false));
    }

    /** The named entity graphs: the entities' {@code @NamedEntityGraph}s, then those added; made on first use. */
    Map<String, GraphImpl<?>> namedEntityGraphs() {
        Map<String, GraphImpl<?>> g = entityGraphs;
        if (g == null) {
            synchronized (this) {
                if (entityGraphs == null) {
                    entityGraphs = new java.util.concurrent.ConcurrentHashMap<>(
                            Annotations.using(metadata.mappings(), () -> NamedGraphs.read(metadata, getMetamodel())));
                }
                g = entityGraphs;
            }
        }
        return g;
    }

    @Override
    public <R> Map<String, TypedQueryReference<R>> getNamedQueries(Class<R> resultType) {
        checkOpen();
        Map<String, TypedQueryReference<R>> out = new LinkedHashMap<>();
        namedQueries.forEach((queryName, jpql) -> out.put(queryName, new TypedQueryReference<>() {
            public String getName() {
                return queryName;
            }

            public Class<? extends R> getResultType() {
                return resultType;
            }

            public Map<String, Object> getHints() {
                return Map.of();
            }
        }));
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> Map<String, EntityGraph<? extends E>> getNamedEntityGraphs(Class<E> entityType) {
        checkOpen();
        Map<String, EntityGraph<? extends E>> out = new LinkedHashMap<>();
        namedEntityGraphs().forEach((n, g) -> {
            if (entityType.isAssignableFrom(g.getClassType())) {
                out.put(n, (EntityGraph<? extends E>) g);
            }
        });
        return out;
    }

    @Override
    public void runInTransaction(Consumer<EntityManager> work) {
        callInTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    @Override
    public <R> R callInTransaction(Function<EntityManager, R> work) {
        checkOpen();
        EntityManager em = createEntityManager();
        try {
            em.getTransaction().begin();
            R result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }
}
