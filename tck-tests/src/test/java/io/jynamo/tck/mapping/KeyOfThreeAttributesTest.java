package io.jynamo.tck.mapping;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Primary keys of three or more attributes, an ordinary JPA model DynamoDB's two key attributes cannot hold as
 * they are: the first partitions, and the others are joined into one string sort key, each also stored on its own.
 */
class KeyOfThreeAttributesTest {

    @Embeddable
    public static class BeanKey implements Serializable {
        public Integer number;
        public String name;
        public Float weight;

        public BeanKey() {
        }

        BeanKey(int number, String name, float weight) {
            this.number = number;
            this.name = name;
            this.weight = weight;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BeanKey k && Objects.equals(k.number, number) && Objects.equals(k.name, name)
                    && Objects.equals(k.weight, weight);
        }

        @Override
        public int hashCode() {
            return Objects.hash(number, name, weight);
        }
    }

    @Entity
    public static class Bean {
        @EmbeddedId
        public BeanKey key;
        public String brand;

        public Bean() {
        }

        Bean(BeanKey key, String brand) {
            this.key = key;
            this.brand = brand;
        }
    }

    public record StopKey(String route, Integer day, String stop) implements Serializable {
    }

    @Entity
    @IdClass(StopKey.class)
    public static class Stop {
        @Id
        public String route;
        @Id
        public Integer day;
        @Id
        @Column(name = "stop_name")
        public String stop;
        public int passengers;

        public Stop() {
        }

        Stop(String route, int day, String stop, int passengers) {
            this.route = route;
            this.day = day;
            this.stop = stop;
            this.passengers = passengers;
        }
    }

    @Entity
    public static class Ticket {
        @Id
        public String id;
        @ManyToOne
        public Stop boarding;
    }

    @Test
    void theFirstAttributePartitionsAndTheOthersFormAStringSortKeyStoredBesideThemselves() {
        try (TestUnit unit = TestUnit.of(Bean.class).build()) {
            TableDescription table = TestUnit.sharedClient().describeTable(b -> b.tableName(unit.prefix() + "Bean")).table();
            Map<KeyType, String> keys = table.keySchema().stream()
                    .collect(Collectors.toMap(k -> k.keyType(), k -> k.attributeName()));
            assertEquals(Map.of(KeyType.HASH, "number", KeyType.RANGE, "name#weight"), keys);
            assertEquals(ScalarAttributeType.S, table.attributeDefinitions().stream()
                    .filter(d -> d.attributeName().equals("name#weight")).findFirst().orElseThrow().attributeType());
            unit.inTransaction(em -> em.persist(new Bean(new BeanKey(1, "Arabica", 1.5f), "Lavazza")));
            Map<String, AttributeValue> item = TestUnit.sharedClient().scan(b -> b.tableName(unit.prefix() + "Bean"))
                    .items().get(0);
            assertEquals(AttributeValue.fromS("Arabica#1.5"), item.get("name#weight"));
            assertEquals(AttributeValue.fromN("1"), item.get("number"));
            assertEquals(AttributeValue.fromS("Arabica"), item.get("name"));
            assertEquals("1.5", item.get("weight").n());
        }
    }

    @Test
    void findRemoveAndIdentityWorkWithAnEmbeddedIdOfThree() {
        try (TestUnit unit = TestUnit.of(Bean.class).build()) {
            BeanKey k1 = new BeanKey(1, "Arabica", 10f);
            BeanKey k2 = new BeanKey(1, "Arabica", 12f);
            unit.inTransaction(em -> {
                Bean b1 = new Bean(k1, "one");
                em.persist(b1);
                em.persist(new Bean(k2, "two"));
                em.flush();
                assertSame(b1, em.find(Bean.class, new BeanKey(1, "Arabica", 10f)));
            });
            unit.calls().reset();
            Bean found = unit.withEntityManager(em -> em.find(Bean.class, new BeanKey(1, "Arabica", 12f)));
            assertEquals(1, unit.calls().count("getItem"));
            assertEquals("two", found.brand);
            assertEquals(k2, found.key);
            assertEquals(k2, unit.emf().getPersistenceUnitUtil().getIdentifier(found));
            unit.inTransaction(em -> em.remove(em.find(Bean.class, k1)));
            unit.withEntityManager(em -> {
                assertNull(em.find(Bean.class, k1));
                assertEquals("two", em.find(Bean.class, k2).brand);
                return null;
            });
        }
    }

