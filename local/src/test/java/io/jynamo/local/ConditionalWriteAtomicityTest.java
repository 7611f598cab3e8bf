package io.jynamo.local;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Optimistic locking only works if the engine checks a condition and applies the write it guards
 * as one step. Raw SDK calls, no Jynamo: read the version, then write {@code version + 1}
 * on condition that the version is still the one read, retrying when the condition fails.
 */
class ConditionalWriteAtomicityTest {

    private static final int THREADS = 8;
    private static final int INCREMENTS_PER_THREAD = 200;
    /**
     * Like an entity's update, the version is set after other attributes: the engine's work between
     * checking the condition and writing the version is what a concurrent request can slip into.
     */
    private static final int OTHER_ATTRIBUTES = 8;
    private static final String UPDATE;
    private static final Map<String, String> NAMES;

    static {
        StringBuilder update = new StringBuilder("SET ");
        Map<String, String> names = new HashMap<>();
        for (int a = 0; a < OTHER_ATTRIBUTES; a++) {
            update.append("#a").append(a).append(" = :x, ");
            names.put("#a" + a, "attribute" + a);
        }
        UPDATE = update.append("#v = :next").toString();
        names.put("#v", "version");
        NAMES = Map.copyOf(names);
    }

    private static Map<String, AttributeValue> values(String read) {
        return Map.of(":read", AttributeValue.fromN(read),
                ":next", AttributeValue.fromN(Long.toString(Long.parseLong(read) + 1)),
                ":x", AttributeValue.fromS("payload " + read));
    }

    @Test
    void concurrentVersionedIncrementsLoseNone() throws Exception {
        String table = "atomicity-" + System.nanoTime();
        try (DynamoDbClient admin = LocalDynamo.shared().newClient()) {
            admin.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
            Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("counter"));
            admin.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("counter"),
                    "version", AttributeValue.fromN("0"))));

            AtomicInteger conflicts = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    try (DynamoDbClient client = LocalDynamo.shared().newClient()) {
                        go.await();
                        for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                            while (true) {
                                String read = client.getItem(b -> b.tableName(table).key(key).consistentRead(true))
                                        .item().get("version").n();
                                try {
                                    client.updateItem(b -> b.tableName(table).key(key)
                                            .updateExpression(UPDATE)
                                            .conditionExpression("#v = :read")
                                            .expressionAttributeNames(NAMES)
                                            .expressionAttributeValues(values(read)));
                                    break;
                                } catch (ConditionalCheckFailedException lost) {
                                    conflicts.incrementAndGet();
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("%d versioned increments by %d threads in %d ms, %d conflicts retried%n",
                    THREADS * INCREMENTS_PER_THREAD, THREADS, millis, conflicts.get());

            String last = admin.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item().get("version").n();
            assertEquals(THREADS * INCREMENTS_PER_THREAD, Integer.parseInt(last),
                    "every successful conditional write must count exactly once");
            admin.deleteTable(b -> b.tableName(table));
        }
    }
}
