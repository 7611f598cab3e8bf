package io.jynamo.tck.query;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SUM, AVG, MIN, MAX and COUNT as select items (without GROUP BY): computed in Java over the rows the query reads,
 * of JPQL's result types, NULLs skipped, one row even when nothing matches.
 */
class AggregatesTest {

    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Item.class).build();
        unit.inTransaction(em -> {
            for (int seq = 0; seq < 5; seq++) {
                Item i = new Item("agg", seq);
                i.setQty(seq == 4 ? null : seq * 10);          // 0, 10, 20, 30, NULL
                i.setPrice(new BigDecimal(seq + ".25"));
                i.setName("n" + (5 - seq));                      // n5 .. n1
                em.persist(i);
            }
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static Object single(String jpql) {
        return unit.withEntityManager(em -> em.createQuery(jpql).getSingleResult());
    }

    @Test
    void eachAggregateHasJpqlsTypeAndSkipsNulls() {
        unit.calls().reset();
        assertEquals(60L, single("SELECT SUM(i.qty) FROM Item i WHERE i.bucket = 'agg'"), "SUM of Integer is a Long");
        assertEquals(1, unit.calls().count("query"));
        assertNull(unit.calls().<QueryRequest>requests("query").get(0).limit(), "every row is read");
        assertEquals(15.0, single("SELECT AVG(i.qty) FROM Item i WHERE i.bucket = 'agg'"), "AVG is a Double, NULL skipped");
        assertEquals(new BigDecimal("11.25"), single("SELECT SUM(i.price) FROM Item i WHERE i.bucket = 'agg'"));
        assertEquals(30, single("SELECT MAX(i.qty) FROM Item i WHERE i.bucket = 'agg'"));
        assertEquals("n1", single("SELECT MIN(i.name) FROM Item i WHERE i.bucket = 'agg'"));
        assertEquals(4L, single("SELECT COUNT(i.qty) FROM Item i WHERE i.bucket = 'agg' AND i.seq >= 0"));
        Object[] row = (Object[]) single("SELECT MIN(i.seq), MAX(i.seq), COUNT(i), SUM(i.qty * 2) FROM Item i WHERE i.bucket = 'agg'");
        assertArrayEquals(new Object[] {0, 4, 5L, 120L}, row);
    }

    @Test
    void distinctAggregatesTakeEachValueOnce() {
        assertEquals(2L, single("SELECT COUNT(DISTINCT MOD(i.seq, 2)) FROM Item i WHERE i.bucket = 'agg'"));
        assertEquals(1L, single("SELECT COUNT(DISTINCT i.bucket) FROM Item i WHERE i.bucket = 'agg'"));
        assertEquals(4L, single("SELECT COUNT(DISTINCT i.qty) FROM Item i WHERE i.bucket = 'agg'"), "NULL is not a value");
        Object[] row = (Object[]) single("SELECT SUM(DISTINCT MOD(i.seq, 2)), AVG(DISTINCT MOD(i.seq, 2)), COUNT(i) "
                + "FROM Item i WHERE i.bucket = 'agg'");
        assertArrayEquals(new Object[] {1L, 0.5, 5L}, row);
        long criteria = unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> q = cb.createQuery(Long.class);
            Root<Item> i = q.from(Item.class);
            q.select(cb.countDistinct(i.get("bucket"))).where(cb.equal(i.get("bucket"), "agg"));
            return em.createQuery(q).getSingleResult();
        });
        assertEquals(1L, criteria);
    }

    @Test
    void noRowIsOneResultOfNullsAndAZeroCount() {
        Object[] row = (Object[]) single("SELECT SUM(i.qty), MAX(i.name), COUNT(i) FROM Item i WHERE i.bucket = 'none'");
        assertArrayEquals(new Object[] {null, null, 0L}, row);
        assertNull(single("SELECT AVG(i.qty) FROM Item i WHERE i.bucket = 'agg' AND i.seq = 4"));
        assertEquals(List.of(), unit.withEntityManager(em -> em.createQuery(
                "SELECT SUM(i.qty) FROM Item i WHERE i.bucket = 'agg'").setFirstResult(1).getResultList()));
    }

    @Test
    void anAggregateBesideAPlainItemIsRefusedWithoutGroupBy() {
        var e = assertThrows(IllegalArgumentException.class, () -> unit.withEntityManager(em -> em.createQuery(
                "SELECT i.name, SUM(i.qty) FROM Item i")));
        assertTrue(e.getMessage().contains("has only aggregates"), e.getMessage());
    }

    @Test
    void criteriaAggregatesAreTheSame() {
        Tuple t = unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Tuple> q = cb.createTupleQuery();
            Root<Item> i = q.from(Item.class);
            q.multiselect(cb.sum(i.<Integer>get("qty")), cb.avg(i.<Integer>get("qty")), cb.max(i.<Integer>get("qty")),
                    cb.least(i.<String>get("name")), cb.count(i), cb.sumAsLong(i.<Integer>get("qty")))
                    .where(cb.equal(i.get("bucket"), "agg"));
            return em.createQuery(q).getSingleResult();
        });
        assertEquals(60, t.get(0), "Criteria's sum(Expression<Integer>) is an Integer, as its signature says");
        assertEquals(15.0, t.get(1));
        assertEquals(30, t.get(2));
        assertEquals("n1", t.get(3));
        assertEquals(5L, t.get(4));
        assertEquals(60L, t.get(5));
    }
}
