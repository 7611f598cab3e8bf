package io.jynamo.internal.query;

import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.context.Expiry;
import io.jynamo.internal.context.Session;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.ItemKey;
import io.jynamo.JynamoException;
import io.jynamo.JynamoProperties;
import io.jynamo.jpql.BoundPlan;
import io.jynamo.jpql.Selection;
import io.jynamo.jpql.ast.RelationSize;
import io.jynamo.jpql.ClientSide;
import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.model.AttributeInfo;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The reads of one execution of a query's bound plan: GetItem / BatchGetItem answered from the
 * persistence context where it can be, Query and Scan pages fetched only when the caller asks for more,
 * counts, and items turned into results (managed entities, attribute values or rows).
 */
final class Reads {

    /** The placeholders of the discriminator condition, apart from any the compiler makes ({@code #n0}, {@code :v0}). */
    static final String TYPE_NAME = "#jynamoType";
    static final String TYPE_VALUE = ":jynamoType";
    /** The placeholder of the sort attribute a merge of several tables' Query pages compares. */
    static final String SORT_NAME = "#jynamoSort";

    private final Session session;
    private final QueryServices services;
    private final CompiledQuery compiled;
    private final EntityMeta meta;
    private final CacheRetrieveMode retrieve;
    private final CacheStoreMode store;
    /** The entities whose tables a Query or Scan reads: one, or under TABLE_PER_CLASS each that may match. */
    private final List<EntityMeta> tables;
    /** Whether Query and Scan pages of the table and its local indexes are strongly consistent. */
    private final boolean consistentReads;
    /** How many segments a Scan is read in, concurrently. */
    private final int segments;

    Reads(Session session, QueryServices services, CompiledQuery compiled, CacheRetrieveMode retrieve, CacheStoreMode store,
          boolean consistentReads, int segments) {
        this.consistentReads = consistentReads;
        this.segments = segments;
        this.session = session;
        this.services = services;
        this.compiled = compiled;
        this.meta = services.entity(compiled.entity().name());
        this.retrieve = retrieve;
        this.store = store;
        this.tables = TableFanOut.tables(meta, compiled.where());
    }

    /** The entities whose tables a Query or Scan of the plan reads (one each), in order. */
    List<EntityMeta> tables() {
        return tables;
    }

    long count(BoundPlan plan, long maxRows) {
        if (plan.clientSide() != null) {
            // A condition evaluated in Java: the items are read and counted here, not by Select=COUNT.
            long n = 0;
            for (Iterator<Map<String, AttributeValue>> it = clientSide(plan, maxRows); it.hasNext(); it.next()) {
                n++;
            }
            return n;
        }
        if (plan.operation() == Operation.GET_ITEM || plan.operation() == Operation.BATCH_GET_ITEM) {
            return keyed(plan).items.size();
        }
        long total = 0;
        for (EntityMeta table : tables) {
            for (long n : services.dynamo().inParallel(segments(plan), segment -> {
                Pages pages = new Pages(plan, Long.MAX_VALUE, table, segment);
                long count = 0;
                while (pages.fetchPage()) {
                    count += pages.lastCount;
                }
                return count;
            }, n -> false)) {
                total += n;
            }
        }
        return total;
    }

    /** The segments a plan's Scan is read in: one (null: no Segment) unless {@code jynamo.scan.segments} says more. */
    private List<Integer> segments(BoundPlan plan) {
        if (plan.operation() != Operation.SCAN || segments <= 1) {
            return java.util.Collections.singletonList(null);
        }
        return java.util.stream.IntStream.range(0, segments).boxed().toList();
    }

