package io.jynamo.tck.embedded;

import io.jynamo.annotations.SortKey;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Java records as @Embeddable attributes, @IdClass and @EmbeddedId (JPA 3.2 section 2.6; issue 10). */
class RecordEmbeddableTest {

    @Embeddable
    public record Point(int x, @Column(name = "why") Integer y, String label) {
    }

    @Entity
    public static class Shape {
        @Id
        public String id;
        @Embedded
        public Point center;
    }

    public record LineId(String owner, int no) {
    }

    @Entity
    @IdClass(LineId.class)
    public static class Line {
        @Id
        public String owner;
        @Id
        @SortKey
        public int no;
        public String text;
    }

    @Embeddable
    public record TileId(String map, @SortKey long index) {
    }

    @Entity
    public static class Tile {
        @EmbeddedId
        public TileId id;
        public String terrain;
    }

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Shape.class, Line.class, Tile.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static Map<String, AttributeValue> stored(String table, Map<String, AttributeValue> key) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + table).key(key)).item();
    }

    @Test
    void embeddedRecordIsStoredAsMapAndBuiltThroughItsCanonicalConstructor() {
        unit.inTransaction(em -> {
            Shape s = new Shape();
            s.id = "s1";
            s.center = new Point(3, null, "c");
            em.persist(s);
        });
        Map<String, AttributeValue> m = stored("Shape", Map.of("id", AttributeValue.fromS("s1"))).get("center").m();
        assertEquals("3", m.get("x").n());
        assertEquals("c", m.get("label").s());
        assertTrue(!m.containsKey("why") && !m.containsKey("y"), "a null component is not stored: " + m);
        Shape found = unit.withEntityManager(em -> em.find(Shape.class, "s1"));
        assertEquals(new Point(3, null, "c"), found.center);
    }

    @Test
    void replacingAnEmbeddedRecordIsFlushedAndQueryableByItsPath() {
        unit.inTransaction(em -> {
            Shape s = new Shape();
            s.id = "s2";
            s.center = new Point(1, 2, "a");
            em.persist(s);
        });
        unit.inTransaction(em -> em.find(Shape.class, "s2").center = new Point(1, 5, "b"));
        assertEquals(new Point(1, 5, "b"), unit.withEntityManager(em -> em.find(Shape.class, "s2")).center);
        Shape byPath = unit.withEntityManager(em -> em.createQuery(
                "SELECT s FROM Shape s WHERE s.center.y = 5 AND s.center.label = 'b'", Shape.class).getSingleResult());
        assertEquals("s2", byPath.id);
    }

    @Test
    void primitiveComponentMissingFromTheStoredMapReadsAsItsDefault() {
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "Shape").item(Map.of(
                "id", AttributeValue.fromS("s3"), "center", AttributeValue.fromM(Map.of("label", AttributeValue.fromS("z"))))));
        assertEquals(new Point(0, null, "z"), unit.withEntityManager(em -> em.find(Shape.class, "s3")).center);
    }

    @Test
    void wrongStoredComponentTypeIsRefusedNamingThePath() {
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "Shape").item(Map.of(
                "id", AttributeValue.fromS("s4"), "center", AttributeValue.fromM(Map.of("x", AttributeValue.fromS("one"))))));
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> unit.withEntityManager(em -> em.find(Shape.class, "s4")));
        assertTrue(e.getMessage().contains("center.x") && e.getMessage().contains(unit.prefix() + "Shape"), e.getMessage());
    }

    @Test
    void recordIdClassFindsAndReportsTheIdentifier() {
        unit.inTransaction(em -> {
            Line l = new Line();
            l.owner = "ann";
            l.no = 7;
            l.text = "hello";
            em.persist(l);
        });
        Line found = unit.withEntityManager(em -> em.find(Line.class, new LineId("ann", 7)));
        assertEquals("hello", found.text);
        Object id = unit.withEntityManager(em -> em.getEntityManagerFactory().getPersistenceUnitUtil()
                .getIdentifier(em.find(Line.class, new LineId("ann", 7))));
        assertEquals(new LineId("ann", 7), id);
        assertNull(unit.withEntityManager(em -> em.find(Line.class, new LineId("ann", 8))));
    }

    @Test
    void recordEmbeddedIdRoundTripsAndIsRebuiltFromTheKey() {
        unit.inTransaction(em -> {
            Tile t = new Tile();
            t.id = new TileId("north", 42L);
            t.terrain = "hill";
            em.persist(t);
        });
        Map<String, AttributeValue> item = stored("Tile", Map.of("map", AttributeValue.fromS("north"),
                "index", AttributeValue.fromN("42")));
        assertEquals("hill", item.get("terrain").s());
        Tile found = unit.withEntityManager(em -> em.find(Tile.class, new TileId("north", 42L)));
        assertEquals(new TileId("north", 42L), found.id);
        Tile queried = unit.withEntityManager(em -> em.createQuery(
                "SELECT t FROM Tile t WHERE t.id.map = 'north'", Tile.class).getSingleResult());
        assertEquals(new TileId("north", 42L), queried.id);
        assertEquals("hill", queried.terrain);
    }
}
