package io.jynamo.internal.dynamo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a call of an operation needs a time bound of its own, and the bound of the clients Jynamo makes. */
class RetryTest {

    @Test
    void callsStartingWithinTheGraceNeedNoBoundOfTheirOwn() {
        Retry.Budget budget = new Retry(8, 20, 2_000, 600_000).start(); // a grace of 6 s
        assertFalse(budget.needsOwnBound(), "the first call");
        assertFalse(budget.needsOwnBound(), "a second call at once");
        assertFalse(budget.needsOwnBound(), "a third call at once");
    }

    @Test
    void callsAfterTheGraceGetTheTimeLeft() throws InterruptedException {
        Retry.Budget budget = new Retry(8, 20, 2_000, 200).start(); // a grace of 2 ms
        assertFalse(budget.needsOwnBound(), "the first call is covered by the client's timeout");
        Thread.sleep(10);
        assertTrue(budget.needsOwnBound());
        assertTrue(budget.remainingMillis() <= 190);
    }

    @Test
    void theFirstCallNeedsNoBoundEvenAfterTheGrace() throws InterruptedException {
        Retry.Budget budget = new Retry(8, 20, 2_000, 200).start();
        Thread.sleep(10);
        assertFalse(budget.needsOwnBound());
        assertTrue(budget.needsOwnBound());
    }

    @Test
    void withoutATimeBoundNoCallIsBounded() throws InterruptedException {
        Retry.Budget budget = new Retry(8, 20, 2_000, 0).start();
        budget.needsOwnBound();
        Thread.sleep(5);
        assertFalse(budget.needsOwnBound());
    }

    @Test
    void aClientJynamoMakesEndsEveryCallWithinTheGraceBeforeTheBudget() {
        Duration timeout = Clients.override(List.of(), new Clients.ConnectionFailures(null, "us-east-1"), 20_000)
                .apiCallTimeout().orElseThrow();
        assertEquals(Duration.ofMillis(19_800), timeout, "a call starting 200 ms into the budget still ends within it");
        assertTrue(Clients.override(List.of(), new Clients.ConnectionFailures(null, "us-east-1"), 0)
                .apiCallTimeout().isEmpty());
    }
}
