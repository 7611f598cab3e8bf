package io.jynamo.tck.query;

import io.jynamo.JynamoException;
import io.jynamo.internal.em.EntityManagerFactoryImpl;
import io.jynamo.tck.support.Logs;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.util.List;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What DynamoDB cannot evaluate, Jynamo runs in Java after the read under {@code jynamo.client-side}: ORDER BY
 * any attribute (sorted in memory, then paged), LOWER/UPPER of attributes; no Limit is sent for such reads.
 */
class ClientSideQueryTest {

    @Entity
    @Table(indexes = @Index(name = "byCity", columnList = "city"))
    public static class Shopper {
        @Id
        public String id;
        public String city;
        public String name;
        public Integer age;

        public Shopper() {
        }

        Shopper(String id, String city, String name, Integer age) {
            this.id = id;
            this.city = city;
            this.name = name;
            this.age = age;
        }
    }

    private static TestUnit unit(String policy) {
        TestUnit unit = TestUnit.of(Shopper.class).property("jynamo.scan", "allow")
                .property("jynamo.client-side", policy).build();
        unit.inTransaction(em -> {
            em.persist(new Shopper("s1", "Rome", "Ann", 40));
            em.persist(new Shopper("s2", "Rome", "bob", null));
            em.persist(new Shopper("s3", "Oslo", "ANN", 25));
            em.persist(new Shopper("s4", "Rome", "Cid", 25));
            em.persist(new Shopper("s5", "Rome", null, 31));
        });
        unit.calls().reset();
        return unit;
    }

    private static List<String> ids(EntityManager em, String jpql) {
        return em.createQuery(jpql, Shopper.class).getResultList().stream().map(s -> s.id).toList();
    }

    @Test
    void orderByANonKeyAttributeOverAScanSortsInMemoryWithNullsAsTheGreatestValue() {
        try (TestUnit unit = unit("allow")) {
            assertEquals(List.of("s3", "s4", "s5", "s1", "s2"),
                    unit.withEntityManager(em -> ids(em, "SELECT s FROM Shopper s ORDER BY s.age, s.id")));
            assertEquals(List.of("s2", "s1", "s5", "s4", "s3"),
                    unit.withEntityManager(em -> ids(em, "SELECT s FROM Shopper s ORDER BY s.age DESC, s.id DESC")));
            assertEquals(List.of("s2", "s3", "s4", "s5", "s1"),
                    unit.withEntityManager(em -> ids(em, "SELECT s FROM Shopper s ORDER BY s.age NULLS FIRST, s.id")));
            for (ScanRequest r : unit.calls().<ScanRequest>requests("scan")) {
                assertNull(r.limit(), "every matching item is read before sorting");
            }
        }
    }

    @Test
    void orderByOverAQueryIsPagedAfterTheSort() {
        try (TestUnit unit = unit("allow")) {
            List<String> page = unit.withEntityManager(em -> em.createQuery(
                    "SELECT s FROM Shopper s WHERE s.city = 'Rome' ORDER BY s.age DESC", Shopper.class)
                    .setFirstResult(1).setMaxResults(2).getResultList().stream().map(s -> s.id).toList());
            assertEquals(List.of("s1", "s5"), page, "s2 (NULL age) first descending, then 40, 31; 25 is on the next page");
            assertEquals(0, unit.calls().count("scan"));
            List<QueryRequest> queries = unit.calls().requests("query");
            assertEquals("byCity", queries.get(0).indexName());
            assertNull(queries.get(0).limit(), "maxResults 2 must not become Limit 3 before the sort");
            List<String> names = unit.withEntityManager(em -> em.createQuery(
                    "SELECT s.name FROM Shopper s WHERE s.city = 'Rome' ORDER BY s.age", String.class).getResultList());
            assertEquals(java.util.Arrays.asList("Cid", null, "Ann", "bob"), names, "projected, ordered by an attribute not selected");
        }
    }

    @Test
    void criteriaOrderingBySeveralAttributesSortsInMemory() {
        try (TestUnit unit = unit("allow")) {
            List<String> ids = unit.withEntityManager(em -> {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<Shopper> q = cb.createQuery(Shopper.class);
                Root<Shopper> s = q.from(Shopper.class);
                q.select(s).orderBy(cb.asc(s.get("city")), cb.desc(s.get("age")));
                return em.createQuery(q).getResultList().stream().map(x -> x.id).toList();
            });
            assertEquals(List.of("s3", "s2", "s1", "s5", "s4"), ids);
        }
    }

