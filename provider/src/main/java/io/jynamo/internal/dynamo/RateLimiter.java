package io.jynamo.internal.dynamo;

import java.util.function.LongSupplier;

/**
 * A token bucket of capacity units per second, fed by what DynamoDB reports: a call starts once the bucket
 * holds its least possible cost, which it takes at once (so a burst of parallel calls cannot all start on
 * the same tokens); when the response reports what it really consumed, the difference is settled (DynamoDB
 * tells the cost of a call only once it is made, so the bucket may go into debt, which later calls wait out).
 * It holds at most one second of units, so an idle period allows a burst of one second's worth. Thread-safe.
 */
final class RateLimiter {
    /** Sleeps for that many milliseconds. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final double unitsPerSecond;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private double tokens;
    private long refilledAt;

    RateLimiter(double unitsPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
        this.unitsPerSecond = unitsPerSecond;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.tokens = unitsPerSecond;
        this.refilledAt = nanoClock.getAsLong();
    }

    static RateLimiter of(double unitsPerSecond) {
        return new RateLimiter(unitsPerSecond, System::nanoTime, Thread::sleep);
    }

    /**
     * Waits until the bucket holds {@code estimate} units (at most a full bucket's worth; any at all for an
     * estimate of 0), then takes them.
     *
     * @return how many milliseconds it waited
     */
    long acquire(double estimate) {
        double needed = Math.min(estimate, unitsPerSecond);
        long waited = 0;
        while (true) {
            long wait;
            synchronized (this) {
                refill();
                if (tokens > 0 && tokens >= needed) {
                    tokens -= estimate;
                    return waited;
                }
                // until enough has come back, at most one second at a time
                double missing = Math.max(needed, 1e-6) - tokens;
                wait = Math.min(1_000, (long) Math.ceil(missing * 1_000 / unitsPerSecond));
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.jynamo.JynamoException("Interrupted while waiting for the rate limit", e);
            }
            waited += wait;
        }
    }

    /** Settles the units a call consumed against the estimate it took when it started. */
    synchronized void consumed(double units, double estimate) {
        refill();
        tokens -= units - estimate;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(unitsPerSecond, tokens + (now - refilledAt) / 1e9 * unitsPerSecond);
        refilledAt = now;
    }
}
