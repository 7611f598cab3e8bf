package io.jynamo.internal.dynamo;

import io.jynamo.JynamoStatistics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts what is asked of DynamoDB, for one entity manager or one factory. Thread-safe: parallel calls share it.
 *
 * <p>One object, locked for each update: every entity manager makes one, so it is one allocation, not an adder per
 * counter and a map entry per operation. The factory's is shared by every thread; an update holds the lock for a few
 * additions (tens of nanoseconds) once per call, and a call is a network round trip of milliseconds, so even many
 * threads seldom meet on it.
 */
public final class Recorder {
    /** The operations called so far, by name (the same String instance for every call of one operation). */
    private String[] operations = new String[2];
    private long[] calls = new long[2];
    private int kinds;
    private long itemsRead;
    private long itemsWritten;
    private double readUnits;
    private double writeUnits;
    private long retries;
    private long throttles;
    private long unprocessed;
    private long rateLimitedMillis;

    /** A call of {@code operation} that failed before it was answered; {@code throttled} if DynamoDB throttled it. */
    synchronized void failed(String operation, boolean throttled) {
        count(operation);
        if (throttled) {
            throttles++;
        }
    }

    /** A call of {@code operation} answered: the items it read or wrote, the capacity it consumed, what it left unprocessed. */
    synchronized void answered(String operation, boolean read, long items, double units, long left) {
        count(operation);
        if (read) {
            itemsRead += items;
            readUnits += units;
        } else {
            itemsWritten += items;
            writeUnits += units;
        }
        unprocessed += left;
    }

    private void count(String operation) {
        for (int i = 0; i < kinds; i++) {
            if (operations[i] == operation || operations[i].equals(operation)) {
                calls[i]++;
                return;
            }
        }
        if (kinds == operations.length) {
            operations = Arrays.copyOf(operations, kinds * 2);
            calls = Arrays.copyOf(calls, kinds * 2);
        }
        operations[kinds] = operation;
        calls[kinds++] = 1;
    }

    synchronized void retry() {
        retries++;
    }

    synchronized void rateLimited(long millis) {
        rateLimitedMillis += millis;
    }

    /** What was counted so far. */
    public synchronized JynamoStatistics snapshot() {
        Map<String, Long> byOperation = new HashMap<>();
        for (int i = 0; i < kinds; i++) {
            byOperation.put(operations[i], calls[i]);
        }
        return new JynamoStatistics(byOperation, itemsRead, itemsWritten, readUnits, writeUnits, retries, throttles,
                unprocessed, rateLimitedMillis);
    }
}
