package io.jynamo.tck.flush;

import io.jynamo.IncompleteFlushException;
import io.jynamo.tck.relationship.model.Client;
import io.jynamo.tck.relationship.model.Course;
import io.jynamo.tck.relationship.model.Purchase;
import io.jynamo.tck.relationship.model.Store;
import io.jynamo.tck.relationship.model.Student;
import io.jynamo.tck.support.Calls;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write kinds this round added — link items of relationships, children written by cascade, the atomic-counter
 * bulk UPDATE — under the engine's faults: unprocessed items, a 500 part-way, throttling, lost responses.
 */
class NewWriteKindsFaultsTest {

    private static long count(TestUnit unit, String table) {
        return TestUnit.sharedClient().scan(b -> b.tableName(unit.prefix() + table).select("COUNT")).count();
    }

    private static Student studentOfCourses(Course... courses) {
        Student s = new Student("s1");
        s.courses.addAll(List.of(courses));
        return s;
    }

    @Test
    void linkItemsAndCascadedChildrenHandedBackUnprocessedAreSentAgainUntilAllLand() {
        try (TestUnit unit = TestUnit.of(Student.class, Course.class, Client.class, Purchase.class, Store.class).build()) {
            unit.calls().fault(Faults.halfUnprocessed());
            unit.inTransaction(em -> {
                List<Course> courses = IntStream.range(0, 30).mapToObj(i -> new Course("c" + i, "C" + i)).toList();
                courses.forEach(em::persist);
                em.persist(studentOfCourses(courses.toArray(Course[]::new)));
                Client client = new Client("k1", "Kim");
                IntStream.range(0, 10).forEach(i -> client.buy("p" + i, i));
                em.persist(client); // cascades to the ten purchases
            });
            unit.calls().fault(null);
            assertEquals(30L, count(unit, "Student_Course"), "every link item");
            assertEquals(10L, count(unit, "Purchase"), "every cascaded child");
            assertEquals(30, (int) unit.withEntityManager(em -> em.find(Student.class, "s1").courses.size()));
        }
    }

    @Test
    void aServerErrorPartWayThroughLinkItemsReportsThemAndTheNextCommitWritesTheRest() {
        try (TestUnit unit = TestUnit.of(Student.class, Course.class).property("jynamo.parallelism", "1").build()) {
            unit.inTransaction(em -> IntStream.range(0, 40).forEach(i -> em.persist(new Course("c" + i, "C" + i))));
            unit.calls().fault(Faults.failNth("batchWriteItem", 2, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            List<Course> courses = IntStream.range(0, 40).mapToObj(i -> em.getReference(Course.class, "c" + i)).toList();
            em.persist(studentOfCourses(courses.toArray(Course[]::new)));
            IncompleteFlushException e = assertThrows(IncompleteFlushException.class, () -> em.getTransaction().commit());
            assertEquals(41, e.writtenKeys().size() + e.unwrittenKeys().size(), "the student and its 40 link items");
            assertEquals(25, e.writtenKeys().size(), "the first batch landed");
            unit.calls().fault(null);
            em.getTransaction().commit();
            em.close();
            assertEquals(40L, count(unit, "Student_Course"));
            assertEquals(40, (int) unit.withEntityManager(x -> x.find(Student.class, "s1").courses.size()));
        }
    }

    @Test
    void linkItemsDeliveredTwiceAreStoredOnce() {
        try (TestUnit unit = TestUnit.of(Student.class, Course.class).build()) {
            unit.inTransaction(em -> IntStream.range(0, 3).forEach(i -> em.persist(new Course("c" + i, "C" + i))));
            unit.calls().fault(Faults.lostResponse("batchWriteItem"));
            unit.inTransaction(em -> em.persist(studentOfCourses(em.getReference(Course.class, "c0"),
                    em.getReference(Course.class, "c1"), em.getReference(Course.class, "c2"))));
            unit.inTransaction(em -> em.find(Student.class, "s1").courses.removeIf(c -> c.id.equals("c1")));
            unit.calls().fault(null);
            assertEquals(2L, count(unit, "Student_Course"), "a link put or delete delivered twice is the same item");
        }
    }

    @Entity
    public static class Counter {
        @Id
        public String id;
        public int n;
    }

    @Test
    void aThrottledCounterUpdateIsRetriedAndAppliedOnce() {
        try (TestUnit unit = TestUnit.of(Counter.class).build()) {
            unit.inTransaction(em -> {
                Counter c = new Counter();
                c.id = "x";
                em.persist(c);
            });
            AtomicBoolean once = new AtomicBoolean();
            unit.calls().fault((op, request, real) -> {
                if (op.equals("updateItem") && !once.getAndSet(true)) {
                    throw software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder()
                            .message("injected throttling").build();
                }
                return real.call(request);
            });
            int updated = unit.fromTransaction(em -> em.createQuery("UPDATE Counter c SET c.n = c.n + 7"
                    + " WHERE c.id = 'x'").executeUpdate());
            unit.calls().fault(null);
            assertEquals(1, updated);
            assertEquals(2, unit.calls().count("updateItem"), "the throttled call and its retry");
            Map<String, AttributeValue> item = TestUnit.sharedClient().getItem(b -> b.tableName(unit.prefix() + "Counter")
                    .key(Map.of("id", AttributeValue.fromS("x")))).item();
            assertEquals("7", item.get("n").n());
        }
    }

    @Test
    void aServerErrorPartWayThroughACounterUpdateSaysHowFarItGotAndNothingIsAddedTwice() {
        try (TestUnit unit = TestUnit.of(Counter.class).property("jynamo.scan", "allow").build()) {
            unit.inTransaction(em -> IntStream.range(0, 4).forEach(i -> {
                Counter c = new Counter();
                c.id = "k" + i;
                em.persist(c);
            }));
            unit.calls().fault(Faults.failNth("updateItem", 3, Faults::serverError));
            RuntimeException e = assertThrows(RuntimeException.class, () -> unit.fromTransaction(em ->
                    em.createQuery("UPDATE Counter c SET c.n = c.n + 1").executeUpdate()));
            // The writes run in parallel: those in flight when the third failed finish, and count.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("stopped after (\\d+) of 4 items \\((\\d+) written\\)")
                    .matcher(e.getMessage());
            assertTrue(m.find(), e.getMessage());
            unit.calls().fault(null);
            int total = (int) unit.withEntityManager(em -> em.createQuery("SELECT c FROM Counter c",
                    Counter.class).getResultList().stream().mapToInt(c -> c.n).sum());
            assertEquals(Integer.parseInt(m.group(2)), total, "exactly the items reported written were incremented, once");
            assertTrue(total >= 2 && total < 4, e.getMessage());
        }
    }
}