    /** The items of a plan, read lazily; {@code wanted} bounds what a Query or Scan asks for when it can. */
    Iterator<Map<String, AttributeValue>> items(BoundPlan plan, long wanted) {
        if (plan.operation() == Operation.GET_ITEM || plan.operation() == Operation.BATCH_GET_ITEM) {
            return keyed(plan);
        }
        if (plan.operation() == Operation.SCAN && segments > 1) {
            return parallelScan(plan, wanted);
        }
        if (tables.size() == 1) {
            return new Pages(plan, wanted, tables.get(0));
        }
        // TABLE_PER_CLASS: the same plan once per table, each asking for at most what is wanted in all.
        List<Pages> perTable = new ArrayList<>();
        for (EntityMeta table : tables) {
            perTable.add(new Pages(plan, wanted, table));
        }
        String sort = plan.operation() == Operation.QUERY ? sortAttribute(plan) : null;
        return sort == null ? TableFanOut.concat(perTable) : TableFanOut.merge(perTable, sort, plan.scanIndexForward());
    }

    /** The parallel Scans this execution started, which {@link #close()} stops. */
    private final List<ParallelScan<Map<String, AttributeValue>>> scans = new ArrayList<>();

    /**
     * DynamoDB's parallel scan: the segments of every table read concurrently, page by page, their items handed out
     * as pages arrive (see {@link ParallelScan} for what is read ahead and when reading stops). With
     * {@code jynamo.parallelism} 1 the segments are read one after the other, lazily, on the caller's thread.
     */
    private Iterator<Map<String, AttributeValue>> parallelScan(BoundPlan plan, long wanted) {
        List<Pages> all = new ArrayList<>();
        for (EntityMeta table : tables) {
            for (Integer segment : segments(plan)) {
                all.add(new Pages(plan, wanted, table, segment));
            }
        }
        java.util.concurrent.Executor workers = services.dynamo().boundWorkers();
        if (workers == null) {
            return TableFanOut.concat(all);
        }
        List<ParallelScan.Source<Map<String, AttributeValue>>> sources = new ArrayList<>(all);
        ParallelScan<Map<String, AttributeValue>> scan =
                ParallelScan.of(sources, workers, services.dynamo().parallelism(), wanted);
        scans.add(scan);
        return scan;
    }

    /**
     * Stops the parallel Scans of this execution still reading (a result stream closed before its end): pages read
     * ahead are dropped, and the calls in flight are waited for.
     */
    void close() {
        scans.forEach(ParallelScan::close);
    }

    /**
     * The items of a plan with work in Java: every matching item is read (no {@code Limit}), those the conditions
     * DynamoDB could not evaluate leave out are dropped as they come, and when the plan sorts in memory the rest
     * are held and sorted, at most {@code maxRows} of them.
     *
     * @throws JynamoException when more than {@code maxRows} items would be sorted
     */
    Iterator<Map<String, AttributeValue>> clientSide(BoundPlan plan, long maxRows) {
        return clientSide(plan.clientSide(), items(plan, Long.MAX_VALUE), maxRows);
    }

    /**
     * The items of the plans of one query that reads in several parts (a two-step JOIN's Query of the foreign-key
     * index per joined key), one part after the other, or merged by the sort key when its Query orders them.
     */
    Iterator<Map<String, AttributeValue>> items(List<BoundPlan> plans, long wanted) {
        if (plans.size() == 1) {
            return items(plans.get(0), wanted);
        }
        List<Iterator<Map<String, AttributeValue>>> parts = new ArrayList<>();
        for (BoundPlan p : plans) {
            parts.add(items(p, wanted));
        }
        BoundPlan first = plans.get(0);
        String sort = !compiled.order().isEmpty() && first.clientSide() == null && first.operation() == Operation.QUERY
                ? sortAttribute(first) : null;
        return sort == null ? TableFanOut.concat(parts) : TableFanOut.merge(parts, sort, first.scanIndexForward());
    }

    /** {@link #clientSide(BoundPlan, long)} over the items of several plans (see {@link #items(List, long)}). */
    Iterator<Map<String, AttributeValue>> clientSide(List<BoundPlan> plans, long maxRows) {
        return clientSide(plans.get(0).clientSide(), items(plans, Long.MAX_VALUE), maxRows);
    }

