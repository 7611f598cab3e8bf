package io.jynamo.tck.core;

import io.jynamo.JynamoEntityManager;
import io.jynamo.tck.model.Note;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An EntityManager is not thread-safe (JPA 3.2 section 7.2), but using one from two threads at once must
 * fail clearly instead of corrupting the persistence context; handing it from one thread to the next
 * between operations keeps working.
 */
class ConcurrentUseTest {

    private static final int PER_THREAD = 2_000;

    /** An entity whose first persist in each thread waits inside the persist for the other thread's. */
    @Entity
    public static class Jot {
        /** Where the two threads' first persists meet; broken once one of them has been refused. */
        static volatile CyclicBarrier meeting;
        private static final ThreadLocal<Boolean> MET = ThreadLocal.withInitial(() -> false);

        @Id
        public String id;
        public String body;

        public Jot() {
        }

        Jot(String id) {
            this.id = id;
            this.body = "body " + id;
        }

        @PrePersist
        void meet() throws InterruptedException {
            if (!MET.get()) {
                MET.set(true);
                try {
                    meeting.await(30, TimeUnit.SECONDS);
                } catch (BrokenBarrierException | TimeoutException e) {
                    // The other thread was refused: go on alone.
                }
            }
        }
    }

    @Test
    void twoThreadsPersistingIntoOneEntityManagerAreToldWhyAndLoseNothing() throws Exception {
        try (TestUnit unit = TestUnit.of(Jot.class).build()) {
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            Jot.meeting = new CyclicBarrier(2);
            Set<String> persisted = ConcurrentHashMap.newKeySet();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (String prefix : List.of("a", "b")) {
                    done.add(threads.submit(() -> {
                        try {
                            for (int i = 0; i < PER_THREAD; i++) {
                                Jot jot = new Jot(prefix + i);
                                em.persist(jot);
                                persisted.add(jot.id);
                            }
                        } catch (RuntimeException e) {
                            failures.add(e);
                            Jot.meeting.reset();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            // The first persists of both threads were inside the entity manager together: one was refused,
            // naming the misuse. (Without the check both run on, and the context loses entities or throws
            // an ArrayIndexOutOfBoundsException from inside its maps.)
            assertEquals(1, failures.size(), () -> failures.toString());
            IllegalStateException named = assertInstanceOf(IllegalStateException.class, failures.get(0));
            assertTrue(named.getMessage().matches("EntityManager used by two threads at once: thread '.+' is in persist"
                    + " while thread '.+' called persist; an EntityManager is not thread-safe, use one per thread .*"),
                    named.getMessage());
            assertEquals(PER_THREAD, persisted.size());
            em.getTransaction().commit();
            em.close();
            // Never a silent loss: every persist that returned is stored, and nothing else.
            JynamoEntityManager reader = unit.emf().createEntityManager().unwrap(JynamoEntityManager.class);
            assertEquals(persisted.size(), reader.count(Jot.class));
            assertEquals(persisted.size(), reader.findAll(Jot.class, List.copyOf(persisted)).size());
            reader.close();
        }
    }

    @Test
    void aSecondThreadIsToldWhichOperationTheFirstIsInAndTheFirstIsUnharmed() throws Exception {
        try (TestUnit unit = TestUnit.of(Note.class).build()) {
            unit.inTransaction(em -> em.persist(new Note("n", "stored")));
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            unit.calls().fault((operation, request, real) -> {
                if (operation.equals("getItem")) {
                    inside.countDown();
                    release.await(30, TimeUnit.SECONDS);
                }
                return real.call(request);
            });
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            ExecutorService first = Executors.newSingleThreadExecutor(r -> new Thread(r, "first-thread"));
            try {
                Future<Note> found = first.submit(() -> em.find(Note.class, "n"));
                assertTrue(inside.await(30, TimeUnit.SECONDS));
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> em.persist(new Note("m", "new")));
                assertEquals("EntityManager used by two threads at once: thread 'first-thread' is in find while thread '"
                        + Thread.currentThread().getName() + "' called persist; an EntityManager is not thread-safe,"
                        + " use one per thread (handing it over between operations is fine)", e.getMessage());
                assertThrows(IllegalStateException.class, () -> em.getTransaction().commit());
                release.countDown();
                assertEquals("stored", found.get(30, TimeUnit.SECONDS).body);
            } finally {
                release.countDown();
                first.shutdownNow();
                unit.calls().fault(null);
            }
            // The refused calls changed nothing: the transaction is intact and this thread may now go on.
            assertTrue(em.getTransaction().isActive());
            em.persist(new Note("m", "new"));
            em.getTransaction().commit();
            em.close();
            assertEquals("new", unit.fromTransaction(e -> e.find(Note.class, "m").body));
        }
    }

    @Test
    void anEntityManagerHandedFromThreadToThreadBetweenOperationsWorks() throws Exception {
        try (TestUnit unit = TestUnit.of(Note.class).build()) {
            EntityManager em = unit.emf().createEntityManager();
            List<Runnable> steps = List.of(
                    () -> em.getTransaction().begin(),
                    () -> {
                        for (int i = 0; i < 100; i++) {
                            em.persist(new Note("a" + i, "first"));
                        }
                    },
                    () -> {
                        for (int i = 0; i < 100; i++) {
                            em.persist(new Note("b" + i, "second"));
                        }
                        em.find(Note.class, "a7").body = "changed";
                    },
                    () -> em.getTransaction().commit(),
                    em::close);
            for (Runnable step : steps) {
                // A new thread for every step: each hands the entity manager over to the next.
                ExecutorService thread = Executors.newSingleThreadExecutor();
                try {
                    thread.submit(step).get(60, TimeUnit.SECONDS);
                } finally {
                    thread.shutdown();
                }
            }
            JynamoEntityManager reader = unit.emf().createEntityManager().unwrap(JynamoEntityManager.class);
            assertEquals(200, reader.count(Note.class));
            assertEquals("changed", reader.find(Note.class, "a7").body);
            reader.close();
        }
    }
}