    @Test
    void aDetachedEntityWithAnEmbeddedIdOfThreeMergesAndAChangedPartFailsTheFlush() {
        try (TestUnit unit = TestUnit.of(Bean.class).build()) {
            unit.inTransaction(em -> em.persist(new Bean(new BeanKey(3, "Liberica", 2f), "old")));
            Bean detached = unit.withEntityManager(em -> em.find(Bean.class, new BeanKey(3, "Liberica", 2f)));
            detached.brand = "new";
            unit.inTransaction(em -> {
                Bean merged = em.merge(detached);
                assertEquals(new BeanKey(3, "Liberica", 2f), merged.key);
            });
            assertEquals("new", unit.withEntityManager(em -> em.find(Bean.class, new BeanKey(3, "Liberica", 2f))).brand);
            EntityManager em = unit.emf().createEntityManager();
            try {
                em.getTransaction().begin();
                em.find(Bean.class, new BeanKey(3, "Liberica", 2f)).key.weight = 5f;
                assertThrows(RuntimeException.class, () -> em.getTransaction().commit(), "a key part is the key");
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
            assertEquals(1, TestUnit.sharedClient().scan(b -> b.tableName(unit.prefix() + "Bean")).count());
            assertEquals("new", unit.withEntityManager(em2 -> em2.find(Bean.class, new BeanKey(3, "Liberica", 2f))).brand);
        }
    }

    @Test
    void anIdClassRecordOfThreeFindsChangesAndMergesItsEntity() {
        try (TestUnit unit = TestUnit.of(Stop.class).build()) {
            unit.inTransaction(em -> {
                em.persist(new Stop("r1", 1, "Station", 10));
                em.persist(new Stop("r1", 1, "Harbour", 20));
                em.persist(new Stop("r1", 2, "Station", 30));
            });
            unit.inTransaction(em -> em.find(Stop.class, new StopKey("r1", 1, "Harbour")).passengers = 21);
            Stop detached = unit.withEntityManager(em -> em.find(Stop.class, new StopKey("r1", 2, "Station")));
            detached.passengers = 31;
            unit.inTransaction(em -> em.merge(detached));
            unit.withEntityManager(em -> {
                assertEquals(10, em.find(Stop.class, new StopKey("r1", 1, "Station")).passengers);
                assertEquals(21, em.find(Stop.class, new StopKey("r1", 1, "Harbour")).passengers);
                Stop s = em.find(Stop.class, new StopKey("r1", 2, "Station"));
                assertEquals(31, s.passengers);
                assertEquals(new StopKey("r1", 2, "Station"), em.getEntityManagerFactory().getPersistenceUnitUtil()
                        .getIdentifier(s));
                return null;
            });
            Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Stop")
                    .key(Map.of("route", AttributeValue.fromS("r1"), "day#stop_name", AttributeValue.fromS("2#Station"))))
                    .item();
            assertEquals("Station", item.get("stop_name").s());
        }
    }

    @Test
    void separatorsAndEscapesInsideStringPartsKeepKeysApart() {
        try (TestUnit unit = TestUnit.of(Stop.class).build()) {
            List<String> stops = List.of("a#b", "a", "b#", "\\#", "\\", "#", "a\\b");
            unit.inTransaction(em -> stops.forEach(s -> em.persist(new Stop("r", 7, s, s.length()))));
            unit.withEntityManager(em -> {
                for (String s : stops) {
                    Stop found = em.find(Stop.class, new StopKey("r", 7, s));
                    assertEquals(s, found.stop);
                    assertEquals(s.length(), found.passengers);
                }
                return null;
            });
            assertEquals(stops.size(), TestUnit.sharedClient().scan(b -> b.tableName(unit.prefix() + "Stop")).count());
        }
    }

