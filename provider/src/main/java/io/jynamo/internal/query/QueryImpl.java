package io.jynamo.internal.query;

import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;

import io.jynamo.internal.dynamo.Retry;

import io.jynamo.internal.bootstrap.Settings;

import io.jynamo.JynamoException;
import io.jynamo.JynamoProperties;
import io.jynamo.UnprocessedWritesException;
import io.jynamo.internal.cache.CacheModes;
import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.dynamo.AttributeValues;
import io.jynamo.internal.em.EntityManagerFactoryImpl;
import io.jynamo.internal.em.EntityManagerImpl;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.jpql.BoundPlan;
import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.ParameterInfo;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.model.AttributeInfo;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A JPQL query of a Jynamo entity manager: binds parameters to a compiled plan and runs it as
 * GetItem, BatchGetItem, Query or Scan, page by page.
 *
 * @param <X> the result type
 */
public final class QueryImpl<X> implements TypedQuery<X> {

    private static final System.Logger LOG = System.getLogger(QueryImpl.class.getName());

    private final EntityManagerImpl em;
    private final CompiledQuery compiled;
    private final Class<X> resultClass;
    private final Map<Object, Object> arguments = new HashMap<>();
    private final Map<String, Object> hints = new LinkedHashMap<>();
    private int maxResults = Integer.MAX_VALUE;
    private int firstResult;
    private FlushModeType flushMode;
    private LockModeType lockMode = LockModeType.NONE;

    public QueryImpl(EntityManagerImpl em, CompiledQuery compiled, Class<X> resultClass) {
        this.em = em;
        this.compiled = compiled;
        this.resultClass = resultClass;
        checkResultType();
    }

    /** The JPQL text. */
    public String jpql() {
        return compiled.jpql();
    }

    private EntityManagerFactoryImpl factory() {
        return em.factory();
    }

    private EntityMeta entityMeta() {
        return factory().metadata().byName(compiled.entity().name());
    }

    private void checkResultType() {
        if (resultClass == Object.class || compiled.kind() != StatementKind.SELECT) {
            return;
        }
        Class<?> actual = switch (compiled.selectKind()) {
            case ENTITY -> entityMeta().javaClass();
            case COUNT -> Long.class;
            case ATTRIBUTES -> compiled.selectedAttributes().size() == 1
                    ? compiled.selectedAttributes().get(0).javaType() : Object[].class;
        };
        if (!resultClass.isAssignableFrom(actual)) {
            throw new IllegalArgumentException("Query '" + compiled.jpql() + "' returns " + actual.getName()
                    + ", which is not assignable to the requested " + resultClass.getName());
        }
    }

    // ---- execution -----------------------------------------------------------------------------------

    @Override
    public List<X> getResultList() {
        em.checkOpen();
        return em.guard(() -> {
            requireSelect("getResultList");
            List<X> out = new ArrayList<>();
            Iterator<X> it = iterator(maxResults);
            while (it.hasNext()) {
                out.add(it.next());
            }
            return out;
        });
    }

    @Override
    public Stream<X> getResultStream() {
        em.checkOpen();
        Iterator<X> pages = em.guard(() -> {
            requireSelect("getResultStream");
            return iterator(maxResults);
        });
        // Later pages are read while the caller consumes the stream: their failures mark the transaction too.
        Iterator<X> guarded = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return em.guard(pages::hasNext);
            }

