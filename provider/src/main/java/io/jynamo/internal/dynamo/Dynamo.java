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

    private final DynamoDbClient client;
    private final Retry retry;

    public Dynamo(DynamoDbClient client, Retry retry) {
        this.client = client;
        this.retry = retry;
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
     * Like {@link #batchWrite(List)}, telling {@code written} of each write as DynamoDB confirms it.
     */
    public List<TableWrite> batchWrite(List<TableWrite> writes, Consumer<TableWrite> written) {
        List<TableWrite> failed = new ArrayList<>();
        Retry.Budget budget = retry.start();
        for (int from = 0; from < writes.size(); from += WRITE_BATCH) {
            List<TableWrite> batch = writes.subList(from, Math.min(writes.size(), from + WRITE_BATCH));
            if (budget.remainingMillis() <= 0) {
                failed.addAll(batch);
                continue;
            }
            List<TableWrite> pending = batch;
            for (int attempt = 1; ; attempt++) {
                List<TableWrite> left = sendBatch(pending, budget);
                if (left.size() < pending.size()) {
                    Set<TableWrite> notDone = Collections.newSetFromMap(new IdentityHashMap<>());
                    notDone.addAll(left);
                    pending.stream().filter(w -> !notDone.contains(w)).forEach(written);
                }
                pending = left;
                if (pending.isEmpty()) {
                    break;
                }
                if (!budget.pauseBeforeRetry(attempt)) {
                    failed.addAll(pending);
                    break;
                }
                LOG.log(System.Logger.Level.DEBUG, "Retrying {0} unprocessed writes (attempt {1})", pending.size(), attempt + 1);
            }
        }
        return failed;
    }

    /** One BatchWriteItem; returns the writes DynamoDB did not process (all of them when throttled). */
    private List<TableWrite> sendBatch(List<TableWrite> batch, Retry.Budget budget) {
        Map<String, List<WriteRequest>> byTable = new LinkedHashMap<>();
        for (TableWrite w : batch) {
            byTable.computeIfAbsent(w.table(), t -> new ArrayList<>()).add(w.request());
        }
        BatchWriteItemResponse response;
        try {
            response = call(BatchWriteItemRequest.builder().requestItems(byTable).build(), client::batchWriteItem, budget);
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

    /** Gives a request no more time, the SDK's own retries included, than the budget has left. */
    private static <B extends DynamoDbRequest.Builder> B bounded(B builder, Retry.Budget budget) {
        long left = budget.remainingMillis();
        if (left != Long.MAX_VALUE) {
            builder.overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(Math.max(1, left))));
        }
        return builder;
    }

    /** One attempt of one call: every request Jynamo sends to DynamoDB passes here. */
    @SuppressWarnings("unchecked")
    private static <Q extends DynamoDbRequest, R> R call(Q request, Function<Q, R> operation, Retry.Budget budget) {
        // The first call is bounded by the client's own timeout (for Jynamo's clients, jynamo.retry.max-millis);
        // every later call or retry gets only what the budget has left.
        Q sent = budget.firstCall() || budget.remainingMillis() == Long.MAX_VALUE
                ? request : (Q) bounded(request.toBuilder(), budget).build();
        return operation.apply(sent);
    }

    /** One single-item (or single-page) call, retried while throttled, within one retry budget. */
    private <Q extends DynamoDbRequest, R> R send(Q request, Function<Q, R> operation) {
        return withRetry(budget -> call(request, operation, budget));
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
        var response = send(GetItemRequest.builder().tableName(table).key(key).consistentRead(consistent).build(),
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
     * BatchGetItem of many keys of one table, {@value #GET_BATCH} a call, unprocessed keys retried.
     *
     * @return the found items, in no particular order
     * @throws JynamoException when keys are still unprocessed after every retry
     */
    public List<Map<String, AttributeValue>> batchGet(String table, List<Map<String, AttributeValue>> keys,
                                                     boolean consistent, String projection, Map<String, String> names) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Retry.Budget budget = retry.start();
        for (int from = 0; from < keys.size(); from += GET_BATCH) {
            List<Map<String, AttributeValue>> pending = keys.subList(from, Math.min(keys.size(), from + GET_BATCH));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                KeysAndAttributes.Builder ka = KeysAndAttributes.builder().keys(pending).consistentRead(consistent);
                if (projection != null) {
                    ka.projectionExpression(projection).expressionAttributeNames(names);
                }
                Map<String, KeysAndAttributes> request = Map.of(table, ka.build());
                BatchGetItemResponse response = null;
                try {
                    response = call(BatchGetItemRequest.builder().requestItems(request).build(), client::batchGetItem, budget);
                } catch (SdkException e) {
                    if (!isThrottle(e)) {
                        throw e;
                    }
                }
                if (response != null) {
                    List<Map<String, AttributeValue>> found = response.responses().get(table);
                    if (found != null) {
                        items.addAll(found);
                    }
                    KeysAndAttributes unprocessed = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
                    pending = unprocessed == null ? List.of() : unprocessed.keys();
                }
                if (!pending.isEmpty() && !budget.pauseBeforeRetry(attempt)) {
                    throw new JynamoException("BatchGetItem on table " + table + " left " + pending.size()
                            + " keys unprocessed after " + attempt + " attempts (throttling or capacity), "
                            + budget.describe() + "; nothing is returned for them. Retry later or raise the table's"
                            + " read capacity: " + pending);
                }
            }
        }
        return items;
    }
}
