package io.jynamo.tck.mapping;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import jakarta.persistence.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.reflect.Field;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 / JPA 3.2 section 3.5.7: {@code @Version} on int, long, short, their wrappers, Timestamp and Instant.
 * Numbers start at 0 and go up by one; a timestamp version starts at the time of the first write and each
 * write takes the time of the write, always strictly later than the version it replaces. Every type makes a
 * concurrent change fail with an OptimisticLockException.
 */
class VersionTypesTest {

    @Entity
    public static class IntVersion {
        @Id public String id;
        public String data;
        @Version public int version;
    }

    @Entity
    public static class IntegerVersion {
        @Id public String id;
        public String data;
        @Version public Integer version;
    }

    @Entity
    public static class LongVersion {
        @Id public String id;
        public String data;
        @Version public long version;
    }

    @Entity
    public static class LongObjectVersion {
        @Id public String id;
        public String data;
        @Version public Long version;
    }

    @Entity
    public static class ShortVersion {
        @Id public String id;
        public String data;
        @Version public short version;
    }

    @Entity
    public static class ShortObjectVersion {
        @Id public String id;
        public String data;
        @Version public Short version;
    }

    @Entity
    public static class TimestampVersion {
        @Id public String id;
        public String data;
        @Version public Timestamp version;
    }

    @Entity
    public static class InstantVersion {
        @Id public String id;
        public String data;
        @Version public Instant version;
    }

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(IntVersion.class, IntegerVersion.class, LongVersion.class, LongObjectVersion.class,
                ShortVersion.class, ShortObjectVersion.class, TimestampVersion.class, InstantVersion.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(VersionTypesTest.class.getName() + "$" + name);
    }

    private static Object version(Object entity) throws ReflectiveOperationException {
        return entity.getClass().getField("version").get(entity);
    }

    private static void setData(Object entity, String data) {
        try {
            entity.getClass().getField("data").set(entity, data);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Instant asInstant(Object v) {
        return v instanceof Timestamp t ? t.toInstant() : (Instant) v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TimestampVersion", "InstantVersion"})
    void aTimestampVersionAheadOfTheClockStillGrowsByOneNanosecond(String name) throws Exception {
        Class<?> type = type(name);
        // Written by a host whose clock is ahead: "now" would be an older version, and a write could pass unseen.
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + name).item(Map.of(
                "id", AttributeValue.fromS("ahead"), "version", AttributeValue.fromS("2999-01-01T00:00:00.000000000Z"))));
        unit.inTransaction(em -> setData(em.find(type, "ahead"), "changed"));
        Object next = version(unit.fromTransaction(em -> em.find(type, "ahead")));
        assertEquals(Instant.parse("2999-01-01T00:00:00.000000001Z"), asInstant(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {"IntVersion", "IntegerVersion", "LongVersion", "LongObjectVersion", "ShortVersion",
            "ShortObjectVersion", "TimestampVersion", "InstantVersion"})
    void versionStartsAndGrowsWithEveryWriteAndCatchesConcurrentChanges(String name) throws Exception {
        Class<?> type = type(name);
        boolean timestamp = name.startsWith("Timestamp") || name.startsWith("Instant");
        Object e = type.getDeclaredConstructor().newInstance();
        type.getField("id").set(e, "v1");
        Instant before = Instant.now();
        unit.inTransaction(em -> em.persist(e));
        Object first = version(unit.fromTransaction(em -> em.find(type, "v1")));
        Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + name)
                .key(Map.of("id", AttributeValue.fromS("v1"))).consistentRead(true)).item();
        if (timestamp) {
            assertNotNull(first);
            assertTrue(!asInstant(first).isBefore(before.minusSeconds(5)), "the first version is the time of the first write");
            assertEquals(30, item.get("version").s().length(), "a fixed-width ISO timestamp " + item.get("version"));
        } else {
            assertEquals(0L, ((Number) first).longValue());
            assertEquals("0", item.get("version").n());
        }

        Object previous = first;
        for (int i = 0; i < 3; i++) {
            String data = "change " + i;
            unit.inTransaction(em -> setData(em.find(type, "v1"), data));
            Object next = version(unit.fromTransaction(em -> em.find(type, "v1")));
            if (timestamp) {
                assertTrue(asInstant(next).isAfter(asInstant(previous)), next + " after " + previous);
                assertEquals(type == TimestampVersion.class ? Timestamp.class : Instant.class, next.getClass());
            } else {
                assertEquals(((Number) previous).longValue() + 1, ((Number) next).longValue());
                assertEquals(previous.getClass(), next.getClass());
            }
            previous = next;
        }

        EntityManager stale = unit.emf().createEntityManager();
        stale.getTransaction().begin();
        Object mine = stale.find(type, "v1");
        unit.inTransaction(em -> setData(em.find(type, "v1"), "theirs"));
        setData(mine, "mine");
        RollbackException failure = assertThrows(RollbackException.class, () -> stale.getTransaction().commit());
        assertInstanceOf(OptimisticLockException.class, failure.getCause());
        stale.close();

        // A detached copy read before someone else's change cannot be merged over it.
        Object detached = unit.fromTransaction(em -> em.find(type, "v1"));
        unit.inTransaction(em -> setData(em.find(type, "v1"), "theirs again"));
        setData(detached, "mine again");
        Exception mergeFailure = assertThrows(Exception.class, () -> unit.inTransaction(em -> em.merge(detached)));
        Throwable cause = mergeFailure instanceof OptimisticLockException ? mergeFailure : mergeFailure.getCause();
        assertInstanceOf(OptimisticLockException.class, cause, String.valueOf(mergeFailure));
        Field data = type.getField("data");
        assertEquals("theirs again", data.get(unit.fromTransaction(em -> em.find(type, "v1"))));
    }
}
