package io.jynamo.tck.embedded;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** @ElementCollection of embeddables (classes and records) stored as L of M (issue 10, item 2). */
class EmbeddableCollectionTest {

    @Embeddable
    public static class Line {
        public String sku;
        public int quantity;

        public Line() {
        }

        Line(String sku, int quantity) {
            this.sku = sku;
            this.quantity = quantity;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Line l && Objects.equals(sku, l.sku) && quantity == l.quantity;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, quantity);
        }
    }

    @Embeddable
    public record Tag(String name, double weight) {
    }

    /** Private state behind accessors: a proxy tracks it, and the list it hands out escapes to the caller. */
    @Entity
    public static class Basket {
        @Id
        private String id;
        @ElementCollection
        private List<Line> lines = new ArrayList<>();
        @ElementCollection
        private Set<Tag> tags = new LinkedHashSet<>();

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public List<Line> getLines() {
            return lines;
        }

        public Set<Tag> getTags() {
            return tags;
        }
    }

    @Entity
    public static class Renamed {
        @Id
        public String id;
        @ElementCollection
        @jakarta.persistence.AttributeOverride(name = "sku", column = @jakarta.persistence.Column(name = "s"))
        public List<Line> lines;
    }

    @Entity
    public static class ConvertedInside {
        @Id
        public String id;
        @ElementCollection
        @jakarta.persistence.Convert(attributeName = "sku", converter = MapElementCollectionTest.Upper.class)
        public List<Line> lines;
    }

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Basket.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static Map<String, AttributeValue> stored(String id) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Basket")
                .key(Map.of("id", AttributeValue.fromS(id)))).item();
    }

    private static void persist(String id, Line... lines) {
        unit.inTransaction(em -> {
            Basket b = new Basket();
            b.setId(id);
            b.getLines().addAll(List.of(lines));
            b.getTags().add(new Tag("fresh", 0.5));
            em.persist(b);
        });
    }

    @Test
    void listAndSetOfEmbeddablesAreStoredAsListsOfMapsAndLoadBack() {
        persist("b1", new Line("apple", 2), new Line("pear", 1));
        Map<String, AttributeValue> item = stored("b1");
        List<AttributeValue> lines = item.get("lines").l();
        assertEquals(2, lines.size());
        assertEquals("apple", lines.get(0).m().get("sku").s());
        assertEquals("2", lines.get(0).m().get("quantity").n());
        assertEquals("fresh", item.get("tags").l().get(0).m().get("name").s());
        Basket found = unit.withEntityManager(em -> em.find(Basket.class, "b1"));
        assertEquals(List.of(new Line("apple", 2), new Line("pear", 1)), found.getLines());
        assertEquals(Set.of(new Tag("fresh", 0.5)), found.getTags());
    }

    @Test
    void changesInsideAnElementOfALoadedEntityAreFlushed() {
        persist("b2", new Line("apple", 2));
        unit.inTransaction(em -> {
            Basket b = em.find(Basket.class, "b2");
            b.getLines().get(0).quantity = 9;
            b.getLines().add(new Line("fig", 3));
            b.getTags().clear();
        });
        Basket found = unit.withEntityManager(em -> em.find(Basket.class, "b2"));
        assertEquals(List.of(new Line("apple", 9), new Line("fig", 3)), found.getLines());
        assertTrue(found.getTags().isEmpty());
    }

    @Test
    void wrongStoredTypeInsideAnElementIsRefusedNamingTheElementPath() {
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "Basket").item(Map.of(
                "id", AttributeValue.fromS("b3"),
                "lines", AttributeValue.fromL(List.of(
                        AttributeValue.fromM(Map.of("sku", AttributeValue.fromS("a"))),
                        AttributeValue.fromM(Map.of("quantity", AttributeValue.fromS("many"))))))));
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> unit.withEntityManager(em -> em.find(Basket.class, "b3")));
        assertTrue(e.getMessage().contains("lines[1].quantity") && e.getMessage().contains(unit.prefix() + "Basket"),
                e.getMessage());
    }

    @Test
    void elementThatIsNotAMapIsRefused() {
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "Basket").item(Map.of(
                "id", AttributeValue.fromS("b4"),
                "lines", AttributeValue.fromL(List.of(AttributeValue.fromS("apple"))))));
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> unit.withEntityManager(em -> em.find(Basket.class, "b4")));
        assertTrue(e.getMessage().contains("lines[0]") && e.getMessage().contains("expected M"), e.getMessage());
    }

    @Test
    void attributeOverrideOnACollectionRenamesTheElementsAttributes() {
        try (TestUnit renamed = TestUnit.of(Renamed.class).build()) {
            renamed.inTransaction(em -> {
                Renamed r = new Renamed();
                r.id = "r1";
                r.lines = new ArrayList<>(List.of(new Line("apple", 2)));
                em.persist(r);
            });
            Map<String, AttributeValue> line = TestUnit.sharedClient().getItem(b -> b.tableName(renamed.prefix() + "Renamed")
                    .key(Map.of("id", AttributeValue.fromS("r1")))).item().get("lines").l().get(0).m();
            assertEquals(Set.of("s", "quantity"), line.keySet());
            assertEquals(List.of(new Line("apple", 2)), renamed.withEntityManager(em -> em.find(Renamed.class, "r1").lines));
        }
    }

    @Test
    void convertingInsideElementsIsRefusedAtBootstrapRatherThanIgnored() {
        PersistenceException converted = assertThrows(PersistenceException.class,
                () -> TestUnit.of(ConvertedInside.class).build().close());
        assertTrue(converted.getMessage().contains("@Convert(attributeName = \"sku\")"), converted.getMessage());
    }

    @Test
    void metamodelReportsTheEmbeddableElementType() {
        PluralAttribute<?, ?, ?> lines = (PluralAttribute<?, ?, ?>) unit.emf().getMetamodel()
                .entity(Basket.class).getAttribute("lines");
        assertEquals(Type.PersistenceType.EMBEDDABLE, lines.getElementType().getPersistenceType());
        assertEquals(Line.class, lines.getElementType().getJavaType());
    }
}