    @Test
    void upperOfAnAttributeComparesIgnoringCaseInJavaAndMaxResultsStaysCorrect() {
        try (TestUnit unit = unit("allow")) {
            assertEquals(List.of("s1", "s3"), unit.withEntityManager(em -> em.createQuery(
                    "SELECT s FROM Shopper s WHERE UPPER(s.name) = UPPER(:n) ORDER BY s.id", Shopper.class)
                    .setParameter("n", "aNn").getResultList().stream().map(s -> s.id).toList()));
            // Query on the index, the city in the key condition, the case-insensitive part in Java; one row wanted.
            unit.calls().reset();
            List<Shopper> one = unit.withEntityManager(em -> em.createQuery(
                    "SELECT s FROM Shopper s WHERE s.city = 'Rome' AND LOWER(s.name) = 'cid'", Shopper.class)
                    .setMaxResults(1).getResultList());
            assertEquals("s4", one.get(0).id);
            QueryRequest q = unit.calls().<QueryRequest>requests("query").get(0);
            assertNull(q.limit(), "rows are dropped after the read: a Limit could miss s4");
            long count = unit.withEntityManager(em -> em.createQuery(
                    "SELECT COUNT(s) FROM Shopper s WHERE UPPER(s.name) = 'ANN'", Long.class).getSingleResult());
            assertEquals(2, count);
            List<String> containing = unit.withEntityManager(em -> em.createQuery(
                    "SELECT s FROM Shopper s WHERE UPPER(s.name) LIKE UPPER(:p) ESCAPE '\\' ORDER BY s.id", Shopper.class)
                    .setParameter("p", "%N%").getResultList().stream().map(s -> s.id).toList());
            assertEquals(List.of("s1", "s3"), containing, "Spring Data's ContainingIgnoreCase");
            List<String> notAnn = unit.withEntityManager(em -> ids(em,
                    "SELECT s FROM Shopper s WHERE NOT (UPPER(s.name) = 'ANN') ORDER BY s.id"));
            assertEquals(List.of("s2", "s4"), notAnn, "a NULL name is UNKNOWN, also under NOT");
        }
    }

    @Test
    void functionsAndArithmeticOfAttributesRunInJavaWithNullsUnknown() {
        try (TestUnit unit = unit("allow")) {
            assertEquals(List.of("s1", "s2", "s3", "s4"), unit.withEntityManager(em -> ids(em,
                    "SELECT s FROM Shopper s WHERE LENGTH(s.name) = 3 ORDER BY s.id")));
            assertEquals(List.of("s1", "s5"), unit.withEntityManager(em -> em.createQuery(
                    "SELECT s FROM Shopper s WHERE s.city = 'Rome' AND ((s.age * 2) - :d > 50) ORDER BY s.id", Shopper.class)
                    .setParameter("d", 1).getResultList().stream().map(s -> s.id).toList()),
                    "s2 has no age: NULL * 2 is NULL, the comparison UNKNOWN");
            assertEquals(List.of("s3", "s4"), unit.withEntityManager(em -> ids(em,
                    "SELECT s FROM Shopper s WHERE MOD(s.age, 5) = 0 AND SUBSTRING(CONCAT(s.city, s.name), 2, 2) <> 'om' "
                            + "OR s.age = 25 ORDER BY s.id")));
            assertEquals(List.of("s4"), unit.withEntityManager(em -> ids(em,
                    "SELECT s FROM Shopper s WHERE LOCATE('d', LOWER(s.name)) = 3 AND TRIM(TRAILING 'd' FROM s.name) = 'Ci'")));
            long count = unit.withEntityManager(em -> em.createQuery(
                    "SELECT COUNT(s) FROM Shopper s WHERE ABS(s.age - 30) < 6 OR LENGTH(s.name) IS NULL", Long.class)
                    .getSingleResult());
            assertEquals(3, count, "s3 and s4 (25), s5 (31, and no name)");
            assertEquals(List.of("s2", "s5"), unit.withEntityManager(em -> ids(em,
                    "SELECT s FROM Shopper s WHERE CASE WHEN s.age IS NULL THEN 'young' WHEN s.age > 30 THEN s.city "
                            + "ELSE 'old' END IN ('young', 'Rome') AND s.name IS NULL OR s.id = 's2' ORDER BY s.id")));
        }
    }

