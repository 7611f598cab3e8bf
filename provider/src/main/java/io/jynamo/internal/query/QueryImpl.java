package io.jynamo.internal.query;

import io.jynamo.JynamoException;
import io.jynamo.JynamoProperties;
import io.jynamo.internal.cache.CacheModes;
import io.jynamo.internal.config.ClientSidePolicy;
import io.jynamo.internal.config.ScanPolicy;
import io.jynamo.internal.config.Settings;
import io.jynamo.internal.config.UnitConfig;
import io.jynamo.internal.context.Session;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.jpql.BoundPlan;
import io.jynamo.jpql.ClientSide;
import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NoResultException;
import jakarta.persistence.NonUniqueResultException;
import jakarta.persistence.Parameter;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TemporalType;
import jakarta.persistence.TransactionRequiredException;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A JPQL query of a Jynamo entity manager: the JPA face. It holds the query's settings and parameters
 * ({@link Arguments}), binds them to the compiled plan, and hands the plan to {@link Reads} (SELECT: GetItem,
 * BatchGetItem, Query or Scan, page by page) or {@link BulkWrites} (UPDATE, DELETE). It depends on the
 * {@link Session} contract and the unit's {@link QueryServices}, never on the entity manager's class.
 *
 * <p>Longer than 400 lines because {@code TypedQuery} has some 50 methods, each a few lines here.
 *
 * @param <X> the result type
 */
public final class QueryImpl<X> implements TypedQuery<X> {

    private final Session session;
    private final QueryServices services;
    private final CompiledQuery compiled;
    private final Class<X> resultClass;
    private final Arguments arguments;
    private final Shaping shaping;
    private final Map<String, Object> hints = new LinkedHashMap<>();
    private int maxResults = Integer.MAX_VALUE;
    private int firstResult;
    private FlushModeType flushMode;
    /**
     * The most joined keys a two-step JOIN reads the root for with one Query each (of the foreign-key index);
     * more are one Scan with the foreign key IN them (DynamoDB's IN takes 100 operands a list).
     */
    static final int MAX_QUERIES_PER_KEY = 100;
    /** The plans of the last execution when it reads in several parts (one per joined key), else {@code null}. */
    private List<BoundPlan> parts;
    /** JOIN of a collection without DISTINCT: how many joined rows each root key has, else {@code null}. */
    private Map<io.jynamo.jpql.EntityKey, Integer> repeats;
    private LockModeType lockMode = LockModeType.NONE;

    public QueryImpl(Session session, QueryServices services, CompiledQuery compiled, Class<X> resultClass) {
        this(session, services, compiled, Shaping.NONE, resultClass);
    }

    /** A query built with the Criteria API: its compiled statement and what the criteria add to it. */
    public QueryImpl(Session session, QueryServices services, CompiledQuery compiled, Shaping shaping, Class<X> resultClass) {
        this.session = session;
        this.services = services;
        this.compiled = compiled;
        this.shaping = shaping != Shaping.NONE ? shaping : Shaping.of(compiled, resultClass, loader(services, compiled));
        this.resultClass = resultClass;
        this.arguments = new Arguments(compiled, this.shaping);
        checkResultType();
    }