            @Override
            public X next() {
                return em.guard(pages::next);
            }
        };
        // A selected attribute may be null; entities and counts never are.
        int characteristics = compiled.selectKind() == SelectKind.ATTRIBUTES ? Spliterator.ORDERED
                : Spliterator.ORDERED | Spliterator.NONNULL;
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(guarded, characteristics), false);
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
        em.checkOpen();
        return em.guard(() -> {
            requireSelect("getSingleResult");
            List<X> out = new ArrayList<>(2);
            Iterator<X> it = iterator(Math.min(maxResults, 2));
            while (it.hasNext() && out.size() < 2) {
                out.add(it.next());
            }
            return out;
        });
    }

    private void requireSelect(String method) {
        if (compiled.kind() != StatementKind.SELECT) {
            throw new IllegalStateException(method + "() runs SELECT statements; use executeUpdate() for "
                    + compiled.kind() + " statements");
        }
        if (lockMode != LockModeType.NONE && lockMode != LockModeType.OPTIMISTIC && lockMode != LockModeType.READ) {
            throw new PersistenceException("Lock mode " + lockMode + " is not supported: DynamoDB has no row locks");
        }
    }

    private BoundPlan bind() {
        Object index = hints.get(JynamoProperties.INDEX_HINT);
        for (ParameterInfo p : compiled.parameters()) {
            Object key = p.name() != null ? p.name() : p.position();
            if (!arguments.containsKey(key)) {
                throw new IllegalStateException("Parameter " + describe(p) + " of query '" + compiled.jpql()
                        + "' has no value; call setParameter first");
            }
        }
        return compiled.bind(arguments, index == null ? null : index.toString());
    }

    private void checkScan(BoundPlan plan) {
        if (!plan.scan()) {
            return;
        }
        EntityManagerFactoryImpl.ScanPolicy policy = Settings.oneOf(EntityManagerFactoryImpl.ScanPolicy.class,
                JynamoProperties.SCAN, hints.get(JynamoProperties.SCAN), factory().scanPolicy());
        switch (policy) {
            case DENY -> throw new JynamoException("Query '" + compiled.jpql() + "' would Scan the whole table "
                    + plan.tableName() + " and " + JynamoProperties.SCAN + "=deny forbids that; nothing was read. "
                    + plan.scanReason() + ". Add an equality on the partition key or an index key, or allow scans");
            case WARN -> factory().warnScanOnce(compiled.jpql(), () -> "Query '" + compiled.jpql() + "' scans table "
                    + plan.tableName() + " (" + plan.scanReason() + "); set " + JynamoProperties.SCAN
                    + "=allow to silence this or deny to forbid it");
            default -> {
            }
        }
    }

    private Iterator<X> iterator(int max) {
        BoundPlan plan = bind();
        checkScan(plan);
        flushIfAuto();
        boolean count = compiled.selectKind() == SelectKind.COUNT;
        // A COUNT is one row, which maxResults 0 or firstResult 1 leave out like any other.
        if (max <= 0 || count && firstResult > 0) {
            return java.util.Collections.emptyIterator();
        }
        if (count) {
            return single(plan.alwaysEmpty() ? 0L : count(plan));
        }
        if (plan.alwaysEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        Iterator<Map<String, AttributeValue>> items = switch (plan.operation()) {
            case GET_ITEM, BATCH_GET_ITEM -> keyed(plan).iterator();
            case QUERY, SCAN -> new Pages(plan, firstResult + (long) max);
        };
        return new Results(items, firstResult, max);
    }

    /**
     * JPA 3.10.8: with AUTO (the query's own mode, else the entity manager's) pending changes are flushed
     * before a query runs in a transaction, so that the query sees them. The atomic write mode keeps all
     * writes for one TransactWriteItems at commit and never flushes early.
     */
    private void flushIfAuto() {
        FlushModeType mode = flushMode != null ? flushMode : em.getFlushMode();
        if (mode == FlushModeType.AUTO && em.getTransaction().isActive() && !factory().flusher().atomic()) {
            factory().flusher().flush(em.context(), em.cacheWrites());
        }
    }

    private Iterator<X> single(long count) {
        @SuppressWarnings("unchecked")
        X x = (X) Long.valueOf(count);
        return List.of(x).iterator();
    }

    private long count(BoundPlan plan) {
        if (plan.operation() == Operation.GET_ITEM || plan.operation() == Operation.BATCH_GET_ITEM) {
            return keyed(plan).size();
        }
        long total = 0;
        Pages pages = new Pages(plan, Long.MAX_VALUE);
        while (pages.fetchPage()) {
            total += pages.lastCount;
        }
        return total;
    }

    /** The DynamoDB keys of a GET_ITEM / BATCH_GET_ITEM plan. */
    private List<Map<String, AttributeValue>> keys(BoundPlan plan) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, BoundValue> key : plan.keys()) {
            keys.add(factory().queryModel().convertAll(compiled.entity().name(), key));
        }
        return keys;
    }

    /** GetItem / BatchGetItem, answered from the persistence context where it can be. */
    private List<Map<String, AttributeValue>> keyed(BoundPlan plan) {
        EntityMeta meta = entityMeta();
        List<Map<String, AttributeValue>> keys = keys(plan);
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> missing = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            EntityEntry entry = em.context().entry(meta, key);
            if (entry != null && entry.snapshot() != null && compiled.selectKind() == SelectKind.ENTITY) {
                if (entry.status() != EntityEntry.Status.REMOVED) {
                    found.put(AttributeValues.canonicalKey(key), entry.snapshot());
                }
            } else {
                missing.add(key);
            }
        }
        if (missing.size() == 1 && plan.operation() == Operation.GET_ITEM) {
            Map<String, AttributeValue> item = em.read(meta, missing.get(0), getCacheRetrieveMode(), getCacheStoreMode());
            if (item != null) {
                found.put(AttributeValues.canonicalKey(missing.get(0)), item);
            }
        } else if (!missing.isEmpty()) {
            // DynamoDB returns numbers normalised (2.50 comes back as 2.5): match the items by value, not text.
            for (Map<String, AttributeValue> item : em.readAll(meta, missing, getCacheRetrieveMode(), getCacheStoreMode())) {
                found.put(AttributeValues.canonicalKey(meta.keyOfItem(item)), item);
            }
        }
        List<Map<String, AttributeValue>> ordered = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            Map<String, AttributeValue> item = found.get(AttributeValues.canonicalKey(key));
            if (item != null) {
                ordered.add(item);
            }
        }
        return ordered;
    }

    /** Query or Scan pages, fetched only when the caller asks for more. */
    private final class Pages implements Iterator<Map<String, AttributeValue>> {
        private final BoundPlan plan;
        private final Map<String, String> names;
        private final Map<String, AttributeValue> values;
        private final boolean consistent;
        private final Integer limit;
        private final boolean cacheResults;
        private Map<String, AttributeValue> start;
        private boolean exhausted;
        private Iterator<Map<String, AttributeValue>> page = java.util.Collections.emptyIterator();
        private int lastCount;

        Pages(BoundPlan plan, long wanted) {
            this.plan = plan;
            // An UPDATE's read plan shares its names and values with the update expression; DynamoDB rejects
            // placeholders a request does not use.
            Set<String> used = placeholders(plan.keyCondition() + " " + plan.filter() + " " + plan.projection());
            this.names = usedOnly(plan.names(), used);
            this.values = usedOnly(factory().queryModel().convertAll(compiled.entity().name(), plan.values()), used);
            // Strongly consistent reads exist for tables and local indexes only.
            this.consistent = factory().consistentReads() && (plan.indexName() == null || isLocal(plan.indexName()));
            // Without a filter every evaluated item is returned, so asking for exactly what is wanted reads no more.
            this.limit = plan.filter() == null && !plan.count() && wanted < 10_000 ? (int) wanted : null;
            // Only whole items of a SELECT of entities are items the second-level cache can answer finds with.
            this.cacheResults = compiled.kind() == StatementKind.SELECT && compiled.selectKind() == SelectKind.ENTITY
                    && plan.projection() == null;
        }

        boolean fetchPage() {
            if (exhausted) {
                return false;
            }
            List<Map<String, AttributeValue>> items;
            Map<String, AttributeValue> last;
            long stamp = factory().cache().stamp();
            if (plan.operation() == Operation.QUERY) {
                QueryRequest.Builder q = QueryRequest.builder().tableName(plan.tableName()).indexName(plan.indexName())
                        .keyConditionExpression(plan.keyCondition()).filterExpression(plan.filter())
                        .projectionExpression(plan.projection()).expressionAttributeNames(names)
                        .expressionAttributeValues(values).scanIndexForward(plan.scanIndexForward())
                        .consistentRead(consistent).exclusiveStartKey(start).limit(limit);
                if (plan.count()) {
                    q.select(Select.COUNT);
                }
                QueryResponse r = factory().dynamo().client().query(q.build());
                items = r.items();
                lastCount = r.count();
                last = r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null;
            } else {
                ScanRequest.Builder s = ScanRequest.builder().tableName(plan.tableName()).indexName(plan.indexName())
                        .filterExpression(plan.filter()).projectionExpression(plan.projection())
                        .expressionAttributeNames(names).expressionAttributeValues(values)
                        .consistentRead(consistent).exclusiveStartKey(start).limit(limit);
                if (plan.count()) {
                    s.select(Select.COUNT);
                }
                ScanResponse r = factory().dynamo().client().scan(s.build());
                items = r.items();
                lastCount = r.count();
                last = r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null;
            }
            if (cacheResults) {
                EntityMeta meta = entityMeta();
                for (Map<String, AttributeValue> item : items) {
                    factory().cache().loaded(meta, item, stamp, getCacheStoreMode(), consistent);
                }
            }
            start = last == null || last.isEmpty() ? null : last;
            exhausted = start == null;
            page = items.iterator();
            return true;
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext()) {
                if (!fetchPage()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Map<String, AttributeValue> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }

    private boolean isLocal(String index) {
        return entityMeta().indexes().stream().anyMatch(i -> i.name().equals(index) && !i.global());
    }

    /** Turns items into results, skipping {@code first} and stopping after {@code max}. */
    private final class Results implements Iterator<X> {
        private final Iterator<Map<String, AttributeValue>> items;
        private int toSkip;
        private int left;

        Results(Iterator<Map<String, AttributeValue>> items, int first, int max) {
            this.items = items;
            this.toSkip = first;
            this.left = max;
        }

        @Override
        public boolean hasNext() {
            while (toSkip > 0 && items.hasNext()) {
                items.next();
                toSkip--;
            }
            return left > 0 && items.hasNext();
        }

        @Override
        public X next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            left--;
            return result(items.next());
        }
    }

    @SuppressWarnings("unchecked")
    private X result(Map<String, AttributeValue> item) {
        if (compiled.selectKind() == SelectKind.ENTITY) {
            return (X) em.materialise(entityMeta(), item);
        }
        List<AttributeInfo> selected = compiled.selectedAttributes();
        if (selected.size() == 1) {
            return (X) value(selected.get(0), item);
        }
        Object[] row = new Object[selected.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = value(selected.get(i), item);
        }
        return (X) row;
    }

    private Object value(AttributeInfo attribute, Map<String, AttributeValue> item) {
        AttributeValue v = null;
        Map<String, AttributeValue> level = item;
        for (String segment : attribute.storedPath()) {
            v = level == null ? null : level.get(segment);
            level = v != null && v.hasM() ? v.m() : null;
        }
        return factory().queryModel().read(compiled.entity().name(), attribute.path(), v);
    }

    // ---- bulk update and delete ----------------------------------------------------------------------

    @Override
    public int executeUpdate() {
        em.checkOpen();
        if (compiled.kind() == StatementKind.SELECT) {
            throw new IllegalStateException("executeUpdate() runs UPDATE and DELETE statements, not SELECT");
        }
        if (!em.getTransaction().isActive()) {
            throw new TransactionRequiredException("executeUpdate() needs an active transaction");
        }
        return em.guard(() -> {
            BoundPlan plan = bind();
            checkScan(plan);
            flushIfAuto();
            if (plan.alwaysEmpty()) {
                return 0;
            }
            EntityMeta meta = entityMeta();
            boolean keyed = plan.operation() == Operation.GET_ITEM || plan.operation() == Operation.BATCH_GET_ITEM;
            if (keyed && (compiled.kind() == StatementKind.UPDATE || plan.keys().size() == 1)) {
                // The full keys are known and a write conditioned on the item's existence says whether there was
                // one, so nothing is read first. Many deletes still read once to send BatchWriteItems of 25.
                List<Map<String, AttributeValue>> keys = keys(plan);
                try {
                    return compiled.kind() == StatementKind.DELETE ? deleteOne(meta, keys.get(0)) : update(meta, plan, keys);
                } finally {
                    evict(meta, keys);
                }
            }
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            Iterator<Map<String, AttributeValue>> items = plan.operation() == Operation.QUERY || plan.operation() == Operation.SCAN
                    ? new Pages(plan, Long.MAX_VALUE) : keyed(plan).iterator();
            while (items.hasNext()) {
                keys.add(meta.keyOfItem(items.next()));
            }
            try {
                if (compiled.kind() == StatementKind.UPDATE) {
                    return update(meta, plan, keys);
                }
                return onlyTableKey(plan) ? delete(meta, keys) : deleteEachIfStillMatching(meta, plan, keys);
            } finally {
                evict(meta, keys);
            }
        });
    }

    /**
     * Whether the WHERE names nothing but the table's own key (or is absent): then an item read still matches
     * as long as it exists, since a primary key never changes, and unconditional BatchWriteItem deletes are safe.
     */
    private static boolean onlyTableKey(BoundPlan plan) {
        return plan.writeCondition() == null
                || plan.operation() == Operation.QUERY && plan.indexName() == null && plan.filter() == null;
    }

    /** A write's ConditionExpression: the item exists and, when the plan has one, the whole WHERE holds. */
    private record WriteCondition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    }

    private WriteCondition writeCondition(EntityMeta meta, BoundPlan plan, String otherExpression) {
        String pk = "#jynamoPk";
        String condition = "attribute_exists(" + pk + ")"
                + (plan.writeCondition() == null ? "" : " AND (" + plan.writeCondition() + ")");
        // DynamoDB rejects placeholders a request does not use, and the key condition, filter and projection of
        // the read plan are not part of the write.
        Set<String> used = placeholders((otherExpression == null ? "" : otherExpression) + " " + condition);
        Map<String, AttributeValue> values = usedOnly(factory().queryModel().convertAll(meta.name(), plan.values()), used);
        Map<String, String> names = new LinkedHashMap<>();
        names.put(pk, meta.partitionKey().storedName());
        Map<String, String> planNames = usedOnly(plan.names(), used);
        if (planNames != null) {
            names.putAll(planNames);
        }
        return new WriteCondition(condition, names, values);
    }

    /**
     * One DeleteItem per item read, each conditional on the whole WHERE: BatchWriteItem cannot carry a
     * condition, and an item changed since the read (say its index key) must not be deleted.
     */
    private int deleteEachIfStillMatching(EntityMeta meta, BoundPlan plan, List<Map<String, AttributeValue>> keys) {
        WriteCondition c = writeCondition(meta, plan, null);
        return eachKey("DELETE", meta, keys, (key, budget) -> factory().dynamo().client().deleteItem(
                Dynamo.bounded(DeleteItemRequest.builder(), budget).tableName(meta.tableName()).key(key)
                        .conditionExpression(c.expression()).expressionAttributeNames(c.names())
                        .expressionAttributeValues(c.values()).build()));
    }

    /** One conditional write of a bulk statement, for one key, within a retry budget. */
    private interface KeyWrite {
        void send(Map<String, AttributeValue> key, Retry.Budget budget);
    }

    /**
     * Sends a bulk statement's conditional writes key by key. A failed condition means the item no longer
     * matches (or is gone) and is skipped; throttling is retried within the budget; any other failure stops
     * the statement and says how far it got, since a bulk statement is not atomic. Every key leaves the
     * persistence context (JPA 4.10: bulk statements bypass it; a managed copy would be stale).
     *
     * @return how many items were written
     */
    private int eachKey(String statement, EntityMeta meta, List<Map<String, AttributeValue>> keys, KeyWrite write) {
        int written = 0;
        int done = 0;
        try {
            for (Map<String, AttributeValue> key : keys) {
                try {
                    factory().dynamo().withRetry(budget -> {
                        write.send(key, budget);
                        return null;
                    });
                    written++;
                } catch (ConditionalCheckFailedException e) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "Bulk " + statement + " skipped " + meta.describe(key)
                            + ": it no longer matches");
                }
                done++;
                EntityEntry entry = em.context().entry(meta, key);
                if (entry != null) {
                    em.context().remove(entry);
                }
            }
        } catch (RuntimeException e) {
            throw stopped(statement, meta, written, done, keys.size(), e);
        }
        return written;
    }

    /** A bulk statement that failed part-way, saying what it did. */
    private static JynamoException stopped(String statement, EntityMeta meta, int written, int done, int total,
                                           RuntimeException cause) {
        return new JynamoException("Bulk " + statement + " of " + meta.name() + " stopped after " + done + " of " + total
                + " items (" + written + " written) because DynamoDB failed: " + cause.getMessage() + ". Bulk statements"
                + " are not atomic: what was written stays written. Run the statement again to finish it; it re-reads"
                + " the items and re-checks the WHERE", cause);
    }

    /**
     * Bulk statements write DynamoDB at once, outside the persistence context and its commit: every key
     * they touched (or may have touched, when they fail part-way) leaves the second-level cache now.
     */
    private void evict(EntityMeta meta, List<Map<String, AttributeValue>> keys) {
        for (Map<String, AttributeValue> key : keys) {
            factory().cache().invalidate(meta, key);
        }
    }

    private int delete(EntityMeta meta, List<Map<String, AttributeValue>> keys) {
        List<Dynamo.TableWrite> writes = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            writes.add(new Dynamo.TableWrite(meta.tableName(), WriteRequest.builder().deleteRequest(d -> d.key(key)).build(), key));
        }
        int[] deleted = {0};
        List<Dynamo.TableWrite> failed;
        try {
            failed = factory().dynamo().batchWrite(writes, w -> deleted[0]++);
        } catch (RuntimeException e) {
            throw stopped("DELETE", meta, deleted[0], deleted[0], keys.size(), e);
        } finally {
            for (Map<String, AttributeValue> key : keys) {
                EntityEntry entry = em.context().entry(meta, key);
                if (entry != null) {
                    em.context().remove(entry);
                }
            }
        }
        if (!failed.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<String> unwritten = failed.stream().map(f -> meta.describe((Map<String, AttributeValue>) f.tag())).toList();
            throw new UnprocessedWritesException("Bulk delete left " + unwritten.size() + " of " + keys.size()
                    + " items undeleted within the retry budget: " + unwritten, unwritten);
        }
        return keys.size();
    }

    private int deleteOne(EntityMeta meta, Map<String, AttributeValue> key) {
        return eachKey("DELETE", meta, List.of(key), (k, budget) -> factory().dynamo().client().deleteItem(
                Dynamo.bounded(DeleteItemRequest.builder(), budget).tableName(meta.tableName()).key(k)
                        .conditionExpression("attribute_exists(#jynamoPk)")
                        .expressionAttributeNames(Map.of("#jynamoPk", meta.partitionKey().storedName())).build()));
    }

    private int update(EntityMeta meta, BoundPlan plan, List<Map<String, AttributeValue>> keys) {
        // The WHERE is checked again at write time, so an item changed meanwhile so that it no longer
        // matches is left alone, and an item deleted meanwhile is not re-created.
        WriteCondition c = writeCondition(meta, plan, plan.updateExpression());
        return eachKey("UPDATE", meta, keys, (key, budget) -> factory().dynamo().client().updateItem(
                Dynamo.bounded(UpdateItemRequest.builder(), budget).tableName(meta.tableName()).key(key)
                        .updateExpression(plan.updateExpression()).conditionExpression(c.expression())
                        .expressionAttributeNames(c.names()).expressionAttributeValues(c.values()).build()));
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("[#:][A-Za-z0-9_]+");

    /** The entries of an expression map whose placeholders a request uses, or {@code null} for none (DynamoDB rejects an empty map). */
    private static <V> Map<String, V> usedOnly(Map<String, V> all, Set<String> used) {
        Map<String, V> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (used.contains(k)) {
                out.put(k, v);
            }
        });
        return out.isEmpty() ? null : out;
    }

    private static Set<String> placeholders(String expression) {
        Set<String> out = new java.util.HashSet<>();
        java.util.regex.Matcher m = PLACEHOLDER.matcher(expression);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    // ---- parameters ----------------------------------------------------------------------------------

    private ParameterInfo parameter(Object key) {
        ParameterInfo p = key == null ? null : compiled.parameter(key);
        if (p != null) {
            return p;
        }
        throw new IllegalArgumentException("Query '" + compiled.jpql() + "' has no parameter "
                + (key instanceof Integer ? "?" : ":") + key + "; it has " + compiled.parameters().stream().map(QueryImpl::describe).toList());
    }

    private static String describe(ParameterInfo p) {
        return p.name() != null ? ":" + p.name() : "?" + p.position();
    }

    private void set(Object key, Object value) {
        em.checkOpen();
        ParameterInfo p = parameter(key);
        if (value != null) {
            // Lossless number conversions (a Long for an Integer attribute, in range) are accepted, as at bind.
            if (!p.accepts(value)) {
                throw new IllegalArgumentException("Parameter " + describe(p) + " of query '" + compiled.jpql()
                        + "' expects " + p.expectedType().getName() + (p.collectionAllowed() ? " (or a collection of them)" : "")
                        + " but got " + value.getClass().getName() + " (" + value + ")");
            }
        }
        arguments.put(key, value);
    }

    @Override
    public TypedQuery<X> setParameter(String name, Object value) {
        set(name, value);
        return this;
    }

    @Override
    public TypedQuery<X> setParameter(int position, Object value) {
        set(position, value);
        return this;
    }

    @Override
    public <T> TypedQuery<X> setParameter(Parameter<T> param, T value) {
        set(param.getName() != null ? param.getName() : param.getPosition(), value);
        return this;
    }

    @Override
    public TypedQuery<X> setParameter(Parameter<Calendar> param, Calendar value, TemporalType temporalType) {
        throw temporal();
    }

    @Override
    public TypedQuery<X> setParameter(Parameter<Date> param, Date value, TemporalType temporalType) {
        throw temporal();
    }

    @Override
    public TypedQuery<X> setParameter(String name, Calendar value, TemporalType temporalType) {
        throw temporal();
    }

    @Override
    public TypedQuery<X> setParameter(String name, Date value, TemporalType temporalType) {
        throw temporal();
    }

    @Override
    public TypedQuery<X> setParameter(int position, Calendar value, TemporalType temporalType) {
        throw temporal();
    }

    @Override
    public TypedQuery<X> setParameter(int position, Date value, TemporalType temporalType) {
        throw temporal();
    }

    private static IllegalArgumentException temporal() {
        return new IllegalArgumentException("java.util.Date and Calendar parameters are not supported; map and pass java.time types");
    }

    @Override
    public Set<Parameter<?>> getParameters() {
        em.checkOpen();
        Set<Parameter<?>> out = new LinkedHashSet<>();
        for (ParameterInfo p : compiled.parameters()) {
            out.add(new Param<>(p.name(), p.position(), p.expectedType()));
        }
        return out;
    }

    @Override
    public Parameter<?> getParameter(String name) {
        ParameterInfo p = parameter(name);
        return new Param<>(p.name(), p.position(), p.expectedType());
    }

    @Override
    public <T> Parameter<T> getParameter(String name, Class<T> type) {
        return typed(getParameter(name), type);
    }

    @Override
    public Parameter<?> getParameter(int position) {
        ParameterInfo p = parameter(position);
        return new Param<>(p.name(), p.position(), p.expectedType());
    }

    @Override
    public <T> Parameter<T> getParameter(int position, Class<T> type) {
        return typed(getParameter(position), type);
    }

    @SuppressWarnings("unchecked")
    private static <T> Parameter<T> typed(Parameter<?> p, Class<T> type) {
        if (!type.isAssignableFrom(p.getParameterType())) {
            throw new IllegalArgumentException("Parameter " + p + " is a " + p.getParameterType().getName() + ", not " + type.getName());
        }
        return (Parameter<T>) p;
    }

    @Override
    public boolean isBound(Parameter<?> param) {
        return arguments.containsKey(param.getName() != null ? param.getName() : param.getPosition());
    }

    @Override
    public <T> T getParameterValue(Parameter<T> param) {
        Object key = param.getName() != null ? param.getName() : param.getPosition();
        return param.getParameterType().cast(boundValue(key));
    }

    @Override
    public Object getParameterValue(String name) {
        return boundValue(name);
    }

    @Override
    public Object getParameterValue(int position) {
        return boundValue(position);
    }

    private Object boundValue(Object key) {
        parameter(key);
        if (!arguments.containsKey(key)) {
            throw new IllegalStateException("Parameter " + key + " is not bound");
        }
        return arguments.get(key);
    }

    private record Param<T>(String name, Integer position, Class<T> type) implements Parameter<T> {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Integer getPosition() {
            return position;
        }

        @Override
        public Class<T> getParameterType() {
            return type;
        }
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
        hints.put(hintName, value);
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
        return flushMode != null ? flushMode : em.getFlushMode();
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
        return CacheModes.retrieve(hints.get(CacheModes.RETRIEVE_MODE), em.getCacheRetrieveMode());
    }

    @Override
    public CacheStoreMode getCacheStoreMode() {
        return CacheModes.store(hints.get(CacheModes.STORE_MODE), em.getCacheStoreMode());
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
