package io.jynamo.tck.embedded;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Id;
import jakarta.persistence.MapKeyClass;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.MapKeyTemporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.metamodel.MapAttribute;
import jakarta.persistence.metamodel.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** @ElementCollection Map attributes stored as M with string keys (issue 10, item 3 and @Convert of item 4). */
class MapElementCollectionTest {

    public enum Size { SMALL, LARGE }

    @Embeddable
    public record Stock(int count, String shelf) {
    }

    /** Stores a String in upper case, to see that a converter ran. */
    public static class Upper implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String s) {
            return s.toUpperCase();
        }

        @Override
        public String convertToEntityAttribute(String s) {
            return s.toLowerCase();
        }
    }

    @Entity
    public static class Shop {
        @Id
        public String id;
        @ElementCollection
        public Map<String, Integer> prices = new LinkedHashMap<>();
        @ElementCollection
        public Map<Integer, String> byNumber = new LinkedHashMap<>();
        @ElementCollection
        @MapKeyEnumerated(EnumType.STRING)
        public Map<Size, Stock> stock = new LinkedHashMap<>();
        @ElementCollection
        public Map<Size, Boolean> byOrdinal = new LinkedHashMap<>();
        @ElementCollection
        public Map<UUID, LocalDate> dates = new LinkedHashMap<>();
        @ElementCollection
        @Convert(attributeName = "key", converter = Upper.class)
        @Convert(attributeName = "value", converter = Upper.class)
        public Map<String, String> shouted = new LinkedHashMap<>();
        @ElementCollection
        @Convert(converter = Upper.class)
        public List<String> shoutedList = new java.util.ArrayList<>();
    }

    @Embeddable
    public static class Shelf {
        public String aisle;
        public int level;

        public Shelf() {
        }

        Shelf(String aisle, int level) {
            this.aisle = aisle;
            this.level = level;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shelf s && s.aisle.equals(aisle) && s.level == level;
        }

        @Override
        public int hashCode() {
            return aisle.hashCode() * 31 + level;
        }
    }

    /** Keys without a string form: DynamoDB map keys are strings, so these maps are lists of entries. */
    @Entity
    public static class Depot {
        @Id
        public String id;
        @ElementCollection
        public Map<Shelf, Stock> shelves = new LinkedHashMap<>();
        @ElementCollection
        public Map<Boolean, String> flags = new LinkedHashMap<>();
    }

    /** Raw types, typed by the annotations as JPA allows, and legacy date keys. */
    @Entity
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static class Diary {
        @Id
        public String id;
        @ElementCollection(targetClass = String.class)
        @MapKeyClass(java.util.Date.class)
        @MapKeyTemporal(TemporalType.DATE)
        public Map entries = new LinkedHashMap();
        @ElementCollection(targetClass = Integer.class)
        public List scores = new java.util.ArrayList();
    }

    @Entity
    public static class UntemporalKeys {
        @Id
        public String id;
        @ElementCollection
        public Map<java.util.Date, String> entries;
    }

    @Entity
    public static class BytesKeys {
        @Id
        public String id;
        @ElementCollection
        public Map<byte[], String> blobs;
    }

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Shop.class, Depot.class, Diary.class).build();
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static Map<String, AttributeValue> stored(String id) {
        return TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Shop")
                .key(Map.of("id", AttributeValue.fromS(id)))).item();
    }

    private static void put(String id, String attribute, AttributeValue value) {
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "Shop").item(Map.of(
                "id", AttributeValue.fromS(id), attribute, value)));
    }

    private static PersistenceException loadFails(String id) {
        return assertThrows(PersistenceException.class, () -> unit.withEntityManager(em -> em.find(Shop.class, id)));
    }

    @Test
    void mapsAreStoredAsMapsKeyedByTheKeysStringFormAndLoadBack() {
        UUID u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        unit.inTransaction(em -> {
            Shop s = new Shop();
            s.id = "m1";
            s.prices.put("tea", 3);
            s.byNumber.put(42, "answer");
            s.stock.put(Size.LARGE, new Stock(5, "a1"));
            s.byOrdinal.put(Size.LARGE, true);
            s.dates.put(u, LocalDate.of(2024, 2, 29));
            s.shouted.put("k", "v");
            s.shoutedList.add("x");
            em.persist(s);
        });
        Map<String, AttributeValue> item = stored("m1");
        assertEquals("3", item.get("prices").m().get("tea").n());
        assertEquals("answer", item.get("byNumber").m().get("42").s());
        assertEquals("5", item.get("stock").m().get("LARGE").m().get("count").n());
        assertEquals(true, item.get("byOrdinal").m().get("1").bool());
        assertEquals("2024-02-29", item.get("dates").m().get(u.toString()).s());
        assertEquals("V", item.get("shouted").m().get("K").s());
        assertEquals("X", item.get("shoutedList").l().get(0).s());

        Shop found = unit.withEntityManager(em -> em.find(Shop.class, "m1"));
        assertEquals(Map.of("tea", 3), found.prices);
        assertEquals(Map.of(42, "answer"), found.byNumber);
        assertEquals(Map.of(Size.LARGE, new Stock(5, "a1")), found.stock);
        assertEquals(Map.of(Size.LARGE, true), found.byOrdinal);
        assertEquals(Map.of(u, LocalDate.of(2024, 2, 29)), found.dates);
        assertEquals(Map.of("k", "v"), found.shouted);
        assertEquals(List.of("x"), found.shoutedList);
    }

    @Test
    void changesInsideAMapOfALoadedEntityAreFlushed() {
        unit.inTransaction(em -> {
            Shop s = new Shop();
            s.id = "m2";
            s.prices.put("tea", 3);
            s.prices.put("cake", 4);
            em.persist(s);
        });
        unit.inTransaction(em -> {
            Shop s = em.find(Shop.class, "m2");
            s.prices.put("tea", 5);
            s.prices.remove("cake");
            s.stock.put(Size.SMALL, new Stock(1, "b"));
        });
        Shop found = unit.withEntityManager(em -> em.find(Shop.class, "m2"));
        assertEquals(Map.of("tea", 5), found.prices);
        assertEquals(Map.of(Size.SMALL, new Stock(1, "b")), found.stock);
        assertEquals(Map.of(), found.byNumber);
    }

    @Test
    void keyNotInTheStoredFormIsRefused() {
        put("m3", "byNumber", AttributeValue.fromM(Map.of("42.0", AttributeValue.fromS("x"))));
        PersistenceException e = loadFails("m3");
        assertTrue(e.getMessage().contains("byNumber[key '42.0']") && e.getMessage().contains("not in the form"),
                e.getMessage());
        put("m4", "stock", AttributeValue.fromM(Map.of("HUGE", AttributeValue.fromM(Map.of()))));
        assertTrue(loadFails("m4").getMessage().contains("stock[key 'HUGE']"));
    }

    @Test
    void valueOfTheWrongTypeIsRefusedNamingKeyAndPath() {
        put("m5", "stock", AttributeValue.fromM(Map.of("LARGE",
                AttributeValue.fromM(Map.of("count", AttributeValue.fromS("five"))))));
        PersistenceException e = loadFails("m5");
        assertTrue(e.getMessage().contains("stock['LARGE'].count") && e.getMessage().contains(unit.prefix() + "Shop"),
                e.getMessage());
        put("m6", "prices", AttributeValue.fromL(List.of()));
        assertTrue(loadFails("m6").getMessage().contains("expected M"));
        put("m7", "prices", AttributeValue.fromM(Map.of("tea", AttributeValue.fromNul(true))));
        assertTrue(loadFails("m7").getMessage().contains("prices['tea']"));
    }

    @Test
    void nullKeysAndValuesAreRefusedAtFlush() {
        assertThrows(RuntimeException.class, () -> unit.inTransaction(em -> {
            Shop s = new Shop();
            s.id = "m8";
            s.prices.put("tea", null);
            em.persist(s);
        }));
    }

    @Test
    void arrayKeysAndDateKeysWithoutMapKeyTemporalAreRefusedAtBootstrap() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> TestUnit.of(BytesKeys.class).build().close());
        assertTrue(e.getMessage().contains("'blobs' key is an array"), e.getMessage());
        e = assertThrows(PersistenceException.class, () -> TestUnit.of(UntemporalKeys.class).build().close());
        assertTrue(e.getMessage().contains("without @MapKeyTemporal"), e.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void rawMapsAndListsTakeTheirTypesFromMapKeyClassAndTargetClassAndDateKeysFromMapKeyTemporal() {
        java.util.Date leapDay = java.sql.Date.valueOf(LocalDate.of(2024, 2, 29));
        unit.inTransaction(em -> {
            Diary d = new Diary();
            d.id = "r1";
            d.entries.put(new java.util.Date(leapDay.getTime()), "leap");
            d.scores.add(7);
            em.persist(d);
        });
        Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Diary")
                .key(Map.of("id", AttributeValue.fromS("r1")))).item();
        assertEquals("leap", item.get("entries").m().get("2024-02-29").s());
        assertEquals("7", item.get("scores").l().get(0).n());
        Diary found = unit.withEntityManager(em -> em.find(Diary.class, "r1"));
        assertEquals("leap", found.entries.get(new java.util.Date(leapDay.getTime())));
        assertEquals(List.of(7), found.scores);
        MapAttribute<? super Diary, ?, ?> entries = unit.emf().getMetamodel().entity(Diary.class).getMap("entries");
        assertEquals(java.util.Date.class, entries.getKeyJavaType());
        assertEquals(String.class, entries.getElementType().getJavaType());
    }

    @Test
    void embeddableAndBooleanKeysAreStoredAsAListOfEntriesAndLoadBack() {
        unit.inTransaction(em -> {
            Depot d = new Depot();
            d.id = "d1";
            d.shelves.put(new Shelf("a", 1), new Stock(3, "x"));
            d.shelves.put(new Shelf("a", 2), new Stock(4, "y"));
            d.flags.put(true, "yes");
            em.persist(d);
        });
        Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Depot")
                .key(Map.of("id", AttributeValue.fromS("d1")))).item();
        List<AttributeValue> shelves = item.get("shelves").l();
        assertEquals(2, shelves.size());
        assertEquals("a", shelves.get(0).m().get("key").m().get("aisle").s());
        assertEquals("2", shelves.get(1).m().get("key").m().get("level").n());
        assertEquals("4", shelves.get(1).m().get("value").m().get("count").n());
        assertEquals(true, item.get("flags").l().get(0).m().get("key").bool());

        Depot found = unit.withEntityManager(em -> em.find(Depot.class, "d1"));
        assertEquals(Map.of(new Shelf("a", 1), new Stock(3, "x"), new Shelf("a", 2), new Stock(4, "y")), found.shelves);
        assertEquals(Map.of(true, "yes"), found.flags);

        unit.inTransaction(em -> em.find(Depot.class, "d1").shelves.remove(new Shelf("a", 1)));
        assertEquals(Map.of(new Shelf("a", 2), new Stock(4, "y")),
                unit.withEntityManager(em -> em.find(Depot.class, "d1")).shelves);
    }

    @Test
    void anEntryListWithTwoEntriesForOneKeyOrAMalformedEntryIsRefused() {
        AttributeValue key = AttributeValue.fromM(Map.of("aisle", AttributeValue.fromS("a"), "level", AttributeValue.fromN("1")));
        AttributeValue value = AttributeValue.fromM(Map.of("count", AttributeValue.fromN("1"), "shelf", AttributeValue.fromS("s")));
        AttributeValue entry = AttributeValue.fromM(Map.of("key", key, "value", value));
        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "Depot").item(Map.of(
                "id", AttributeValue.fromS("d2"), "shelves", AttributeValue.fromL(List.of(entry, entry)))));
        PersistenceException twice = assertThrows(PersistenceException.class,
                () -> unit.withEntityManager(em -> em.find(Depot.class, "d2")));
        assertTrue(twice.getMessage().contains("shelves[1]") && twice.getMessage().contains("equals an earlier"),
                twice.getMessage());

        TestUnit.sharedClient().putItem(b -> b.tableName(unit.prefix() + "Depot").item(Map.of(
                "id", AttributeValue.fromS("d3"), "shelves", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("key", key)))))));
        PersistenceException malformed = assertThrows(PersistenceException.class,
                () -> unit.withEntityManager(em -> em.find(Depot.class, "d3")));
        assertTrue(malformed.getMessage().contains("shelves[0]") && malformed.getMessage().contains("'key' and 'value'"),
                malformed.getMessage());
    }

    @Test
    void mergeCopiesTheMapSoTheDetachedOneStaysApart() {
        Shop detached = new Shop();
        detached.id = "m9";
        detached.prices.put("tea", 1);
        unit.inTransaction(em -> {
            Shop managed = em.merge(detached);
            detached.prices.put("cake", 2);
            assertEquals(Map.of("tea", 1), managed.prices);
        });
        assertEquals(Map.of("tea", 1), unit.withEntityManager(em -> em.find(Shop.class, "m9")).prices);
    }

    @Test
    void metamodelHasMapAttributes() {
        MapAttribute<? super Shop, Size, Stock> stock = unit.emf().getMetamodel().entity(Shop.class)
                .getMap("stock", Size.class, Stock.class);
        assertEquals(Size.class, stock.getKeyJavaType());
        assertEquals(Type.PersistenceType.EMBEDDABLE, stock.getElementType().getPersistenceType());
        MapAttribute<? super Depot, Shelf, Stock> shelves = unit.emf().getMetamodel().entity(Depot.class)
                .getMap("shelves", Shelf.class, Stock.class);
        assertEquals(Type.PersistenceType.EMBEDDABLE, shelves.getKeyType().getPersistenceType());
        assertEquals(Shelf.class, shelves.getKeyJavaType());
    }
}
