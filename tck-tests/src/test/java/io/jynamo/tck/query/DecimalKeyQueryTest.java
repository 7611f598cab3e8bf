package io.jynamo.tck.query;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Decimal keys are matched by numeric value, as DynamoDB compares them, whatever scale the query writes. */
class DecimalKeyQueryTest {
    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Measure.class).build();
        unit.inTransaction(em -> {
            em.persist(new Measure("2.5", "two and a half"));
            em.persist(new Measure("3", "three"));
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static <R> R inEm(java.util.function.Function<EntityManager, R> work) {
        return unit.withEntityManager(work);
    }

    private static List<String> labels(List<Measure> ms) {
        return ms.stream().map(Measure::getLabel).toList();
    }

    @Test
    void inListOfKeysAtAnotherScaleFindsEveryItemInQueryOrder() {
        unit.calls().reset();
        List<Measure> found = inEm(em -> em.createQuery("SELECT m FROM Measure m WHERE m.id IN (3.0, 2.50)", Measure.class)
                .getResultList());
        assertEquals(List.of("three", "two and a half"), labels(found));
        assertEquals(1, unit.calls().count("batchGetItem"));
    }

    @Test
    void inParameterOfKeysAtAnotherScaleFindsEveryItem() {
        List<Measure> found = inEm(em -> em.createQuery("SELECT m FROM Measure m WHERE m.id IN :ids", Measure.class)
                .setParameter("ids", List.of(new BigDecimal("2.500"), new BigDecimal("3E0"), new BigDecimal("4.0")))
                .getResultList());
        assertEquals(List.of("two and a half", "three"), labels(found));
    }

    @Test
    void equalityOnAKeyAtAnotherScaleFindsTheItem() {
        assertEquals(List.of("three"), labels(inEm(em -> em.createQuery(
                "SELECT m FROM Measure m WHERE m.id = 3.00", Measure.class).getResultList())));
    }

    @Test
    void theSameKeyAtTwoScalesIsAskedForOnce() {
        unit.calls().reset();
        assertEquals(List.of("two and a half"), labels(inEm(em -> em.createQuery(
                "SELECT m FROM Measure m WHERE m.id IN (2.5, 2.50)", Measure.class).getResultList())));
        assertEquals(1, unit.calls().count("getItem"), "one key, so one GetItem");
        assertEquals(0, unit.calls().count("batchGetItem"));
    }

    @Test
    void countOfKeysAtAnotherScaleCountsThem() {
        assertEquals(Long.valueOf(2), inEm(em -> em.createQuery("SELECT COUNT(m) FROM Measure m WHERE m.id IN (2.50, 3.0)", Long.class)
                .getSingleResult()));
    }

    @Test
    void entitiesReadByAListOfKeysAreTheInstancesLaterReadsOfThoseKeysReturnWithoutACall() {
        unit.withEntityManager(em -> {
            for (int run = 0; run < 2; run++) { // the second plan is made from the first's template
                em.clear();
                unit.calls().reset();
                List<Measure> found = em.createQuery("SELECT m FROM Measure m WHERE m.id IN :ids", Measure.class)
                        .setParameter("ids", List.of(new BigDecimal("3.00"), new BigDecimal("9"), new BigDecimal("2.50")))
                        .getResultList();
                assertEquals(List.of("three", "two and a half"), labels(found));
                assertSame(found.get(1), em.find(Measure.class, new BigDecimal("2.5")));
                assertSame(found.get(0), em.find(Measure.class, new BigDecimal("3")));
                assertSame(found.get(1), em.createQuery("SELECT m FROM Measure m WHERE m.id IN :ids", Measure.class)
                        .setParameter("ids", List.of(new BigDecimal("2.5"), new BigDecimal("3"))).getResultList().get(0));
                assertEquals(1, unit.calls().log().size(), "one BatchGetItem, then the persistence context: " + unit.calls().log());
            }
            return null;
        });
    }
}
