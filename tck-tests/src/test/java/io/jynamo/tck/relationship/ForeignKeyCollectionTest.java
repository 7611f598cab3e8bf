package io.jynamo.tck.relationship;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A unidirectional {@code @OneToMany} with {@code @JoinColumn}: each child's item stores its owner's key, which the
 * collection decides (no attribute of the child maps it); loaded by one Query on the children's foreign-key index.
 */
class ForeignKeyCollectionTest {

    @Entity
    public static class Invoice {
        @Id
        public String id;
        public String title;
        @OneToMany(cascade = CascadeType.ALL)
        @JoinColumn(name = "invoice_id")
        public List<Line> lines = new ArrayList<>();

        public Invoice() {
        }

        Invoice(String id) {
            this.id = id;
        }
    }

    @Entity
    public static class Line {
        @Id
        public String id;
        public String text;
        /** Reads the key the collection writes. */
        @Column(name = "invoice_id", insertable = false, updatable = false)
        public String invoiceId;

        public Line() {
        }

        Line(String id) {
            this.id = id;
            this.text = "text of " + id;
        }
    }

    /** Without cascade, with JPA's default join column name ({@code tasks_id}) and positions. */
    @Entity
    public static class Board {
        @Id
        public long id;
        @OneToMany
        @JoinColumn
        @OrderColumn(name = "pos")
        public List<Task> tasks = new ArrayList<>();
    }

    /** A map keyed by a value stored on each child's item beside the owner's key. */
    @Entity
    public static class Roster {
        @Id
        public String id;
        @OneToMany
        @JoinColumn(name = "roster_id")
        @jakarta.persistence.MapKeyColumn(name = "label")
        public Map<String, Task> byLabel = new java.util.HashMap<>();
    }

    @Entity
    public static class Task {
        @Id
        public String id;
    }

    private TestUnit unit;

    @BeforeEach
    void start() {
        unit = TestUnit.of(Invoice.class, Line.class, Board.class, Task.class, Roster.class).build();
    }

    @AfterEach
    void stop() {
        unit.close();
    }

    /** Each line's id mapped to the invoice its item names ("-" for none). */
    private Map<String, String> owners() {
        return TestUnit.sharedClient().scan(s -> s.tableName(unit.prefix() + "Line")).items().stream()
                .collect(Collectors.toMap(i -> i.get("id").s(),
                        i -> i.containsKey("invoice_id") ? i.get("invoice_id").s() : "-", (a, b) -> a, TreeMap::new));
    }

    private void invoices() {
        unit.inTransaction(em -> {
            Invoice a = new Invoice("a");
            a.lines.add(new Line("a1"));
            a.lines.add(new Line("a2"));
            a.lines.add(new Line("a3"));
            em.persist(a);
            Invoice b = new Invoice("b");
            b.lines.add(new Line("b1"));
            em.persist(b);
        });
        unit.calls().reset();
    }

    private int writes() {
        return unit.calls().count("batchWriteItem") + unit.calls().count("putItem") + unit.calls().count("updateItem")
                + unit.calls().count("transactWriteItems");
    }

    @Test
    void persistStoresTheOwnersKeyOnEachChildInTheSameBatch() {
        unit.calls().reset();
        invoices();
        assertEquals(Map.of("a1", "a", "a2", "a", "a3", "a", "b1", "b"), owners());
        TableDescription table = TestUnit.sharedClient().describeTable(d -> d.tableName(unit.prefix() + "Line")).table();
        assertEquals("fk_invoice_id", table.globalSecondaryIndexes().get(0).indexName());
    }

    @Test
    void persistingIsOneBatchWrite() {
        unit.calls().reset();
        unit.inTransaction(em -> {
            Invoice a = new Invoice("a");
            a.lines.add(new Line("a1"));
            a.lines.add(new Line("a2"));
            em.persist(a);
        });
        assertEquals(1, unit.calls().count("batchWriteItem"));
        assertEquals(1, unit.calls().total());
    }

    @Test
    void theCollectionLoadsWithOneQueryOnTheForeignKeyIndex() {
        invoices();
        unit.inTransaction(em -> {
            Invoice a = em.find(Invoice.class, "a");
            assertEquals(List.of("a1", "a2", "a3"), a.lines.stream().map(l -> l.id).sorted().toList());
            assertEquals("a", a.lines.get(0).invoiceId);
        });
        assertEquals(1, unit.calls().count("getItem"));
        assertEquals(1, unit.calls().count("query"));
        assertEquals("fk_invoice_id", unit.calls().<QueryRequest>requests("query").get(0).indexName());
        assertEquals(0, writes());
    }

