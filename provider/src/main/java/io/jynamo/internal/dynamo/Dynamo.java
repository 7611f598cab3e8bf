package io.jynamo.internal.dynamo;

import io.jynamo.JynamoException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
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
 * The one place that sends batched reads and writes to DynamoDB: it cuts work into the sizes
 * DynamoDB accepts and retries what comes back unprocessed.
 */
public final class Dynamo {

    /** DynamoDB's limit of write requests per BatchWriteItem. */
    public static final int WRITE_BATCH = 25;
    /** DynamoDB's limit of keys per BatchGetItem. */
    public static final int GET_BATCH = 100;

    private static final System.Logger LOG = System.getLogger(Dynamo.class.getName());

    private final DynamoDbClient client;
    private final Retry retry;

    public Dynamo(DynamoDbClient client, Retry retry) {
        this.client = client;
        this.retry = retry;
    }

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
            response = client.batchWriteItem(b -> bounded(b.requestItems(byTable), budget));
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
    public static <B extends DynamoDbRequest.Builder> B bounded(B builder, Retry.Budget budget) {
        long left = budget.remainingMillis();
        if (left != Long.MAX_VALUE) {
            builder.overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(Math.max(1, left))));
        }
        return builder;
    }

    /**
     * Runs one single-item call, retrying it while DynamoDB throttles it, within the retry budget.
     * Only throttling is retried here: a throttled request was not applied, so sending it again is safe.
     */
    public <T> T withRetry(Function<Retry.Budget, T> call) {
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
                || e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException ase
                && ase.awsErrorDetails() != null
                && ("ThrottlingException".equals(ase.awsErrorDetails().errorCode())
                || "ProvisionedThroughputExceededException".equals(ase.awsErrorDetails().errorCode()));
    }

    /** GetItem; {@code null} when there is no such item. */
    public Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key, boolean consistent) {
        var response = withRetry(budget -> client.getItem(bounded(GetItemRequest.builder(), budget).tableName(table).key(key)
                .consistentRead(consistent).build()));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
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
                    response = client.batchGetItem(b -> bounded(b.requestItems(request), budget));
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
