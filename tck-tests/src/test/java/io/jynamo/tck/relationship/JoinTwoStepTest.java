package io.jynamo.tck.relationship;

import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoException;
import io.jynamo.tck.relationship.model.Client;
import io.jynamo.tck.relationship.model.Purchase;
import io.jynamo.tck.relationship.model.Store;
import io.jynamo.tck.support.TestUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code JOIN p.client c WHERE c.name = ...}: a condition on an attribute of the joined entity that the root's item
 * does not store is a two-step read, the joined entities first (their own plan), then the root by its foreign key.
 * Answers compared with an in-memory copy of the data; calls counted.
 */
class JoinTwoStepTest {

    private static TestUnit unit;
    /** The most joined keys read with one Query each. */
    private static final int MAX_QUERIES = 100;
    /** The oracle: purchase id to (amount, client name or null). */
    private static final Map<String, Object[]> PURCHASES = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Client.class, Purchase.class, Store.class).property("jynamo.scan", "allow").build();
        unit.inTransaction(em -> {
            String[] names = {"Ann", "Bob", "Ann", "Cy"};
            for (int c = 0; c < names.length; c++) {
                Client client = new Client("c" + c, names[c]);
                for (int p = 0; p < 3; p++) {
                    Purchase bought = client.buy("c" + c + "-p" + p, p + c);
                    PURCHASES.put(bought.id, new Object[] {bought.amount, names[c]});
                }
                em.persist(client);
            }
            em.persist(new Purchase("orphan", 5, null));
            PURCHASES.put("orphan", new Object[] {5, null});
            for (int c = 0; c <= MAX_QUERIES; c++) {
                Client many = new Client("m" + c, "Many");
                Purchase bought = many.buy("m" + c + "-p", 1);
                PURCHASES.put(bought.id, new Object[] {1, "Many"});
                em.persist(many);
            }
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static List<String> expected(BiPredicate<Integer, String> where) {
        List<String> out = new ArrayList<>();
        PURCHASES.forEach((id, v) -> {
            if (v[1] != null && where.test((Integer) v[0], (String) v[1])) {
                out.add(id);
            }
        });
        return out.stream().sorted().toList();
    }

    private static List<String> ids(List<Purchase> purchases) {
        return purchases.stream().map(p -> p.id).sorted().toList();
    }

    private static List<Purchase> purchases(String jpql, Object... params) {
        return unit.withEntityManager(em -> {
            var q = em.createQuery(jpql, Purchase.class);
            for (int i = 0; i < params.length; i += 2) {
                q.setParameter((String) params[i], params[i + 1]);
            }
            return q.getResultList();
        });
    }

    /** The calls that read Purchase or Client items (the eager stores' reads left out). */
    private static long calls(String operation, String table) {
        return unit.calls().log().stream().filter(c -> c.operation().equals(operation)
                && c.request().toString().contains("TableName=" + unit.prefix() + table + ",")).count();
    }

    @Test
    void oneJoinedEntityFoundIsAQueryOfTheForeignKeyIndex() {
        unit.calls().reset();
        List<Purchase> found = purchases("SELECT p FROM Purchase p JOIN p.client c WHERE c.name = :n", "n", "Bob");
        assertEquals(expected((a, n) -> n.equals("Bob")), ids(found));
        assertEquals(1, calls("scan", "Client"), "the clients named Bob: their own plan (a Scan here)");
        assertEquals(1, calls("query", "Purchase"), "then the purchases of the one client found");
        assertEquals(0, calls("scan", "Purchase"));
        ScanRequest clients = unit.calls().<ScanRequest>requests("scan").get(0);
        assertTrue(clients.projectionExpression() != null, "only the clients' keys are read");
        QueryRequest query = unit.calls().<QueryRequest>requests("query").get(0);
        assertEquals("fk_client_id", query.indexName());
    }

    @Test
    void severalJoinedEntitiesAreAQueryOfTheForeignKeyIndexEach() {
        unit.calls().reset();
        List<Purchase> found = purchases("SELECT p FROM Purchase p JOIN p.client c WHERE c.name = :n AND p.amount >= 2",
                "n", "Ann");
        assertEquals(expected((a, n) -> n.equals("Ann") && a >= 2), ids(found));
        assertEquals(1, calls("scan", "Client"));
        assertEquals(2, calls("query", "Purchase"), "the two clients named Ann: one Query each");
        assertEquals(0, calls("scan", "Purchase"));
        for (QueryRequest q : unit.calls().<QueryRequest>requests("query")) {
            assertEquals("fk_client_id", q.indexName());
            assertEquals("#n1 >= :v1", q.filterExpression());
        }
    }

    @Test
    void maxResultsStopsReadingAfterTheQueriesItNeeds() {
        unit.calls().reset();
        List<Purchase> first = unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Purchase p JOIN p.client c WHERE c.name = 'Ann'", Purchase.class).setMaxResults(2)
                .getResultList());
        assertEquals(2, first.size());
        assertEquals(1, calls("query", "Purchase"), "the first client's purchases are enough");
    }

    @Test
    void aSortInMemoryOrAnOrderedCountSpansTheQueries() {
        List<Integer> amounts = unit.withEntityManager(em -> em.createQuery(
                "SELECT p.amount FROM Purchase p JOIN p.client c WHERE c.name = 'Ann' ORDER BY p.amount DESC",
                Integer.class).getResultList());
        assertEquals(List.of(4, 3, 2, 2, 1, 0), amounts);
        long n = unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(p) FROM Purchase p JOIN p.client c WHERE c.name = 'Ann' AND p.amount > 1", Long.class)
                .getSingleResult());
        assertEquals(expected((a, name) -> name.equals("Ann") && a > 1).size(), n);
    }

    @Test
    void moreJoinedEntitiesThanQueriesAreWorthAreOneScanWithTheForeignKeyInThem() {
        unit.calls().reset();
        List<Purchase> found = purchases("SELECT p FROM Purchase p JOIN p.client c WHERE c.name = 'Many'");
        assertEquals(expected((a, n) -> n.equals("Many")), ids(found));
        assertEquals(MAX_QUERIES + 1, found.size());
        assertEquals(0, calls("query", "Purchase"));
        assertEquals(1, calls("scan", "Purchase"), "client_id IN (...) in one Scan");
    }

    @Test
    void conditionsOnTheJoinedEntitysKeyAndOtherAttributesTogether() {
        List<Purchase> found = purchases("SELECT p FROM Purchase p JOIN p.client c "
                + "WHERE (c.name LIKE 'A%' OR c.name = 'Cy') AND c.id <> 'c0' AND p.amount < 4");
        List<String> oracle = expected((a, n) -> (n.startsWith("A") || n.equals("Cy")) && a < 4).stream()
                .filter(id -> !id.startsWith("c0-")).toList();
        assertEquals(oracle, ids(found));
        List<Purchase> leftJoin = purchases("SELECT p FROM Purchase p LEFT JOIN p.client c WHERE c.name = 'Cy'");
        assertEquals(expected((a, n) -> n.equals("Cy")), ids(leftJoin), "LEFT JOIN: WHERE c.name drops rows without c");
    }

    @Test
    void aPathThroughTheToOneIsTheSameInnerJoinInJpqlAndCriteria() {
        unit.calls().reset();
        List<Purchase> found = purchases("SELECT p FROM Purchase p WHERE p.client.name = :n AND p.amount >= 2", "n", "Ann");
        assertEquals(expected((a, n) -> n.equals("Ann") && a >= 2), ids(found));
        assertEquals(1, calls("scan", "Client"), "the clients named Ann, keys only");
        assertEquals(2, calls("query", "Purchase"), "then one Query of the foreign-key index per client");
        assertEquals(3, unit.calls().total());

        List<Purchase> criteria = unit.withEntityManager(em -> {
            var cb = em.getCriteriaBuilder();
            var q = cb.createQuery(Purchase.class);
            var p = q.from(Purchase.class);
            q.where(cb.equal(p.get("client").get("name"), "Cy"), cb.lt(p.get("amount"), 5));
            return em.createQuery(q).getResultList();
        });
        assertEquals(expected((a, n) -> n.equals("Cy") && a < 5), ids(criteria));
        long count = unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(p) FROM Purchase p WHERE p.client.name LIKE 'A%'", Long.class).getSingleResult());
        assertEquals(expected((a, n) -> n.startsWith("A")).size(), count, "the orphan purchase has no client: not counted");
    }

    @Test
    void idOfTheRootAndOfTheToOneAreTheirKeys() {
        unit.calls().reset();
        List<String> ids = unit.withEntityManager(em -> em.createQuery(
                "SELECT ID(p) FROM Purchase p WHERE ID(p.client) = :c ORDER BY ID(p)", String.class)
                .setParameter("c", "c1").getResultList());
        assertEquals(List.of("c1-p0", "c1-p1", "c1-p2"), ids);
        assertEquals(1, calls("query", "Purchase"), "ID(p.client) is the stored foreign key: a Query of its index");
        assertEquals(1, unit.calls().total());
    }

    @Test
    void noJoinedEntityFoundReadsNothingMore() {
        unit.calls().reset();
        assertEquals(List.of(), purchases("SELECT p FROM Purchase p JOIN p.client c WHERE c.name = 'Nobody'"));
        assertEquals(1, unit.calls().total(), "the Scan of the clients only");
    }

    @Test
    void countAndProjectionOverATwoStepJoin() {
        long n = unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(p) FROM Purchase p JOIN p.client c WHERE c.name = 'Ann'", Long.class).getSingleResult());
        assertEquals(expected((a, name) -> name.equals("Ann")).size(), n);
        List<Integer> amounts = unit.withEntityManager(em -> em.createQuery(
                "SELECT p.amount FROM Purchase p JOIN p.client c WHERE c.name = 'Cy' ORDER BY p.amount DESC",
                Integer.class).getResultList());
        assertEquals(List.of(5, 4, 3), amounts);
    }

    @Test
    void theScanPolicyAppliesToTheJoinedEntitysPlan() {
        unit.calls().reset();
        var e = assertThrows(JynamoException.class, () -> unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Purchase p JOIN p.client c WHERE c.name = 'Ann'", Purchase.class)
                .setHint("jynamo.scan", "deny").getResultList()));
        assertTrue(e.getMessage().contains("would Scan the whole table " + unit.prefix() + "Client"), e.getMessage());
        assertEquals(0, unit.calls().total());
    }

    @Test
    void explainShowsTheJoinedEntitysPlanFirst() {
        String plan = unit.withEntityManager(em -> em.unwrap(JynamoEntityManager.class)
                .explain("SELECT p FROM Purchase p JOIN p.client c WHERE c.name = :n"));
        assertTrue(plan.startsWith("first:          step1 = the keys of the Client entities JOIN p.client c WHERE "
                + "(conditions on c) selects: their own plan, [operation: SCAN; entity: Client; table: "
                + unit.prefix() + "Client; filter: #n0 = :v0; projection: #n1; scan: yes: "), plan);
        assertTrue(plan.contains("then Purchase.client IN step1"), plan);
    }

    // ---- JOIN of a collection ----------------------------------------------------------------

    /** The oracle of a JOIN c.purchases p: the client id of each purchase that passes, once per purchase. */
    private static List<String> ownersPerPurchase(BiPredicate<Integer, String> where) {
        List<String> out = new ArrayList<>();
        PURCHASES.forEach((id, v) -> {
            if (v[1] != null && where.test((Integer) v[0], (String) v[1])) {
                out.add(id.substring(0, id.indexOf('-')));
            }
        });
        return out.stream().sorted().toList();
    }

    private static List<String> clientIds(List<Client> clients) {
        return clients.stream().map(c -> c.id).sorted().toList();
    }

    @Test
    void joinOfACollectionReturnsEachOwnerOncePerChildFoundAsSqlDoes() {
        unit.calls().reset();
        List<Client> found = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Client c JOIN c.purchases p WHERE p.amount >= 4", Client.class).getResultList());
        assertEquals(ownersPerPurchase((a, n) -> a >= 4), clientIds(found));
        assertEquals(List.of("c2", "c3", "c3"), clientIds(found));
        assertEquals(1, calls("scan", "Purchase"), "the purchases first (their own plan)");
        assertEquals(1, unit.calls().count("batchGetItem"), "then their clients by key");
    }

    @Test
    void distinctReturnsEachOwnerOnce() {
        List<Client> found = unit.withEntityManager(em -> em.createQuery(
                "SELECT DISTINCT c FROM Client c JOIN c.purchases p WHERE p.amount >= 4", Client.class).getResultList());
        assertEquals(ownersPerPurchase((a, n) -> a >= 4).stream().distinct().toList(), clientIds(found));
        long n = unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(DISTINCT c) FROM Client c JOIN c.purchases p WHERE p.amount >= 4", Long.class)
                .getSingleResult());
        assertEquals(2L, n);
        var e = assertThrows(IllegalArgumentException.class, () -> unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(c) FROM Client c JOIN c.purchases p WHERE p.amount >= 4", Long.class).getSingleResult()));
        assertTrue(e.getMessage().contains("COUNT(DISTINCT c)"), e.getMessage());
    }

    @Test
    void joinOfACollectionWithAnIndexConditionAndConditionsOnTheRoot() {
        unit.calls().reset();
        List<Client> five = unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Client c JOIN c.purchases p WHERE p.amount = :a", Client.class).setParameter("a", 5)
                .getResultList());
        assertEquals(ownersPerPurchase((a, n) -> a == 5), clientIds(five));
        assertEquals(1, calls("query", "Purchase"), "amount = :a is a Query of the index byAmount");
        assertEquals(0, calls("scan", "Purchase"));
        List<String> names = unit.withEntityManager(em -> em.createQuery(
                "SELECT c.name FROM Client c JOIN c.purchases p WHERE p.amount = 3 AND c.name <> 'Cy' ORDER BY c.name",
                String.class).getResultList());
        assertEquals(List.of("Ann", "Bob"), names);
        // Without a condition on the purchases: each client once per purchase, from the clients' collections.
        assertEquals(ownersPerPurchase((a, n) -> true), clientIds(unit.withEntityManager(em -> em.createQuery(
                "SELECT c FROM Client c JOIN c.purchases p", Client.class).getResultList())));
    }

    @Test
    void aConditionMixingTheJoinedEntityWithTheRootIsEvaluatedOnTheClientsLoadedAfterTheRead() {
        List<Purchase> found = purchases("SELECT p FROM Purchase p JOIN p.client c WHERE c.name = 'Ann' OR p.amount > 3");
        assertEquals(expected((a, n) -> n.equals("Ann") || a > 3), ids(found));
    }
}
