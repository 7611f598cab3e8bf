package io.jynamo.tck.query;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JPQL results built by NEW, tuples with result variables, and arrays (Spring Data's DTO and interface projections). */
class ProjectionTest {

    /** A DTO with a primitive parameter for a wrapper attribute. */
    public record Summary(int seq, String name) {
    }

    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Item.class).build();
        unit.inTransaction(em -> {
            for (int seq = 0; seq < 3; seq++) {
                Item i = new Item("p", seq);
                i.setName("n" + seq);
                em.persist(i);
            }
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @Test
    void newConstructsTheClassFromTheSelectedAttributes() {
        List<Summary> all = unit.withEntityManager(em -> em.createQuery(
                "SELECT NEW io.jynamo.tck.query.ProjectionTest.Summary(i.seq, i.name) FROM Item i WHERE i.bucket = 'p'"
                        + " ORDER BY i.seq", Summary.class).getResultList());
        assertEquals(List.of(new Summary(0, "n0"), new Summary(1, "n1"), new Summary(2, "n2")), all);
    }

    @Test
    void aClassWithoutAFittingConstructorOrUnknownIsRefusedWhenTheQueryIsCreated() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> unit.withEntityManager(em ->
                em.createQuery("SELECT NEW io.jynamo.tck.query.ProjectionTest.Summary(i.name) FROM Item i")));
        assertTrue(none.getMessage().contains("has no constructor taking [String]"), none.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> unit.withEntityManager(em ->
                em.createQuery("SELECT NEW com.example.Nope(i.name) FROM Item i")));
        assertTrue(unknown.getMessage().contains("com.example.Nope"), unknown.getMessage());
    }

    @Test
    void tuplesCarryTheResultVariablesAsAliases() {
        Tuple t = unit.withEntityManager(em -> em.createQuery(
                "SELECT i.name AS name, i.seq AS seq FROM Item i WHERE i.bucket = 'p' AND i.seq = 1", Tuple.class)
                .getSingleResult());
        assertEquals("n1", t.get("name"));
        assertEquals(1, t.get("seq", Integer.class));
        assertEquals(List.of("name", "seq"), t.getElements().stream().map(e -> e.getAlias()).toList());
    }

    @Test
    void anArrayResultOfOneAttributeIsAnArray() {
        Object[] row = unit.withEntityManager(em -> em.createQuery(
                "SELECT i.name FROM Item i WHERE i.bucket = 'p' AND i.seq = 2", Object[].class).getSingleResult());
        assertArrayEquals(new Object[] {"n2"}, row);
    }
}