    @Test
    void aChildTakenOutKeepsItsItemWithoutTheKey() {
        invoices();
        unit.inTransaction(em -> {
            Invoice a = em.find(Invoice.class, "a");
            a.lines.removeIf(l -> l.id.equals("a2"));
        });
        assertEquals(Map.of("a1", "a", "a2", "-", "a3", "a", "b1", "b"), owners());
        assertEquals(1, writes()); // the one child whose key changed
        unit.inTransaction(em -> assertEquals(2, em.find(Invoice.class, "a").lines.size()));
    }

    @Test
    void aChildMovedBetweenOwnersNamesTheNewOneWhicheverOrderTheCodeMovesIt() {
        invoices();
        unit.inTransaction(em -> {
            Invoice a = em.find(Invoice.class, "a");
            Invoice b = em.find(Invoice.class, "b");
            Line moved = a.lines.get(0);
            b.lines.add(moved); // added to the new owner before it leaves the old one
            a.lines.remove(moved);
            Line back = b.lines.get(0);
            b.lines.remove(back);
            a.lines.add(back);
        });
        assertEquals(Map.of("a1", "b", "a2", "a", "a3", "a", "b1", "a"), owners());
        unit.inTransaction(em -> {
            assertEquals(3, em.find(Invoice.class, "a").lines.size());
            assertEquals(1, em.find(Invoice.class, "b").lines.size());
        });
    }

    @Test
    void anUnchangedCollectionWritesNothing() {
        invoices();
        unit.inTransaction(em -> {
            Invoice a = em.find(Invoice.class, "a");
            assertEquals(3, a.lines.size());
            a.lines.get(0).text = "changed";
        });
        assertEquals(1, writes()); // the changed line; no key rewritten
        unit.calls().reset();
        unit.inTransaction(em -> em.find(Invoice.class, "a").lines.size());
        assertEquals(0, writes());
    }

    @Test
    void aFetchedCollectionIsComparedAtFlushWithoutAnotherRead() {
        invoices();
        unit.inTransaction(em -> {
            for (Invoice i : em.createQuery("SELECT i FROM Invoice i LEFT JOIN FETCH i.lines", Invoice.class).getResultList()) {
                i.lines.remove(0);
            }
        });
        assertEquals(1, unit.calls().count("scan"));
        assertEquals(2, unit.calls().count("query"), "one per owner, at the fetch");
        assertEquals(2, owners().values().stream().filter("-"::equals).count());
    }

    @Test
    void aChildChangedBesideItsKeyKeepsBoth() {
        invoices();
        unit.inTransaction(em -> {
            Line l = em.find(Line.class, "b1");
            l.text = "new text";
            em.find(Invoice.class, "a").lines.add(l);
            em.find(Invoice.class, "b").lines.clear();
        });
        assertEquals("a", owners().get("b1"));
        unit.inTransaction(em -> assertEquals("new text", em.find(Line.class, "b1").text));
    }

    @Test
    void mergingADetachedOwnerWritesWhatItsCollectionHolds() {
        invoices();
        Invoice detached = unit.fromTransaction(em -> {
            Invoice a = em.find(Invoice.class, "a");
            a.lines.size();
            return a;
        });
        detached.lines.removeIf(l -> l.id.equals("a1"));
        detached.lines.add(new Line("a4"));
        unit.inTransaction(em -> em.merge(detached));
        assertEquals(Map.of("a1", "-", "a2", "a", "a3", "a", "a4", "a", "b1", "b"), owners());
    }

    @Test
    void aCollectionReplacedBeforeItWasLoadedReleasesTheStoredChildren() {
        invoices();
        unit.inTransaction(em -> {
            Invoice a = em.find(Invoice.class, "a");
            a.lines = new ArrayList<>(List.of(new Line("a9")));
        });
        assertEquals(Map.of("a1", "-", "a2", "-", "a3", "-", "a9", "a", "b1", "b"), owners());
        assertEquals(1, unit.calls().count("query")); // the children the item names, read once
    }

    @Test
    void aRemovedOwnerReleasesChildrenItDoesNotCascadeTo() {
        unit.inTransaction(em -> {
            Task t1 = task(em, "t1");
            Task t2 = task(em, "t2");
            Board board = new Board();
            board.id = 7;
            board.tasks.addAll(List.of(t1, t2));
            em.persist(board);
        });
        assertEquals(Map.of("t1", "7", "t2", "7"), taskOwners());
        unit.inTransaction(em -> em.remove(em.find(Board.class, 7L)));
        assertEquals(Map.of("t1", "-", "t2", "-"), taskOwners());
    }

