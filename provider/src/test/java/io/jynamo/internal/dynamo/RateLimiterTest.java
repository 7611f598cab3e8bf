package io.jynamo.internal.dynamo;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token bucket of jynamo.rate-limit.*, on a clock the test moves. */
class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(10, nanos::get, ms -> nanos.addAndGet(ms * 1_000_000));

    @Test
    void aFullBucketLetsCallsStartAtOnce() {
        assertEquals(0, limiter.acquire(1));
        limiter.consumed(9, 1);
        assertEquals(0, limiter.acquire(1), "one unit is left");
    }

    @Test
    void startedCallsTakeTheirLeastCostSoABurstCannotOverrunTheBucket() {
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.acquire(1), "call " + i);
        }
        assertTrue(limiter.acquire(1) >= 100, "the 11th call waits for a unit to come back");
    }

    @Test
    void aDebtIsWaitedOutAtTheRate() {
        limiter.consumed(25, 0); // 10 held, 15 owed: 1.5 s at 10 units a second
        long waited = limiter.acquire(0);
        assertTrue(waited >= 1_500 && waited <= 1_510, "waited " + waited + " ms");
    }

    @Test
    void anIdleBucketHoldsAtMostOneSecondOfUnits() {
        nanos.addAndGet(60_000_000_000L); // a minute idle
        limiter.consumed(20, 0); // 10 held at most, so 10 owed
        long waited = limiter.acquire(0);
        assertTrue(waited >= 1_000 && waited <= 1_010, "waited " + waited + " ms");
    }
}
