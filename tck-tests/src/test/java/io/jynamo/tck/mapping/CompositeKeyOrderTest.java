package io.jynamo.tck.mapping;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

import java.io.Serializable;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An ordinary JPA composite key without @SortKey: the first @Id partitions, the second sorts. */
class CompositeKeyOrderTest {

    public record LineKey(String invoice, Integer line) implements Serializable {
    }

    @Entity
    @IdClass(LineKey.class)
    public static class Line {
        @Id
        public String invoice;
        @Id
        public Integer line;
        public String text;

        public Line() {
        }

        Line(String invoice, int line, String text) {
            this.invoice = invoice;
            this.line = line;
            this.text = text;
        }
    }

    /** An id class of one attribute, as JPA allows: find takes it. */
    public static class TagId implements Serializable {
        public String name;

        public TagId() {
        }

        TagId(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TagId t && java.util.Objects.equals(t.name, name);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(name);
        }
    }

    @Entity
    @IdClass(TagId.class)
    public static class Tag {
        @Id
        public String name;
        public int uses;
    }

    @Test
    void anIdClassOfOneAttributeWrapsThePartitionKey() {
        try (TestUnit unit = TestUnit.of(Tag.class).build()) {
            unit.inTransaction(em -> {
                Tag t = new Tag();
                t.name = "java";
                t.uses = 3;
                em.persist(t);
            });
            unit.withEntityManager(em -> {
                Tag t = em.find(Tag.class, new TagId("java"));
                assertEquals(3, t.uses);
                assertEquals(new TagId("java"), em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(t));
                return null;
            });
        }
    }

    @Test
    void theFirstIdIsThePartitionKeyAndTheSecondTheSortKey() {
        try (TestUnit unit = TestUnit.of(Line.class).property("jynamo.scan", "deny").build()) {
            var keys = TestUnit.sharedClient().describeTable(b -> b.tableName(unit.prefix() + "Line")).table().keySchema();
            assertEquals("invoice", keys.stream().filter(k -> k.keyType() == KeyType.HASH).findFirst().orElseThrow().attributeName());
            assertEquals("line", keys.stream().filter(k -> k.keyType() == KeyType.RANGE).findFirst().orElseThrow().attributeName());
            unit.inTransaction(em -> {
                em.persist(new Line("i1", 2, "b"));
                em.persist(new Line("i1", 1, "a"));
            });
            assertEquals("a", unit.withEntityManager(em -> em.find(Line.class, new LineKey("i1", 1))).text);
            List<Integer> lines = unit.withEntityManager(em -> em.createQuery(
                    "SELECT l FROM Line l WHERE l.invoice = 'i1' ORDER BY l.line DESC", Line.class).getResultList())
                    .stream().map(l -> l.line).toList();
            assertEquals(List.of(2, 1), lines);
        }
    }

    @jakarta.persistence.Embeddable
    public static class ReadingId implements Serializable {
        public String sensor;
        public long at;

        public ReadingId() {
        }

        ReadingId(String sensor, long at) {
            this.sensor = sensor;
            this.at = at;
        }
    }

    @Entity
    public static class Reading {
        @jakarta.persistence.EmbeddedId
        public ReadingId id;
        public double value;
    }

    @Test
    void aConditionOnAnEmbeddedIdsPartsIsAKeyCondition() {
        try (TestUnit unit = TestUnit.of(Reading.class).property("jynamo.scan", "deny").build()) {
            unit.inTransaction(em -> {
                for (int i = 1; i <= 3; i++) {
                    Reading r = new Reading();
                    r.id = new ReadingId(i == 3 ? "s2" : "s1", i);
                    r.value = i;
                    em.persist(r);
                }
            });
            unit.calls().reset();
            List<Double> values = unit.withEntityManager(em -> em.createQuery(
                    "SELECT r.value FROM Reading r WHERE r.id.sensor = :s AND r.id.at >= 2", Double.class)
                    .setParameter("s", "s1").getResultList());
            assertEquals(List.of(2.0), values);
            software.amazon.awssdk.services.dynamodb.model.QueryRequest q = unit.calls().<
                    software.amazon.awssdk.services.dynamodb.model.QueryRequest>requests("query").get(0);
            assertEquals(1, unit.calls().total());
            org.junit.jupiter.api.Assertions.assertTrue(q.keyConditionExpression().contains(">="),
                    "both parts in the key condition: " + q.keyConditionExpression());
        }
    }
}
