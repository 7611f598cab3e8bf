package io.jynamo.tck.relationship;

import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoException;
import io.jynamo.tck.relationship.model.Client;
import io.jynamo.tck.relationship.model.Course;
import io.jynamo.tck.relationship.model.Purchase;
import io.jynamo.tck.relationship.model.Store;
import io.jynamo.tck.relationship.model.Student;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code MEMBER OF}, {@code IS [NOT] EMPTY} and {@code SIZE} on relationship collections against the engine, in JPQL
 * and through the Criteria API: answers compared with an in-memory copy of the data, calls counted.
 */
class RelationshipConditionsTest {

    private static TestUnit unit;
    /** The oracle: each client's purchases, each student's courses, as persisted. */
    private static final Map<String, List<String>> PURCHASES = new LinkedHashMap<>();
    private static final Map<String, Set<String>> COURSES = new LinkedHashMap<>();
    private static final List<String> COURSE_IDS = List.of("math", "physics", "history", "art");

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Client.class, Purchase.class, Store.class, Student.class, Course.class)
                .property("jynamo.scan", "allow").property("jynamo.client-side", "allow").build();
        unit.inTransaction(em -> {
            int[] sizes = {0, 1, 2, 3, 5};
            for (int c = 0; c < sizes.length; c++) {
                Client client = new Client("c" + c, "Client " + c);
                List<String> ids = new ArrayList<>();
                for (int p = 0; p < sizes[c]; p++) {
                    client.buy("c" + c + "-p" + p, p);
                    ids.add("c" + c + "-p" + p);
                }
                PURCHASES.put(client.id, ids);
                em.persist(client);
            }
            em.persist(new Purchase("orphan", 1, null));
            Map<String, Course> courses = new LinkedHashMap<>();
            for (String id : COURSE_IDS) {
                courses.put(id, new Course(id, id.toUpperCase()));
                em.persist(courses.get(id));
            }
            for (int s = 0; s < 4; s++) {
                Student student = new Student("s" + s);
                Set<String> taken = new LinkedHashSet<>(COURSE_IDS.subList(0, s));
                taken.forEach(id -> student.courses.add(courses.get(id)));
                COURSES.put(student.id, taken);
                em.persist(student);
            }
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static List<String> clientIds(List<Client> clients) {
        return clients.stream().map(c -> c.id).sorted().toList();
    }

    private static List<String> studentIds(List<Student> students) {
        return students.stream().map(s -> s.id).sorted().toList();
    }

    private static List<String> clientsWhere(IntPredicate size) {
        return PURCHASES.entrySet().stream().filter(e -> size.test(e.getValue().size())).map(Map.Entry::getKey).sorted().toList();
    }

    private static String ownerOf(String purchase) {
        return PURCHASES.entrySet().stream().filter(e -> e.getValue().contains(purchase)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    // ---- MEMBER OF an inverse one-to-many ----------------------------------------------------

    @Test
    void memberOfAnInverseCollectionIsTheOwnerItsElementPointsTo() {
        for (String purchase : List.of("c1-p0", "c2-p1", "c4-p4", "orphan")) {
            unit.withEntityManager(em -> {
                Purchase p = em.find(Purchase.class, purchase);
                unit.calls().reset();
                List<Client> found = em.createQuery("SELECT c FROM Client c WHERE :p MEMBER OF c.purchases", Client.class)
                        .setParameter("p", p).getResultList();
                String owner = ownerOf(purchase);
                assertEquals(owner == null ? List.of() : List.of(owner), clientIds(found), purchase);
                // the managed purchase's stored foreign key: no read for it; then the client by key
                assertEquals(owner == null ? 0 : 1, unit.calls().total(), unit.calls().log().toString());
                return null;
            });
        }
    }

    @Test
    void anUnmanagedElementIsReadByKeyFirst() {
        Purchase detached = new Purchase("c3-p2", 0, null);
        unit.calls().reset();
        List<Client> found = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Client c WHERE :p MEMBER OF c.purchases", Client.class).setParameter("p", detached).getResultList());
        // what is stored decides, not the instance passed (its client is null here)
        assertEquals(List.of("c3"), clientIds(found));
        assertEquals(2, unit.calls().count("getItem"), "the purchase's item, then the client");
        assertEquals(2, unit.calls().total());
    }

    @Test
    void notMemberOfIsEveryOtherOwner() {
        List<Client> found = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Client c WHERE :p NOT MEMBER OF c.purchases", Client.class)
                .setParameter("p", em.getReference(Purchase.class, "c2-p0")).getResultList());
        assertEquals(List.of("c0", "c1", "c3", "c4"), clientIds(found));
        List<Client> all = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Client c WHERE :p NOT MEMBER OF c.purchases", Client.class)
                .setParameter("p", new Purchase("no-such-purchase", 0, null)).getResultList());
        assertEquals(List.copyOf(PURCHASES.keySet()), clientIds(all));
    }

    @Test
    void aNullOrKeylessElementIsUnknownSoNeitherMemberOfNorNotMemberOfMatches() {
        for (String q : List.of("SELECT c FROM Client c WHERE :p MEMBER OF c.purchases",
                "SELECT c FROM Client c WHERE :p NOT MEMBER OF c.purchases")) {
            unit.calls().reset();
            assertEquals(List.of(), unit.withEntityManager(em -> em.createQuery(q, Client.class)
                    .setParameter("p", null).getResultList()));
            assertEquals(List.of(), unit.withEntityManager(em -> em.createQuery(q, Client.class)
                    .setParameter("p", new Purchase(null, 0, null)).getResultList()));
            assertEquals(0, unit.calls().total(), q);
        }
    }

    // ---- MEMBER OF a link table --------------------------------------------------------------

    @Test
    void memberOfALinkTableSideQueriesTheLinksOfTheElement() {
        for (String course : COURSE_IDS) {
            unit.calls().reset();
            List<Student> found = unit.withEntityManager(em -> em.createQuery(
                    "SELECT s FROM Student s WHERE :c MEMBER OF s.courses", Student.class)
                    .setParameter("c", em.getReference(Course.class, course)).getResultList());
            List<String> expected = COURSES.entrySet().stream().filter(e -> e.getValue().contains(course))
                    .map(Map.Entry::getKey).sorted().toList();
            assertEquals(expected, studentIds(found), course);
            assertEquals(1, unit.calls().count("query"), "the links of the course, on the inverted index");
            assertEquals(expected.isEmpty() ? 0 : 1, unit.calls().count("getItem") + unit.calls().count("batchGetItem"));
            QueryRequest links = unit.calls().<QueryRequest>requests("query").get(0);
            assertEquals("fk_courses_id", links.indexName());
        }
    }

    @Test
    void memberOfTheInverseSideOfAManyToManyQueriesTheLinkTableItself() {
        unit.calls().reset();
        List<Course> found = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Course c WHERE :s MEMBER OF c.students ORDER BY c.id", Course.class)
                .setParameter("s", em.getReference(Student.class, "s2")).getResultList());
        assertEquals(List.of("math", "physics"), found.stream().map(c -> c.id).toList());
        QueryRequest links = unit.calls().<QueryRequest>requests("query").get(0);
        assertEquals(null, links.indexName());
        assertEquals(1, unit.calls().count("query"));
        assertEquals(1, unit.calls().count("batchGetItem"));
        List<Course> others = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Course c WHERE :s NOT MEMBER OF c.students", Course.class)
                .setParameter("s", em.getReference(Student.class, "s2")).getResultList());
        assertEquals(List.of("art", "history"), others.stream().map(c -> c.id).sorted().toList());
    }

    // ---- SIZE and IS EMPTY -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            c.purchases IS EMPTY                 | 1
            c.purchases IS NOT EMPTY             | 1
            NOT (c.purchases IS EMPTY)           | 1
            SIZE(c.purchases) = 2                | 3
            SIZE(c.purchases) <> 3               | 4
            SIZE(c.purchases) > 2                | 3
            SIZE(c.purchases) >= 3               | 3
            SIZE(c.purchases) < 2                | 2
            SIZE(c.purchases) <= 1               | 2
            2 < SIZE(c.purchases)                | 3
            SIZE(c.purchases) BETWEEN 1 AND 3    | 4
            SIZE(c.purchases) NOT BETWEEN 1 AND 3 | 4
            """)
    void sizeConditionsCountEachOwnersTargetsOnlyAsFarAsNeeded(String condition, int limit) {
        unit.calls().reset();
        List<Client> found = unit.withEntityManager(em -> em.createQuery("SELECT c FROM Client c WHERE " + condition,
                Client.class).getResultList());
        assertEquals(clientsWhere(oracle(condition)), clientIds(found), condition);
        assertEquals(1, unit.calls().count("scan"));
        List<QueryRequest> counts = unit.calls().requests("query");
        assertEquals(PURCHASES.size(), counts.size(), "one COUNT Query per client");
        for (QueryRequest q : counts) {
            assertEquals(Select.COUNT, q.select());
            assertEquals("fk_client_id", q.indexName());
            assertEquals(limit, q.limit(), "Limit: as far as the condition needs");
        }
    }

    private static IntPredicate oracle(String condition) {
        return switch (condition) {
            case "c.purchases IS EMPTY" -> n -> n == 0;
            case "c.purchases IS NOT EMPTY", "NOT (c.purchases IS EMPTY)" -> n -> n > 0;
            case "SIZE(c.purchases) = 2" -> n -> n == 2;
            case "SIZE(c.purchases) <> 3" -> n -> n != 3;
            case "SIZE(c.purchases) > 2", "2 < SIZE(c.purchases)" -> n -> n > 2;
            case "SIZE(c.purchases) >= 3" -> n -> n >= 3;
            case "SIZE(c.purchases) < 2" -> n -> n < 2;
            case "SIZE(c.purchases) <= 1" -> n -> n <= 1;
            case "SIZE(c.purchases) BETWEEN 1 AND 3" -> n -> n >= 1 && n <= 3;
            case "SIZE(c.purchases) NOT BETWEEN 1 AND 3" -> n -> n < 1 || n > 3;
            default -> throw new IllegalArgumentException(condition);
        };
    }

    @Test
    void cheaperConditionsDecideFirstAndACountIsOnlyMadeForRowsTheyKeep() {
        unit.calls().reset();
        List<Client> found = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Client c WHERE SIZE(c.purchases) > 1 AND c.id IN ('c1', 'c2', 'c4')", Client.class)
                .getResultList());
        assertEquals(List.of("c2", "c4"), clientIds(found));
        assertEquals(1, unit.calls().count("batchGetItem"), "the three clients by key");
        assertEquals(3, unit.calls().count("query"), "a count for each of them only");
    }

    @Test
    void aSizeInsideCaseIsAlsoCountedOnlyForTheRowsTheCheaperConditionsKeep() {
        unit.calls().reset();
        List<Client> found = unit.withEntityManager(em -> em.createQuery("SELECT c FROM Client c WHERE CASE WHEN "
                + "SIZE(c.purchases) > 1 THEN 'many' ELSE 'few' END = 'many' AND LOWER(c.name) = 'client 4'", Client.class)
                .getResultList());
        assertEquals(List.of("c4"), clientIds(found));
        assertEquals(1, unit.calls().count("query"), "a count for the one client the name keeps, not for all five");
    }

    @Test
    void sizeOfALinkTableSideCountsItsLinks() {
        for (int n = 0; n <= 3; n++) {
            int k = n;
            List<Student> found = unit.withEntityManager(em -> em.createQuery(
                    "SELECT s FROM Student s WHERE SIZE(s.courses) >= :n", Student.class).setParameter("n", k).getResultList());
            assertEquals(COURSES.entrySet().stream().filter(e -> e.getValue().size() >= k).map(Map.Entry::getKey).sorted()
                    .toList(), studentIds(found), ">= " + n);
        }
        unit.calls().reset();
        List<Course> empty = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Course c WHERE c.students IS EMPTY", Course.class).getResultList());
        assertEquals(List.of("art"), empty.stream().map(c -> c.id).toList());
        for (QueryRequest q : unit.calls().<QueryRequest>requests("query")) {
            assertEquals("fk_courses_id", q.indexName(), "the inverse side counts on the inverted index");
            assertEquals(1, q.limit());
        }
    }

    @Test
    void countAndProjectionsWithASizeCondition() {
        long count = unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(c) FROM Client c WHERE c.purchases IS NOT EMPTY", Long.class).getSingleResult());
        assertEquals(4L, count);
        List<String> names = unit.withEntityManager(em -> em.createQuery(
                "SELECT c.name FROM Client c WHERE SIZE(c.purchases) = 3", String.class).getResultList());
        assertEquals(List.of("Client 3"), names);
    }

    @Test
    void theClientSidePolicyGovernsCountingPerRow() {
        unit.calls().reset();
        var e = assertThrows(JynamoException.class, () -> unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Client c WHERE c.purchases IS EMPTY", Client.class)
                .setHint("jynamo.client-side", "deny").getResultList()));
        assertTrue(e.getMessage().contains("filter SIZE(c.purchases) = 0"), e.getMessage());
        assertEquals(0, unit.calls().total());
    }

    @Test
    void explainShowsTheStepsAndTheCountsPerRow() {
        String member = unit.withEntityManager(em -> em.unwrap(JynamoEntityManager.class)
                .explain("SELECT s FROM Student s WHERE :c MEMBER OF s.courses"));
        assertTrue(member.startsWith("first:          step1 = the Student keys whose courses hold :c: a Query of link "
                + "table " + unit.prefix() + "Student_Course by the key of :c"), member);
        String size = unit.withEntityManager(em -> em.unwrap(JynamoEntityManager.class)
                .explain("SELECT c FROM Client c WHERE SIZE(c.purchases) > 1"));
        assertTrue(size.contains("per row:        SIZE(purchases): one Query with Select=COUNT per Client row read, on "
                + "index fk_client_id of Purchase (Purchase.client)"), size);
    }

    @Test
    void bulkUpdateAndDeleteByMemberOfWriteTheOwnersFound() {
        try (TestUnit own = TestUnit.of(Client.class, Purchase.class, Store.class).property("jynamo.scan", "deny").build()) {
            own.inTransaction(em -> {
                for (int c = 0; c < 3; c++) {
                    Client client = new Client("k" + c, "K" + c);
                    client.buy("k" + c + "-p", 1);
                    em.persist(client);
                }
            });
            int updated = own.fromTransaction(em -> em.createQuery(
                    "UPDATE Client c SET c.name = 'found' WHERE :p MEMBER OF c.purchases")
                    .setParameter("p", em.getReference(Purchase.class, "k1-p")).executeUpdate());
            assertEquals(1, updated);
            assertEquals("found", own.withEntityManager(em -> em.find(Client.class, "k1").name));
            own.calls().reset();
            int deleted = own.fromTransaction(em -> em.createQuery("DELETE FROM Client c WHERE :p MEMBER OF c.purchases")
                    .setParameter("p", new Purchase("k2-p", 0, null)).executeUpdate());
            assertEquals(1, deleted);
            assertEquals(0, own.calls().count("scan"), "jynamo.scan=deny: the owner by key");
            Client gone = own.withEntityManager(em -> em.find(Client.class, "k2"));
            assertNull(gone);
            assertEquals("K0", own.withEntityManager(em -> em.find(Client.class, "k0").name));
        }
    }

    // ---- JOIN of a link-table collection ---------------------------------------------------

    @Test
    void joinOfALinkTableCollectionRepeatsEachOwnerPerTargetFoundUnlessDistinct() {
        unit.calls().reset();
        List<Student> found = unit.withEntityManager(em -> em.createQuery(
                "SELECT s FROM Student s JOIN s.courses c WHERE c.title IN ('MATH', 'PHYSICS')", Student.class)
                .getResultList());
        List<String> expected = new ArrayList<>();
        COURSES.forEach((student, courses) -> courses.stream().filter(c -> c.equals("math") || c.equals("physics"))
                .forEach(c -> expected.add(student)));
        assertEquals(expected.stream().sorted().toList(), studentIds(found));
        assertEquals(1, unit.calls().count("scan"), "the courses first (their own plan)");
        assertEquals(2, unit.calls().count("query"), "the links of each course found");
        assertEquals(1, unit.calls().count("batchGetItem"), "then the students by key");
        List<Student> distinct = unit.withEntityManager(em -> em.createQuery(
                "SELECT DISTINCT s FROM Student s JOIN s.courses c WHERE c.title IN ('MATH', 'PHYSICS')", Student.class)
                .getResultList());
        assertEquals(expected.stream().distinct().sorted().toList(), studentIds(distinct));
        List<Course> ofS2 = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Course c JOIN c.students s WHERE s.id = 's2'", Course.class).getResultList());
        assertEquals(List.of("math", "physics"), ofS2.stream().map(c -> c.id).sorted().toList());
    }

    // ---- the same through the Criteria API ---------------------------------------------------

    @Test
    void criteriaIsMemberIsEmptyAndSizeLowerToTheSamePlans() {
        unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            Purchase p = em.getReference(Purchase.class, "c4-p1");
            assertEquals(List.of("c4"), clientIds(clients(em, (q, c) -> q.where(cb.isMember(p, c.get("purchases"))))));
            assertEquals(List.of("c0", "c1", "c2", "c3"),
                    clientIds(clients(em, (q, c) -> q.where(cb.isNotMember(p, c.get("purchases"))))));
            assertEquals(List.of("c0"), clientIds(clients(em, (q, c) -> q.where(cb.isEmpty(c.get("purchases"))))));
            assertEquals(clientsWhere(n -> n > 0),
                    clientIds(clients(em, (q, c) -> q.where(cb.isNotEmpty(c.get("purchases"))))));
            assertEquals(clientsWhere(n -> n >= 2),
                    clientIds(clients(em, (q, c) -> q.where(cb.ge(cb.size(c.get("purchases")), 2)))));
            CriteriaQuery<Student> sq = cb.createQuery(Student.class);
            Root<Student> s = sq.from(Student.class);
            sq.where(cb.isMember(em.getReference(Course.class, "physics"), s.get("courses")));
            assertEquals(List.of("s2", "s3"), studentIds(em.createQuery(sq).getResultList()));
            return null;
        });
    }

    private interface Where {
        void apply(CriteriaQuery<Client> q, Root<Client> c);
    }

    private static List<Client> clients(EntityManager em, Where where) {
        CriteriaQuery<Client> q = em.getCriteriaBuilder().createQuery(Client.class);
        Root<Client> c = q.from(Client.class);
        where.apply(q, c);
        return em.createQuery(q).getResultList();
    }
}