    /** The count of several plans' items (see {@link #items(List, long)}). */
    long count(List<BoundPlan> plans, long maxRows) {
        if (plans.size() > 1 && plans.get(0).clientSide() != null) {
            long n = 0;
            for (Iterator<Map<String, AttributeValue>> it = clientSide(plans, maxRows); it.hasNext(); it.next()) {
                n++;
            }
            return n;
        }
        long total = 0;
        for (BoundPlan p : plans) {
            total += count(p, maxRows);
        }
        return total;
    }

    private Iterator<Map<String, AttributeValue>> clientSide(ClientSide work, Iterator<Map<String, AttributeValue>> items,
                                                            long maxRows) {
        Iterator<Map<String, AttributeValue>> read = navigating(items, work.attributes());
        if (!work.sorts()) {
            return new Iterator<>() {
                private Map<String, AttributeValue> next;

                @Override
                public boolean hasNext() {
                    while (next == null && read.hasNext()) {
                        Map<String, AttributeValue> item = read.next();
                        if (work.test(row(work, item))) {
                            next = item;
                        }
                    }
                    return next != null;
                }

                @Override
                public Map<String, AttributeValue> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Map<String, AttributeValue> item = next;
                    next = null;
                    return item;
                }
            };
        }
        List<Map.Entry<ClientSide.Row, Map<String, AttributeValue>>> rows = new ArrayList<>();
        while (read.hasNext()) {
            Map<String, AttributeValue> item = read.next();
            ClientSide.Row row = row(work, item);
            if (!work.test(row)) {
                continue;
            }
            if (rows.size() >= maxRows) {
                throw new JynamoException("Query '" + compiled.jpql() + "' must " + work.describe() + " in memory, but "
                        + "more than " + maxRows + " items match (" + JynamoProperties.CLIENT_SIDE_MAX_ROWS + "); no "
                        + "result is returned. Narrow the condition, order by a sort key a Query serves, or raise "
                        + JynamoProperties.CLIENT_SIDE_MAX_ROWS + " (hint or property)");
            }
            rows.add(Map.entry(row, item));
        }
        java.util.Comparator<ClientSide.Row> order = work.comparator();
        rows.sort((a, b) -> order.compare(a.getKey(), b.getKey()));
        return rows.stream().map(Map.Entry::getValue).iterator();
    }

    /**
     * The Java values of what the plan's work in Java reads, converted once per item. {@code SIZE} of a relationship
     * is counted only when a condition asks for it (a conjunct already false asks for nothing): one Query each.
     */
    private ClientSide.Row row(ClientSide work, Map<String, AttributeValue> item) {
        Map<String, Object> values = new HashMap<>();
        for (AttributeInfo a : work.attributes()) {
            if (work.counted(a) == null) {
                values.put(a.path(), value(a, item));
            }
        }
        return a -> {
            io.jynamo.jpql.model.AssociationInfo counted = work.counted(a);
            if (counted != null && !values.containsKey(a.path())) {
                values.put(a.path(), relations().count(meta, counted.name(), item, work.countUpTo(a)));
            }
            return values.get(a.path());
        };
    }

    private RelationSteps relations;
    private Navigations navigations;

    private Navigations navigations() {
        if (navigations == null) {
            navigations = new Navigations(meta, services, session.loader(), retrieve, store);
        }
        return navigations;
    }

    /** The items, read ahead to load the to-one targets of the attributes read through them, if any is. */
    private Iterator<Map<String, AttributeValue>> navigating(Iterator<Map<String, AttributeValue>> items,
                                                             List<AttributeInfo> read) {
        for (AttributeInfo a : read) {
            if (a.navigated()) {
                return navigations().prefetching(items, read);
            }
        }
        return items;
    }

    private RelationSteps relations() {
        if (relations == null) {
            relations = new RelationSteps(session, services, retrieve, store, consistentReads);
        }
        return relations;
    }

    /** The items a Query or Scan plan reads in one of {@link #tables()}, for bulk writes, which write each back there. */
    Iterator<Map<String, AttributeValue>> items(BoundPlan plan, EntityMeta table) {
        return new Pages(plan, Long.MAX_VALUE, table);
    }

    /**
     * The stored name of the sort key a Query returns its items in order of (the index's or the table's), by
     * which the pages of several tables are merged; {@code null} if it has none.
     */
    private String sortAttribute(BoundPlan plan) {
        if (plan.indexName() == null) {
            return meta.sortKey() == null ? null : meta.sortKey().storedName();
        }
        return meta.indexes().stream().filter(i -> i.name().equals(plan.indexName()) && i.sortKey() != null)
                .map(i -> i.sortKey().storedName()).findFirst().orElse(null);
    }

    /** The DynamoDB keys of a GET_ITEM / BATCH_GET_ITEM plan. */
    List<Map<String, AttributeValue>> keys(BoundPlan plan) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(plan.keys().size());
        for (Map<String, BoundValue> key : plan.keys()) {
            keys.add(services.queryModel().convertAll(compiled.entity().name(), key));
        }
        return keys;
    }

    /**
     * GetItem / BatchGetItem, answered from the persistence context where it can be: the items in the order of the
     * plan's keys, each item read by the BatchGetItem with the key it joins the context under.
     */
    private KeyedList keyed(BoundPlan plan) {
        List<Map<String, AttributeValue>> keys = keys(plan);
        Map<ItemKey, Found> found = new HashMap<>(keys.size() * 4 / 3 + 1);
        List<Map<String, AttributeValue>> missing = new ArrayList<>(keys.size());
        // DynamoDB returns numbers normalised (2.50 comes back as 2.5): items are matched to keys by value, not text.
        List<ItemKey> canonical = new ArrayList<>(keys.size());
        // A fresh entity manager's empty context need not be asked for each key.
        boolean managed = session.context().size() > 0;
        if (!managed && compiled.selectKind() == SelectKind.ENTITY) {
            session.context().expect(keys.size());
        }
        for (Map<String, AttributeValue> key : keys) {
            ItemKey k = ItemKey.canonical(meta, key);
            canonical.add(k);
            EntityEntry entry = managed ? session.context().entry(meta, key) : null;
            if (entry != null && entry.snapshot() != null && compiled.selectKind() == SelectKind.ENTITY) {
                if (entry.status() != EntityEntry.Status.REMOVED && meta.isSameOrSuperOf(entry.meta())) {
                    found.put(k, new Found(entry.snapshot(), null));
                }
            } else {
                missing.add(key);
            }
        }
        if (missing.size() == 1 && plan.operation() == Operation.GET_ITEM) {
            Map<String, AttributeValue> item = session.loader().read(meta, missing.get(0), retrieve, store);
            if (item != null) {
                found.put(ItemKey.canonical(meta, missing.get(0)), new Found(item, null));
            }
        } else if (!missing.isEmpty()) {
            for (Map<String, AttributeValue> item : session.loader().readAll(meta, missing, retrieve, store)) {
                ItemKey key = new ItemKey(meta, item);
                found.put(key.canonical(), new Found(item, key));
            }
        }
        KeyedList ordered = new KeyedList(keys.size());
        for (ItemKey key : canonical) {
            Found f = found.get(key);
            // A query over a subclass of a hierarchy does not return the items of its other entities.
            if (f != null && meta.accepts(f.item)) {
                ordered.items.add(f.item);
                ordered.keys.add(f.key);
            }
        }
        return ordered;
    }

    /** An item a keyed read found, with the key it joins the persistence context under ({@code null}: not made yet). */
    private record Found(Map<String, AttributeValue> item, ItemKey key) {
    }

    /** Items whose keys a read made already, handed to the results so that they are not made again. */
    private interface KeyedItems extends Iterator<Map<String, AttributeValue>> {
        /** The key of the item {@link #next} returned last, when the read made it, else {@code null}. */
        ItemKey lastKey();
    }

    /** The items of a keyed read, in the order of the keys asked for. */
    private static final class KeyedList implements KeyedItems {
        final List<Map<String, AttributeValue>> items;
        final List<ItemKey> keys;
        private int position;

        KeyedList(int size) {
            items = new ArrayList<>(size);
            keys = new ArrayList<>(size);
        }

        @Override
        public boolean hasNext() {
            return position < items.size();
        }

        @Override
        public Map<String, AttributeValue> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.get(position++);
        }

        @Override
        public ItemKey lastKey() {
            return position == 0 ? null : keys.get(position - 1);
        }
    }

    /**
     * The filter every read of an entity's items needs besides its own conditions, or {@code null}: a subclass of
     * a hierarchy shares its root's table, so only the items of its own classes; expired items DynamoDB has not
     * deleted yet are absent to the application (counts included: a filter applies before Select COUNT counts).
     * Its names and values are added to {@code names} and {@code values}.
     */
    static String ownItemsFilter(EntityMeta meta, Map<String, String> names, Map<String, AttributeValue> values) {
        if (!filtersOwnItems(meta)) {
            return null;
        }
        List<String> filters = new ArrayList<>();
        List<AttributeValue> types = meta.discriminatorValues();
        if (types != null) {
            names.put(TYPE_NAME, meta.discriminatorColumn());
            StringBuilder in = new StringBuilder(TYPE_NAME).append(" IN (");
            for (int i = 0; i < types.size(); i++) {
                values.put(TYPE_VALUE + i, types.get(i));
                in.append(i == 0 ? "" : ", ").append(TYPE_VALUE).append(i);
            }
            filters.add(in.append(')').toString());
        }
        if (meta.timeToLive() != null) {
            filters.add(Expiry.FILTER);
            names.put(Expiry.NAME, meta.timeToLive().storedName());
            values.put(Expiry.NOW, Expiry.now());
        }
        return filters.isEmpty() ? null : String.join(" AND ", filters);
    }

    /** Whether reads of the entity's table filter its own items ({@link #ownItemsFilter} adds placeholders). */
    private static boolean filtersOwnItems(EntityMeta meta) {
        return meta.discriminatorValues() != null || meta.timeToLive() != null;
    }

    /** Query or Scan pages, fetched only when the caller asks for more: the one page source for both. */
    private final class Pages implements KeyedItems, ParallelScan.Source<Map<String, AttributeValue>> {
        private final BoundPlan plan;
        private final String table;
        private final EntityMeta tableEntity;
        private final String projection;
        private final String filter;
        private final Map<String, String> names;
        private final Map<String, AttributeValue> values;
        private final boolean consistent;
        private final Integer limit;
        private final Integer segment;
        private final boolean cacheResults;
        private Map<String, AttributeValue> start;
        private boolean exhausted;
        /** The items of the last page read. */
        private List<Map<String, AttributeValue>> pageItems = List.of();
        /** The keys of those items when they are whole entity items (made once, for the cache and the context), else null. */
        private List<ItemKey> pageKeys;
        /** How many items of the page {@link #next} has handed out: the one cursor over it. */
        private int position;
        private int lastCount;

        Pages(BoundPlan plan, long wanted, EntityMeta tableEntity) {
            this(plan, wanted, tableEntity, null);
        }

        /** The pages of one segment of a parallel Scan ({@code segment} of {@link #segments}), or of all. */
        Pages(BoundPlan plan, long wanted, EntityMeta tableEntity, Integer segment) {
            this.segment = segment;
            this.plan = plan;
            // Outside TABLE_PER_CLASS the plan's table is the entity's (its root's).
            this.table = meta.tablePerClass() ? tableEntity.tableName() : plan.tableName();
            this.tableEntity = tableEntity;
            String planFilter = plan.filter();
            // Every value is converted, used here or not: an UPDATE's SET values fail now, before any read.
            Map<String, AttributeValue> converted = services.queryModel().convertAll(compiled.entity().name(), plan.values());
            Map<String, String> allNames;
            Map<String, AttributeValue> allValues;
            if (compiled.kind() == StatementKind.SELECT) {
                // A SELECT's plan renders only what its read uses: no scan of the expressions, no copy.
                allNames = plan.names();
                allValues = converted;
            } else {
                // A bulk write's read plan shares its names and values with the update expression and the write
                // condition; DynamoDB rejects placeholders a request does not use.
                Set<String> used = Placeholders.in(plan.keyCondition() + " " + plan.filter() + " " + plan.projection());
                allNames = Placeholders.copyUsed(plan.names(), used, new LinkedHashMap<>());
                allValues = Placeholders.copyUsed(converted, used, new LinkedHashMap<>());
            }
            String sort = tables.size() > 1 && plan.operation() == Operation.QUERY ? sortAttribute(plan) : null;
            boolean sortProjected = sort == null || plan.projection() == null || Placeholders.in(plan.projection()).stream()
                    .anyMatch(n -> sort.equals(plan.names().get(n)));
            if (filtersOwnItems(meta) || !sortProjected) {
                // The read adds placeholders of its own (its own items' filter, the sort key to merge by): copies.
                allNames = new LinkedHashMap<>(allNames);
                allValues = new LinkedHashMap<>(allValues);
            }
            String own = ownItemsFilter(meta, allNames, allValues);
            if (own != null) {
                planFilter = planFilter == null ? own : "(" + planFilter + ") AND " + own;
            }
            if (!sortProjected) {
                // Merging the tables' pages compares their sort key, which a projection may leave out.
                this.projection = plan.projection() + ", " + SORT_NAME;
                allNames.put(SORT_NAME, sort);
            } else {
                this.projection = plan.projection();
            }
            this.filter = planFilter;
            this.names = allNames.isEmpty() ? null : allNames;
            this.values = allValues.isEmpty() ? null : allValues;
            // Strongly consistent reads exist for tables and local indexes only.
            this.consistent = consistentReads && (plan.indexName() == null || isLocal(plan.indexName()));
            // Without a filter every evaluated item is returned, so asking for exactly what is wanted reads no more;
            // a filter (the plan's, the discriminator's or the time to live's) may drop items, and a limit would then
            // cut pages short.
            this.limit = filter == null && !plan.count() && wanted < 10_000 ? (int) wanted : null;
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
            long stamp = services.cache().stamp();
            if (plan.operation() == Operation.QUERY) {
                QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(plan.indexName())
                        .keyConditionExpression(plan.keyCondition()).filterExpression(filter)
                        .projectionExpression(projection).expressionAttributeNames(names)
                        .expressionAttributeValues(values).scanIndexForward(plan.scanIndexForward())
                        .consistentRead(consistent).exclusiveStartKey(start).limit(limit)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
                if (plan.count()) {
                    q.select(Select.COUNT);
                }
                QueryResponse r = services.dynamo().queryPage(q.build());
                items = r.items();
                lastCount = r.count();
                last = r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null;
            } else {
                ScanRequest.Builder s = ScanRequest.builder().tableName(table).indexName(plan.indexName())
                        .filterExpression(filter).projectionExpression(projection)
                        .expressionAttributeNames(names).expressionAttributeValues(values)
                        .consistentRead(consistent).exclusiveStartKey(start).limit(limit)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
                if (segment != null) {
                    s.segment(segment).totalSegments(segments);
                }
                if (plan.count()) {
                    s.select(Select.COUNT);
                }
                ScanResponse r = services.dynamo().scanPage(s.build());
                items = r.items();
                lastCount = r.count();
                last = r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null;
            }
            if (meta.tablePerClass()) {
                items = items.stream().map(tableEntity::fromOwnTable).toList();
            }
            List<ItemKey> keys = null;
            if (cacheResults) {
                session.context().expect(items.size());
                keys = new ArrayList<>(items.size());
                for (Map<String, AttributeValue> item : items) {
                    ItemKey key = new ItemKey(meta, item);
                    keys.add(key);
                    services.cache().loaded(key, meta, item, stamp, store, consistent);
                }
            }
            start = last == null || last.isEmpty() ? null : last;
            exhausted = start == null;
            pageItems = items;
            pageKeys = keys;
            position = 0;
            return true;
        }

        /** One page of a parallel Scan's segment, its items as read (see {@link ParallelScan}). */
        @Override
        public List<Map<String, AttributeValue>> nextPage() {
            return fetchPage() ? pageItems : List.of();
        }

        @Override
        public boolean more() {
            return !exhausted;
        }

        @Override
        public boolean hasNext() {
            while (position == pageItems.size()) {
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
            return pageItems.get(position++);
        }

        @Override
        public ItemKey lastKey() {
            return pageKeys == null || position == 0 ? null : pageKeys.get(position - 1);
        }
    }

    private boolean isLocal(String index) {
        return meta.indexes().stream().anyMatch(i -> i.name().equals(index) && !i.global());
    }

    /**
     * Turns items into results, skipping {@code first} and stopping after {@code max}; select items computed in
     * Java ({@code selection}, or {@code null}) are computed for the rows returned only.
     */
    Iterator<Object> results(Iterator<Map<String, AttributeValue>> read, int first, int max, Selection selection) {
        if (compiled.selectedAssociation() != null) {
            return selectedTargets(read, first, max);
        }
        Iterator<Map<String, AttributeValue>> items = compiled.selectKind() == SelectKind.ENTITY ? read
                : navigating(read, selection != null ? selection.attributes() : compiled.selectedAttributes());
        if (compiled.distinctRows()) {
            return distinctResults(items, first, max, selection);
        }
        return new Iterator<>() {
            private int toSkip = first;
            private int left = max;

            @Override
            public boolean hasNext() {
                while (toSkip > 0 && items.hasNext()) {
                    items.next();
                    toSkip--;
                }
                return left > 0 && items.hasNext();
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                return row(items, items.next(), selection);
            }
        };
    }

    /**
     * {@code SELECT o.customer}: for each owner read with a target (a path is an inner join), the managed target,
     * loaded for each {@value Navigations#AHEAD} owners read (fewer when fewer rows are wanted) in BatchGetItem calls
     * (what the persistence context and the shared cache lack); once per owner, or once in all with DISTINCT.
     * {@code first} and {@code max} count those rows; the owners are read until they are found.
     */
    private Iterator<Object> selectedTargets(Iterator<Map<String, AttributeValue>> owners, int first, int max) {
        io.jynamo.internal.metadata.AssociationMeta association = meta.association(compiled.selectedAssociation().name());
        EntityMeta target = association.target();
        java.util.Set<Object> seen = compiled.distinctRows()
                ? java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()) : null;
        return new Iterator<>() {
            private final List<Object> ahead = new ArrayList<>();
            private int next;
            private int toSkip = first;
            private int left = max;

            @Override
            public boolean hasNext() {
                while (left > 0) {
                    while (next == ahead.size() && owners.hasNext()) {
                        load();
                    }
                    if (next == ahead.size()) {
                        return false;
                    }
                    if (toSkip == 0) {
                        return true;
                    }
                    toSkip--;
                    next++;
                }
                return false;
            }

            private void load() {
                ahead.clear();
                next = 0;
                List<ItemKey> asked = new ArrayList<>();
                Map<ItemKey, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
                // As many owners as rows are still wanted (a missing target makes a row fewer), at most 100.
                long wanted = Math.min(Navigations.AHEAD, (long) toSkip + left);
                for (int i = 0; i < wanted && owners.hasNext(); i++) {
                    Map<String, AttributeValue> key = association.targetKeyOf(owners.next());
                    if (key != null) {
                        ItemKey k = new ItemKey(target, key);
                        asked.add(k);
                        keys.putIfAbsent(k, key);
                    }
                }
                java.util.Set<Object> found = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                found.addAll(session.loader().findAll(target, new ArrayList<>(keys.values()), retrieve, store));
                for (ItemKey k : asked) {
                    EntityEntry entry = session.context().entry(k);
                    if (entry != null && found.contains(entry.entity()) && (seen == null || seen.add(entry.entity()))) {
                        ahead.add(entry.entity());
                    }
                }
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                return ahead.get(next++);
            }
        };
    }

    private Object row(Iterator<Map<String, AttributeValue>> items, Map<String, AttributeValue> item, Selection selection) {
        if (selection != null) {
            return computed(selection, item);
        }
        // Straight from the pages (for the shared cache) or a keyed read, an entity item's key was made already.
        return result(item, items instanceof KeyedItems k ? k.lastKey() : null);
    }

    /**
     * SELECT DISTINCT of attributes: each row once, the first read; {@code first} and {@code max} count distinct
     * rows. The rows returned so far are remembered, and the items are read only as far as the rows asked for need.
     */
    private Iterator<Object> distinctResults(Iterator<Map<String, AttributeValue>> items, int first, int max,
                                             Selection selection) {
        java.util.Set<Row> seen = new java.util.HashSet<>();
        return new Iterator<>() {
            private int toSkip = first;
            private int left = max;
            private Object next;
            private boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready && left > 0 && items.hasNext()) {
                    Object row = row(items, items.next(), selection);
                    if (!seen.add(new Row(row))) {
                        continue;
                    }
                    if (toSkip > 0) {
                        toSkip--;
                        continue;
                    }
                    next = row;
                    ready = true;
                }
                return ready;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                left--;
                return next;
            }
        };
    }

    /** A row compared by value: one value, or the values of an array (arrays inside compared by content). */
    private record Row(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && java.util.Objects.deepEquals(value, r.value);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.deepHashCode(new Object[] {value});
        }
    }

    private Object result(Map<String, AttributeValue> item, ItemKey key) {
        if (compiled.selectKind() == SelectKind.ENTITY) {
            return key == null ? session.loader().materialise(meta, item) : session.loader().materialise(meta, item, key);
        }
        List<AttributeInfo> selected = compiled.selectedAttributes();
        if (selected.size() == 1) {
            return value(selected.get(0), item);
        }
        Object[] row = new Object[selected.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = value(selected.get(i), item);
        }
        return row;
    }

    /** The select items computed in Java for one item read: one value, or an array of several. */
    private Object computed(Selection selection, Map<String, AttributeValue> item) {
        return oneOrMany(selection.values(row(selection, item)));
    }

    /** Aggregate select items (SUM, AVG, MIN, MAX, COUNT) folded from every item read: one value, or an array. */
    Object aggregated(Iterator<Map<String, AttributeValue>> read, Selection selection) {
        Iterator<Map<String, AttributeValue>> items = navigating(read, selection.attributes());
        Selection.Fold fold = selection.fold();
        while (items.hasNext()) {
            fold.add(row(selection, items.next()));
        }
        return oneOrMany(fold.values());
    }

    /** The SET values an UPDATE computes in Java ({@link BoundPlan#assignedInJava}) for one item read. */
    Object[] assigned(Selection assigned, Map<String, AttributeValue> item) {
        return assigned.values(row(assigned, item));
    }

    private static Object oneOrMany(Object[] row) {
        return row.length == 1 ? row[0] : row;
    }

    /**
     * The values of the attributes the select items read, of one item; {@code SIZE} of a relationship collection is
     * counted (one {@code Select=COUNT} Query per item).
     */
    private io.jynamo.jpql.ClientSide.Row row(Selection selection, Map<String, AttributeValue> item) {
        Map<String, Object> values = new HashMap<>();
        for (AttributeInfo a : selection.attributes()) {
            values.put(a.path(), a.path().startsWith(RelationSize.PREFIX)
                    ? relations().count(meta, a.path().substring(RelationSize.PREFIX.length()), item, Long.MAX_VALUE)
                    : value(a, item));
        }
        return a -> values.get(a.path());
    }

    private Object value(AttributeInfo attribute, Map<String, AttributeValue> item) {
        if (attribute.navigated()) {
            return navigations().value(attribute, item);
        }
        return services.queryModel().read(compiled.entity().name(), attribute.path(), stored(item, attribute.storedPath()));
    }

    /** The value at a stored path of an item (into maps, for embedded attributes), or {@code null}. */
    static AttributeValue stored(Map<String, AttributeValue> item, List<String> path) {
        AttributeValue v = null;
        Map<String, AttributeValue> level = item;
        for (String segment : path) {
            v = level == null ? null : level.get(segment);
            level = v != null && v.hasM() ? v.m() : null;
        }
        return v;
    }
}
