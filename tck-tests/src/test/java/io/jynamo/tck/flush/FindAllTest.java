package io.jynamo.tck.flush;

import io.jynamo.JynamoEntityManager;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code JynamoEntityManager.findAll}: BatchGetItem of 100 keys a call, in order, misses skipped. */
class FindAllTest {

    private TestUnit unit;

    @BeforeEach
    void start() {
        unit = TestUnit.of(User.class).build();
        unit.inTransaction(em -> IntStream.range(0, 250).forEach(i -> em.persist(new User("u" + i, "F" + i, "L"))));
        unit.calls().reset();
    }

    @AfterEach
    void stop() {
        unit.close();
    }

    private static List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "u" + i).toList();
    }

    @Test
    void twoHundredFiftyKeysAreThreeBatchGetCallsInTheOrderAsked() {
        List<String> asked = new ArrayList<>(ids(0, 250));
        java.util.Collections.reverse(asked);
        List<User> users = unit.fromTransaction(em -> em.unwrap(JynamoEntityManager.class).findAll(User.class, asked));
        assertEquals(asked, users.stream().map(User::getEmail).toList());
        assertEquals(3, unit.calls().count("batchGetItem"));
        assertEquals(3, unit.calls().total());
    }

    @Test
    void missingKeysAreSkipped() {
        List<User> users = unit.fromTransaction(em -> em.unwrap(JynamoEntityManager.class)
                .findAll(User.class, List.of("u1", "nobody", "u2")));
        assertEquals(List.of("u1", "u2"), users.stream().map(User::getEmail).toList());
    }

    @Test
    void managedInstancesAreReusedWithoutACall() {
        unit.inTransaction(em -> {
            User u1 = em.find(User.class, "u1");
            User u2 = em.find(User.class, "u2");
            unit.calls().reset();
            List<User> users = em.unwrap(JynamoEntityManager.class).findAll(User.class, List.of("u1", "u2"));
            assertSame(u1, users.get(0));
            assertSame(u2, users.get(1));
            assertEquals(0, unit.calls().total());
        });
    }

    @Test
    void unprocessedKeysAreRetried() {
        unit.calls().fault((operation, request, real) -> {
            if (!operation.equals("batchGetItem")) {
                return real.call(request);
            }
            BatchGetItemRequest r = (BatchGetItemRequest) request;
            Map.Entry<String, KeysAndAttributes> table = r.requestItems().entrySet().iterator().next();
            List<Map<String, AttributeValue>> keys = table.getValue().keys();
            int keep = (keys.size() + 1) / 2;
            BatchGetItemResponse answered = (BatchGetItemResponse) real.call(r.toBuilder().requestItems(Map.of(table.getKey(),
                    table.getValue().toBuilder().keys(keys.subList(0, keep)).build())).build());
            return answered.toBuilder().unprocessedKeys(keys.size() == keep ? Map.of() : Map.of(table.getKey(),
                    table.getValue().toBuilder().keys(keys.subList(keep, keys.size())).build())).build();
        });
        List<User> users = unit.fromTransaction(em -> em.unwrap(JynamoEntityManager.class).findAll(User.class, ids(0, 100)));
        assertEquals(100, users.size());
        assertTrue(unit.calls().count("batchGetItem") > 1);
    }

    @Test
    void aKeyOfTheWrongTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> unit.fromTransaction(em ->
                em.unwrap(JynamoEntityManager.class).findAll(User.class, List.of(42))));
    }

    @Test
    void theChunksOfAFastReadNeedNoTimeBoundOfTheirOwn() {
        unit.fromTransaction(em -> em.unwrap(JynamoEntityManager.class).findAll(User.class, ids(0, 250)));
        assertEquals(3, unit.calls().count("batchGetItem"));
        assertEquals(List.of(), unit.calls().callTimeouts("batchGetItem"),
                "calls starting within 1 % of jynamo.retry.max-millis are bounded by the client's own timeout");
    }

    @Test
    void everyChunkStartingAfterTheGraceGetsOnlyTheTimeTheReadHasLeft() {
        try (TestUnit slow = TestUnit.of(User.class).property("jynamo.retry.max-millis", "5000")
                .property("jynamo.parallelism", "1").build()) {
            slow.calls().fault((op, request, real) -> {
                Thread.sleep(100); // past the grace of 50 ms
                return real.call(request);
            });
            slow.fromTransaction(em -> em.unwrap(JynamoEntityManager.class).findAll(User.class, ids(0, 250)));
            List<java.time.Duration> timeouts = slow.calls().callTimeouts("batchGetItem");
            assertEquals(2, timeouts.size(), "the first is bounded by the client's own timeout, the others by the budget");
            timeouts.forEach(t -> assertTrue(t.toMillis() > 0 && t.toMillis() <= 4_900, "what the read has left: " + t));
        }
    }
}
