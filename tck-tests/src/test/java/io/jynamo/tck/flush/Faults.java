package io.jynamo.tck.flush;

import io.jynamo.tck.support.Calls;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults that DynamoDB produces under load, injected into a real engine's answers. */
final class Faults {

    private Faults() {
    }

    /**
     * Sends only the first half (rounded up) of every BatchWriteItem to the engine and hands the rest
     * back as UnprocessedItems, as DynamoDB does when a partition is hot.
     */
    static Calls.Fault halfUnprocessed() {
        return refuse((index, total, w) -> index >= (total + 1) / 2);
    }

    /** Every BatchWriteItem hands back everything whose put item or delete key matches, forever. */
    static Calls.Fault neverWrites(java.util.function.Predicate<WriteRequest> refused) {
        return refuse((index, total, w) -> refused.test(w));
    }

    /** Which writes of a batch (position, batch size, write) the engine does not get to see. */
    private interface Refusal {
        boolean refuses(int index, int total, WriteRequest write);
    }

    private static Calls.Fault refuse(Refusal refusal) {
        return (operation, request, real) -> {
            if (!operation.equals("batchWriteItem")) {
                return real.call(request);
            }
            BatchWriteItemRequest r = (BatchWriteItemRequest) request;
            Map<String, List<WriteRequest>> sent = new LinkedHashMap<>();
            Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
            int total = r.requestItems().values().stream().mapToInt(List::size).sum();
            int index = 0;
            for (Map.Entry<String, List<WriteRequest>> e : r.requestItems().entrySet()) {
                for (WriteRequest w : e.getValue()) {
                    (refusal.refuses(index++, total, w) ? unprocessed : sent)
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(w);
                }
            }
            if (!sent.isEmpty()) {
                real.call(r.toBuilder().requestItems(sent).build());
            }
            return BatchWriteItemResponse.builder().unprocessedItems(unprocessed).build();
        };
    }

    /** The first {@code times} BatchWriteItem calls fail with a throttling error, then calls go through. */
    static Calls.Fault throttleFirst(int times) {
        return throttleFirst("batchWriteItem", times);
    }

    /** The first {@code times} calls of the operation fail with a throttling error, then calls go through. */
    static Calls.Fault throttleFirst(String operation, int times) {
        AtomicInteger left = new AtomicInteger(times);
        return (op, request, real) -> {
            if (op.equals(operation) && left.getAndDecrement() > 0) {
                throw throttling();
            }
            return real.call(request);
        };
    }

    /**
     * Every call of the operation reaches the engine twice and answers with the second outcome: what a
     * caller sees when a response is lost after the write landed and the SDK sends the request again.
     */
    static Calls.Fault lostResponse(String operation) {
        return (op, request, real) -> {
            if (op.equals(operation)) {
                real.call(request);
            }
            return real.call(request);
        };
    }

    /** The {@code nth} call (1-based) of the operation fails with {@code failure}, without reaching the engine. */
    static Calls.Fault failNth(String operation, int nth, java.util.function.Supplier<RuntimeException> failure) {
        AtomicInteger seen = new AtomicInteger();
        return (op, request, real) -> {
            if (op.equals(operation) && seen.incrementAndGet() == nth) {
                throw failure.get();
            }
            return real.call(request);
        };
    }

    /** A server error as DynamoDB sends it once the SDK's own retries are used up. */
    static RuntimeException serverError() {
        return software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder().statusCode(500)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("InternalServerError").errorMessage("injected server error").build())
                .message("injected server error").build();
    }

    /** Every call of the operation is throttled, forever. */
    static Calls.Fault alwaysThrottled(String operation) {
        return (op, request, real) -> {
            if (op.equals(operation)) {
                throw throttling();
            }
            return real.call(request);
        };
    }

    private static RuntimeException throttling() {
        return software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder()
                .message("injected throttling").build();
    }

    /** Delays the named operation and remembers the most calls in flight at once. */
    static final class Overlap implements Calls.Fault {
        private final String operation;
        private final long millis;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        Overlap(String operation, long millis) {
            this.operation = operation;
            this.millis = millis;
        }

        @Override
        public Object apply(String op, Object request, Calls.RealCall real) throws Exception {
            if (!op.equals(operation)) {
                return real.call(request);
            }
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(millis);
                return real.call(request);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }
}
