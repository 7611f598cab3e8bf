package io.jynamo.tck.flush;

import io.jynamo.IncompleteFlushException;
import io.jynamo.UnprocessedWritesException;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Version;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writes of entities keyed by three attributes (a partition key and a sort key joined from the others) under
 * the engine's faults: every item lands whole (joined key and parts), and what was not written is reported by
 * its parts.
 */
class KeyOfThreeFaultsTest {

    public record LegKey(String route, Integer day, String stop) implements Serializable {
    }

    @Entity
    @IdClass(LegKey.class)
    public static class Leg {
        @Id
        public String route;
        @Id
        public Integer day;
        @Id
        public String stop;
        public int seats;

        public Leg() {
        }

        Leg(String route, int day, String stop) {
            this.route = route;
            this.day = day;
            this.stop = stop;
        }
    }

    @Entity
    @IdClass(LegKey.class)
    public static class Fare {
        @Id
        public String route;
        @Id
        public Integer day;
        @Id
        public String stop;
        @Version
        public int version;
        public int cents;
    }

    public record FanKey(String club, String name) implements Serializable {
    }

    @Entity
    @IdClass(FanKey.class)
    public static class Fan {
        @Id
        public String club;
        @Id
        public String name;
        @jakarta.persistence.ManyToMany
        public java.util.Set<Leg> legs = new java.util.LinkedHashSet<>();
    }

    private static List<Map<String, AttributeValue>> items(TestUnit unit, String table) {
        return TestUnit.sharedClient().scan(s -> s.tableName(unit.prefix() + table)).items();
    }

    @Test
    void itemsHandedBackUnprocessedLandWholeWithTheirJoinedKey() {
        try (TestUnit unit = TestUnit.of(Leg.class).build()) {
            unit.calls().fault(Faults.halfUnprocessed());
            unit.inTransaction(em -> IntStream.range(0, 40).forEach(i -> em.persist(new Leg("r", i % 4, "s#" + i))));
            unit.calls().fault(null);
            List<Map<String, AttributeValue>> items = items(unit, "Leg");
            assertEquals(40, items.size());
            for (Map<String, AttributeValue> item : items) {
                assertEquals(item.get("day").n() + "#" + item.get("stop").s().replace("#", "\\#"),
                        item.get("day#stop").s(), item.toString());
            }
        }
    }

    @Test
    void aServerErrorPartWayIsReportedByTheKeysPartsAndTheNextCommitWritesTheRest() {
        try (TestUnit unit = TestUnit.of(Leg.class).property("jynamo.parallelism", "1").build()) {
            unit.calls().fault(Faults.failNth("batchWriteItem", 2, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            IntStream.range(0, 40).forEach(i -> em.persist(new Leg("r", 1, "s" + i)));
            IncompleteFlushException e = assertThrows(IncompleteFlushException.class, () -> em.getTransaction().commit());
            assertEquals(25, e.writtenKeys().size());
            assertEquals(15, e.unwrittenKeys().size());
            assertTrue(e.unwrittenKeys().get(0).matches("Leg\\{route=r, day=1, stop=s\\d+}"), e.unwrittenKeys().toString());
            assertEquals(25, items(unit, "Leg").size());
            unit.calls().fault(null);
            em.getTransaction().commit();
            em.close();
            assertEquals(40, items(unit, "Leg").size());
        }
    }

    @Test
    void anItemRefusedForeverIsReportedAndTheOthersLand() {
        try (TestUnit unit = TestUnit.of(Leg.class).build()) {
            unit.calls().fault(Faults.neverWrites(w -> w.putRequest() != null
                    && w.putRequest().item().get("stop").s().equals("s3")));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            IntStream.range(0, 5).forEach(i -> em.persist(new Leg("r", 2, "s" + i)));
            UnprocessedWritesException e = assertThrows(UnprocessedWritesException.class, () -> em.getTransaction().commit());
            assertEquals(List.of("Leg{route=r, day=2, stop=s3}"), e.unwrittenKeys());
            assertEquals(4, items(unit, "Leg").size());
            unit.calls().fault(null);
            em.getTransaction().commit();
            em.close();
            assertEquals(5, items(unit, "Leg").size());
        }
    }

    @Test
    void aVersionedChangeWhoseResponseIsLostIsAppliedOnce() {
        try (TestUnit unit = TestUnit.of(Fare.class).build()) {
            unit.inTransaction(em -> {
                Fare f = new Fare();
                f.route = "r";
                f.day = 3;
                f.stop = "a#b";
                f.cents = 100;
                em.persist(f);
            });
            unit.calls().fault(Faults.lostResponse("updateItem"));
            unit.inTransaction(em -> em.find(Fare.class, new LegKey("r", 3, "a#b")).cents = 150);
            unit.calls().fault(null);
            Fare f = unit.withEntityManager(em -> em.find(Fare.class, new LegKey("r", 3, "a#b")));
            assertEquals(150, f.cents);
            assertEquals(1, f.version);
        }
    }

    @Test
    void throttledWritesOfKeysOfThreeAreRetried() {
        try (TestUnit unit = TestUnit.of(Leg.class).build()) {
            unit.calls().fault(Faults.throttleFirst(2));
            unit.inTransaction(em -> IntStream.range(0, 30).forEach(i -> em.persist(new Leg("t", i, "x"))));
            unit.calls().fault(null);
            assertEquals(30, items(unit, "Leg").size());
        }
    }

    @Test
    void linksBetweenCompositeKeysHandedBackUnprocessedAllLand() {
        try (TestUnit unit = TestUnit.of(Leg.class, Fan.class).build()) {
            unit.calls().fault(Faults.halfUnprocessed());
            unit.inTransaction(em -> {
                Fan f = new Fan();
                f.club = "c";
                f.name = "n#1";
                IntStream.range(0, 30).forEach(i -> {
                    Leg l = new Leg("r", i, "s");
                    em.persist(l);
                    f.legs.add(l);
                });
                em.persist(f);
            });
            unit.calls().fault(null);
            List<Map<String, AttributeValue>> links = items(unit, "Fan_Leg");
            assertEquals(30, links.size());
            assertTrue(links.stream().allMatch(l -> l.get("Fan_club#name").s().equals("c#n\\#1")), links.toString());
            assertEquals(30, (int) unit.withEntityManager(em -> em.find(Fan.class, new FanKey("c", "n#1")).legs.size()));
        }
    }
}
