package io.jynamo.tck.embedded;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Embeddables inside embeddables and @AttributeOverride on @Embedded attributes (issue 10, item 4). */
class NestedEmbeddableTest {

    @Embeddable
    public record Geo(double lat, double lon) {
    }

    @Embeddable
    public static class Place {
        public String city;
        @Embedded
        public Geo geo;
    }

    @Entity
    public static class Trip {
        @Id
        public String id;
        @Embedded
        public Place from;
        @Embedded
        @AttributeOverride(name = "city", column = @Column(name = "c"))
        @AttributeOverride(name = "geo.lat", column = @Column(name = "y"))
        public Place to;
    }

    @Entity
    public static class BadOverride {
        @Id
        public String id;
        @Embedded
        @AttributeOverride(name = "town", column = @Column(name = "t"))
        public Place place;
    }

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Trip.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static Place place(String city, double lat, double lon) {
        Place p = new Place();
        p.city = city;
        p.geo = new Geo(lat, lon);
        return p;
    }

    private static void persist(String id, Place from, Place to) {
        unit.inTransaction(em -> {
            Trip t = new Trip();
            t.id = id;
            t.from = from;
            t.to = to;
            em.persist(t);
        });
    }

    @Test
    void nestedEmbeddablesAreMapsInMapsAndOverridesRenameInsideThem() {
        persist("t1", place("Oslo", 59.9, 10.7), place("Rome", 41.9, 12.5));
        Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Trip")
                .key(Map.of("id", AttributeValue.fromS("t1")))).item();
        Map<String, AttributeValue> from = item.get("from").m();
        assertEquals("Oslo", from.get("city").s());
        assertEquals("59.9", from.get("geo").m().get("lat").n());
        Map<String, AttributeValue> to = item.get("to").m();
        assertEquals("Rome", to.get("c").s());
        assertTrue(!to.containsKey("city"), to.toString());
        assertEquals("41.9", to.get("geo").m().get("y").n());
        assertEquals("12.5", to.get("geo").m().get("lon").n());

        Trip found = unit.withEntityManager(em -> em.find(Trip.class, "t1"));
        assertEquals("Rome", found.to.city);
        assertEquals(new Geo(41.9, 12.5), found.to.geo);
        assertEquals(new Geo(59.9, 10.7), found.from.geo);
    }

    @Test
    void changesInsideANestedEmbeddableAreFlushed() {
        persist("t2", place("Oslo", 1, 2), place("Rome", 3, 4));
        unit.inTransaction(em -> {
            Trip t = em.find(Trip.class, "t2");
            t.to.city = "Milan";
            t.from.geo = new Geo(5, 6);
        });
        Trip found = unit.withEntityManager(em -> em.find(Trip.class, "t2"));
        assertEquals("Milan", found.to.city);
        assertEquals(new Geo(5, 6), found.from.geo);
    }

    @Test
    void jpqlEqualityOnNestedAndOverriddenPaths() {
        persist("t3", place("Bergen", 60.4, 5.3), place("Paris", 48.9, 2.35));
        List<String> ids = unit.withEntityManager(em -> em.createQuery(
                "SELECT t.id FROM Trip t WHERE t.to.geo.lat = 48.9 AND t.to.city = 'Paris' AND t.from.geo.lon = 5.3",
                String.class).getResultList());
        assertEquals(List.of("t3"), ids);
    }

    @Test
    void wrongStoredTypeDeepInsideIsRefusedNamingTheWholePath() {
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "Trip").item(Map.of(
                "id", AttributeValue.fromS("t4"),
                "to", AttributeValue.fromM(Map.of("geo", AttributeValue.fromM(Map.of("y", AttributeValue.fromS("north"))))))));
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> unit.withEntityManager(em -> em.find(Trip.class, "t4")));
        assertTrue(e.getMessage().contains("to.geo.lat") && e.getMessage().contains(unit.prefix() + "Trip"), e.getMessage());
    }

    @Test
    void overrideOfAnUnknownAttributeIsRefusedAtBootstrap() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> TestUnit.of(BadOverride.class).build().close());
        assertTrue(e.getMessage().contains("[town]") && e.getMessage().contains("[city, geo]"), e.getMessage());
    }
}
