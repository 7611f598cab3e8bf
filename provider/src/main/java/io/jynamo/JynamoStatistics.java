package io.jynamo;

import java.util.Map;
import java.util.TreeMap;

/**
 * What Jynamo asked of DynamoDB, counted since an entity manager or factory was made: calls by operation,
 * items read and written, the capacity units DynamoDB reported as consumed (every call asks for them), and
 * the work DynamoDB handed back. An immutable snapshot; {@link #minus} gives what one piece of work cost.
 *
 * <pre>{@code
 * JynamoEntityManager jem = em.unwrap(JynamoEntityManager.class);
 * JynamoStatistics before = jem.statistics();
 * tx.commit();
 * JynamoStatistics commit = jem.statistics().minus(before);
 * log.info("commit: {} calls, {} WCU", commit.totalCalls(), commit.writeCapacityUnits());
 * }</pre>
 *
 * @param calls              calls by DynamoDB operation name ({@code GetItem}, {@code BatchWriteItem}, {@code Query}, ...),
 *                           every attempt counted, schema calls included
 * @param itemsRead          items returned by GetItem, BatchGetItem, Query and Scan
 * @param itemsWritten       items written by PutItem, UpdateItem, DeleteItem, BatchWriteItem (processed ones) and
 *                           TransactWriteItems
 * @param readCapacityUnits  read capacity units DynamoDB reported for reads
 * @param writeCapacityUnits write capacity units DynamoDB reported for writes
 * @param retries            calls sent again (throttled calls, unprocessed items or keys)
 * @param throttles          calls DynamoDB throttled
 * @param unprocessed        items or keys a batch call handed back unprocessed
 * @param rateLimitedMillis  how long calls waited for {@code jynamo.rate-limit.read} / {@code .write}
 */
public record JynamoStatistics(Map<String, Long> calls, long itemsRead, long itemsWritten, double readCapacityUnits,
                               double writeCapacityUnits, long retries, long throttles, long unprocessed,
                               long rateLimitedMillis) {

    /** Copies the calls into a sorted, unmodifiable map. */
    public JynamoStatistics {
        calls = java.util.Collections.unmodifiableMap(new TreeMap<>(calls));
    }

    /** Every call, of any operation. */
    public long totalCalls() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The calls of one operation ({@code "Query"}, ...), 0 when none. */
    public long calls(String operation) {
        return calls.getOrDefault(operation, 0L);
    }

    /** What happened between {@code earlier} and this snapshot (of the same entity manager or factory). */
    public JynamoStatistics minus(JynamoStatistics earlier) {
        Map<String, Long> diff = new TreeMap<>(calls);
        earlier.calls.forEach((op, n) -> diff.merge(op, -n, Long::sum));
        diff.values().removeIf(n -> n == 0);
        return new JynamoStatistics(diff, itemsRead - earlier.itemsRead, itemsWritten - earlier.itemsWritten,
                readCapacityUnits - earlier.readCapacityUnits, writeCapacityUnits - earlier.writeCapacityUnits,
                retries - earlier.retries, throttles - earlier.throttles, unprocessed - earlier.unprocessed,
                rateLimitedMillis - earlier.rateLimitedMillis);
    }
}
