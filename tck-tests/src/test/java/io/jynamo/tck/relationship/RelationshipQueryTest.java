package io.jynamo.tck.relationship;

import io.jynamo.JynamoEntityManager;
import io.jynamo.tck.relationship.model.Client;
import io.jynamo.tck.relationship.model.Purchase;
import io.jynamo.tck.relationship.model.Store;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.PersistenceUnitUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JPQL over relationships against the engine (issue 11): foreign-key paths, entity comparisons, JOIN FETCH. */
class RelationshipQueryTest {

    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Client.class, Purchase.class, Store.class).property("jynamo.scan", "deny").build();
        unit.inTransaction(em -> {
            Client.persistShop(em);
            em.persist(new Client("c9", "No purchases"));
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static List<String> ids(List<Purchase> purchases) {
        return purchases.stream().map(p -> p.id).sorted().toList();
    }

    @Test
    void aConditionOnTheTargetsKeyIsAQueryOnTheForeignKeyIndex() {
        unit.calls().reset();
        List<Purchase> found = unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Purchase p WHERE p.client.id = :c", Purchase.class).setParameter("c", "c1").getResultList());
        assertEquals(List.of("c1-p0", "c1-p1", "c1-p2", "c1-p3"), ids(found));
        assertEquals(1, unit.calls().count("query"), "jynamo.scan=deny: no Scan");
        String plan = unit.withEntityManager(em -> em.unwrap(JynamoEntityManager.class)
                .explain("SELECT p FROM Purchase p WHERE p.client.id = :c"));
        assertTrue(plan.contains("fk_client_id"), plan);
    }

    @Test
    void anEntityParameterComparesItsKeyWithTheForeignKey() {
        List<Purchase> found = unit.withEntityManager(em -> em.createQuery(
                "SELECT p FROM Purchase p WHERE p.client = :c AND p.amount >= 2", Purchase.class)
                .setParameter("c", em.getReference(Client.class, "c2")).getResultList());
        assertEquals(List.of("c2-p2", "c2-p3"), ids(found));
    }

    @Test
    void joinFetchOfAToOneReadsTheTargetsInOneBatch() {
        unit.calls().reset();
        PersistenceUnitUtil util = unit.emf().getPersistenceUnitUtil();
        unit.withEntityManager(em -> {
            List<Purchase> found = em.createQuery("SELECT p FROM Purchase p JOIN FETCH p.client WHERE p.client.id = 'c0'",
                    Purchase.class).getResultList();
            assertEquals(4, found.size());
            found.forEach(p -> assertTrue(util.isLoaded(p.client), "fetched"));
            return null;
        });
        assertEquals(1, unit.calls().count("query"));
        assertEquals(1, reads("Client"), "the client, read once");
        assertEquals(1, reads("Store"), "the eager store, read once for all four");
    }

    /** How many GetItem and BatchGetItem calls read the table. */
    private static long reads(String table) {
        return unit.calls().log().stream().filter(c -> c.operation().endsWith("etItem")
                && c.request().toString().contains(unit.prefix() + table + "")).count();
    }

    @Test
    void joinFetchOfACollectionLoadsItPerOwner() {
        unit.calls().reset();
        unit.withEntityManager(em -> {
            List<Client> found = em.createQuery("SELECT c FROM Client c LEFT JOIN FETCH c.purchases WHERE c.id IN ('c0', 'c1')",
                    Client.class).getResultList();
            assertEquals(2, found.size());
            PersistenceUnitUtil util = unit.emf().getPersistenceUnitUtil();
            found.forEach(c -> assertTrue(util.isLoaded(c, "purchases")));
            assertEquals(4, found.get(0).purchases.size());
            return null;
        });
        assertEquals(1, reads("Client"));
        assertEquals(2, unit.calls().count("query"), "one index Query per client, the floor");
        assertEquals(1, reads("Store"), "the purchases' eager store, once");
    }

    @Test
    void anInnerJoinFetchOfACollectionDropsTheOwnersWithoutElementsBeforeFirstAndMaxApply() {
        unit.calls().reset();
        String jpql = "SELECT c FROM Client c JOIN FETCH c.purchases WHERE c.id IN ('c0', 'c9', 'c1') ORDER BY c.id";
        List<String> found = unit.withEntityManager(em -> em.createQuery(jpql, Client.class).getResultList()
                .stream().map(c -> c.id + ":" + c.purchases.size()).toList());
        assertEquals(List.of("c0:4", "c1:4"), found, "c9 has no purchase: no row");
        assertEquals(1, reads("Client"));
        assertEquals(3, unit.calls().count("query"), "one index Query per client read, c9's finding none");
        List<String> second = unit.withEntityManager(em -> em.createQuery(jpql, Client.class).setFirstResult(1)
                .setMaxResults(1).getResultList().stream().map(c -> c.id).toList());
        assertEquals(List.of("c1"), second, "firstResult and maxResults count the rows kept");
        List<String> streamed = unit.withEntityManager(em -> em.createQuery(jpql, Client.class).getResultStream()
                .map(c -> c.id).toList());
        assertEquals(List.of("c0", "c1"), streamed);
    }

    @Test
    void anInnerJoinFetchKeepsAnOwnerWhoseStoredElementsItsInMemoryCollectionDoesNotHold() {
        // As the official TCK's data set-up does: the owning side set, the application's collection left empty, one
        // entity manager throughout (the persisted client stays managed with its own list).
        List<String> found = unit.withEntityManager(em -> {
            em.getTransaction().begin();
            Client c = new Client("c7", "Owning side only");
            em.persist(c);
            em.persist(new Purchase("c7-p0", 5, c));
            em.flush();
            unit.calls().reset();
            List<String> ids = em.createQuery("SELECT c FROM Client c JOIN FETCH c.purchases WHERE c.id IN ('c7', 'c9')",
                    Client.class).getResultList().stream().map(x -> x.id + ":" + x.purchases.size()).toList();
            em.getTransaction().commit();
            return ids;
        });
        assertEquals(List.of("c7:0"), found, "DynamoDB holds a purchase of c7; the managed c7 keeps the list it was given");
        assertEquals(2, unit.calls().count("query"), "c9's fetch, and a Select=COUNT Limit 1 for the c7 the application made");
        unit.inTransaction(em -> {
            em.remove(em.find(Purchase.class, "c7-p0"));
            em.remove(em.find(Client.class, "c7"));
        });
    }

    @Test
    void aDistinctJoinOfACollectionWithoutConditionsKeepsTheOwnersWithAnElementOrEveryOwner() {
        unit.calls().reset();
        List<String> inner = unit.withEntityManager(em -> em.createQuery(
                "SELECT DISTINCT c FROM Client c JOIN c.purchases p WHERE c.id IN ('c0', 'c9')", Client.class)
                .getResultList().stream().map(c -> c.id).toList());
        assertEquals(List.of("c0"), inner);
        assertEquals(2, unit.calls().count("query"), "a Select=COUNT Query of the index per client, Limit 1");
        long count = unit.withEntityManager(em -> em.createQuery(
                "SELECT COUNT(DISTINCT c) FROM Client c JOIN c.purchases p WHERE c.id IN ('c0', 'c1', 'c9')", Long.class)
                .getSingleResult());
        assertEquals(2L, count);
        List<String> left = unit.withEntityManager(em -> em.createQuery(
                "SELECT DISTINCT c FROM Client c LEFT JOIN c.purchases p WHERE c.id IN ('c0', 'c9') ORDER BY c.id",
                Client.class).getResultList().stream().map(c -> c.id).toList());
        assertEquals(List.of("c0", "c9"), left);
        List<String> member = unit.withEntityManager(em -> em.createQuery(
                "SELECT DISTINCT Object(C) FROM Client c, IN(c.purchases) p WHERE c.id IN ('c0', 'c9')", Client.class)
                .getResultList().stream().map(c -> c.id).toList());
        assertEquals(List.of("c0"), member, "a collection member declaration is the inner join");
    }

    @Test
    void sizeOfARelationshipCollectionIsASelectItemCountedPerRow() {
        // As the official TCK's CriteriaBuilder sizeCollectionTest selects it.
        unit.calls().reset();
        List<String> rows = unit.withEntityManager(em -> em.createQuery(
                "SELECT c.name, SIZE(c.purchases), SIZE(c.purchases) * 10 FROM Client c WHERE c.id IN ('c0', 'c9') ORDER BY c.id",
                Object[].class).getResultList().stream().map(r -> r[0] + ":" + r[1] + ":" + r[2]).toList());
        assertEquals(List.of("Client 0:4:40", "No purchases:0:0"), rows);
        assertEquals(2, unit.calls().count("query"), "one Select=COUNT Query per row (the two items count once)");
        String explain = unit.withEntityManager(em -> em.unwrap(JynamoEntityManager.class)
                .explain("SELECT SIZE(c.purchases) FROM Client c WHERE c.id = 'c1'"));
        assertTrue(explain.contains("per row:") && explain.contains("all of it for a select item"), explain);
        assertEquals(4, (int) unit.withEntityManager(em -> em.createQuery(
                "SELECT SIZE(c.purchases) FROM Client c WHERE c.id = 'c1'", Integer.class).getSingleResult()));
        assertEquals(List.of("c0"), unit.withEntityManager(em -> em.createQuery(
                "SELECT c.id FROM Client c WHERE c.id IN ('c0', 'c9') AND SIZE(c.purchases) * 2 > 6", String.class)
                .getResultList()), "inside arithmetic in a condition too");
    }

    @Test
    void withoutFetchTheCollectionStaysUnloaded() {
        unit.withEntityManager(em -> {
            Client c = em.createQuery("SELECT c FROM Client c WHERE c.id = 'c0'", Client.class).getSingleResult();
            assertFalse(unit.emf().getPersistenceUnitUtil().isLoaded(c, "purchases"));
            return null;
        });
    }

    @Test
    void isNullOnAToOneIsAConditionOnTheForeignKey() {
        unit.inTransaction(em -> em.persist(new Purchase("orphan", 9, null)));
        try {
            List<Purchase> found = unit.withEntityManager(em -> em.createQuery(
                    "SELECT p FROM Purchase p WHERE p.client IS NULL AND p.amount = 9", Purchase.class)
                    .setHint("jynamo.scan", "allow").getResultList());
            assertEquals(List.of("orphan"), ids(found));
        } finally {
            unit.inTransaction(em -> em.remove(em.find(Purchase.class, "orphan")));
        }
    }

    @Test
    void deletingThePurchasesOfAClientByEntityIsAKeyedDelete() {
        unit.inTransaction(em -> IntStream.range(0, 2).forEach(i -> em.persist(new Purchase("tmp" + i, 100, null))));
        int deleted = unit.fromTransaction(em -> em.createQuery("DELETE FROM Purchase p WHERE p = ?1 OR p = ?2")
                .setParameter(1, em.getReference(Purchase.class, "tmp0"))
                .setParameter(2, em.getReference(Purchase.class, "tmp1")).executeUpdate());
        assertEquals(2, deleted);
    }
}
