package io.jynamo.internal.dynamo;

import io.jynamo.internal.config.UnitConfig;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Jynamo's one retry budget for work DynamoDB handed back (unprocessed items and keys, throttling):
 * at most {@code maxAttempts} sends, and at most {@code maxMillis} for the whole operation,
 * whichever ends first. Attempt {@code n} waits a random time between 0 and
 * {@code min(cap, base * 2^n)} (exponential backoff with full jitter), never past the time bound.
 *
 * @param maxAttempts how many times a piece of work is sent at most
 * @param baseMillis  the first backoff ceiling
 * @param capMillis   the largest backoff ceiling
 * @param maxMillis   how long one operation may take with its retries; {@code 0} for no bound
 */
public record Retry(int maxAttempts, long baseMillis, long capMillis, long maxMillis) {

    /** Eight attempts, 20 ms doubling up to 2 s, 20 s in all. */
    public static final Retry DEFAULT = new Retry(UnitConfig.Retries.DEFAULT.maxAttempts(),
            UnitConfig.Retries.DEFAULT.baseMillis(), 2_000, UnitConfig.Retries.DEFAULT.maxMillis());

    public Retry {
        if (maxAttempts < 1 || baseMillis < 0 || capMillis < baseMillis || maxMillis < 0) {
            throw new IllegalArgumentException("Retry needs maxAttempts >= 1, 0 <= base <= cap and maxMillis >= 0, got "
                    + maxAttempts + ", " + baseMillis + ", " + capMillis + ", " + maxMillis);
        }
    }

    /** Starts the clock of one operation. */
    Budget start() {
        long now = System.nanoTime();
        return new Budget(maxMillis == 0 ? Long.MAX_VALUE : now + maxMillis * 1_000_000,
                now + graceMillis(maxMillis) * 1_000_000);
    }

    /**
     * How long after an operation starts its calls are still covered by the client's own timeout: 1 % of
     * {@code maxMillis}. A call made with its own time bound costs the SDK more (it copies the request's
     * configuration), so the calls of a fast operation (the batches of a commit, the chunks of a read) are sent
     * without one; a client Jynamo makes is bounded by {@link #clientTimeoutMillis}, so that such a call still
     * ends within {@code maxMillis} of the operation's start.
     */
    static long graceMillis(long maxMillis) {
        return maxMillis / 100;
    }

    /** The timeout of every call of a client Jynamo makes: {@code maxMillis} less the {@link #graceMillis grace}. */
    static long clientTimeoutMillis(long maxMillis) {
        return maxMillis - graceMillis(maxMillis);
    }

    /**
     * The retries left to one operation: attempts are counted by the caller, time here. Thread-safe: the
     * parallel calls of one operation share it.
     */
    public final class Budget {
        private final long deadline;
        private final long graceEnd;
        private final java.util.concurrent.atomic.AtomicBoolean called = new java.util.concurrent.atomic.AtomicBoolean();

        private Budget(long deadline, long graceEnd) {
            this.deadline = deadline;
            this.graceEnd = graceEnd;
        }

        /**
         * Whether the call about to be made needs a time bound of its own: not the first call made under this
         * budget, nor one starting within the {@link #graceMillis grace} (the client's own timeout covers those), so
         * the common case builds no second request; every later call or retry does.
         */
        boolean needsOwnBound() {
            return deadline != Long.MAX_VALUE && called.getAndSet(true) && System.nanoTime() - graceEnd > 0;
        }

        /**
         * Waits before attempt {@code attempt + 1} when the budget allows one more.
         *
         * @param attempt how many sends were made so far
         * @return {@code false} when the attempts or the time are used up (then it does not wait)
         */
        boolean pauseBeforeRetry(int attempt) {
            if (attempt >= maxAttempts) {
                return false;
            }
            long left = remainingMillis();
            if (left <= 0) {
                return false;
            }
            long ceiling = Math.min(Math.min(capMillis, baseMillis << Math.min(attempt, 20)), left);
            if (ceiling > 0) {
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new io.jynamo.JynamoException("Interrupted while waiting to retry a DynamoDB call", e);
                }
            }
            return remainingMillis() > 0;
        }

        /** Milliseconds left, {@link Long#MAX_VALUE} without a bound. */
        long remainingMillis() {
            return deadline == Long.MAX_VALUE ? Long.MAX_VALUE : (deadline - System.nanoTime()) / 1_000_000;
        }

        /** What the budget allowed, for error messages. */
        String describe() {
            return "at most " + maxAttempts + " attempts" + (maxMillis == 0 ? "" : " within " + maxMillis + " ms")
                    + " (jynamo.retry.max-attempts, jynamo.retry.max-millis)";
        }
    }
}
