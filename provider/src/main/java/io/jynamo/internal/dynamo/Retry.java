package io.jynamo.internal.dynamo;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter for work DynamoDB handed back (unprocessed items and keys,
 * throttling): attempt {@code n} waits a random time between 0 and {@code min(cap, base * 2^n)}.
 *
 * @param maxAttempts how many times a piece of work is sent at most
 * @param baseMillis  the first backoff ceiling
 * @param capMillis   the largest backoff ceiling
 */
public record Retry(int maxAttempts, long baseMillis, long capMillis) {

    /** Eight attempts, 20 ms doubling up to 2 s. */
    public static final Retry DEFAULT = new Retry(8, 20, 2_000);

    public Retry {
        if (maxAttempts < 1 || baseMillis < 0 || capMillis < baseMillis) {
            throw new IllegalArgumentException("Retry needs maxAttempts >= 1 and 0 <= base <= cap, got "
                    + maxAttempts + ", " + baseMillis + ", " + capMillis);
        }
    }

    /** Sleeps before attempt {@code attempt} (1 = the first retry). */
    public void pause(int attempt) {
        long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt, 20));
        if (ceiling <= 0) {
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.jynamo.JynamoException("Interrupted while waiting to retry a DynamoDB call", e);
        }
    }
}
