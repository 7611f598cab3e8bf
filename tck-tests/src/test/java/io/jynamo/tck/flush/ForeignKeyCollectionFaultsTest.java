package io.jynamo.tck.flush;

import io.jynamo.IncompleteFlushException;
import io.jynamo.UnprocessedWritesException;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writes of a unidirectional {@code @OneToMany @JoinColumn} (the owner's key set on or removed from the children's
 * items) under the engine's faults: unprocessed items, a 500 part-way, one item never written, a lost response and
 * throttling. No child is lost or left without the key it should have, and what was not written is reported.
 */
class ForeignKeyCollectionFaultsTest {

    @Entity
    public static class Crate {
        @Id
        public String id;
        @OneToMany(cascade = CascadeType.PERSIST)
        @JoinColumn(name = "crate_id")
        public List<Box> boxes = new ArrayList<>();
    }

    @Entity
    public static class Box {
        @Id
        public String id;
    }

    @Entity
    public static class Rack {
        @Id
        public String id;
        @OneToMany(cascade = CascadeType.PERSIST)
        @JoinColumn(name = "rack_id")
        public List<Bin> bins = new ArrayList<>();
    }

    @Entity
    public static class Bin {
        @Id
        public String id;
        @Version
        public int version;
    }

    private static Crate crate(String id, int boxes) {
        Crate c = new Crate();
        c.id = id;
        IntStream.range(0, boxes).forEach(i -> {
            Box b = new Box();
            b.id = id + "-" + i;
            c.boxes.add(b);
        });
        return c;
    }

    /** Each child's id mapped to the owner its item names ("-" for none). */
    private static Map<String, String> owners(TestUnit unit, String table, String column) {
        return TestUnit.sharedClient().scan(s -> s.tableName(unit.prefix() + table)).items().stream()
                .collect(Collectors.toMap(i -> i.get("id").s(), i -> i.containsKey(column) ? i.get(column).s() : "-",
                        (a, b) -> a, TreeMap::new));
    }

    private static long named(Map<String, String> owners, String owner) {
        return owners.values().stream().filter(owner::equals).count();
    }

    @Test
    void childrenHandedBackUnprocessedAreSentAgainWithTheOwnersKey() {
        try (TestUnit unit = TestUnit.of(Crate.class, Box.class).build()) {
            unit.calls().fault(Faults.halfUnprocessed());
            unit.inTransaction(em -> em.persist(crate("c", 40)));
            unit.calls().fault(null);
            Map<String, String> owners = owners(unit, "Box", "crate_id");
            assertEquals(40, owners.size(), "every child");
            assertEquals(40, named(owners, "c"), owners.toString());
        }
    }

    @Test
    void aServerErrorPartWayThroughAMoveReportsItAndTheNextCommitMovesTheRest() {
        try (TestUnit unit = TestUnit.of(Crate.class, Box.class).property("jynamo.parallelism", "1").build()) {
            unit.inTransaction(em -> {
                em.persist(crate("a", 40));
                em.persist(crate("b", 0));
            });
            unit.calls().fault(Faults.failNth("batchWriteItem", 2, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            Crate a = em.find(Crate.class, "a");
            Crate b = em.find(Crate.class, "b");
            b.boxes.addAll(a.boxes);
            a.boxes.clear();
            IncompleteFlushException e = assertThrows(IncompleteFlushException.class, () -> em.getTransaction().commit());
            assertEquals(25, e.writtenKeys().size(), "the first batch landed");
            assertEquals(15, e.unwrittenKeys().size());
            Map<String, String> between = owners(unit, "Box", "crate_id");
            assertEquals(25, named(between, "b"));
            assertEquals(15, named(between, "a"), "the rest still name their old owner: none is left without one");
            unit.calls().fault(null);
            em.getTransaction().commit();
            em.close();
            assertEquals(40, named(owners(unit, "Box", "crate_id"), "b"));
            assertEquals(40, (int) unit.withEntityManager(x -> x.find(Crate.class, "b").boxes.size()));
            assertEquals(0, (int) unit.withEntityManager(x -> x.find(Crate.class, "a").boxes.size()));
        }
    }

    @Test
    void aChildReleasedButNeverWrittenIsReportedAndWrittenByTheNextCommit() {
        try (TestUnit unit = TestUnit.of(Crate.class, Box.class).build()) {
            unit.inTransaction(em -> em.persist(crate("a", 5)));
            unit.calls().fault(Faults.neverWrites(w -> w.putRequest() != null
                    && w.putRequest().item().get("id").s().equals("a-3")));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            em.find(Crate.class, "a").boxes.clear();
            UnprocessedWritesException e = assertThrows(UnprocessedWritesException.class, () -> em.getTransaction().commit());
            assertEquals(List.of("Box{id=a-3}"), e.unwrittenKeys());
            assertEquals("a", owners(unit, "Box", "crate_id").get("a-3"));
            unit.calls().fault(null);
            em.getTransaction().commit();
            em.close();
            assertEquals(0, named(owners(unit, "Box", "crate_id"), "a"));
            assertEquals(5, owners(unit, "Box", "crate_id").size(), "the children stay");
        }
    }

    @Test
    void aLostResponseOfAVersionedChildsKeyChangeIsConfirmedAndAppliedOnce() {
        try (TestUnit unit = TestUnit.of(Rack.class, Bin.class).build()) {
            unit.inTransaction(em -> {
                Rack r1 = new Rack();
                r1.id = "r1";
                Bin bin = new Bin();
                bin.id = "x";
                r1.bins.add(bin);
                em.persist(r1);
                Rack r2 = new Rack();
                r2.id = "r2";
                em.persist(r2);
            });
            unit.calls().fault(Faults.lostResponse("updateItem"));
            unit.inTransaction(em -> {
                Rack r1 = em.find(Rack.class, "r1");
                Rack r2 = em.find(Rack.class, "r2");
                r2.bins.add(r1.bins.remove(0));
            });
            unit.calls().fault(null);
            Map<String, AttributeValue> item = TestUnit.sharedClient().scan(s -> s.tableName(unit.prefix() + "Bin")).items().get(0);
            assertEquals("r2", item.get("rack_id").s());
            assertEquals("1", item.get("version").n(), "applied once");
        }
    }

    @Test
    void aThrottledRemovalOfTheOwnerIsRetriedAndReleasesItsChildren() {
        try (TestUnit unit = TestUnit.of(Crate.class, Box.class).build()) {
            unit.inTransaction(em -> em.persist(crate("a", 3)));
            unit.calls().fault(Faults.throttleFirst(2));
            unit.inTransaction(em -> em.remove(em.find(Crate.class, "a")));
            unit.calls().fault(null);
            assertEquals(Map.of("a-0", "-", "a-1", "-", "a-2", "-"), owners(unit, "Box", "crate_id"));
            assertTrue(TestUnit.sharedClient().scan(s -> s.tableName(unit.prefix() + "Crate")).items().isEmpty());
        }
    }
}
