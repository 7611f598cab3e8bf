package io.jynamo.internal.dynamo;

import io.jynamo.JynamoStatistics;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Counts what is asked of DynamoDB, for one entity manager or one factory. Thread-safe: parallel calls share it. */
public final class Recorder {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder itemsRead = new LongAdder();
    private final LongAdder itemsWritten = new LongAdder();
    private final DoubleAdder readUnits = new DoubleAdder();
    private final DoubleAdder writeUnits = new DoubleAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttles = new LongAdder();
    private final LongAdder unprocessed = new LongAdder();
    private final LongAdder rateLimitedMillis = new LongAdder();

    void call(String operation) {
        calls.computeIfAbsent(operation, o -> new LongAdder()).increment();
    }

    void read(long items, double units) {
        itemsRead.add(items);
        readUnits.add(units);
    }

    void written(long items, double units) {
        itemsWritten.add(items);
        writeUnits.add(units);
    }

    void retry() {
        retries.increment();
    }

    void throttle() {
        throttles.increment();
    }

    void unprocessed(long n) {
        unprocessed.add(n);
    }

    void rateLimited(long millis) {
        rateLimitedMillis.add(millis);
    }

    /** What was counted so far. */
    public JynamoStatistics snapshot() {
        Map<String, Long> byOperation = new HashMap<>();
        calls.forEach((op, n) -> byOperation.put(op, n.sum()));
        return new JynamoStatistics(byOperation, itemsRead.sum(), itemsWritten.sum(), readUnits.sum(), writeUnits.sum(),
                retries.sum(), throttles.sum(), unprocessed.sum(), rateLimitedMillis.sum());
    }
}