    @Test
    void conditionsOnThePartsQueryThePartitionAndFilterTheRest() {
        try (TestUnit unit = TestUnit.of(Stop.class).property("jynamo.scan", "deny").build()) {
            unit.inTransaction(em -> {
                em.persist(new Stop("r1", 1, "Station", 10));
                em.persist(new Stop("r1", 1, "Harbour", 20));
                em.persist(new Stop("r1", 2, "Station", 30));
                em.persist(new Stop("r2", 2, "Station", 40));
            });
            unit.calls().reset();
            List<Integer> found = unit.withEntityManager(em -> em.createQuery("SELECT s.passengers FROM Stop s"
                            + " WHERE s.route = 'r1' AND s.stop = 'Station' ORDER BY s.day DESC", Integer.class)
                    .getResultList());
            assertEquals(List.of(30, 10), found);
            assertEquals(1, unit.calls().count("query"));
            assertEquals(1, unit.calls().total());
            List<String> byDay = unit.withEntityManager(em -> em.createQuery(
                    "SELECT s.stop FROM Stop s WHERE s.route = :r AND s.day = 1 ORDER BY s.stop", String.class)
                    .setParameter("r", "r1").getResultList());
            assertEquals(List.of("Harbour", "Station"), byDay);
            Stop one = unit.withEntityManager(em -> em.createQuery(
                    "SELECT s FROM Stop s WHERE s.route = 'r2' AND s.day = 2 AND s.stop = 'Station'", Stop.class)
                    .getSingleResult());
            assertEquals(40, one.passengers);
        }
    }

    @Test
    void anEntityParameterIsAKeyReadAndBulkStatementsWriteByTheJoinedKey() {
        try (TestUnit unit = TestUnit.of(Stop.class).property("jynamo.scan", "deny").build()) {
            unit.inTransaction(em -> {
                em.persist(new Stop("r1", 1, "Station", 10));
                em.persist(new Stop("r1", 2, "Harbour#1", 20));
                em.persist(new Stop("r2", 1, "Station", 30));
            });
            Stop station = unit.withEntityManager(em -> em.find(Stop.class, new StopKey("r1", 1, "Station")));
            Stop harbour = unit.withEntityManager(em -> em.find(Stop.class, new StopKey("r1", 2, "Harbour#1")));
            unit.calls().reset();
            List<Integer> byEntity = unit.withEntityManager(em -> em.createQuery(
                    "SELECT s.passengers FROM Stop s WHERE s = :a OR s = :b ORDER BY s.passengers", Integer.class)
                    .setParameter("a", station).setParameter("b", harbour).getResultList());
            assertEquals(List.of(10, 20), byEntity);
            assertEquals(0, unit.calls().count("query") + unit.calls().count("scan"), "read by key");
            int updated = unit.fromTransaction(em -> em.createQuery(
                    "UPDATE Stop s SET s.passengers = s.passengers + 1 WHERE s.route = 'r1'").executeUpdate());
            assertEquals(2, updated);
            assertEquals(21, unit.withEntityManager(em -> em.find(Stop.class, new StopKey("r1", 2, "Harbour#1"))).passengers);
            IllegalArgumentException setPart = assertThrows(IllegalArgumentException.class, () -> unit.inTransaction(em ->
                    em.createQuery("UPDATE Stop s SET s.day = 3 WHERE s.route = 'r1'").executeUpdate()));
            assertTrue(setPart.getMessage().contains("part of the primary key"), setPart.getMessage());
            int deleted = unit.fromTransaction(em -> em.createQuery(
                    "DELETE FROM Stop s WHERE s.route = 'r1' AND s.stop = 'Harbour#1'").executeUpdate());
            assertEquals(1, deleted);
            assertEquals(2, TestUnit.sharedClient().scan(b -> b.tableName(unit.prefix() + "Stop")).count());
            assertNull(unit.withEntityManager(em -> em.find(Stop.class, new StopKey("r1", 2, "Harbour#1"))));
        }
    }

