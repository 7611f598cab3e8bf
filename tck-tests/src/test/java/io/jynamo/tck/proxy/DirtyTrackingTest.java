package io.jynamo.tck.proxy;

import io.jynamo.tck.support.TestUnit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JPA 3.2 section 3.2.4 (synchronization to the database): only changed entities are written. Jynamo's
 * proxies record their changes, so untouched entities are skipped without comparing anything.
 */
class DirtyTrackingTest {

    private static final int MANY = 1_000;

    private static void persistGauges(TestUnit unit) {
        unit.inTransaction(em -> {
            for (int i = 0; i < MANY; i++) {
                em.persist(new Gauge("g" + i, i, "label " + i));
            }
        });
        unit.calls().reset();
    }

    @Test
    void changingTenOfAThousandLoadedEntitiesWritesTenItems() {
        try (TestUnit unit = TestUnit.of(Gauge.class).build()) {
            persistGauges(unit);
            unit.inTransaction(em -> {
                List<Gauge> all = em.createQuery("SELECT g FROM Gauge g", Gauge.class).getResultList();
                assertEquals(MANY, all.size());
                for (int i = 0; i < 10; i++) {
                    all.get(i * 97).setReading(-1);
                }
            });
            assertEquals(10, unit.calls().batchWrites());
            assertEquals(1, unit.calls().count("batchWriteItem"));
            long changed = unit.fromTransaction(em -> em.createQuery("SELECT g FROM Gauge g", Gauge.class)
                    .getResultStream().filter(g -> g.getReading() == -1).count());
            assertEquals(10, changed);
        }
    }

    @Test
    void loadingAThousandEntitiesAndReadingThemWritesNothing() {
        try (TestUnit unit = TestUnit.of(Gauge.class).build()) {
            persistGauges(unit);
            unit.inTransaction(em -> {
                List<Gauge> all = em.createQuery("SELECT g FROM Gauge g", Gauge.class).getResultList();
                assertEquals(MANY, all.size());
                all.forEach(g -> g.getLabel().length());
            });
            assertEquals(0, unit.calls().count("batchWriteItem"));
            assertEquals(0, unit.calls().count("updateItem") + unit.calls().count("putItem")
                    + unit.calls().count("transactWriteItems"));
        }
    }

    @Test
    void settingTheSameValueWritesNothing() {
        try (TestUnit unit = TestUnit.of(Gauge.class).build()) {
            unit.inTransaction(em -> em.persist(new Gauge("g", 1, "one")));
            unit.calls().reset();
            unit.inTransaction(em -> em.find(Gauge.class, "g").setReading(1));
            assertEquals(0, unit.calls().count("batchWriteItem"));
        }
    }

    @Test
    void fieldAccessChangeThroughABusinessMethodIsWritten() {
        try (TestUnit unit = TestUnit.of(Book.class).build()) {
            unit.inTransaction(em -> {
                em.persist(new Book("1", "Dune", 412));
                em.persist(new Book("2", "Emma", 474));
            });
            unit.calls().reset();
            unit.inTransaction(em -> {
                em.find(Book.class, "1").rename("Dune Messiah");
                em.find(Book.class, "2").getTitle();
            });
            assertEquals(1, unit.calls().batchWrites());
            assertEquals("Dune Messiah", unit.fromTransaction(em -> em.find(Book.class, "1").getTitle()));
        }
    }

    @Test
    void collectionChangedThroughItsGetterIsWritten() {
        try (TestUnit unit = TestUnit.of(Book.class).build()) {
            unit.inTransaction(em -> em.persist(new Book("1", "Dune", 412)));
            unit.calls().reset();
            unit.inTransaction(em -> em.find(Book.class, "1").getTags().add("classic"));
            assertEquals(1, unit.calls().batchWrites());
            assertEquals(List.of("classic"), unit.fromTransaction(em -> List.copyOf(em.find(Book.class, "1").getTags())));
        }
    }

    @Test
    void collectionChangedAfterAFlushThroughAnEarlierGetterCallIsWritten() {
        // The list was handed out before the flush cleaned the proxy's record; changing it afterwards
        // calls no method of the entity, so the proxy must keep reporting a possible change.
        try (TestUnit unit = TestUnit.of(Book.class).build()) {
            unit.inTransaction(em -> em.persist(new Book("1", "Dune", 412)));
            unit.inTransaction(em -> {
                List<String> tags = em.find(Book.class, "1").getTags();
                tags.add("classic");
                em.flush();
                tags.add("sf");
            });
            assertEquals(List.of("classic", "sf"),
                    unit.fromTransaction(em -> List.copyOf(em.find(Book.class, "1").getTags())));
        }
    }

