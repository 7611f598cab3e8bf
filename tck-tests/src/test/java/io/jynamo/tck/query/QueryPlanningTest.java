package io.jynamo.tck.query;

import io.jynamo.JynamoException;
import io.jynamo.tck.model.Person;
import io.jynamo.tck.support.Logs;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which DynamoDB operation a JPQL query becomes, seen through the calls made. */
class QueryPlanningTest {

    private static void people(TestUnit unit, int n) {
        unit.inTransaction(em -> {
            for (int i = 0; i < n; i++) {
                em.persist(new Person("Smith", String.format("p%03d", i), "p" + i + "@x.org", i));
            }
        });
        unit.calls().reset();
    }

    private static <R> R inEm(TestUnit unit, java.util.function.Function<EntityManager, R> work) {
        return unit.withEntityManager(work);
    }

    @Test
    void keyConditionQueriesNeverScanAndIndexQueriesNameTheIndex() {
        try (TestUnit unit = TestUnit.of(Person.class).property("jynamo.scan", "deny").build()) {
            people(unit, 10);
            inEm(unit, em -> {
                assertEquals(3, em.createQuery("SELECT p FROM Person p WHERE p.lastName = 'Smith' AND p.firstName < 'p003'", Person.class)
                        .getResultList().size());
                assertEquals(1, em.createQuery("SELECT p FROM Person p WHERE p.email = 'p4@x.org'", Person.class).getResultList().size());
                assertEquals(1, em.createQuery("SELECT p FROM Person p WHERE p.lastName = 'Smith' AND p.email = 'p5@x.org'", Person.class)
                        .setHint("jynamo.index", "byEmail").getResultList().size());
                return null;
            });
            assertEquals(0, unit.calls().count("scan"));
            List<QueryRequest> queries = unit.calls().requests("query");
            assertEquals(3, queries.size());
            assertNull(queries.get(0).indexName());
            assertTrue(queries.get(1).indexName().endsWith("byEmail"), queries.get(1).indexName());
            assertTrue(queries.get(2).indexName().endsWith("byEmail"), "the hint forces the index");
        }
    }

    @Test
    void inOfOneHundredFullKeysIsOneBatchGetInKeyOrder() {
        try (TestUnit unit = TestUnit.of(Person.class).property("jynamo.scan", "deny").build()) {
            people(unit, 120);
            List<String> keys = new ArrayList<>();
            for (int i = 99; i >= 0; i--) {
                keys.add(String.format("p%03d", i));
            }
            List<Person> found = inEm(unit, em -> em.createQuery(
                    "SELECT p FROM Person p WHERE p.lastName = 'Smith' AND p.firstName IN :keys", Person.class)
                    .setParameter("keys", keys).getResultList());
            assertEquals(keys, found.stream().map(Person::getFirstName).toList());
            assertEquals(1, unit.calls().count("batchGetItem"));
            assertEquals(1, unit.calls().total());
            BatchGetItemRequest r = unit.calls().<BatchGetItemRequest>requests("batchGetItem").get(0);
            assertEquals(100, r.requestItems().values().iterator().next().keys().size());
        }
    }

    @Test
    void scanPolicyDenyFailsBeforeAnyCallNamingTheMissingCondition() {
        try (TestUnit unit = TestUnit.of(Person.class).property("jynamo.scan", "deny").build()) {
            unit.calls().reset();
            JynamoException e = assertThrows(JynamoException.class, () -> inEm(unit, em ->
                    em.createQuery("SELECT p FROM Person p WHERE p.age > 3", Person.class).getResultList()));
            assertEquals(0, unit.calls().total());
            assertTrue(e.getMessage().contains("lastName") && e.getMessage().contains("byEmail"), e.getMessage());
            // also inside a transaction with pending work: nothing is flushed either
            unit.calls().reset();
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            em.persist(new Person("Jones", "Al", "al@x.org", 3));
            assertThrows(JynamoException.class, () -> em.createQuery("SELECT COUNT(p) FROM Person p", Long.class).getSingleResult());
            assertEquals(0, unit.calls().total());
            em.getTransaction().rollback();
            em.close();
        }
    }

    @Test
    void scanPolicyWarnLogsOncePerQuery() {
        try (TestUnit unit = TestUnit.of(Person.class).property("jynamo.scan", "warn").build()) {
            people(unit, 3);
            List<LogRecord> records = Logs.during("io.jynamo", () -> {
                for (int i = 0; i < 3; i++) {
                    assertEquals(2, inEm(unit, em -> em.createQuery("SELECT p FROM Person p WHERE p.age > 0", Person.class).getResultList()).size());
                }
            });
            assertEquals(3, unit.calls().count("scan"));
            assertEquals(1, records.stream().filter(r -> r.getMessage().contains("p.age > 0")).count());
        }
    }

    @Test
    void setMaxResultsOnATenThousandItemPartitionReadsOneQueryPage() {
        try (TestUnit unit = TestUnit.of(Item.class).property("jynamo.scan", "deny").build()) {
            unit.inTransaction(em -> {
                for (int seq = 0; seq < 10_000; seq++) {
                    em.persist(new Item("huge", seq));
                }
            });
            unit.calls().reset();
            List<Item> ten = inEm(unit, em -> em.createQuery("SELECT i FROM Item i WHERE i.bucket = 'huge' ORDER BY i.seq", Item.class)
                    .setMaxResults(10).getResultList());
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), ten.stream().map(Item::getSeq).toList());
            assertEquals(1, unit.calls().count("query"));
            assertEquals(1, unit.calls().total());
            assertEquals(10, unit.calls().<QueryRequest>requests("query").get(0).limit());
        }
    }
}