    @Test
    void equalitiesOnTheFirstPartsAreAKeyConditionOnTheJoinedSortKey() {
        try (TestUnit unit = TestUnit.of(Stop.class).property("jynamo.scan", "deny").build()) {
            unit.inTransaction(em -> {
                em.persist(new Stop("r1", 1, "Station", 10));
                em.persist(new Stop("r1", 1, "Harbour#1", 20));
                em.persist(new Stop("r1", 11, "Station", 30));
                em.persist(new Stop("r1", 2, "Station", 40));
            });
            unit.calls().reset();
            List<Integer> dayOne = unit.withEntityManager(em -> em.createQuery(
                    "SELECT s.passengers FROM Stop s WHERE s.route = 'r1' AND s.day = :d ORDER BY s.passengers",
                    Integer.class).setParameter("d", 1).getResultList());
            assertEquals(List.of(10, 20), dayOne, "day 11 begins with '1' too, but not with '1#'");
            software.amazon.awssdk.services.dynamodb.model.QueryRequest q = unit.calls().<
                    software.amazon.awssdk.services.dynamodb.model.QueryRequest>requests("query").get(0);
            assertTrue(q.keyConditionExpression().contains("begins_with"), q.keyConditionExpression());
            assertNull(q.filterExpression(), "the day is in the key condition, not a filter");
            assertEquals(1, unit.calls().total());
            unit.calls().reset();
            Stop one = unit.withEntityManager(em -> em.createQuery(
                    "SELECT s FROM Stop s WHERE s.stop = :s AND s.route = :r AND s.day = 1", Stop.class)
                    .setParameter("s", "Harbour#1").setParameter("r", "r1").getSingleResult());
            assertEquals(20, one.passengers);
            assertEquals(1, unit.calls().count("getItem"), "every part fixed: the whole key");
            assertEquals(1, unit.calls().total());
        }
    }

    @Test
    void aConditionOnAnEmbeddedIdPartUsesItsPath() {
        try (TestUnit unit = TestUnit.of(Bean.class).build()) {
            unit.inTransaction(em -> {
                em.persist(new Bean(new BeanKey(1, "Arabica", 10f), "one"));
                em.persist(new Bean(new BeanKey(1, "Robusta", 10f), "two"));
                em.persist(new Bean(new BeanKey(2, "Arabica", 10f), "three"));
            });
            unit.calls().reset();
            List<String> brands = unit.withEntityManager(em -> em.createQuery(
                    "SELECT b.brand FROM Bean b WHERE b.key.number = 1 AND b.key.name = 'Robusta'", String.class)
                    .getResultList());
            assertEquals(List.of("two"), brands);
            software.amazon.awssdk.services.dynamodb.model.QueryRequest q = unit.calls().<
                    software.amazon.awssdk.services.dynamodb.model.QueryRequest>requests("query").get(0);
            assertTrue(q.keyConditionExpression().contains("begins_with"), q.keyConditionExpression());
        }
    }

    @Test
    void aReferenceToAnEntityWithAKeyOfThreeStoresAndLoadsItsKey() {
        try (TestUnit unit = TestUnit.of(Stop.class, Ticket.class).build()) {
            unit.inTransaction(em -> {
                Stop s = new Stop("r1", 3, "Harbour#2", 5);
                em.persist(s);
                Ticket t = new Ticket();
                t.id = "t1";
                t.boarding = s;
                em.persist(t);
            });
            unit.withEntityManager(em -> {
                Ticket t = em.find(Ticket.class, "t1");
                assertEquals(new StopKey("r1", 3, "Harbour#2"), em.getEntityManagerFactory().getPersistenceUnitUtil()
                        .getIdentifier(t.boarding));
                assertEquals(5, t.boarding.passengers);
                Stop reference = em.getReference(Stop.class, new StopKey("r1", 3, "Harbour#2"));
                assertSame(t.boarding, reference);
                return null;
            });
        }
    }

