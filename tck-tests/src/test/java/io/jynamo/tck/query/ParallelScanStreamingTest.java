package io.jynamo.tck.query;

import io.jynamo.JynamoEntityManager;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.Calls;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A query read by a parallel Scan ({@code jynamo.scan.segments} > 1) streams its segments' pages (issue 13): results
 * as pages arrive, at most two pages read ahead per segment, no call past {@code setMaxResults}, the first failure
 * thrown and every segment stopped. DynamoDB cuts pages at 1 MB; here a client wrapper cuts them at 10 items, so
 * 300 users in 4 segments are about 8 pages a segment.
 */
class ParallelScanStreamingTest {

    private static final int USERS = 300;
    private static final int PAGE = 10;
    private static final String QUERY = "SELECT u FROM User u";

    private static TestUnit unit;
    private static Set<String> everyone;

    @BeforeAll
    static void start() {
        unit = TestUnit.of(User.class).property("jynamo.scan", "allow").build();
        unit.inTransaction(em -> IntStream.range(0, USERS)
                .forEach(i -> em.persist(new User("user-" + i + "@example.com", "Sam", "Adams"))));
        everyone = IntStream.range(0, USERS).mapToObj(i -> "user-" + i + "@example.com").collect(Collectors.toSet());
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    /** Cuts every Scan page at {@code size} items, as DynamoDB's 1 MB does for bigger items. */
    private static Calls.Fault smallPages(int size) {
        return (op, request, real) -> {
            if (op.equals("scan")) {
                ScanRequest r = (ScanRequest) request;
                if (r.limit() == null || r.limit() > size) {
                    return real.call(r.toBuilder().limit(size).build());
                }
            }
            return real.call(request);
        };
    }

    private static DynamoDbException serverError() {
        return (DynamoDbException) DynamoDbException.builder().statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError")
                        .errorMessage("injected server error").build())
                .message("injected server error").build();
    }

