package io.jynamo.tck.query;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An entity named Order, attributes named value/key/count and unqualified enum constants such as NEW, end to end. */
class KeywordNamesQueryTest {
    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Order.class).property("jynamo.scan", "allow").build();
        unit.inTransaction(em -> {
            em.persist(new Order("a", 1, "k1", Order.State.NEW));
            em.persist(new Order("b", 2, "k2", Order.State.OPEN));
            em.persist(new Order("c", 3, "k1", Order.State.ALL));
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static <R> R inEm(java.util.function.Function<EntityManager, R> work) {
        return unit.withEntityManager(work);
    }

    private static List<String> ids(String jpql) {
        return inEm(em -> em.createQuery(jpql, Order.class).getResultList().stream().map(Order::getId).sorted().toList());
    }

    @Test
    void anEntityNamedOrderIsQueried() {
        assertEquals(List.of("a", "c"), ids("SELECT o FROM Order o WHERE o.key = 'k1'"));
        assertEquals(List.of("b"), ids("SELECT order FROM Order AS order WHERE order.value = 2 AND order.count = 2"));
    }

    @Test
    void unqualifiedEnumConstantsNamedLikeKeywordsMatchTheEnumAttribute() {
        assertEquals(List.of("a"), ids("SELECT o FROM Order o WHERE o.state = NEW"));
        assertEquals(List.of("a", "b"), ids("SELECT o FROM Order o WHERE o.state IN (NEW, OPEN)"));
        assertEquals(List.of("b"), ids("SELECT o FROM Order o WHERE o.state NOT IN (NEW, ALL)"));
        assertEquals(List.of("c"), ids("SELECT o FROM Order o WHERE o.state = " + Order.State.class.getCanonicalName() + ".ALL"));
    }

    @Test
    void bulkUpdateOfAnEntityNamedOrder() {
        int n = unit.fromTransaction(em -> em.createQuery("UPDATE Order o SET o.key = 'k9' WHERE o.id = 'zzz' AND o.state = NEW")
                .executeUpdate());
        assertEquals(0, n);
    }
}