    /** Where the classes of {@code SELECT NEW} are found: the application's (context) class loader, else the entity's. */
    private static ClassLoader loader(QueryServices services, CompiledQuery compiled) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : services.entity(compiled.entity().name()).javaClass().getClassLoader();
    }

    /** The JPQL text. */
    public String jpql() {
        return compiled.jpql();
    }

    private EntityMeta entityMeta() {
        return services.entity(compiled.entity().name());
    }

    private void checkResultType() {
        if (resultClass == Object.class || compiled.kind() != StatementKind.SELECT) {
            return;
        }
        Class<?> actual = compiled.selectedAssociation() != null
                ? entityMeta().association(compiled.selectedAssociation().name()).target().javaClass()
                : shaping.rows() != null ? shaping.rowType()
                : compiled.collectionRows() != null ? collectionRowClass(compiled.collectionRows())
                : switch (compiled.selectKind()) {
            case ENTITY -> entityMeta().javaClass();
            case COUNT -> Long.class;
            case ATTRIBUTES -> compiled.selectedTypes().size() == 1
                    ? compiled.selectedTypes().get(0) : Object[].class;
        };
        if (!resultClass.isAssignableFrom(actual)) {
            throw new IllegalArgumentException("Query '" + compiled.jpql() + "' returns " + actual.getName()
                    + ", which is not assignable to the requested " + resultClass.getName());
        }
    }

    /** What a row of a join of a collection is: a count, the element or owner entity, one value or the values. */
    private Class<?> collectionRowClass(io.jynamo.jpql.CollectionRows rows) {
        if (rows.count()) {
            return Long.class;
        }
        if (!rows.entity()) {
            return rows.types().size() == 1 ? rows.types().get(0) : Object[].class;
        }
        return rows.items().get(0).element() ? entityMeta().association(rows.association()).target().javaClass()
                : entityMeta().javaClass();
    }

    // ---- execution -----------------------------------------------------------------------------------

    @Override
    public List<X> getResultList() {
        return results("getResultList", maxResults);
    }

    /** The first {@code max} results, read to the end of the statement's reads or until there are {@code max}. */
    private List<X> results(String method, int max) {
        session.checkOpen();
        return session.guard(() -> {
            requireSelect(method);
            if (compiled.collectionRows() != null) {
                return collectionRows(max);
            }
            List<X> out = new ArrayList<>(Math.min(max, 10));
            List<Reads> opened = new ArrayList<>(1);
            // An inner JOIN FETCH of a collection or inverse to-one drops results only once fetched: all are read.
            boolean dropping = !compiled.innerFetches().isEmpty();
            try {
                Iterator<X> it = iterator(dropping ? 0 : firstResult, dropping ? Integer.MAX_VALUE : max, opened);
                while (it.hasNext()) {
                    out.add(it.next());
                }
            } finally {
                // max may end the results before the reads do: a parallel Scan must not read on.
                opened.forEach(Reads::close);
            }
            // EAGER to-one targets of the results: one BatchGetItem per 100 keys, not one read per result.
            session.loader().resolvePending();
            fetch(out);
            return dropping ? withInnerFetches(out, max) : out;
        });
    }

    /**
     * The rows of a select through a join of a collection ({@link io.jynamo.jpql.CollectionRows}): the owners the
     * statement selects, their collections loaded as a fetch loads them (one Query per owner; an inverse side's read
     * from DynamoDB even when in memory), one row per (owner, element) in the owners' order and each collection's, an
     * owner without elements one row of NULL element items under a LEFT JOIN; then ORDER BY, DISTINCT, firstResult
     * and max.
     */
    private List<X> collectionRows(int max) {
        io.jynamo.jpql.CollectionRows rows = compiled.collectionRows();
        List<Object> owners = new ArrayList<>();
        List<Reads> opened = new ArrayList<>(1);
        try {
            Iterator<X> it = iterator(0, Integer.MAX_VALUE, opened);
            while (it.hasNext()) {
                owners.add(it.next());
            }
        } finally {
            opened.forEach(Reads::close);
        }
        session.loader().resolvePending();
        EntityMeta ownerMeta = entityMeta();
        io.jynamo.internal.metadata.AssociationMeta a = ownerMeta.association(rows.association());
        // The side that writes the relationship holds in memory what the flush stored; an inverse side holds what the
        // application put in it, so its elements are read from DynamoDB.
        boolean stored = a.mappedBy() != null;
        if (!stored) {
            session.loader().fetch(owners, List.of(rows.association()));
        }
        if (!rows.positions().isEmpty() && a.orderColumn() == null) {
            throw new IllegalArgumentException("Query '" + compiled.jpql() + "' compares INDEX() of the elements of "
                    + ownerMeta.name() + "." + a.name() + ", which has no position: map it as a List with @OrderColumn");
        }
        EntityMeta elementMeta = a.target();
        List<CollectionRow> made = new ArrayList<>();
        for (Object owner : owners) {
            Object value = stored ? session.loader().storedTargets(a, owner)
                    : session.loader().associationValue(owner, rows.association());
            java.util.Collection<?> elements = value instanceof Map<?, ?> m ? m.values()
                    : value == null ? List.of() : (java.util.Collection<?>) value;
            int before = made.size();
            long position = -1;
            for (Object element : elements) {
                long at = ++position; // an ordered list's gap (null) holds its position too
                if (element != null && rows.positions().stream().allMatch(p -> p.test(at))) {
                    made.add(CollectionRow.of(rows, ownerMeta, owner, elementMeta, element));
                }
            }
            if (made.size() == before && rows.left() && rows.positions().isEmpty()) { // (a NULL's INDEX passes nothing)
                made.add(CollectionRow.of(rows, ownerMeta, owner, elementMeta, null));
            }
        }
        if (!rows.order().isEmpty()) {
            made.sort(CollectionRow.order(rows));
        }
        List<Object> kept = new ArrayList<>();
        java.util.Set<Object> seen = rows.entity() ? java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())
                : new java.util.HashSet<>(); // (entities by identity: their equals is the application's)
        for (CollectionRow row : made) {
            // COUNT(v) counts the rows whose v is not NULL (a LEFT JOIN's owner without elements has none)
            if (!(rows.count() && row.result() == null) && (!rows.distinct() || seen.add(row.identity()))) {
                kept.add(row.result());
            }
        }
        if (rows.count()) {
            kept = List.of(Long.valueOf(kept.size()));
        }
        int from = Math.min(firstResult, kept.size());
        List<X> out = new ArrayList<>();
        for (Object result : kept.subList(from, (int) Math.min(kept.size(), from + (long) Math.max(max, 0)))) {
            out.add((X) (shaping.rows() == null ? result : shaping.rows().apply(result)));
        }
        return out;
    }

    /**
     * The fetched results whose inner-fetched associations are not empty, then firstResult and max of them. As in
     * SQL, what DynamoDB holds decides: an empty collection the application gave a managed owner (persisted with
     * {@code new ArrayList<>()}, never loaded) is asked of DynamoDB, one {@code Select=COUNT} Query with Limit 1.
     */
    private List<X> withInnerFetches(List<X> fetched, int max) {
        List<X> kept = new ArrayList<>();
        RelationSteps stored = null;
        for (X owner : fetched) {
            boolean all = true;
            for (io.jynamo.jpql.model.AssociationInfo a : compiled.innerFetches()) {
                Object value = session.loader().associationValue(owner, a.name());
                all = value instanceof java.util.Collection<?> c ? !c.isEmpty()
                        : value instanceof Map<?, ?> m ? !m.isEmpty() : value != null;
                if (!all && (value instanceof java.util.Collection<?> || value instanceof Map<?, ?>)
                        && !(value instanceof io.jynamo.internal.context.RelationCollection)) {
                    if (stored == null) {
                        stored = new RelationSteps(session, services, getCacheRetrieveMode(), getCacheStoreMode(), consistentReads());
                    }
                    io.jynamo.internal.context.EntityEntry e = session.context().entry(owner);
                    all = stored.count(e.meta(), a.name(), e.key(), 1) > 0;
                }
                if (!all) {
                    break;
                }
            }
            if (all) {
                kept.add(owner);
            }
        }
        int from = Math.min(firstResult, kept.size());
        return new ArrayList<>(kept.subList(from, (int) Math.min(kept.size(), from + (long) max)));
    }

    @Override
    public Stream<X> getResultStream() {
        session.checkOpen();
        if (!compiled.innerFetches().isEmpty() || compiled.collectionRows() != null) {
            // Which results an inner fetch join keeps, or what the rows of a collection's join are, is known once
            // all are fetched.
            return getResultList().stream();
        }
        List<Reads> opened = new ArrayList<>(1);
        Iterator<X> pages = session.guard(() -> {
            requireSelect("getResultStream");
            return iterator(firstResult, maxResults, opened);
        });
        // Later pages are read while the caller consumes the stream: their failures mark the transaction too.
        Iterator<X> guarded = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return session.guard(pages::hasNext);
            }

            @Override
            public X next() {
                return session.guard(() -> {
                    X next = pages.next();
                    // Results are handed out one by one: their eager targets are read before each is.
                    session.loader().resolvePending();
                    fetch(List.of(next));
                    return next;
                });
            }
        };
        // A selected attribute may be null; entities and counts never are.
        int characteristics = compiled.selectKind() == SelectKind.ATTRIBUTES ? Spliterator.ORDERED
                : Spliterator.ORDERED | Spliterator.NONNULL;
        // Closing the stream before its end stops a parallel Scan's segments (reading ahead, calls in flight).
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(guarded, characteristics), false)
                .onClose(() -> opened.forEach(Reads::close));
    }

    @Override
    public X getSingleResult() {
        List<X> two = firstTwo();
        if (two.isEmpty()) {
            throw new NoResultException("Query '" + compiled.jpql() + "' found no result");
        }
        if (two.size() > 1) {
            throw new NonUniqueResultException("Query '" + compiled.jpql() + "' found more than one result");
        }
        return two.get(0);
    }

    @Override
    public X getSingleResultOrNull() {
        List<X> two = firstTwo();
        if (two.size() > 1) {
            throw new NonUniqueResultException("Query '" + compiled.jpql() + "' found more than one result");
        }
        return two.isEmpty() ? null : two.get(0);
    }

    private List<X> firstTwo() {
        return results("getSingleResult", Math.min(maxResults, 2));
    }

    /**
     * JOIN FETCH and the entity graph of the {@code jakarta.persistence.fetchgraph} / {@code loadgraph} hint: the
     * relationships of the results they name, loaded before the results are handed out.
     */
    private void fetch(List<?> results) {
        if (compiled.selectKind() != SelectKind.ENTITY || results.isEmpty()) {
            return;
        }
        if (!compiled.fetches().isEmpty()) {
            session.loader().fetch(results, compiled.fetches().stream().map(io.jynamo.jpql.model.AssociationInfo::name).toList());
        }
        for (List<String> path : compiled.fetchPaths()) {
            fetchPath(results, path);
        }
        if (shaping.fetches() != null) {
            session.loader().fetch(results, shaping.fetches());
        }
        io.jynamo.internal.graph.GraphImpl<?> graph = Graphs.of(hints);
        if (graph != null) {
            session.loader().fetch(results, graph);
        }
    }

    /**
     * A fetch below a fetch ({@code LEFT JOIN FETCH c.orders o LEFT JOIN FETCH o.lines}): each level of the path is
     * loaded for all the targets of the level above it, as an entity graph's subgraph is.
     */
    private void fetchPath(List<?> owners, List<String> path) {
        session.loader().fetch(owners, List.of(path.get(0)));
        if (path.size() == 1) {
            return;
        }
        List<Object> targets = session.loader().targets(owners, path.get(0));
        if (!targets.isEmpty()) {
            fetchPath(targets, path.subList(1, path.size()));
        }
    }

    private void requireSelect(String method) {
        if (compiled.kind() != StatementKind.SELECT) {
            throw new IllegalStateException(method + "() runs SELECT statements; use executeUpdate() for "
                    + compiled.kind() + " statements");
        }
        if (lockMode != LockModeType.NONE && !session.transactionActive()) {
            throw new jakarta.persistence.TransactionRequiredException("A query with lock mode " + lockMode
                    + " needs an active transaction (JPA 3.2 section 3.11.1); begin one, or run it with LockModeType.NONE");
        }
        if (lockMode != LockModeType.NONE && lockMode != LockModeType.OPTIMISTIC && lockMode != LockModeType.READ) {
            throw new PersistenceException("Lock mode " + lockMode + " is not supported: DynamoDB has no row locks");
        }
    }

    /** Binds the parameters to the plan, applies the scan policy and flushes as the flush mode says. */
    private BoundPlan prepare() {
        Object index = hints.get(JynamoProperties.INDEX_HINT);
        if (!compiled.steps().isEmpty()) {
            return prepareWithSteps(index == null ? null : index.toString());
        }
        BoundPlan plan = compiled.bind(arguments.bound(), index == null ? null : index.toString());
        checkScan(plan);
        checkClientSide(plan);
        // JPA 3.10.8: with AUTO (the query's own mode, else the entity manager's) pending changes are flushed
        // before a query runs in a transaction, so that the query sees them.
        if (getFlushMode() == FlushModeType.AUTO) {
            session.flushForQuery();
        }
        return plan;
    }

    /**
     * A query whose condition needs reads before its root read ({@code MEMBER OF} a relationship, a {@code JOIN}
     * with conditions on the joined entity's other attributes): the joined entities' plans are checked against the
     * policies first, pending changes flushed, the steps run, and the root's plan is bound to the keys they found.
     */
    private BoundPlan prepareWithSteps(String index) {
        parts = null;
        repeats = null;
        Map<Object, Object> args = new LinkedHashMap<>(arguments.bound());
        Map<io.jynamo.jpql.RelationStep, BoundPlan> joined = new LinkedHashMap<>();
        for (io.jynamo.jpql.RelationStep step : compiled.steps()) {
            if (step.query() != null && step.query().steps().isEmpty()) {
                BoundPlan plan = step.query().bind(args, null);
                checkScan(plan, step.query());
                checkClientSide(plan);
                joined.put(step, plan);
            }
        }
        if (getFlushMode() == FlushModeType.AUTO) {
            session.flushForQuery();
        }
        RelationSteps steps = new RelationSteps(session, services, getCacheRetrieveMode(), getCacheStoreMode(),
                consistentReads());
        repeats = runSteps(compiled, args, steps, joined);
        BoundPlan plan = compiled.bind(args, index);
        List<BoundPlan> perKey = index == null && plan.scan() ? perJoinedKey(args) : null;
        if (perKey != null) {
            parts = perKey;
            plan = perKey.get(0);
        }
        checkScan(plan);
        checkClientSide(plan);
        return plan;
    }

    /**
     * The plan of a joined entity's query that has joins of its own ({@code JOIN c.orders o JOIN o.lines l}): its
     * steps run first, as the query's own do (the innermost entities first), its plan then bound to the keys they
     * found; the policies are applied to it as to any query.
     */
    private Joined nested(CompiledQuery q, Map<Object, Object> outer, RelationSteps steps) {
        Map<Object, Object> args = new LinkedHashMap<>(outer);
        Map<io.jynamo.jpql.EntityKey, Integer> repeated = runSteps(q, args, steps, Map.of());
        BoundPlan plan = q.bind(args, null);
        checkScan(plan, q);
        checkClientSide(plan);
        return new Joined(plan, repeated);
    }

    /**
     * Runs a query's steps and binds the keys each finds into {@code args}; returns how often each of the query's
     * rows repeats (a JOIN of a collection without DISTINCT), or {@code null}.
     */
    private Map<io.jynamo.jpql.EntityKey, Integer> runSteps(CompiledQuery q, Map<Object, Object> args, RelationSteps steps,
                                                           Map<io.jynamo.jpql.RelationStep, BoundPlan> bound) {
        Map<io.jynamo.jpql.EntityKey, Integer> repeated = null;
        for (io.jynamo.jpql.RelationStep step : q.steps()) {
            if (step.query() == null) {
                args.put(step.key(), steps.owners(step, args.get(step.element())));
                continue;
            }
            BoundPlan plan = bound.get(step);
            Joined joined = plan != null ? new Joined(plan, null) : nested(step.query(), args, steps);
            Map<io.jynamo.jpql.EntityKey, Integer> found = joinedKeys(step, joined, steps);
            args.put(step.key(), new ArrayList<>(found.keySet()));
            if (step.repeatsRows()) {
                repeated = found;
            }
        }
        return repeated;
    }

    /** A joined entity's query bound, with how often each of its rows repeats ({@code null}: once). */
    private record Joined(BoundPlan plan, Map<io.jynamo.jpql.EntityKey, Integer> repeats) {
    }

    /**
     * A two-step JOIN whose joined entities are several (at most {@link #MAX_QUERIES_PER_KEY}): instead of one Scan
     * with {@code fk IN (...)}, one Query of the foreign-key index per joined key, when each is one; else
     * {@code null}.
     */
    private List<BoundPlan> perJoinedKey(Map<Object, Object> args) {
        List<io.jynamo.jpql.RelationStep> joinSteps = compiled.steps().stream()
                .filter(s -> s.kind() == io.jynamo.jpql.RelationStep.Kind.JOINED_KEYS
                        && !s.association().kind().collection()).toList();
        if (joinSteps.size() != 1) {
            return null;
        }
        String key = joinSteps.get(0).key();
        List<?> keys = (List<?>) args.get(key);
        if (keys.size() < 2 || keys.size() > MAX_QUERIES_PER_KEY) {
            return null;
        }
        List<BoundPlan> plans = new ArrayList<>();
        for (Object k : keys) {
            Map<Object, Object> one = new LinkedHashMap<>(args);
            one.put(key, List.of(k));
            BoundPlan p = compiled.bind(one, null);
            if (p.operation() != io.jynamo.jpql.Operation.QUERY) {
                return null;
            }
            plans.add(p);
        }
        return plans;
    }

    /**
     * The keys of the joined entities a step's own query selects (its key attributes, in key order), each with the
     * number of rows that named it.
     */
    private Map<io.jynamo.jpql.EntityKey, Integer> joinedKeys(io.jynamo.jpql.RelationStep step, Joined joined,
                                                              RelationSteps links) {
        BoundPlan plan = joined.plan();
        if (plan.alwaysEmpty()) {
            return Map.of();
        }
        CompiledQuery q = step.query();
        Reads reads = new Reads(session, services, q, getCacheRetrieveMode(), getCacheStoreMode(), consistentReads(),
                UnitConfig.scanSegments(hints, services.scanSegments()));
        Iterator<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items =
                plan.clientSide() == null ? reads.items(plan, Long.MAX_VALUE) : reads.clientSide(plan, clientSideMaxRows());
        if (joined.repeats() != null) {
            items = repeated(items, services.entity(q.entity().name()), joined.repeats());
        }
        List<String> paths = step.keyPaths();
        Map<io.jynamo.jpql.EntityKey, Integer> found = new LinkedHashMap<>();
        if (step.association().kind() == io.jynamo.jpql.model.AssociationInfo.Kind.LINK_TABLE) {
            // The joined targets found, then the owners the link table links to each: one Query per target.
            EntityMeta target = services.entity(q.entity().name()).root();
            while (items.hasNext()) {
                for (io.jynamo.jpql.EntityKey owner : links.linkOwners(step, target.linkValue(items.next()))) {
                    found.merge(owner, 1, Integer::sum);
                }
            }
            return found;
        }
        for (Iterator<Object> it = reads.results(items, 0, Integer.MAX_VALUE, plan.selection()); it.hasNext(); ) {
            Object row = it.next();
            Object[] values = row instanceof Object[] a ? a : new Object[] {row};
            Map<String, Object> key = new LinkedHashMap<>();
            for (int i = 0; i < paths.size(); i++) {
                key.put(paths.get(i), values[i]);
            }
            if (!key.containsValue(null)) {
                found.merge(new io.jynamo.jpql.EntityKey(key), 1, Integer::sum);
            }
        }
        return found;
    }

    /**
     * JOIN of a collection without DISTINCT: each root item as often as the joined query found children of it, as
     * SQL returns a row per joined row.
     */
    private Iterator<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> repeated(
            Iterator<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items, EntityMeta meta,
            Map<io.jynamo.jpql.EntityKey, Integer> repeats) {
        ProviderQueryModel model = services.queryModel();
        return new Iterator<>() {
            private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item;
            private int left;

            @Override
            public boolean hasNext() {
                while (left == 0 && items.hasNext()) {
                    item = items.next();
                    left = repeats.getOrDefault(model.entityKey(meta, item), 1);
                }
                return left > 0;
            }

            @Override
            public Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                left--;
                return item;
            }
        };
    }

    private Reads reads() {
        return new Reads(session, services, compiled, getCacheRetrieveMode(), getCacheStoreMode(), consistentReads(),
                UnitConfig.scanSegments(hints, services.scanSegments()));
    }

    /**
     * The query hint {@code jynamo.consistent-read} (true or false), else the unit's setting: eventually consistent
     * Query and Scan pages cost half the read capacity of strongly consistent ones.
     */
    private boolean consistentReads() {
        return UnitConfig.consistentReads(hints, services.consistentReads());
    }

    private void checkScan(BoundPlan plan) {
        checkScan(plan, compiled);
    }

    /** Applies {@code jynamo.scan} to the plan of the query, or of the joined entities' query a step runs first. */
    private void checkScan(BoundPlan plan, CompiledQuery compiled) {
        if (!plan.scan()) {
            return;
        }
        ScanPolicy policy = Settings.oneOf(ScanPolicy.class,
                JynamoProperties.SCAN, hints.get(JynamoProperties.SCAN), services.scanPolicy());
        switch (policy) {
            case DENY -> throw new JynamoException("Query '" + compiled.jpql() + "' would Scan the whole table "
                    + scanned(plan) + " and " + JynamoProperties.SCAN + "=deny forbids that; nothing was read. "
                    + plan.scanReason() + ". Add an equality on the partition key or an index key, or allow scans");
            case WARN -> services.warnScanOnce(compiled.jpql(), () -> "Query '" + compiled.jpql() + "' scans table "
                    + scanned(plan) + " (" + plan.scanReason() + "); set " + JynamoProperties.SCAN
                    + "=allow to silence this or deny to forbid it");
            default -> {
            }
        }
    }

    /** Applies {@code jynamo.client-side} to a plan that leaves conditions or an ORDER BY to Java. */
    private void checkClientSide(BoundPlan plan) {
        ClientSide work = plan.clientSide();
        if (work == null) {
            return;
        }
        ClientSidePolicy policy = Settings.oneOf(ClientSidePolicy.class, JynamoProperties.CLIENT_SIDE,
                hints.get(JynamoProperties.CLIENT_SIDE), services.clientSidePolicy());
        switch (policy) {
            case DENY -> throw new JynamoException("Query '" + compiled.jpql() + "' would " + work.describe()
                    + " in Java, after reading every matching item, because DynamoDB cannot; "
                    + JynamoProperties.CLIENT_SIDE + "=deny forbids that; nothing was read. Set the hint or property "
                    + JynamoProperties.CLIENT_SIDE + " to allow or warn, or change the query (order by a sort key a "
                    + "Query serves, compare a stored normalised copy of the attribute)");
            // Its own key: a query that both scans and runs in Java warns of each once.
            case WARN -> services.warnScanOnce("client-side: " + compiled.jpql(), () -> "Query '" + compiled.jpql()
                    + "' runs in Java: " + work.describe() + " (every matching item is read); set "
                    + JynamoProperties.CLIENT_SIDE + "=allow to silence this or deny to forbid it");
            default -> {
            }
        }
    }

    /** The most rows this query may sort in memory: the hint, else the unit's {@code jynamo.client-side.max-rows}. */
    private long clientSideMaxRows() {
        try {
            return UnitConfig.clientSideMaxRows(hints, services.clientSideMaxRows());
        } catch (PersistenceException e) {
            // A refused hint fails the query as an argument does, in the unit property's wording.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The table a Scan reads, or under TABLE_PER_CLASS each of the tables it reads. */
    private String scanned(BoundPlan plan) {
        List<EntityMeta> tables = TableFanOut.tables(entityMeta(), compiled.where());
        return tables.size() == 1 && !tables.get(0).tablePerClass() ? plan.tableName()
                : String.join(" / ", tables.stream().map(EntityMeta::tableName).toList());
    }

    /** The results, up to {@code max}; the reads of this execution are added to {@code opened}, for the caller to close. */
    @SuppressWarnings("unchecked")
    private Iterator<X> iterator(int first, int max, List<Reads> opened) {
        BoundPlan plan = prepare();
        boolean count = compiled.selectKind() == SelectKind.COUNT;
        boolean aggregates = plan.selection() != null && plan.selection().aggregates();
        // A COUNT (or SUM, AVG, ...) is one row, which maxResults 0 or firstResult 1 leave out like any other.
        if (max <= 0 || (count || aggregates) && first > 0) {
            return java.util.Collections.emptyIterator();
        }
        Reads reads = reads();
        opened.add(reads);
        List<BoundPlan> plans = parts == null ? List.of(plan) : parts;
        if (count) {
            return List.of((X) Long.valueOf(plan.alwaysEmpty() ? 0L : reads.count(plans, clientSideMaxRows()))).iterator();
        }
        if (plan.alwaysEmpty() && !aggregates) {
            return java.util.Collections.emptyIterator();
        }
        // Rows Java drops or reorders are read first: first and maxResults then apply to what Java keeps.
        Iterator<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items =
                plan.alwaysEmpty() ? java.util.Collections.emptyIterator()
                        : plan.clientSide() == null ? reads.items(plans, compiled.distinctRows() || aggregates
                        // An owner whose target is missing (a dangling key) is no row: the owners are not counted.
                        || compiled.selectedAssociation() != null ? Long.MAX_VALUE
                        : first + (long) max) : reads.clientSide(plans, clientSideMaxRows());
        if (repeats != null) {
            items = repeated(items, entityMeta(), repeats);
        }
        if (aggregates) {
            Object row = reads.aggregated(items, plan.selection());
            return java.util.Collections.singletonList((X) (shaping.rows() == null ? row : shaping.rows().apply(row)))
                    .iterator();
        }
        Iterator<?> results = reads.results(items, first, max, plan.selection());
        if (shaping.rows() == null || compiled.collectionRows() != null) {
            return (Iterator<X>) results; // (the rows of a collection's join are shaped once made of these owners)
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return results.hasNext();
            }

            @Override
            public X next() {
                return (X) shaping.rows().apply(results.next());
            }
        };
    }

    // ---- bulk update and delete ----------------------------------------------------------------------

    @Override
    public int executeUpdate() {
        session.checkOpen();
        if (compiled.kind() == StatementKind.SELECT) {
            throw new IllegalStateException("executeUpdate() runs UPDATE and DELETE statements, not SELECT");
        }
        if (!session.transactionActive()) {
            throw new TransactionRequiredException("executeUpdate() needs an active transaction");
        }
        return session.guard(() -> {
            BoundPlan plan = prepare();
            if (plan.alwaysEmpty()) {
                return 0;
            }
            Reads reads = reads();
            return new BulkWrites(session, services, compiled, reads).execute(plan);
        });
    }

    // ---- parameters ----------------------------------------------------------------------------------

    private TypedQuery<X> set(Object key, Object value) {
        session.checkOpen();
        arguments.set(key, value);
        return this;
    }

    @Override
    public TypedQuery<X> setParameter(String name, Object value) {
        return set(name, value);
    }

    @Override
    public TypedQuery<X> setParameter(int position, Object value) {
        return set(position, value);
    }

    @Override
    public <T> TypedQuery<X> setParameter(Parameter<T> param, T value) {
        return set(Arguments.keyOf(param), value);
    }

    // The attribute's own mapping (@Temporal, or the java.sql type) decides how the value is stored and
    // compared; the TemporalType is a JDBC binding hint with nothing to choose here.
    @Override
    public TypedQuery<X> setParameter(Parameter<Calendar> param, Calendar value, TemporalType temporalType) {
        return set(Arguments.keyOf(param), value);
    }

    @Override
    public TypedQuery<X> setParameter(Parameter<Date> param, Date value, TemporalType temporalType) {
        return set(Arguments.keyOf(param), value);
    }

    @Override
    public TypedQuery<X> setParameter(String name, Calendar value, TemporalType temporalType) {
        return set(name, value);
    }

    @Override
    public TypedQuery<X> setParameter(String name, Date value, TemporalType temporalType) {
        return set(name, value);
    }

    @Override
    public TypedQuery<X> setParameter(int position, Calendar value, TemporalType temporalType) {
        return set(position, value);
    }

    @Override
    public TypedQuery<X> setParameter(int position, Date value, TemporalType temporalType) {
        return set(position, value);
    }


    @Override
    public Set<Parameter<?>> getParameters() {
        session.checkOpen();
        return arguments.all();
    }

    @Override
    public Parameter<?> getParameter(String name) {
        return arguments.get(name);
    }

    @Override
    public <T> Parameter<T> getParameter(String name, Class<T> type) {
        return Arguments.typed(getParameter(name), type);
    }

    @Override
    public Parameter<?> getParameter(int position) {
        return arguments.get(position);
    }

    @Override
    public <T> Parameter<T> getParameter(int position, Class<T> type) {
        return Arguments.typed(getParameter(position), type);
    }

    @Override
    public boolean isBound(Parameter<?> param) {
        return arguments.isBound(Arguments.keyOf(param));
    }

    @Override
    public <T> T getParameterValue(Parameter<T> param) {
        return param.getParameterType().cast(arguments.value(Arguments.keyOf(param)));
    }

    @Override
    public Object getParameterValue(String name) {
        return arguments.value(name);
    }

    @Override
    public Object getParameterValue(int position) {
        return arguments.value(position);
    }

    // ---- settings ------------------------------------------------------------------------------------

    @Override
    public TypedQuery<X> setMaxResults(int maxResult) {
        if (maxResult < 0) {
            throw new IllegalArgumentException("maxResults must not be negative: " + maxResult);
        }
        this.maxResults = maxResult;
        return this;
    }

    @Override
    public int getMaxResults() {
        return maxResults;
    }

    @Override
    public TypedQuery<X> setFirstResult(int startPosition) {
        if (startPosition < 0) {
            throw new IllegalArgumentException("firstResult must not be negative: " + startPosition);
        }
        this.firstResult = startPosition;
        return this;
    }

    @Override
    public int getFirstResult() {
        return firstResult;
    }

    @Override
    public TypedQuery<X> setHint(String hintName, Object value) {
        // A bad cache mode is refused here, where the caller can tell which hint it was.
        if (CacheModes.RETRIEVE_MODE.equals(hintName)) {
            CacheModes.retrieve(value, null);
        } else if (CacheModes.STORE_MODE.equals(hintName)) {
            CacheModes.store(value, null);
        }
        Object previous = hints.put(hintName, value);
        if (JynamoProperties.CONSISTENT_READ.equals(hintName) || JynamoProperties.SCAN_SEGMENTS.equals(hintName)) {
            try {
                consistentReads();
                UnitConfig.scanSegments(hints, 1);
            } catch (RuntimeException e) {
                hints.put(hintName, previous);
                throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return this;
    }

    @Override
    public Map<String, Object> getHints() {
        return hints;
    }

    @Override
    public TypedQuery<X> setFlushMode(FlushModeType flushMode) {
        this.flushMode = flushMode;
        return this;
    }

    @Override
    public FlushModeType getFlushMode() {
        return flushMode != null ? flushMode : session.getFlushMode();
    }

    @Override
    public TypedQuery<X> setLockMode(LockModeType lockMode) {
        if (compiled.kind() != StatementKind.SELECT) {
            throw new IllegalStateException("Lock modes apply to SELECT queries only");
        }
        this.lockMode = lockMode;
        return this;
    }

    @Override
    public LockModeType getLockMode() {
        if (compiled.kind() != StatementKind.SELECT) {
            throw new IllegalStateException("Lock modes apply to SELECT queries only");
        }
        return lockMode;
    }

    @Override
    public TypedQuery<X> setCacheRetrieveMode(CacheRetrieveMode cacheRetrieveMode) {
        return setHint(CacheModes.RETRIEVE_MODE, cacheRetrieveMode);
    }

    @Override
    public TypedQuery<X> setCacheStoreMode(CacheStoreMode cacheStoreMode) {
        return setHint(CacheModes.STORE_MODE, cacheStoreMode);
    }

    @Override
    public CacheRetrieveMode getCacheRetrieveMode() {
        return CacheModes.retrieve(hints.get(CacheModes.RETRIEVE_MODE), session.getCacheRetrieveMode());
    }

    @Override
    public CacheStoreMode getCacheStoreMode() {
        return CacheModes.store(hints.get(CacheModes.STORE_MODE), session.getCacheStoreMode());
    }

    @Override
    public TypedQuery<X> setTimeout(Integer timeout) {
        return this;
    }

    @Override
    public Integer getTimeout() {
        return null;
    }

    @Override
    public <T> T unwrap(Class<T> cls) {
        if (cls.isInstance(this)) {
            return cls.cast(this);
        }
        throw new PersistenceException("Cannot unwrap a Jynamo query to " + cls.getName());
    }
}
