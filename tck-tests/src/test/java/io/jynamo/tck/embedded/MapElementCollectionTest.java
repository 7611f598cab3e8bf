package io.jynamo.tck.embedded;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Id;
import jakarta.persistence.MapKeyEnumerated;
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

    @Entity
    public static class BooleanKeys {
        @Id
        public String id;
        @ElementCollection
        public Map<Boolean, String> flags;
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
        unit = TestUnit.of(Shop.class).build();
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
    void keysWithoutALosslessStringFormAreRefusedAtBootstrap() {
        for (Class<?> type : List.of(BooleanKeys.class, BytesKeys.class)) {
            PersistenceException e = assertThrows(PersistenceException.class, () -> TestUnit.of(type).build().close());
            assertTrue(e.getMessage().contains("'flags' is a Map with keys of type java.lang.Boolean")
                    || e.getMessage().contains("'blobs' key is an array"), e.getMessage());
        }
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
    }
}