    /** The threads doing a parallel Scan's work right now (fetching a page for it). */
    private static long scanWorkers() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> Stream.of(stack).anyMatch(f -> f.getClassName().startsWith("io.jynamo.internal.query.ParallelScan")))
                .count();
    }

    /**
     * Waits (a second at most) until no thread works for a parallel Scan: a worker that has handed its last page
     * over may still be returning from the task.
     */
    private static void assertNoWorkerRemains() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 1_000;
        while (scanWorkers() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, scanWorkers(), "workers still reading for a parallel Scan");
    }

    /** Waits until no Scan call has been made for a while and no worker reads for a parallel Scan; the Scan calls. */
    private static int settledScans() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        int seen = -1;
        int quiet = 0;
        while (System.currentTimeMillis() < deadline) {
            int now = unit.calls().count("scan");
            // Twice unchanged and idle: a task queued behind a slow thread does not pass for the end.
            quiet = now == seen && scanWorkers() == 0 ? quiet + 1 : 0;
            if (quiet == 2) {
                return now;
            }
            seen = now;
            Thread.sleep(250);
        }
        throw new AssertionError("the parallel Scan did not come to rest: " + unit.calls().count("scan") + " calls, "
                + scanWorkers() + " workers");
    }

    private static Set<String> emails(List<User> users) {
        return users.stream().map(User::getEmail).collect(Collectors.toSet());
    }

    @Test
    void aQueryInSeveralSegmentsReturnsTheItemsOfTheSingleSegmentScanReadPageByPage() {
        unit.calls().fault(smallPages(PAGE));
        try {
            List<User> single = unit.withEntityManager(em -> em.createQuery(QUERY, User.class).getResultList());
            assertEquals(everyone, emails(single));
            int singlePages = unit.calls().count("scan");
            assertTrue(singlePages >= USERS / PAGE, singlePages + " pages");
            for (int segments : List.of(2, 4, 7)) {
                unit.calls().reset();
                List<User> parallel = unit.withEntityManager(em -> em.createQuery(QUERY, User.class)
                        .setHint("jynamo.scan.segments", segments).getResultList());
                assertEquals(USERS, parallel.size(), segments + " segments, no item twice");
                assertEquals(emails(single), emails(parallel), segments + " segments");
                List<ScanRequest> requests = unit.calls().requests("scan");
                assertEquals(IntStream.range(0, segments).boxed().collect(Collectors.toSet()),
                        requests.stream().map(ScanRequest::segment).collect(Collectors.toSet()));
                assertTrue(requests.stream().allMatch(r -> r.totalSegments() == segments));
                assertTrue(requests.size() >= USERS / PAGE, "every page of every segment: " + requests.size());
            }
        } finally {
            unit.calls().fault(null);
        }
    }

    @Test
    void eachSegmentReadsAtMostTwoPagesAheadOfTheStreamAndClosingItStopsThem() throws Exception {
        unit.calls().fault(smallPages(PAGE));
        try (EntityManager em = unit.emf().createEntityManager()) {
            unit.calls().reset();
            long before = em.unwrap(JynamoEntityManager.class).statistics().calls("Scan");
            Stream<User> stream = em.createQuery(QUERY, User.class).setHint("jynamo.scan.segments", 4).getResultStream();
            Iterator<User> it = stream.iterator();
            assertTrue(it.hasNext());
            it.next();
            // The page the first result came from, and two more of each of the 4 segments; an unclosed stream
            // stays at that, holding pages and no thread.
            assertEquals(1 + 4 * 2, settledScans());
            for (int i = 1; i < PAGE + 1; i++) {
                it.next();
            }
            assertEquals(2 + 4 * 2, settledScans(), "a second page begun, its segment read one more");
            stream.close();
            assertTrue(!it.hasNext(), "a closed stream ends");
            assertEquals(2 + 4 * 2, settledScans(), "closing the stream stopped every segment");
            assertEquals(unit.calls().count("scan"),
                    em.unwrap(JynamoEntityManager.class).statistics().calls("Scan") - before,
                    "the workers' calls count for the entity manager whose query they read for");
        } finally {
            unit.calls().fault(null);
        }
    }

    @Test
    void aStreamReadToItsEndReturnsEveryItemOnceAndLeavesNoWorker() throws Exception {
        Calls.Fault pages = smallPages(PAGE);
        AtomicInteger seenWorking = new AtomicInteger();
        unit.calls().fault((op, request, real) -> {
            // The probe sees the workers while they call (so that its zero below means something).
            seenWorking.accumulateAndGet((int) scanWorkers(), Math::max);
            return pages.apply(op, request, real);
        });
        try (EntityManager em = unit.emf().createEntityManager()) {
            unit.calls().reset();
            List<User> all;
            try (Stream<User> stream = em.createQuery(QUERY, User.class).setHint("jynamo.scan.segments", 4).getResultStream()) {
                all = stream.toList();
            }
            assertEquals(USERS, all.size());
            assertEquals(everyone, emails(all));
            assertTrue(seenWorking.get() >= 1, "workers made the calls");
            assertNoWorkerRemains();
            int calls = unit.calls().count("scan");
            assertEquals(calls, settledScans());
        } finally {
            unit.calls().fault(null);
        }
    }

    @Test
    void setMaxResultsStopsEverySegmentOnceTheWantedItemsAreInWithTheSameLimit() throws Exception {
        try (TestUnit two = TestUnit.of(User.class).property("jynamo.scan", "allow")
                .property("jynamo.parallelism", "2").build()) {
            two.inTransaction(em -> IntStream.range(0, USERS)
                    .forEach(i -> em.persist(new User("user-" + i + "@example.com", "Sam", "Adams"))));
            two.calls().reset();
            List<User> five = two.withEntityManager(em -> em.createQuery(QUERY, User.class)
                    .setHint("jynamo.scan.segments", 8).setMaxResults(5).getResultList());
            assertEquals(5, five.size());
            // The first 2 of 8 segments are in flight at once; the first page brings the 5: no segment is read on.
            assertEquals(2, two.calls().count("scan"));
            assertTrue(two.calls().<ScanRequest>requests("scan").stream().allMatch(r -> r.limit() == 5),
                    "Limit is what is wanted, as before");
            Thread.sleep(300);
            assertEquals(2, two.calls().count("scan"), "and none later");

            two.calls().reset();
            List<User> skipped = two.withEntityManager(em -> em.createQuery(QUERY, User.class)
                    .setHint("jynamo.scan.segments", 8).setFirstResult(5).setMaxResults(10).getResultList());
            assertEquals(10, skipped.size());
            assertEquals(2, two.calls().count("scan"), "15 wanted, 15 in the first page");
            assertTrue(two.calls().<ScanRequest>requests("scan").stream().allMatch(r -> r.limit() == 15));
        }
    }

    @Test
    void aResultListThatEndsBeforeItsReadsLeavesNoSegmentReadingOn() throws Exception {
        try (TestUnit two = TestUnit.of(User.class).property("jynamo.scan", "allow")
                .property("jynamo.client-side", "allow").property("jynamo.parallelism", "2").build()) {
            two.inTransaction(em -> IntStream.range(0, USERS)
                    .forEach(i -> em.persist(new User("user-" + i + "@example.com", "Sam", "Adams"))));
            two.calls().fault(smallPages(PAGE));
            two.calls().reset();
            // A condition only Java evaluates reads every page (no Limit); maxResults ends the list after 5 rows,
            // while 6 of the 8 segments have not been read yet.
            List<User> five = two.withEntityManager(em -> em.createQuery(
                            "SELECT u FROM User u WHERE LOWER(u.firstName) = 'sam'", User.class)
                    .setHint("jynamo.scan.segments", 8).setMaxResults(5).getResultList());
            assertEquals(5, five.size());
            int atReturn = two.calls().count("scan");
            Thread.sleep(300);
            assertEquals(atReturn, two.calls().count("scan"), "no Scan after getResultList returned");
            assertTrue(atReturn <= 4, "the calls in flight when the list was complete, at most: " + atReturn);
            assertNoWorkerRemains();
        }
    }

    @Test
    void withParallelismOneTheSegmentsAreReadOneAfterAnotherOnlyAsFarAsWanted() {
        try (TestUnit one = TestUnit.of(User.class).property("jynamo.scan", "allow")
                .property("jynamo.parallelism", "1").build()) {
            one.inTransaction(em -> IntStream.range(0, 100)
                    .forEach(i -> em.persist(new User("user-" + i + "@example.com", "Sam", "Adams"))));
            one.calls().reset();
            List<User> all = one.withEntityManager(em -> em.createQuery(QUERY, User.class)
                    .setHint("jynamo.scan.segments", 4).getResultList());
            assertEquals(100, all.size());
            assertEquals(100, emails(all).size());
            assertEquals(List.of(0, 1, 2, 3), one.calls().<ScanRequest>requests("scan").stream().map(ScanRequest::segment).toList(),
                    "each segment in turn, on the caller's thread");
            one.calls().reset();
            assertEquals(5, one.withEntityManager(em -> em.createQuery(QUERY, User.class)
                    .setHint("jynamo.scan.segments", 4).setMaxResults(5).getResultList()).size());
            assertEquals(1, one.calls().count("scan"), "the first segment's first page held the 5 wanted");
        }
    }

    @Test
    void aFailedSegmentCallIsThrownAsASingleSegmentScanThrowsItAndStopsTheOtherSegments() throws Exception {
        Calls.Fault pages = smallPages(PAGE);
        AtomicInteger scans = new AtomicInteger();
        unit.calls().fault((op, request, real) -> {
            if (op.equals("scan") && scans.incrementAndGet() == 1) {
                throw serverError();
            }
            return pages.apply(op, request, real);
        });
        try {
            PersistenceException alone = assertThrows(PersistenceException.class, () -> unit.withEntityManager(
                    em -> em.createQuery(QUERY, User.class).getResultList()));

            unit.calls().reset();
            scans.set(-5);
            PersistenceException parallel = assertThrows(PersistenceException.class, () -> unit.withEntityManager(
                    em -> em.createQuery(QUERY, User.class).setHint("jynamo.scan.segments", 4).getResultList()));
            assertSame(alone.getClass(), parallel.getClass(), parallel.toString());
            assertEquals(alone.getCause() == null ? null : alone.getCause().getClass(),
                    parallel.getCause() == null ? null : parallel.getCause().getClass());
            assertTrue(parallel.getMessage().contains("injected server error"), parallel.getMessage());
            int calls = unit.calls().count("scan");
            assertTrue(calls <= 6 + 3, "the sixth call failed; at most the 3 other segments' calls were in flight: " + calls);
            assertNoWorkerRemains();
            assertEquals(calls, settledScans(), "and none starts later");

            // The same through a stream: the failure comes out of the iteration.
            unit.calls().reset();
            scans.set(-5);
            try (EntityManager em = unit.emf().createEntityManager();
                 Stream<User> stream = em.createQuery(QUERY, User.class).setHint("jynamo.scan.segments", 4).getResultStream()) {
                PersistenceException streamed = assertThrows(PersistenceException.class, () -> stream.forEach(u -> { }));
                assertSame(alone.getClass(), streamed.getClass());
            }
            assertNoWorkerRemains();
        } finally {
            unit.calls().fault(null);
        }
    }

    /** TABLE_PER_CLASS: one table per concrete entity. */
    @Entity
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    public abstract static class Shape {
        @Id
        public String id;
    }

    @Entity
    public static class Circle extends Shape {
        public int radius;
    }

    @Entity
    public static class Square extends Shape {
        public int side;
    }

    @Test
    void aParallelScanOfAHierarchyWithATablePerClassReadsEverySegmentOfEveryTable() {
        try (TestUnit shapes = TestUnit.of(Shape.class, Circle.class, Square.class).property("jynamo.scan", "allow").build()) {
            shapes.inTransaction(em -> IntStream.range(0, 60).forEach(i -> {
                Circle c = new Circle();
                c.id = "c" + i;
                c.radius = i;
                em.persist(c);
                Square s = new Square();
                s.id = "s" + i;
                s.side = i;
                em.persist(s);
            }));
            shapes.calls().fault(smallPages(PAGE));
            shapes.calls().reset();
            List<Shape> all = shapes.withEntityManager(em -> em.createQuery("SELECT s FROM Shape s", Shape.class)
                    .setHint("jynamo.scan.segments", 3).getResultList());
            assertEquals(120, all.size());
            assertEquals(60, all.stream().filter(Circle.class::isInstance).count());
            assertEquals(IntStream.range(0, 60).mapToObj(i -> "s" + i).collect(Collectors.toSet()),
                    all.stream().filter(s -> s instanceof Square).map(s -> s.id).collect(Collectors.toSet()));
            assertInstanceOf(Square.class, all.stream().filter(s -> s.id.equals("s7")).findFirst().orElseThrow());
            assertEquals(Set.of(shapes.prefix() + "Circle", shapes.prefix() + "Square"), shapes.calls()
                    .<ScanRequest>requests("scan").stream().map(ScanRequest::tableName).collect(Collectors.toSet()));
            assertEquals(120L, (long) shapes.withEntityManager(em -> em.createQuery("SELECT COUNT(s) FROM Shape s", Long.class)
                    .setHint("jynamo.scan.segments", 3).getSingleResult()));
        }
    }
}
