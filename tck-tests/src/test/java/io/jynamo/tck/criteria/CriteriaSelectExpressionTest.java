package io.jynamo.tck.criteria;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.LocalDateField;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Criteria selections and conditions computed in Java (cb.sum, cb.length, cb.concat, cb.sqrt, cb.extract,
 * cb.coalesce, cb.nullif, cb.selectCase, cb.toInteger ...), lowered to the same statement as JPQL.
 */
class CriteriaSelectExpressionTest {

    @Entity
    public static class Stock {
        @Id
        public String id;
        public String name;
        public Integer quantity;
        public Integer reserved;
        public Double price;
        public String note;
        public LocalDate since;

        public Stock() {
        }

        Stock(String id, String name, Integer quantity, Integer reserved, Double price, LocalDate since) {
            this.id = id;
            this.name = name;
            this.quantity = quantity;
            this.reserved = reserved;
            this.price = price;
            this.since = since;
        }
    }

    private static TestUnit unit;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(Stock.class).property("jynamo.scan", "allow").property("jynamo.client-side", "allow").build();
        unit.inTransaction(em -> {
            em.persist(new Stock("s1", "bolt", 10, 3, 16.0, LocalDate.of(2020, 3, 1)));
            em.persist(new Stock("s2", "nut", 4, null, 2.25, LocalDate.of(2023, 11, 5)));
        });
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    /** The single value selected for s1. */
    private static <T> Object select(Class<T> type, BiFunction<CriteriaBuilder, Root<Stock>, jakarta.persistence.criteria.Expression<T>> item) {
        return unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<T> q = cb.createQuery(type);
            Root<Stock> s = q.from(Stock.class);
            q.select(item.apply(cb, s)).where(cb.equal(s.get("id"), "s1"));
            return em.createQuery(q).getSingleResult();
        });
    }

    @Test
    void computedSelectionsHaveJpqlTypesAndValues() {
        assertEquals(13, select(Integer.class, (cb, s) -> cb.sum(s.get("quantity"), s.<Integer>get("reserved"))));
        assertEquals(30, select(Integer.class, (cb, s) -> cb.prod(s.get("quantity"), 3)));
        // Arithmetic is of the widest operand's type, a value's too (JPA 4.8.6)
        assertEquals(100.0f, select(Number.class, (cb, s) -> cb.prod(s.<Number>get("quantity"), 10f)));
        assertEquals(12L, select(Number.class, (cb, s) -> cb.sum(2L, s.<Number>get("quantity"))));
        assertEquals(26.0, select(Number.class, (cb, s) -> cb.sum(s.<Number>get("quantity"), s.<Number>get("price"))));
        assertEquals(4, select(Integer.class, (cb, s) -> cb.length(s.get("name"))));
        assertEquals("bolt!", select(String.class, (cb, s) -> cb.concat(s.get("name"), "!")));
        assertEquals(4.0, select(Double.class, (cb, s) -> cb.sqrt(s.get("price"))));
        assertEquals(256.0, select(Double.class, (cb, s) -> cb.power(s.get("price"), 2)));
        assertEquals(2020, select(Integer.class, (cb, s) -> cb.extract(LocalDateField.YEAR, s.get("since"))));
        assertEquals("none", select(String.class, (cb, s) -> cb.coalesce(s.get("note"), "none")));
        assertEquals("none", select(String.class, (cb, s) -> cb.<String>coalesce().value(s.get("note")).value("none")));
        assertEquals(null, select(Integer.class, (cb, s) -> cb.nullif(s.get("quantity"), 10)));
        assertEquals("Bol", select(String.class, (cb, s) -> cb.left(cb.replace(s.get("name"), "b", "B"), 3)));
        assertEquals(16, select(Integer.class, (cb, s) -> cb.toInteger(s.get("price"))));
        assertEquals("many", select(String.class, (cb, s) -> cb.<String>selectCase()
                .when(cb.gt(s.get("quantity"), 5), "many").otherwise("few")));
        assertEquals(1, select(Integer.class, (cb, s) -> cb.<String, Integer>selectCase(s.get("name"))
                .when("bolt", 1).when("nut", 2).otherwise(0)));
        assertEquals("always", select(String.class, (cb, s) -> cb.<String>selectCase()
                .when(cb.disjunction(), "never").when(cb.conjunction(), "always").otherwise("else")));
        assertEquals(10L, select(Long.class, (cb, s) -> s.<Integer>get("quantity").cast(Long.class)));
        assertEquals("10", select(String.class, (cb, s) -> s.get("quantity").as(String.class)));
        assertInstanceOf(java.sql.Date.class, select(java.sql.Date.class, (cb, s) -> cb.currentDate()));
        assertEquals(LocalDate.now(), select(LocalDate.class, (cb, s) -> cb.localDate()));
    }

    @Test
    void tuplesMixAttributesAndComputedValues() {
        List<Tuple> rows = unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Tuple> q = cb.createTupleQuery();
            Root<Stock> s = q.from(Stock.class);
            q.multiselect(s.get("id").alias("id"), cb.diff(s.<Integer>get("quantity"), s.get("reserved")).alias("free"));
            return em.createQuery(q).getResultList();
        });
        assertEquals(2, rows.size());
        for (Tuple t : rows) {
            assertEquals(t.get("id").equals("s1") ? Integer.valueOf(7) : null, t.get("free"));
        }
    }

    @Test
    void computedConditionsFilterInJava() {
        List<String> ids = unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<String> q = cb.createQuery(String.class);
            Root<Stock> s = q.from(Stock.class);
            q.select(s.get("id")).where(cb.equal(cb.extract(LocalDateField.MONTH, s.get("since")), 11),
                    cb.lessThan(cb.sqrt(s.get("price")), 2.0));
            return em.createQuery(q).getResultList();
        });
        assertEquals(List.of("s2"), ids);
    }

    @Test
    void orderingByAComputedValueSortsInJava() {
        List<String> ids = unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<String> q = cb.createQuery(String.class);
            Root<Stock> s = q.from(Stock.class);
            q.select(s.get("id")).orderBy(cb.desc(cb.prod(s.<Double>get("price"), s.<Integer>get("quantity"))),
                    cb.asc(cb.length(s.get("name"))));
            return em.createQuery(q).getResultList();
        });
        assertEquals(List.of("s1", "s2"), ids, "160.0 before 9.0");
    }
}