    @Entity
    public static class Transfer {
        @Id
        public String id;
        @ManyToOne
        @jakarta.persistence.JoinColumns({@jakarta.persistence.JoinColumn(name = "S", referencedColumnName = "stop_name"),
                @jakarta.persistence.JoinColumn(name = "R", referencedColumnName = "ROUTE"),
                @jakarta.persistence.JoinColumn(name = "D", referencedColumnName = "day")})
        public Stop at;
    }

    @Test
    void aReferenceDeclaringAJoinColumnPerPartStoresThePartitionKeyAndTheJoinedSortKey() {
        try (TestUnit unit = TestUnit.of(Stop.class, Transfer.class).build()) {
            unit.inTransaction(em -> {
                Stop s = new Stop("r1", 4, "Quay", 3);
                em.persist(s);
                Transfer t = new Transfer();
                t.id = "t";
                t.at = s;
                em.persist(t);
            });
            Map<String, AttributeValue> item = TestUnit.sharedClient().scan(b -> b.tableName(unit.prefix() + "Transfer"))
                    .items().get(0);
            assertEquals(Set.of("id", "R", "D#S"), item.keySet());
            assertEquals("4#Quay", item.get("D#S").s());
            assertEquals(3, (int) unit.withEntityManager(em -> em.find(Transfer.class, "t").at.passengers));
        }
    }

    @Test
    void theMetamodelShowsTheKeyAttributesAndNotTheJoinedSortKey() {
        try (TestUnit unit = TestUnit.of(Stop.class, Bean.class).build()) {
            EntityType<Stop> stop = unit.emf().getMetamodel().entity(Stop.class);
            assertFalse(stop.hasSingleIdAttribute());
            assertEquals(Set.of("route", "day", "stop"), stop.getIdClassAttributes().stream()
                    .map(SingularAttribute::getName).collect(Collectors.toSet()));
            assertEquals(Set.of("route", "day", "stop", "passengers"), stop.getAttributes().stream()
                    .map(a -> a.getName()).collect(Collectors.toSet()));
            EntityType<Bean> bean = unit.emf().getMetamodel().entity(Bean.class);
            assertTrue(bean.hasSingleIdAttribute());
            assertEquals(Set.of("key", "brand"), bean.getAttributes().stream().map(a -> a.getName())
                    .collect(Collectors.toSet()));
            assertEquals(Set.of("number", "name", "weight"), unit.emf().getMetamodel().embeddable(BeanKey.class)
                    .getAttributes().stream().map(a -> a.getName()).collect(Collectors.toSet()));
        }
    }

    @Test
    void aNullPartIsRefusedBeforeAnyCall() {
        try (TestUnit unit = TestUnit.of(Stop.class).build()) {
            unit.calls().reset();
            EntityManager em = unit.emf().createEntityManager();
            try {
                em.getTransaction().begin();
                Stop s = new Stop("r1", 1, null, 1);
                assertThrows(IllegalArgumentException.class, () -> {
                    em.persist(s);
                    em.flush();
                });
                IllegalArgumentException find = assertThrows(IllegalArgumentException.class,
                        () -> em.find(Stop.class, new StopKey("r1", null, "x")));
                assertTrue(find.getMessage().contains("null part"), find.getMessage());
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
            assertEquals(0, unit.calls().total());
        }
    }

    @Entity
    @IdClass(Unclear.Key.class)
    public static class Unclear {
        public record Key(String a, String b, String c) implements Serializable {
        }

        @Id
        public String a;
        @Id
        public String b;
        @Id
        @io.jynamo.annotations.SortKey
        public String c;
    }

    @Test
    void aPartitionKeyLeftUnclearByTheSortKeyMarksIsRefused() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestUnit.of(Unclear.class).build().close());
        assertTrue(e.getMessage().contains("[a, b]") && e.getMessage().contains("@SortKey"), e.getMessage());
    }
}
