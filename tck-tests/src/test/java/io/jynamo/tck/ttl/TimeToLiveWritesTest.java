package io.jynamo.tck.ttl;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.RollbackException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A versioned insert (conditional on no item of its key) may replace an expired item DynamoDB still holds. */
class TimeToLiveWritesTest {

    private static void put(String table, String id, long expiresAt) {
        TestUnit.sharedClient().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(id),
                "version", AttributeValue.fromN("7"), "owner", AttributeValue.fromS("old"),
                "expiresAt", AttributeValue.fromN(Long.toString(expiresAt)))));
    }

    @Test
    void aVersionedPersistReplacesAnExpiredItemButNotALiveOne() {
        try (TestUnit unit = TestUnit.of(Badge.class).build()) {
            long now = System.currentTimeMillis() / 1000;
            put(unit.prefix() + "Badge", "expired", now - 3600);
            put(unit.prefix() + "Badge", "live", now + 3600);
            Instant later = Instant.ofEpochSecond(now + 7200);
            unit.inTransaction(em -> em.persist(new Badge("expired", "new", later)));
            assertEquals("new", unit.withEntityManager(em -> em.find(Badge.class, "expired")).getOwner());
            RollbackException e = assertThrows(RollbackException.class,
                    () -> unit.inTransaction(em -> em.persist(new Badge("live", "new", later))));
            assertInstanceOf(EntityExistsException.class, e.getCause());
            assertEquals("old", unit.withEntityManager(em -> em.find(Badge.class, "live")).getOwner());
        }
    }
}