    @Test
    void likePatternsDynamoDbCannotEvaluateMatchInJavaAfterTheKeyedRead() {
        try (TestUnit unit = unit("allow")) {
            assertEquals(List.of("s4"), unit.withEntityManager(em -> ids(em,
                    "SELECT s FROM Shopper s WHERE s.city = 'Rome' AND s.name LIKE '%d'")));
            assertEquals(1, unit.calls().count("query"), "the city is still the Query of byCity");
            assertEquals(0, unit.calls().count("scan"));
            assertEquals(List.of("s1", "s4"), unit.withEntityManager(em -> em.createQuery(
                    "SELECT s FROM Shopper s WHERE s.city = 'Rome' AND s.name NOT LIKE :p ORDER BY s.id", Shopper.class)
                    .setParameter("p", "_ob").getResultList().stream().map(s -> s.id).toList()),
                    "bob matches; s5 has no name: UNKNOWN under NOT too");
            List<String> criteria = unit.withEntityManager(em -> {
                var cb = em.getCriteriaBuilder();
                var q = cb.createQuery(Shopper.class);
                var s = q.from(Shopper.class);
                q.where(cb.like(s.get("name"), "%N_"), cb.equal(s.get("city"), "Oslo"));
                return em.createQuery(q).getResultList().stream().map(x -> x.id).toList();
            });
            assertEquals(List.of("s3"), criteria);
        }
        try (TestUnit unit = unit("deny")) {
            var e = assertThrows(JynamoException.class, () -> unit.withEntityManager(
                    em -> ids(em, "SELECT s FROM Shopper s WHERE s.city = 'Rome' AND s.name LIKE '%d'")));
            assertTrue(e.getMessage().contains("filter s.name LIKE '%d'"), e.getMessage());
            assertEquals(0, unit.calls().total());
        }
    }

    @Test
    void denyRefusesBeforeAnyCallNamingWhatWouldRunInJavaAndTheHintOverridesIt() {
        try (TestUnit unit = unit("deny")) {
            var e = assertThrows(JynamoException.class, () -> unit.withEntityManager(
                    em -> ids(em, "SELECT s FROM Shopper s WHERE UPPER(s.name) = 'ANN' ORDER BY s.age")));
            assertTrue(e.getMessage().contains("filter UPPER(s.name) = 'ANN'; sort by s.age ASC NULLS LAST"), e.getMessage());
            assertTrue(e.getMessage().contains("jynamo.client-side=deny"), e.getMessage());
            assertEquals(0, unit.calls().total());
            List<String> allowed = unit.withEntityManager(em -> em.createQuery(
                    "SELECT s FROM Shopper s ORDER BY s.age", Shopper.class).setHint("jynamo.client-side", "allow")
                    .getResultList().stream().map(s -> s.id).toList());
            assertEquals(5, allowed.size());
            // What DynamoDB orders itself is not client-side work.
            unit.withEntityManager(em -> ids(em, "SELECT s FROM Shopper s WHERE s.city = 'Rome'"));
        }
    }

    @Test
    void warnLogsOncePerQueryString() {
        try (TestUnit unit = unit("warn")) {
            List<LogRecord> records = Logs.during(EntityManagerFactoryImpl.class.getName(), () -> unit.withEntityManager(em -> {
                ids(em, "SELECT s FROM Shopper s ORDER BY s.name");
                ids(em, "SELECT s FROM Shopper s ORDER BY s.name");
                ids(em, "SELECT s FROM Shopper s WHERE s.city = 'Rome' AND UPPER(s.name) = 'ANN'");
                ids(em, "SELECT s FROM Shopper s WHERE s.city = 'Rome'");
                return null;
            }));
            List<String> warned = records.stream().map(LogRecord::getMessage).filter(m -> m.contains("runs in Java")).toList();
            assertEquals(2, warned.size(), warned.toString());
            assertTrue(warned.get(0).contains("sort by s.name ASC NULLS LAST"), warned.get(0));
        }
    }

    @Test
    void sortingMoreRowsThanTheBoundFailsWhileFilteringStreams() {
        try (TestUnit unit = TestUnit.of(Shopper.class).property("jynamo.scan", "allow")
                .property("jynamo.client-side", "allow").property("jynamo.client-side.max-rows", "3").build()) {
            unit.inTransaction(em -> {
                for (int i = 0; i < 5; i++) {
                    em.persist(new Shopper("s" + i, "Rome", "n" + i, i));
                }
            });
            var e = assertThrows(JynamoException.class,
                    () -> unit.withEntityManager(em -> ids(em, "SELECT s FROM Shopper s ORDER BY s.name DESC")));
            assertTrue(e.getMessage().contains("more than 3 items match (jynamo.client-side.max-rows)"), e.getMessage());
            assertEquals(5, unit.withEntityManager(em -> ids(em, "SELECT s FROM Shopper s WHERE UPPER(s.name) LIKE 'N%'")).size(),
                    "a filter in Java holds no rows");
            assertEquals(List.of("s4", "s3", "s2", "s1", "s0"), unit.withEntityManager(em -> em.createQuery(
                    "SELECT s FROM Shopper s ORDER BY s.name DESC", Shopper.class)
                    .setHint("jynamo.client-side.max-rows", 5).getResultList().stream().map(s -> s.id).toList()));
        }
    }
}
