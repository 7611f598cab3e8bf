package io.jynamo.internal.dynamo;

import io.jynamo.JynamoException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
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
     * Sends writes in BatchWriteItem calls of {@value #WRITE_BATCH}, retrying unprocessed items with
     * backoff. The writes must have distinct keys.
     *
     * @return the writes still not done after every retry (empty when all arrived)
     */
    public List<TableWrite> batchWrite(List<TableWrite> writes) {
        List<TableWrite> failed = new ArrayList<>();
        for (int from = 0; from < writes.size(); from += WRITE_BATCH) {
            List<TableWrite> pending = writes.subList(from, Math.min(writes.size(), from + WRITE_BATCH));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                pending = sendBatch(pending);
                if (pending.isEmpty()) {
                    break;
                }
                if (attempt >= retry.maxAttempts()) {
                    failed.addAll(pending);
                    break;
                }
                LOG.log(System.Logger.Level.DEBUG, () -> "Retrying unprocessed writes");
                retry.pause(attempt);
            }
        }
        return failed;
    }

    private List<TableWrite> sendBatch(List<TableWrite> batch) {
        Map<String, List<WriteRequest>> byTable = new LinkedHashMap<>();
        for (TableWrite w : batch) {
            byTable.computeIfAbsent(w.table(), t -> new ArrayList<>()).add(w.request());
        }
        BatchWriteItemResponse response;
        try {
            response = client.batchWriteItem(b -> b.requestItems(byTable));
        } catch (ProvisionedThroughputExceededException | RequestLimitExceededException e) {
            return batch;
        } catch (SdkException e) {
            if (isThrottle(e)) {
                return batch;
            }
            throw e;
        }
        if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
            return List.of();
        }
        // Only now, in the rare case, are requests hashed (deeply) to find the caller's writes again.
        Map<WriteRequest, TableWrite> byRequest = new HashMap<>();
        for (TableWrite w : batch) {
            byRequest.put(w.request(), w);
        }
        List<TableWrite> left = new ArrayList<>();
        response.unprocessedItems().forEach((table, requests) -> {
            for (WriteRequest r : requests) {
                TableWrite w = byRequest.get(r);
                left.add(w != null ? w : new TableWrite(table, r, null));
            }
        });
        return left;
    }

    static boolean isThrottle(SdkException e) {
        return e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException ase
                && ase.awsErrorDetails() != null
                && ("ThrottlingException".equals(ase.awsErrorDetails().errorCode())
                || "ProvisionedThroughputExceededException".equals(ase.awsErrorDetails().errorCode()));
    }

    /** GetItem; {@code null} when there is no such item. */
    public Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key, boolean consistent) {
        var response = client.getItem(GetItemRequest.builder().tableName(table).key(key).consistentRead(consistent).build());
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
        for (int from = 0; from < keys.size(); from += GET_BATCH) {
            List<Map<String, AttributeValue>> pending = keys.subList(from, Math.min(keys.size(), from + GET_BATCH));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                KeysAndAttributes.Builder ka = KeysAndAttributes.builder().keys(pending).consistentRead(consistent);
                if (projection != null) {
                    ka.projectionExpression(projection).expressionAttributeNames(names);
                }
                Map<String, KeysAndAttributes> request = Map.of(table, ka.build());
                BatchGetItemResponse response;
                try {
                    response = client.batchGetItem(b -> b.requestItems(request));
                } catch (ProvisionedThroughputExceededException | RequestLimitExceededException e) {
                    response = null;
                } catch (SdkException e) {
                    if (!isThrottle(e)) {
                        throw e;
                    }
                    response = null;
                }
                if (response != null) {
                    List<Map<String, AttributeValue>> found = response.responses().get(table);
                    if (found != null) {
                        items.addAll(found);
                    }
                    KeysAndAttributes unprocessed = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
                    pending = unprocessed == null ? List.of() : unprocessed.keys();
                }
                if (pending.isEmpty()) {
                    break;
                }
                if (attempt >= retry.maxAttempts()) {
                    throw new JynamoException("BatchGetItem on table " + table + " left " + pending.size()
                            + " keys unprocessed after " + attempt + " attempts (throttling or capacity); nothing is"
                            + " returned for them. Retry later, raise the table's read capacity, or raise "
                            + "jynamo.retry.max-attempts: " + pending);
                }
                retry.pause(attempt);
            }
        }
        return items;
    }
}