    @Test
    void collectionChangedAfterAQueryFlushedTheContextIsWritten() {
        try (TestUnit unit = TestUnit.of(Book.class).build()) {
            unit.inTransaction(em -> em.persist(new Book("1", "Dune", 412)));
            unit.inTransaction(em -> {
                Book b = em.find(Book.class, "1");
                List<String> tags = b.getTags();
                b.rename("Dune (1965)");
                em.createQuery("SELECT b FROM Book b", Book.class).getResultList(); // flush mode AUTO
                tags.add("classic");
            });
            assertEquals(List.of("classic"),
                    unit.fromTransaction(em -> List.copyOf(em.find(Book.class, "1").getTags())));
        }
    }

    @Test
    void getterThatAssignsAFieldIsWritten() {
        try (TestUnit unit = TestUnit.of(Ticket.class).build()) {
            unit.inTransaction(em -> em.persist(new Ticket("t")));
            unit.inTransaction(em -> {
                Ticket t = em.find(Ticket.class, "t");
                assertEquals(1, t.getNextNumber());
                assertEquals("T-t", t.getCode());
            });
            Ticket stored = unit.fromTransaction(em -> em.find(Ticket.class, "t"));
            assertEquals(1, stored.getIssued());
            assertEquals("T-t", unit.fromTransaction(em -> em.find(Ticket.class, "t").getCode()));
        }
    }

    @Test
    void staticMethodAssigningAFieldIsWritten() {
        try (TestUnit unit = TestUnit.of(Ticket.class).build()) {
            unit.inTransaction(em -> {
                Ticket t = new Ticket("t");
                t.getNextNumber();
                em.persist(t);
            });
            unit.inTransaction(em -> Ticket.reissue(em.find(Ticket.class, "t")));
            assertEquals(Integer.valueOf(0), unit.fromTransaction(em -> em.find(Ticket.class, "t").getIssued()));
        }
    }

    @Test
    void newInstancesAreComparedWithTheirSnapshot() {
        try (TestUnit unit = TestUnit.of(Gauge.class).build()) {
            unit.inTransaction(em -> {
                Gauge g = new Gauge("g", 1, "one");
                em.persist(g);
                em.flush();
                g.setReading(2);
            });
            assertEquals(2, unit.calls().count("batchWriteItem"));
            assertEquals(Integer.valueOf(2), unit.fromTransaction(em -> em.find(Gauge.class, "g").getReading()));
        }
    }

    @Test
    void entityWithAFinalSetterFallsBackToSnapshotComparison() {
        try (TestUnit unit = TestUnit.of(Meter.class).build()) {
            unit.inTransaction(em -> {
                em.persist(new Meter("a", 1));
                em.persist(new Meter("b", 1));
            });
            unit.calls().reset();
            unit.inTransaction(em -> {
                em.find(Meter.class, "a").setTotal(5);
                em.find(Meter.class, "b").getTotal();
            });
            assertEquals(1, unit.calls().batchWrites());
            assertEquals(Long.valueOf(5), unit.fromTransaction(em -> em.find(Meter.class, "a").getTotal()));
        }
    }

    @Test
    void packagePrivateEntityIsProxiedAndTracked() {
        try (TestUnit unit = TestUnit.of(Secret.class).build()) {
            unit.inTransaction(em -> em.persist(new Secret("s", "old")));
            unit.calls().reset();
            unit.inTransaction(em -> {
                Secret s = em.find(Secret.class, "s");
                assertEquals(Secret.class, s.getClass().getSuperclass());
                s.setValue("new");
            });
            assertEquals(1, unit.calls().batchWrites());
            unit.calls().reset();
            String value = unit.fromTransaction(em -> {
                Secret ref = em.getReference(Secret.class, "s");
                assertEquals(0, unit.calls().total());
                return ref.getValue();
            });
            assertEquals("new", value);
            assertEquals(1, unit.calls().count("getItem"));
        }
    }
}
