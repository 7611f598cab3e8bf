package io.jynamo.tck.proxy;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceUnitUtil;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JPA 3.2 section 3.2.8 and {@code EntityManager.getReference}: a lazy reference loads on first use. */
class LazyReferenceTest {

    @Test
    void referenceLoadsOnceOnFirstNonKeyAccess() {
        try (TestUnit unit = TestUnit.of(Book.class).build()) {
            unit.inTransaction(em -> em.persist(new Book("1", "Dune", 412)));
            unit.calls().reset();
            PersistenceUnitUtil util = unit.emf().getPersistenceUnitUtil();
            unit.inTransaction(em -> {
                Book ref = em.getReference(Book.class, "1");
                assertEquals("1", ref.getIsbn());
                assertEquals(0, unit.calls().total());
                assertFalse(util.isLoaded(ref));
                assertFalse(Persistence.getPersistenceUtil().isLoaded(ref));
                assertTrue(util.isLoaded(ref, "isbn"));
                assertFalse(util.isLoaded(ref, "title"));

                assertEquals("Dune", ref.getTitle());
                assertEquals(1, unit.calls().count("getItem"));
                assertTrue(util.isLoaded(ref));
                assertTrue(Persistence.getPersistenceUtil().isLoaded(ref));
                assertEquals(412, ref.getPages());
                assertEquals(1, unit.calls().total());
            });
            assertEquals(0, unit.calls().count("batchWriteItem"));
        }
    }

    @Test
    void referenceOfAMissingKeyThrowsOnFirstAccess() {
        try (TestUnit unit = TestUnit.of(Book.class).build()) {
            EntityManager em = unit.emf().createEntityManager();
            try {
                Book ref = em.getReference(Book.class, "missing");
                assertEquals(0, unit.calls().total());
                assertThrows(EntityNotFoundException.class, ref::getTitle);
                assertEquals(1, unit.calls().count("getItem"));
                assertFalse(unit.emf().getPersistenceUnitUtil().isLoaded(ref));
            } finally {
                em.close();
            }
        }
    }

    @Test
    void removeOfAReferenceWritesOneDeleteAndReadsNothing() {
        try (TestUnit unit = TestUnit.of(Book.class).build()) {
            unit.inTransaction(em -> em.persist(new Book("1", "Dune", 412)));
            unit.calls().reset();
            unit.inTransaction(em -> em.remove(em.getReference(Book.class, "1")));
            assertEquals(1, unit.calls().count("batchWriteItem"));
            assertEquals(0, unit.calls().count("getItem"));
            assertEquals(1, unit.calls().batchWrites());
            assertNull(unit.fromTransaction(em -> em.find(Book.class, "1")));
        }
    }

    @Test
    void findAfterGetReferenceReadsOnceAndReturnsTheSameInstance() {
        try (TestUnit unit = TestUnit.of(Gauge.class).build()) {
            unit.inTransaction(em -> em.persist(new Gauge("g", 7, "seven")));
            unit.calls().reset();
            unit.inTransaction(em -> {
                Gauge ref = em.getReference(Gauge.class, "g");
                Gauge found = em.find(Gauge.class, "g");
                assertSame(ref, found);
                assertEquals(7, ref.getReading());
                assertEquals(1, unit.calls().count("getItem"));
            });
            assertEquals(1, unit.calls().total());
        }
    }

    @Test
    void changeThroughAReferenceLoadsItThenIsWritten() {
        try (TestUnit unit = TestUnit.of(Gauge.class).build()) {
            unit.inTransaction(em -> em.persist(new Gauge("g", 7, "seven")));
            unit.calls().reset();
            unit.inTransaction(em -> em.getReference(Gauge.class, "g").setReading(8));
            assertEquals(1, unit.calls().count("getItem"));
            assertEquals(1, unit.calls().batchWrites());
            Gauge g = unit.fromTransaction(em -> em.find(Gauge.class, "g"));
            assertEquals(8, g.getReading());
            assertEquals("seven", g.getLabel());
        }
    }

    @Test
    void equalsOnAReferenceLoadsIt() {
        try (TestUnit unit = TestUnit.of(Book.class).build()) {
            unit.inTransaction(em -> em.persist(new Book("1", "Dune", 412)));
            unit.calls().reset();
            unit.inTransaction(em -> {
                Book ref = em.getReference(Book.class, "1");
                Book plain = new Book("1", "x", 0);
                // The plain instance's equals reads only the key getter: no load.
                assertTrue(plain.equals(ref));
                assertEquals(0, unit.calls().total());
                // The reference's own equals is the entity's, and runs on loaded state.
                assertTrue(ref.equals(plain));
                assertEquals(1, unit.calls().count("getItem"));
                assertEquals("Book<1:Dune>", ref.toString());
            });
        }
    }
}
