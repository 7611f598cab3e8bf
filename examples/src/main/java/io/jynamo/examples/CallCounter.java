package io.jynamo.examples;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts DynamoDB calls by operation through an SDK interceptor, handed to Jynamo with
 * {@code jynamo.interceptors}.
 */
public final class CallCounter implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        String name = context.request().getClass().getSimpleName().replace("Request", "");
        counts.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Calls of one operation since the last {@link #reset()}, e.g. {@code count("BatchWriteItem")}. */
    public int count(String operation) {
        AtomicInteger c = counts.get(operation);
        return c == null ? 0 : c.get();
    }

    /** Every operation called since the last reset, with its count. */
    public Map<String, Integer> snapshot() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Forgets the counts. */
    public void reset() {
        counts.clear();
    }
}
