package io.jynamo.internal.dynamo;

import io.jynamo.JynamoException;
import jakarta.persistence.PersistenceException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one gateway to DynamoDB: every call Jynamo makes (single items, batches, query and scan pages,
 * transactions, schema) goes through {@link #call}, one attempt given no more time than the retry
 * budget has left, and throttling is retried within that budget by one helper ({@link #withRetry}
 * for single calls; the batch loops also retry what comes back unprocessed). Call counting,
 * consumed capacity and rate limits belong in {@link #call}.
 */
public final class Dynamo {

    /** DynamoDB's limit of write requests per BatchWriteItem. */
    private static final int WRITE_BATCH = 25;
    /** DynamoDB's limit of keys per BatchGetItem. */
    public static final int GET_BATCH = 100;
    /** How long a created or deleted table may take to become ACTIVE or gone. */
    private static final long TABLE_WAIT_MILLIS = 5 * 60_000;

    private static final System.Logger LOG = System.getLogger(Dynamo.class.getName());

    /**
     * Per thread, a slot holding the recorder of the entity manager the thread works for, if any. A slot rather than
     * the recorder itself: an operation fills and restores it with one thread-local lookup, where a get and two sets
     * took three. An {@code Object[]}, whose class is the JDK's: the slot a thread keeps between operations must not
     * hold Jynamo's class loader (an application server's threads outlive a redeployed application).
     */
    private static final ThreadLocal<Object[]> CURRENT = ThreadLocal.withInitial(() -> new Object[1]);

    private final DynamoDbClient client;
    private final Retry retry;
    private final int parallelism;
    private final Recorder total = new Recorder();
    private final RateLimiter readLimit;
    private final RateLimiter writeLimit;
    private volatile ExecutorService pool;

    /**
     * @param parallelism     how many calls of one operation may be in flight at once ({@code jynamo.parallelism});
     *                        the threads for them are made when first needed and end when idle
     * @param readUnitsLimit  read capacity units a second the calls may consume, 0 for no limit
     * @param writeUnitsLimit write capacity units a second, 0 for no limit
     */
    public Dynamo(DynamoDbClient client, Retry retry, int parallelism, long readUnitsLimit, long writeUnitsLimit) {
        this.client = client;
        this.retry = retry;
        this.parallelism = parallelism;
        this.readLimit = readUnitsLimit > 0 ? RateLimiter.of(readUnitsLimit) : null;
        this.writeLimit = writeUnitsLimit > 0 ? RateLimiter.of(writeUnitsLimit) : null;
    }

    /** The SDK client itself, for {@code unwrap} and {@code callWithConnection}; Jynamo's own calls go through the methods here. */
    public DynamoDbClient client() {
        return client;
    }

    /**
     * One write of a batch, tagged so the caller can tell which of its writes failed.
     *
     * @param table   the table
     * @param request a put or delete request
     * @param tag     the caller's handle on the write
     */
    public record TableWrite(String table, WriteRequest request, Object tag) {
    }

    /**
     * Sends writes in BatchWriteItem calls of {@value #WRITE_BATCH}, retrying unprocessed items and
     * throttled calls within one retry budget. The writes must have distinct keys within a table.
     * A failure that retrying cannot mend (a validation error, a server error that outlasted the SDK's
     * retries, an unreachable endpoint) is thrown at once and no further batch is sent.
     *
     * @return the writes still not done when the budget ran out (empty when all arrived)
     */
    public List<TableWrite> batchWrite(List<TableWrite> writes) {
        return batchWrite(writes, w -> { });
    }

    /**
     * Like {@link #batchWrite(List)}, telling {@code written} of each write DynamoDB confirmed (on the calling
     * thread, once the calls are done). Up to {@code parallelism} batches are in flight at once; after a
     * failure no further batch is started, the ones in flight are finished and reported, then the first
     * failure is thrown.
     */
    public List<TableWrite> batchWrite(List<TableWrite> writes, Consumer<TableWrite> written) {
        Retry.Budget budget = retry.start();
        List<List<TableWrite>> chunks = chunks(writes, WRITE_BATCH);
        List<WriteOutcome> outcomes = inParallel(chunks, chunk -> writeChunk(chunk, budget), o -> o.error() != null);
        List<TableWrite> failed = new ArrayList<>();
        RuntimeException error = null;
        for (WriteOutcome o : outcomes) {
            if (o == null) {
                continue; // not started after a failure: neither written nor reported as failed
            }
            o.written().forEach(written);
            failed.addAll(o.failed());
            if (error == null) {
                error = o.error();
            }
        }
        if (error != null) {
            throw error;
        }
        return failed;
    }

    /** What one batch of writes came to: confirmed writes, writes given up, and the failure that stopped it. */
    private record WriteOutcome(List<TableWrite> written, List<TableWrite> failed, RuntimeException error) {
    }

    /** One batch of up to 25 writes, unprocessed ones retried within the operation's budget. Never throws. */
    private WriteOutcome writeChunk(List<TableWrite> batch, Retry.Budget budget) {
        List<TableWrite> written = new ArrayList<>();
        if (budget.remainingMillis() <= 0) {
            return new WriteOutcome(written, batch, null);
        }
        List<TableWrite> pending = batch;
        try {
            for (int attempt = 1; ; attempt++) {
                List<TableWrite> left = sendBatch(pending, budget);
                if (left.isEmpty()) {
                    written.addAll(pending); // the common case: no set of the unprocessed ones to build and search
                } else if (left.size() < pending.size()) {
                    Set<TableWrite> notDone = Collections.newSetFromMap(new IdentityHashMap<>());
                    notDone.addAll(left);
                    pending.stream().filter(w -> !notDone.contains(w)).forEach(written::add);
                }
                pending = left;
                if (pending.isEmpty()) {
                    return new WriteOutcome(written, List.of(), null);
                }
                if (!budget.pauseBeforeRetry(attempt)) {
                    return new WriteOutcome(written, pending, null);
                }
                record(Recorder::retry);
                LOG.log(System.Logger.Level.DEBUG, "Retrying {0} unprocessed writes (attempt {1})", pending.size(), attempt + 1);
            }
        } catch (RuntimeException e) {
            return new WriteOutcome(written, List.of(), e);
        }
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /**
     * Runs {@code task} on every chunk, up to {@code jynamo.parallelism} at once (inline, in order, when there is
     * one chunk or the parallelism is 1), and starts no further chunk once an outcome {@code stops}. Tasks should
     * return their failures as outcomes rather than throw them, so that what the others did is not lost.
     *
     * @return the outcomes in chunk order; {@code null} for chunks not started
     */
    public <C, R> List<R> inParallel(List<C> chunks, Function<C, R> task, java.util.function.Predicate<R> stops) {
        List<R> outcomes = new ArrayList<>(Collections.nCopies(chunks.size(), null));
        if (parallelism == 1 || chunks.size() <= 1) {
            for (int i = 0; i < chunks.size(); i++) {
                R r = task.apply(chunks.get(i));
                outcomes.set(i, r);
                if (stops.test(r)) {
                    break;
                }
            }
            return outcomes;
        }
        ExecutorCompletionService<Map.Entry<Integer, R>> done = new ExecutorCompletionService<>(boundWorkers());
        int next = 0;
        int running = 0;
        boolean stopped = false;
        for (; next < chunks.size() && running < parallelism; next++, running++) {
            int i = next;
            done.submit(() -> Map.entry(i, task.apply(chunks.get(i))));
        }
        Throwable unexpected = null;
        while (running > 0) {
            Map.Entry<Integer, R> finished;
            try {
                finished = done.take().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JynamoException("Interrupted while waiting for " + running + " DynamoDB calls in flight", e);
            } catch (java.util.concurrent.ExecutionException e) {
                running--;
                unexpected = unexpected == null ? e.getCause() : unexpected;
                stopped = true;
                continue;
            }
            running--;
            outcomes.set(finished.getKey(), finished.getValue());
            stopped |= stops.test(finished.getValue());
            if (!stopped && next < chunks.size()) {
                int i = next++;
                done.submit(() -> Map.entry(i, task.apply(chunks.get(i))));
                running++;
            }
        }
        if (unexpected instanceof RuntimeException re) {
            throw re;
        }
        if (unexpected instanceof Error err) {
            throw err;
        }
        return outcomes;
    }

    /**
     * The threads of parallel calls, for {@link #inParallel} and for a caller that hands tasks over one at a time
     * as it needs them (a parallel Scan reading its segments' next pages as they are consumed). The calls a task
     * makes also count for the entity manager the thread asking for this executor works for now
     * ({@link #recorderSlot}), whichever thread submits the task later. The caller keeps at most
     * {@link #parallelism()} tasks in flight; tasks should not block waiting for the caller, since the threads
     * are shared by the factory's operations.
     *
     * @return the executor, or {@code null} when {@code jynamo.parallelism} is 1 (calls are then made inline)
     */
    public java.util.concurrent.Executor boundWorkers() {
        if (parallelism == 1) {
            return null;
        }
        ExecutorService p = pool();
        Object caller = CURRENT.get()[0];
        return task -> p.execute(() -> {
            Object[] slot = CURRENT.get();
            Object previous = slot[0];
            slot[0] = caller;
            try {
                task.run();
            } finally {
                slot[0] = previous;
            }
        });
    }

    /** How many calls of one operation may be in flight at once ({@code jynamo.parallelism}). */
    public int parallelism() {
        return parallelism;
    }

    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    AtomicInteger threads = new AtomicInteger();
                    ThreadPoolExecutor executor = new ThreadPoolExecutor(parallelism, parallelism, 30, TimeUnit.SECONDS,
                            new LinkedBlockingQueue<>(), r -> {
                                Thread t = new Thread(r, "jynamo-dynamo-" + threads.incrementAndGet());
                                t.setDaemon(true);
                                return t;
                            });
                    executor.allowCoreThreadTimeOut(true);
                    pool = executor;
                }
                p = pool;
            }
        }
        return p;
    }

    /** Stops the threads of parallel calls (the factory is closing). */
    public void close() {
        ExecutorService p = pool;
        if (p != null) {
            p.shutdown();
        }
    }

    /** One BatchWriteItem; returns the writes DynamoDB did not process (all of them when throttled). */
    private List<TableWrite> sendBatch(List<TableWrite> batch, Retry.Budget budget) {
        Map<String, List<WriteRequest>> byTable = new LinkedHashMap<>();
        for (TableWrite w : batch) {
            byTable.computeIfAbsent(w.table(), t -> new ArrayList<>(batch.size())).add(w.request());
        }
        BatchWriteItemResponse response;
        try {
            // Built once, bounded as it is built: a copy to add the bound would copy every item again.
            response = call(bounded(BatchWriteItemRequest.builder().requestItems(byTable)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL), later(budget)).build(), client::batchWriteItem, null);
        } catch (SdkException e) {
            if (isThrottle(e)) {
                return batch;
            }
            throw e;
        }
        if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
            return List.of();
        }
        // Only now, in the rare case, are requests hashed (deeply) to find the caller's writes again. Two
        // tables may hold equal requests (the same key, the same item), so the table is part of the match.
        Map<String, Map<WriteRequest, TableWrite>> byRequest = new HashMap<>();
        for (TableWrite w : batch) {
            byRequest.computeIfAbsent(w.table(), t -> new HashMap<>()).put(w.request(), w);
        }
        List<TableWrite> left = new ArrayList<>();
        response.unprocessedItems().forEach((table, requests) -> {
            Map<WriteRequest, TableWrite> ofTable = byRequest.getOrDefault(table, Map.of());
            for (WriteRequest r : requests) {
                TableWrite w = ofTable.get(r);
                left.add(w != null ? w : new TableWrite(table, r, null));
            }
        });
        return left;
    }

    /**
     * The budget when the call about to be made must be bounded by the time it has left, else {@code null}: the first
     * call of an operation, and any call starting within the budget's grace, is bounded by the client's own timeout
     * (for Jynamo's clients, jynamo.retry.max-millis less the grace: {@link Retry#clientTimeoutMillis}); every later
     * call or retry gets only what the budget has left.
     */
    private static Retry.Budget later(Retry.Budget budget) {
        return budget.needsOwnBound() ? budget : null;
    }

    /** Gives a request no more time, the SDK's own retries included, than the budget has left ({@code null}: as it is). */
    private static <B extends DynamoDbRequest.Builder> B bounded(B builder, Retry.Budget budget) {
        if (budget != null) {
            long left = budget.remainingMillis();
            builder.overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(Math.max(1, left))));
        }
        return builder;
    }

    /**
     * One attempt of one call: every request Jynamo sends to DynamoDB passes here. Data calls ask for the
     * capacity they consume; the call, its items and capacity are counted for the factory and for the entity
     * manager the calling thread works for ({@link #recorderSlot}).
     *
     * @param bound the budget whose time left bounds the call ({@link #later}), or {@code null}
     */
    private <Q extends DynamoDbRequest, R> R call(Q request, Function<Q, R> operation, Retry.Budget bound) {
        Q sent = prepared(request, bound);
        String name = operationName(request);
        boolean read = reads(request);
        RateLimiter limit = read ? readLimit : writes(request) ? writeLimit : null;
        double estimate = limit == null ? 0 : leastUnits(request);
        if (limit != null) {
            long waited = limit.acquire(estimate);
            if (waited > 0) {
                record(r -> r.rateLimited(waited));
            }
        }
        Recorder own = (Recorder) CURRENT.get()[0];
        R response;
        try {
            response = operation.apply(sent);
        } catch (RuntimeException | Error e) {
            boolean throttled = e instanceof SdkException se && isThrottle(se);
            total.failed(name, throttled);
            if (own != null) {
                own.failed(name, throttled);
            }
            throw e;
        }
        double units = account(name, request, response, read, own);
        if (limit != null) {
            limit.consumed(units, estimate);
        }
        return response;
    }

    /** The least capacity a call can consume: half a unit a read (eventually consistent), a unit a written item. */
    private static double leastUnits(DynamoDbRequest r) {
        if (r instanceof BatchGetItemRequest b) {
            return 0.5 * b.requestItems().values().stream().mapToInt(k -> k.keys().size()).sum();
        }
        if (r instanceof BatchWriteItemRequest b) {
            return b.requestItems().values().stream().mapToInt(List::size).sum();
        }
        if (r instanceof TransactWriteItemsRequest t) {
            return 2.0 * t.transactItems().size();
        }
        return reads(r) ? 0.5 : 1;
    }

    private static boolean reads(DynamoDbRequest r) {
        return r instanceof GetItemRequest || r instanceof QueryRequest || r instanceof ScanRequest
                || r instanceof BatchGetItemRequest;
    }

    private static boolean writes(DynamoDbRequest r) {
        return r instanceof PutItemRequest || r instanceof UpdateItemRequest || r instanceof DeleteItemRequest
                || r instanceof BatchWriteItemRequest || r instanceof TransactWriteItemsRequest;
    }

    /** The request as sent: asking for consumed capacity (data calls), bounded by the time the budget has left. */
    @SuppressWarnings("unchecked")
    private static <Q extends DynamoDbRequest> Q prepared(Q request, Retry.Budget budget) {
        if (budget == null && asksCapacity(request)) {
            return request; // built asking for it (the frequent calls are): no copy of the request
        }
        DynamoDbRequest.Builder b = request.toBuilder();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (b instanceof GetItemRequest.Builder x) {
            x.returnConsumedCapacity(total);
        } else if (b instanceof PutItemRequest.Builder x) {
            x.returnConsumedCapacity(total);
        } else if (b instanceof UpdateItemRequest.Builder x) {
            x.returnConsumedCapacity(total);
        } else if (b instanceof DeleteItemRequest.Builder x) {
            x.returnConsumedCapacity(total);
        } else if (b instanceof QueryRequest.Builder x) {
            x.returnConsumedCapacity(total);
        } else if (b instanceof ScanRequest.Builder x) {
            x.returnConsumedCapacity(total);
        } else if (b instanceof BatchGetItemRequest.Builder x) {
            x.returnConsumedCapacity(total);
        } else if (b instanceof BatchWriteItemRequest.Builder x) {
            x.returnConsumedCapacity(total);
        } else if (b instanceof TransactWriteItemsRequest.Builder x) {
            x.returnConsumedCapacity(total);
        } else if (budget == null) {
            return request; // a schema call: nothing to add
        }
        return (Q) bounded(b, budget).build();
    }

    private static final String TOTAL = ReturnConsumedCapacity.TOTAL.toString();

    /** Whether a request already asks for its consumed capacity in total. */
    private static boolean asksCapacity(DynamoDbRequest r) {
        // Asked on every call: the frequent requests directly, the rest through the SDK's lookup by field name.
        String asked = r instanceof QueryRequest q ? q.returnConsumedCapacityAsString()
                : r instanceof GetItemRequest g ? g.returnConsumedCapacityAsString()
                : r instanceof BatchGetItemRequest bg ? bg.returnConsumedCapacityAsString()
                : r instanceof BatchWriteItemRequest bw ? bw.returnConsumedCapacityAsString()
                : r instanceof PutItemRequest p ? p.returnConsumedCapacityAsString()
                : r instanceof UpdateItemRequest u ? u.returnConsumedCapacityAsString()
                : r instanceof DeleteItemRequest d ? d.returnConsumedCapacityAsString()
                : r instanceof ScanRequest s ? s.returnConsumedCapacityAsString()
                : r.getValueForField("ReturnConsumedCapacity", String.class).orElse(null);
        return TOTAL.equals(asked);
    }

    /** {@code GetItemRequest} → {@code GetItem}. */
    private static String operationName(DynamoDbRequest request) {
        return OPERATION_NAMES.get(request.getClass());
    }

    /** The operation name of each request class, made once (a call's name is counted on every call). */
    private static final ClassValue<String> OPERATION_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String n = type.getSimpleName();
            return n.endsWith("Request") ? n.substring(0, n.length() - "Request".length()) : n;
        }
    };

    /**
     * Counts one answered call, its items and capacity, for the factory and for {@code own} (the entity manager's
     * recorder, or {@code null}); returns the capacity units it consumed.
     */
    private double account(String name, DynamoDbRequest request, Object response, boolean isRead, Recorder own) {
        long read = 0;
        long written = 0;
        long left = 0;
        double units;
        if (response instanceof GetItemResponse r) {
            read = r.hasItem() && !r.item().isEmpty() ? 1 : 0;
            units = units(r.consumedCapacity());
        } else if (response instanceof QueryResponse r) {
            read = r.count() == null ? 0 : r.count();
            units = units(r.consumedCapacity());
        } else if (response instanceof ScanResponse r) {
            read = r.count() == null ? 0 : r.count();
            units = units(r.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse r) {
            for (List<Map<String, AttributeValue>> items : r.responses().values()) {
                read += items.size();
            }
            if (r.hasUnprocessedKeys()) {
                for (KeysAndAttributes k : r.unprocessedKeys().values()) {
                    left += k.keys().size();
                }
            }
            units = units(r.consumedCapacity());
        } else if (response instanceof BatchWriteItemResponse r) {
            long sent = 0;
            for (List<WriteRequest> writes : ((BatchWriteItemRequest) request).requestItems().values()) {
                sent += writes.size();
            }
            if (r.hasUnprocessedItems()) {
                for (List<WriteRequest> writes : r.unprocessedItems().values()) {
                    left += writes.size();
                }
            }
            written = sent - left;
            units = units(r.consumedCapacity());
        } else if (response instanceof PutItemResponse r) {
            written = 1;
            units = units(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            written = 1;
            units = units(r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            written = 1;
            units = units(r.consumedCapacity());
        } else if (response instanceof TransactWriteItemsResponse r) {
            written = ((TransactWriteItemsRequest) request).transactItems().size();
            units = units(r.consumedCapacity());
        } else {
            units = 0; // a call about tables, not items
        }
        long items = isRead ? read : written;
        total.answered(name, isRead, items, units, left);
        if (own != null) {
            own.answered(name, isRead, items, units, left);
        }
        return units;
    }

    private static double units(ConsumedCapacity c) {
        return c == null || c.capacityUnits() == null ? 0 : c.capacityUnits();
    }

    private static double units(List<ConsumedCapacity> all) {
        double sum = 0;
        if (all != null) {
            for (ConsumedCapacity c : all) {
                sum += units(c);
            }
        }
        return sum;
    }

    private void record(Consumer<Recorder> what) {
        what.accept(total);
        Recorder own = (Recorder) CURRENT.get()[0];
        if (own != null) {
            what.accept(own);
        }
    }

    /**
     * The current thread's recorder slot: while it holds an entity manager's recorder, the calls the thread makes
     * count there as well as for the factory (parallel calls made on its behalf too). Whoever fills it restores what
     * it held.
     */
    public static Object[] recorderSlot() {
        return CURRENT.get();
    }

    /** The factory's counts: every call made through this gateway. */
    public Recorder total() {
        return total;
    }

    /** One single-item (or single-page) call, retried while throttled, within one retry budget. */
    private <Q extends DynamoDbRequest, R> R send(Q request, Function<Q, R> operation) {
        return withRetry(budget -> call(request, operation, later(budget)));
    }

    /**
     * Runs one single-item call, retrying it while DynamoDB throttles it, within the retry budget.
     * Only throttling is retried here: a throttled request was not applied, so sending it again is safe.
     */
    private <T> T withRetry(Function<Retry.Budget, T> call) {
        Retry.Budget budget = retry.start();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.apply(budget);
            } catch (SdkException e) {
                if (!isThrottle(e) || !budget.pauseBeforeRetry(attempt)) {
                    throw e;
                }
                record(Recorder::retry);
            }
        }
    }

    static boolean isThrottle(SdkException e) {
        return e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException
                || e instanceof AwsServiceException ase
                && ase.awsErrorDetails() != null
                && ("ThrottlingException".equals(ase.awsErrorDetails().errorCode())
                || "ProvisionedThroughputExceededException".equals(ase.awsErrorDetails().errorCode()));
    }

    /** GetItem; {@code null} when there is no such item. */
    public Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key, boolean consistent) {
        var response = send(GetItemRequest.builder().tableName(table).key(key).consistentRead(consistent)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build(),
                client::getItem);
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    /** PutItem, retried while throttled. A failed condition is thrown as DynamoDB's {@code ConditionalCheckFailedException}. */
    public PutItemResponse put(PutItemRequest request) {
        return send(request, client::putItem);
    }

    /** UpdateItem, retried while throttled. A failed condition is thrown as DynamoDB's {@code ConditionalCheckFailedException}. */
    public UpdateItemResponse update(UpdateItemRequest request) {
        return send(request, client::updateItem);
    }

    /** DeleteItem, retried while throttled. A failed condition is thrown as DynamoDB's {@code ConditionalCheckFailedException}. */
    public DeleteItemResponse delete(DeleteItemRequest request) {
        return send(request, client::deleteItem);
    }

    /**
     * TransactWriteItems, retried while throttled. Give the request a client token, so that DynamoDB
     * treats the SDK's resend after a lost response as the same transaction.
     */
    public void transactWrite(TransactWriteItemsRequest request) {
        send(request, client::transactWriteItems);
    }

    /** One page of a Query, retried while throttled; the caller follows {@code lastEvaluatedKey}. */
    public QueryResponse queryPage(QueryRequest request) {
        return send(request, client::query);
    }

    /** Every item a Query finds, its pages followed (one call per page of 1 MB). */
    public List<Map<String, AttributeValue>> queryAll(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        QueryRequest page = request;
        while (true) {
            QueryResponse r = queryPage(page);
            items.addAll(r.items());
            if (!r.hasLastEvaluatedKey() || r.lastEvaluatedKey().isEmpty()) {
                return items;
            }
            page = page.toBuilder().exclusiveStartKey(r.lastEvaluatedKey()).build();
        }
    }

    /** One page of a Scan, retried while throttled; the caller follows {@code lastEvaluatedKey}. */
    public ScanResponse scanPage(ScanRequest request) {
        return send(request, client::scan);
    }

    /** CreateTable; DynamoDB's {@code ResourceInUseException} when the table exists. */
    public void createTable(CreateTableRequest request) {
        send(request, client::createTable);
    }

    /** UpdateTable (for example adding a global secondary index); the caller waits for ACTIVE. */
    public void updateTable(UpdateTableRequest request) {
        send(request, client::updateTable);
    }

    /** DeleteTable; DynamoDB's {@code ResourceNotFoundException} when there is no such table. */
    public void deleteTable(String table) {
        send(DeleteTableRequest.builder().tableName(table).build(), client::deleteTable);
    }

    /** DescribeTable; {@code null} when there is no such table. */
    public TableDescription describeTable(String table) {
        try {
            return send(DescribeTableRequest.builder().tableName(table).build(), client::describeTable).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    /** DescribeTimeToLive: whether the table's time to live is on or being turned on. */
    public boolean timeToLiveEnabled(String table) {
        TimeToLiveStatus status = send(DescribeTimeToLiveRequest.builder().tableName(table).build(), client::describeTimeToLive)
                .timeToLiveDescription().timeToLiveStatus();
        return status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;
    }

    /** UpdateTimeToLive turning the table's time to live on, on that attribute. */
    public void enableTimeToLive(String table, String attribute) {
        send(UpdateTimeToLiveRequest.builder().tableName(table)
                .timeToLiveSpecification(t -> t.enabled(true).attributeName(attribute)).build(), client::updateTimeToLive);
    }

    /**
     * Waits, polling DescribeTable, until the table and its global indexes are ACTIVE ({@code active}) or
     * the table is gone.
     *
     * @throws PersistenceException when that takes over five minutes
     */
    public void awaitTable(String table, boolean active) {
        long deadline = System.currentTimeMillis() + TABLE_WAIT_MILLIS;
        long pause = 20;
        while (true) {
            TableDescription t = describeTable(table);
            if (active ? t != null && t.tableStatus() == TableStatus.ACTIVE && indexesActive(t) : t == null) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new PersistenceException("Table " + table + " did not become " + (active ? "ACTIVE" : "deleted")
                        + " within " + TABLE_WAIT_MILLIS / 1000 + " s");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PersistenceException("Interrupted while waiting for table " + table, e);
            }
            pause = Math.min(pause * 2, 2_000);
        }
    }

    private static boolean indexesActive(TableDescription t) {
        return !t.hasGlobalSecondaryIndexes() || t.globalSecondaryIndexes().stream()
                .allMatch(g -> g.indexStatus() == null || "ACTIVE".equals(g.indexStatusAsString()));
    }

    /**
     * BatchGetItem of many keys of one table, {@value #GET_BATCH} a call (up to {@code parallelism} calls at
     * once), unprocessed keys retried.
     *
     * @return the found items, in no particular order
     * @throws JynamoException when keys are still unprocessed after every retry
     */
    public List<Map<String, AttributeValue>> batchGet(String table, List<Map<String, AttributeValue>> keys,
                                                     boolean consistent, String projection, Map<String, String> names) {
        List<Map<String, List<Map<String, AttributeValue>>>> chunks = new ArrayList<>(keys.size() / GET_BATCH + 1);
        for (int from = 0; from < keys.size(); from += GET_BATCH) {
            chunks.add(Map.of(table, keys.subList(from, Math.min(keys.size(), from + GET_BATCH))));
        }
        return read(chunks, consistent, projection, names).getOrDefault(table, List.of());
    }

    /**
     * BatchGetItem of keys in several tables (a request may name many), {@value #GET_BATCH} keys a call
     * whatever their tables, unprocessed keys retried: one call for a key looked up in every table of a
     * TABLE_PER_CLASS hierarchy.
     *
     * @param keys the keys to read, by table
     * @return the found items with the table each came from, in no particular order
     * @throws JynamoException when keys are still unprocessed after every retry
     */
    public List<TableItem> batchGet(Map<String, List<Map<String, AttributeValue>>> keys, boolean consistent) {
        List<Map<String, List<Map<String, AttributeValue>>>> chunks = new ArrayList<>();
        Map<String, List<Map<String, AttributeValue>>> chunk = new LinkedHashMap<>();
        int inChunk = 0;
        for (Map.Entry<String, List<Map<String, AttributeValue>>> table : keys.entrySet()) {
            for (Map<String, AttributeValue> k : table.getValue()) {
                if (inChunk == GET_BATCH) {
                    chunks.add(chunk);
                    chunk = new LinkedHashMap<>();
                    inChunk = 0;
                }
                chunk.computeIfAbsent(table.getKey(), t -> new ArrayList<>()).add(k);
                inChunk++;
            }
        }
        if (inChunk > 0) {
            chunks.add(chunk);
        }
        List<TableItem> items = new ArrayList<>();
        read(chunks, consistent, null, null).forEach((table, found) -> found.forEach(i -> items.add(new TableItem(table, i))));
        return items;
    }

    /** An item (or key) and the table it belongs to. */
    public record TableItem(String table, Map<String, AttributeValue> item) {
    }

    /** The items of chunks of keys (each a BatchGetItem, keys by table), by table. */
    private Map<String, List<Map<String, AttributeValue>>> read(List<Map<String, List<Map<String, AttributeValue>>>> chunks,
                                                                 boolean consistent, String projection, Map<String, String> names) {
        Retry.Budget budget = retry.start();
        List<ReadOutcome> outcomes = inParallel(chunks,
                chunk -> readChunk(chunk, consistent, projection, names, budget), o -> o.error() != null);
        Map<String, List<Map<String, AttributeValue>>> items = null;
        for (ReadOutcome o : outcomes) {
            if (o != null && o.error() != null) {
                throw o.error();
            }
            if (o != null) {
                items = items == null ? o.items() : merged(items, o.items());
            }
        }
        return items == null ? Map.of() : items;
    }

    private record ReadOutcome(Map<String, List<Map<String, AttributeValue>>> items, RuntimeException error) {
    }

    /** The items of {@code more} added to those of {@code into}, by table; {@code into} is changed. */
    private static Map<String, List<Map<String, AttributeValue>>> merged(Map<String, List<Map<String, AttributeValue>>> into,
                                                                         Map<String, List<Map<String, AttributeValue>>> more) {
        more.forEach((table, found) -> into.merge(table, found, (a, b) -> {
            // The first list of a table may be the response's own, which nobody may change.
            List<Map<String, AttributeValue>> all = a instanceof ArrayList<Map<String, AttributeValue>> l ? l : new ArrayList<>(a);
            all.addAll(b);
            return all;
        }));
        return into;
    }

    /**
     * One BatchGetItem of up to 100 keys (of one or more tables), unprocessed keys retried: the items found, by table.
     * Never throws.
     */
    private ReadOutcome readChunk(Map<String, List<Map<String, AttributeValue>>> keys, boolean consistent, String projection,
                                  Map<String, String> names, Retry.Budget budget) {
        Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        Map<String, List<Map<String, AttributeValue>>> pending = keys;
        try {
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Map<String, KeysAndAttributes> request = new LinkedHashMap<>();
                pending.forEach((table, list) -> {
                    KeysAndAttributes.Builder ka = KeysAndAttributes.builder().keys(list).consistentRead(consistent);
                    if (projection != null) {
                        ka.projectionExpression(projection).expressionAttributeNames(names);
                    }
                    request.put(table, ka.build());
                });
                BatchGetItemResponse response = null;
                try {
                    response = call(bounded(BatchGetItemRequest.builder().requestItems(request)
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL), later(budget)).build(), client::batchGetItem, null);
                } catch (SdkException e) {
                    if (!isThrottle(e)) {
                        throw e;
                    }
                }
                if (response != null) {
                    merged(items, response.responses());
                    pending = new LinkedHashMap<>();
                    if (response.hasUnprocessedKeys()) {
                        for (Map.Entry<String, KeysAndAttributes> left : response.unprocessedKeys().entrySet()) {
                            if (left.getValue().hasKeys() && !left.getValue().keys().isEmpty()) {
                                pending.put(left.getKey(), left.getValue().keys());
                            }
                        }
                    }
                }
                if (pending.isEmpty()) {
                    break;
                }
                if (!budget.pauseBeforeRetry(attempt)) {
                    throw new JynamoException("BatchGetItem on table" + (pending.size() == 1 ? " " + pending.keySet().iterator().next()
                            : "s " + pending.keySet()) + " left " + pending.values().stream().mapToInt(List::size).sum()
                            + " keys unprocessed after " + attempt + " attempts (throttling or capacity), "
                            + budget.describe() + "; nothing is returned for them. Retry later or raise the table's"
                            + " read capacity: " + pending);
                }
                record(Recorder::retry);
            }
            return new ReadOutcome(items, null);
        } catch (RuntimeException e) {
            return new ReadOutcome(items, e);
        }
    }
}