    @Test
    void positionsAndTheDefaultColumnNameAreStoredOnTheChildren() {
        unit.inTransaction(em -> {
            Board board = new Board();
            board.id = 1;
            board.tasks.addAll(List.of(task(em, "x"), task(em, "y"), task(em, "z")));
            em.persist(board);
        });
        unit.inTransaction(em -> {
            Board board = em.find(Board.class, 1L);
            assertEquals(List.of("x", "y", "z"), board.tasks.stream().map(t -> t.id).toList());
            board.tasks.add(0, board.tasks.remove(2));
        });
        unit.inTransaction(em -> assertEquals(List.of("z", "x", "y"),
                em.find(Board.class, 1L).tasks.stream().map(t -> t.id).toList()));
        Map<String, AttributeValue> z = TestUnit.sharedClient().getItem(g -> g.tableName(unit.prefix() + "Task")
                .key(Map.of("id", AttributeValue.fromS("z")))).item();
        assertEquals("1", z.get("tasks_id").n());
        assertEquals("0", z.get("pos").n());
    }

    @Test
    void anOrderedCollectionReplacedBeforeItWasLoadedReleasesTheOthers() {
        unit.inTransaction(em -> {
            Board board = new Board();
            board.id = 5;
            board.tasks.addAll(List.of(task(em, "p"), task(em, "q")));
            em.persist(board);
        });
        unit.inTransaction(em -> em.remove(em.find(Task.class, "p"))); // a gap at position 0
        unit.inTransaction(em -> {
            Board board = em.find(Board.class, 5L);
            board.tasks = new ArrayList<>(List.of(task(em, "r")));
        });
        assertEquals(Map.of("q", "-", "r", "5"), taskOwners());
        unit.inTransaction(em -> assertEquals(List.of("r"), em.find(Board.class, 5L).tasks.stream().map(t -> t.id).toList()));
    }

    @Test
    void aKeyedMapStoresTheOwnersKeyAndTheMapKeyOnEachChild() {
        unit.inTransaction(em -> {
            Roster r = new Roster();
            r.id = "r";
            r.byLabel.put("first", task(em, "m1"));
            r.byLabel.put("second", task(em, "m2"));
            em.persist(r);
        });
        unit.inTransaction(em -> {
            Roster r = em.find(Roster.class, "r");
            assertEquals("m2", r.byLabel.get("second").id);
            r.byLabel.remove("first");
        });
        Map<String, AttributeValue> m2 = TestUnit.sharedClient().getItem(g -> g.tableName(unit.prefix() + "Task")
                .key(Map.of("id", AttributeValue.fromS("m2")))).item();
        assertEquals("r", m2.get("roster_id").s());
        assertEquals("second", m2.get("label").s());
        assertEquals(java.util.Set.of("second"), unit.fromTransaction(em -> new java.util.HashSet<>(
                em.find(Roster.class, "r").byLabel.keySet())));
    }

    @Test
    void aReferenceAddedToTheCollectionIsReadAndWrittenWithTheKey() {
        unit.inTransaction(em -> task(em, "r"));
        unit.inTransaction(em -> {
            Board board = new Board();
            board.id = 2;
            board.tasks.add(em.getReference(Task.class, "r"));
            em.persist(board);
        });
        assertEquals(Map.of("r", "2"), taskOwners());
    }

    @Test
    void aDetachedChildAddedToTheCollectionGetsTheKey() {
        unit.inTransaction(em -> task(em, "d"));
        Task detached = unit.fromTransaction(em -> em.find(Task.class, "d"));
        unit.inTransaction(em -> {
            Board board = new Board();
            board.id = 3;
            board.tasks.add(detached);
            em.persist(board);
        });
        assertEquals(Map.of("d", "3"), taskOwners());
    }

