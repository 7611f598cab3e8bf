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

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code SELECT DISTINCT} of attributes and computed items: each row once, de-duplicated in Java as it is read. */
class DistinctRowsTest {

    private static TestUnit unit;
    private static final String[] NAMES = {"b", "a", "b", "c", "a", "b", "c", "a", "d", "b"};

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Item.class).property("jynamo.client-side", "allow").build();
        unit.inTransaction(em -> {
            for (int seq = 0; seq < NAMES.length; seq++) {
                Item i = new Item("d", seq);
                i.setName(NAMES[seq]);
                i.setColor(seq % 3 == 0 ? null : "red");
                i.setPayload(new byte[] {(byte) (seq % 2)});
                em.persist(i);
            }
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static <T> List<T> rows(String jpql, Class<T> type, int first, int max) {
        return unit.withEntityManager(em -> em.createQuery(jpql, type).setFirstResult(first).setMaxResults(max)
                .getResultList());
    }

    @Test
    void eachValueOnceInTheOrderFirstRead() {
        unit.calls().reset();
        assertEquals(List.of("b", "a", "c", "d"),
                rows("SELECT DISTINCT i.name FROM Item i WHERE i.bucket = 'd'", String.class, 0, Integer.MAX_VALUE));
        assertEquals(1, unit.calls().count("query"));
        assertNull(unit.calls().<QueryRequest>requests("query").get(0).limit(), "rows may repeat: no Limit");
        assertEquals(List.of("a", "b", "c", "d"), rows("SELECT DISTINCT i.name FROM Item i WHERE i.bucket = 'd' ORDER BY i.name",
                String.class, 0, Integer.MAX_VALUE));
    }

    @Test
    void firstAndMaxResultsCountDistinctRows() {
        assertEquals(List.of("a", "c"),
                rows("SELECT DISTINCT i.name FROM Item i WHERE i.bucket = 'd'", String.class, 1, 2));
        assertEquals(List.of("d"),
                rows("SELECT DISTINCT i.name FROM Item i WHERE i.bucket = 'd' ORDER BY i.name DESC", String.class, 0, 1));
    }

    @Test
    void rowsOfSeveralItemsNullsAndArraysCompareByValue() {
        List<Object[]> pairs = rows("SELECT DISTINCT i.color, i.payload FROM Item i WHERE i.bucket = 'd'", Object[].class,
                0, Integer.MAX_VALUE);
        assertEquals(List.of("null 0", "red 1", "red 0", "null 1"), pairs.stream()
                .map(r -> r[0] + " " + ((byte[]) r[1])[0]).toList());
        List<Object> computed = rows("SELECT DISTINCT LENGTH(i.color) FROM Item i WHERE i.bucket = 'd'", Object.class,
                0, Integer.MAX_VALUE);
        assertEquals(Arrays.asList(null, 3), computed);
    }

    @Test
    void criteriaDistinctOfAttributesIsTheSame() {
        List<Tuple> rows = unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Tuple> q = cb.createTupleQuery();
            Root<Item> i = q.from(Item.class);
            q.multiselect(i.get("name"), i.get("color")).distinct(true).where(cb.equal(i.get("bucket"), "d"),
                    cb.isNotNull(i.get("color")));
            return em.createQuery(q).getResultList();
        });
        assertEquals(List.of("a red", "b red", "d red"), rows.stream().map(t -> t.get(0) + " " + t.get(1)).toList());
    }
}