    @Test
    void aNewChildWithoutCascadeFailsTheFlush() {
        EntityManager em = unit.emf().createEntityManager();
        try {
            em.getTransaction().begin();
            Board board = new Board();
            board.id = 4;
            Task t = new Task();
            t.id = "new";
            board.tasks.add(t);
            em.persist(board);
            assertThrows(IllegalStateException.class, em::flush);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @Test
    void queriesJoinAndFetchTheCollection() {
        invoices();
        unit.inTransaction(em -> {
            List<Invoice> fetched = em.createQuery("SELECT DISTINCT i FROM Invoice i JOIN FETCH i.lines WHERE i.id = 'a'",
                    Invoice.class).getResultList();
            assertEquals(1, fetched.size());
            assertEquals(3, fetched.get(0).lines.size());
            List<String> lines = em.createQuery("SELECT i.id FROM Invoice i JOIN i.lines l WHERE l.text = :text",
                    String.class).setParameter("text", "text of b1").getResultList();
            assertEquals(List.of("b"), lines);
            assertEquals(List.of("a"), em.createQuery("SELECT i.id FROM Invoice i WHERE SIZE(i.lines) > 2", String.class)
                    .getResultList());
            assertEquals(List.of(3, 1), em.createQuery("SELECT SIZE(i.lines) FROM Invoice i ORDER BY i.id", Integer.class)
                    .getResultList());
            em.persist(new Invoice("empty"));
            em.flush();
            assertEquals(List.of("empty"), em.createQuery("SELECT i.id FROM Invoice i WHERE i.lines IS EMPTY", String.class)
                    .getResultList());
            assertEquals(List.of("b"), em.createQuery("SELECT i.id FROM Invoice i WHERE :line MEMBER OF i.lines", String.class)
                    .setParameter("line", em.find(Line.class, "b1")).getResultList());
        });
    }

    @Test
    void theChildrenOfAnOwnerAreSelectedThroughTheJoinWithOneQueryOfTheIndex() {
        invoices();
        List<String> lines = unit.fromTransaction(em -> em.createQuery(
                "SELECT l FROM Invoice i JOIN i.lines l WHERE i.id = :id ORDER BY l.id", Line.class)
                .setParameter("id", "a").getResultList().stream().map(l -> l.id).toList());
        assertEquals(List.of("a1", "a2", "a3"), lines);
        assertEquals(1, unit.calls().count("query"));
        assertEquals("fk_invoice_id", unit.calls().<QueryRequest>requests("query").get(0).indexName());
        assertEquals(0, unit.calls().count("scan"));
    }

    @Test
    void aRefusedJoinSuggestsWhatWorksWithoutNamingTheHiddenOwningSide() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> unit.inTransaction(em ->
                em.createQuery("SELECT i FROM Invoice i JOIN i.lines l JOIN i.lines k WHERE k.id = 'a1'", Invoice.class)
                        .getResultList()));
        assertTrue(e.getMessage().contains("LEFT JOIN FETCH i.lines") && !e.getMessage().contains("#"), e.getMessage());
        // One join without a condition on the lines: the invoice once per line, from its collection.
        invoices();
        assertEquals(3, (int) unit.withEntityManager(em -> em.createQuery(
                "SELECT i FROM Invoice i JOIN i.lines l WHERE i.id = 'a'", Invoice.class).getResultList().size()));
    }

    @Test
    void aWritableMappingOfTheForeignKeyOnTheChildIsRefused() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestUnit.of(Owner.class, Writable.class).build().close());
        assertTrue(e.getMessage().contains("'items'") && e.getMessage().contains("owner_id")
                && e.getMessage().contains("insertable = false, updatable = false"), e.getMessage());
    }

    @Test
    void aManyToManyWithJoinColumnIsRefused() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestUnit.of(Tagged.class, Task.class).build().close());
        assertTrue(e.getMessage().contains("@JoinTable"), e.getMessage());
    }

    @Entity
    public static class Owner {
        @Id
        public String id;
        @OneToMany
        @JoinColumn(name = "owner_id")
        public List<Writable> items = new ArrayList<>();
    }

    @Entity
    public static class Writable {
        @Id
        public String id;
        @Column(name = "owner_id")
        public String ownerId;
    }

    @Entity
    public static class Tagged {
        @Id
        public String id;
        @ManyToMany
        @JoinColumn(name = "tagged_id")
        public List<Task> tasks = new ArrayList<>();
    }

    private static Task task(EntityManager em, String id) {
        Task t = new Task();
        t.id = id;
        em.persist(t);
        return t;
    }

    private Map<String, String> taskOwners() {
        return TestUnit.sharedClient().scan(s -> s.tableName(unit.prefix() + "Task")).items().stream()
                .collect(Collectors.toMap(i -> i.get("id").s(),
                        i -> i.containsKey("tasks_id") ? i.get("tasks_id").n() : "-", (a, b) -> a, TreeMap::new));
    }
}
