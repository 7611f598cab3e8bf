package io.jynamo.tck.query;

import io.jynamo.tck.model.Person;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.NoResultException;
import jakarta.persistence.NonUniqueResultException;
import jakarta.persistence.Parameter;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TransactionRequiredException;
import jakarta.persistence.TypedQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JPA 3.11 query execution against the local engine, with DynamoDB calls counted. */
class QueryExecutionTest {

    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Item.class, Person.class).property("jynamo.scan", "allow").build();
        unit.inTransaction(em -> {
            for (int seq = 0; seq < 20; seq++) {
                Item i = new Item("small", seq);
                i.setName(seq % 2 == 0 ? "even" : "odd");
                i.setStatus(seq < 5 ? Item.Status.NEW : Item.Status.ACTIVE);
                i.setCount((long) seq);
                i.setPrice(new BigDecimal(seq + ".5"));
                i.setColor(seq < 3 ? "red" : null);
                i.setAddress(new Item.Address("City" + seq, "Z" + seq));
                em.persist(i);
            }
            // 30 items of 100 kB: about three 1 MB pages.
            for (int seq = 0; seq < 30; seq++) {
                Item i = new Item("big", seq);
                i.setPayload(new byte[100_000]);
                i.setCount(1L);
                em.persist(i);
            }
        });
        unit.calls().reset();
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static <R> R inEm(java.util.function.Function<EntityManager, R> work) {
        return unit.withEntityManager(work);
    }

    @Test
    void getResultListReturnsTheKeyedPartitionInSortKeyOrderWithOneQueryAndNoScan() {
        unit.calls().reset();
        List<Item> items = inEm(em -> em.createQuery("SELECT i FROM Item i WHERE i.bucket = 'small' ORDER BY i.seq DESC", Item.class)
                .getResultList());
        assertEquals(IntStream.range(0, 20).map(i -> 19 - i).boxed().toList(), items.stream().map(Item::getSeq).toList());
        assertEquals(1, unit.calls().count("query"));
        assertEquals(0, unit.calls().count("scan"));
    }

    @Test
    void getResultStreamReadsOnePageForTheFirstElementOfAMultiPageResult() {
        unit.calls().reset();
        Item first = inEm(em -> em.createQuery("SELECT i FROM Item i WHERE i.bucket = 'big'", Item.class)
                .getResultStream().findFirst().orElseThrow());
        assertEquals(0, first.getSeq());
        assertEquals(1, unit.calls().count("query"));
        unit.calls().reset();
        long all = inEm(em -> em.createQuery("SELECT i FROM Item i WHERE i.bucket = 'big'", Item.class).getResultStream().count());
        assertEquals(30, all);
        assertTrue(unit.calls().count("query") >= 3, "30 items of 100 kB span several 1 MB pages: " + unit.calls().count("query"));
    }

    @Test
    void aLockedQueryOutsideATransactionThrowsTransactionRequiredBeforeAnyCall() {
        unit.calls().reset();
        inEm(em -> {
            var q = em.createQuery("SELECT i FROM Item i WHERE i.bucket = 'small'", Item.class)
                    .setLockMode(jakarta.persistence.LockModeType.READ);
            assertThrows(jakarta.persistence.TransactionRequiredException.class, q::getResultList);
            assertThrows(jakarta.persistence.TransactionRequiredException.class, q::getSingleResult);
            em.getTransaction().begin();
            assertEquals(20, q.getResultList().size());
            em.getTransaction().commit();
            return null;
        });
        assertEquals(1, unit.calls().total());
    }

    @Test
    void countOfKeysInTwoPartitionsIsOneBatchGetItemNotAScan() {
        unit.calls().reset();
        long n = inEm(em -> em.createQuery("SELECT COUNT(i) FROM Item i WHERE (i.bucket = 'small' AND i.seq = 3)"
                + " OR (i.bucket = 'big' AND i.seq = 4) OR (i.bucket = 'small' AND i.seq = 99)", Long.class).getSingleResult());
        assertEquals(2, n, "the key that names no item is not counted");
        assertEquals(1, unit.calls().count("batchGetItem"));
        assertEquals(1, unit.calls().total());
    }

    @Test
    void countHonoursMaxResultsAndFirstResultLikeAnyOneRowResult() {
        String jpql = "SELECT COUNT(i) FROM Item i WHERE i.bucket = 'small'";
        assertEquals(List.of(20L), inEm(em -> em.createQuery(jpql, Long.class).getResultList()));
        assertEquals(List.of(), inEm(em -> em.createQuery(jpql, Long.class).setMaxResults(0).getResultList()));
        assertEquals(List.of(), inEm(em -> em.createQuery(jpql, Long.class).setFirstResult(1).getResultList()));
    }

    @Test
    void bulkUpdateAndDeleteByFullKeySendOnlyTheWrites() {
        unit.inTransaction(em -> {
            em.persist(new Item("keyed", 1));
            em.persist(new Item("keyed", 2));
        });
        unit.calls().reset();
        int updated = unit.fromTransaction(em -> em.createQuery(
                "UPDATE Item i SET i.name = 'k' WHERE i.bucket = 'keyed' AND i.seq IN (1, 2, 3)").executeUpdate());
        assertEquals(2, updated, "the absent key 3 is not counted and not created");
        assertEquals(3, unit.calls().count("updateItem"));
        assertEquals(0, unit.calls().count("batchGetItem") + unit.calls().count("getItem"),
                "the conditional UpdateItem already tells whether the item exists");
        assertNull(inEm(em -> em.find(Item.class, new Item.Key("keyed", 3))));
        unit.calls().reset();
        int deleted = unit.fromTransaction(em -> em.createQuery(
                "DELETE FROM Item i WHERE i.bucket = 'keyed' AND i.seq = 1").executeUpdate());
        assertEquals(1, deleted);
        assertEquals(1, unit.calls().total(), "one DeleteItem says whether it deleted something");
        assertEquals(0, (int) unit.fromTransaction(em -> em.createQuery(
                "DELETE FROM Item i WHERE i.bucket = 'keyed' AND i.seq = 1").executeUpdate()));
        assertNull(inEm(em -> em.find(Item.class, new Item.Key("keyed", 1))));
        assertEquals("k", inEm(em -> em.find(Item.class, new Item.Key("keyed", 2))).getName());
    }

    @Test
    void aBulkUpdateWhoseSetValueDynamoDbCannotStoreFailsBeforeAnyReadEvenWhenNothingMatches() {
        unit.calls().reset();
        BigDecimal tooPrecise = new BigDecimal("1.234567890123456789012345678901234567891");
        RuntimeException e = assertThrows(RuntimeException.class, () -> unit.inTransaction(em -> em.createQuery(
                "UPDATE Item i SET i.price = :p WHERE i.bucket = 'no-such-bucket'").setParameter("p", tooPrecise).executeUpdate()));
        Throwable cause = e;
        while (cause.getCause() != null && !cause.getMessage().contains("significant digits")) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("more than 38 significant digits"), e.toString());
        assertEquals(0, unit.calls().total(), "refused before the read of the items to update");
    }

    @Test
    void countUsesSelectCountAcrossEveryPage() {
        unit.calls().reset();
        long n = inEm(em -> em.createQuery("SELECT COUNT(i) FROM Item i WHERE i.bucket = 'big' AND i.count = 1", Long.class)
                .getSingleResult());
        assertEquals(30, n);
        List<QueryRequest> requests = unit.calls().requests("query");
        assertTrue(requests.size() >= 3, "pages: " + requests.size());
        requests.forEach(r -> assertEquals("COUNT", r.selectAsString()));
        assertEquals(0, unit.calls().count("scan"));
    }

    @Test
    void getSingleResultThrowsNoResultAndNonUnique() {
        inEm(em -> {
            assertEquals(3, em.createQuery("SELECT i FROM Item i WHERE i.bucket = 'small' AND i.seq = 3", Item.class)
                    .getSingleResult().getSeq());
            assertThrows(NoResultException.class, () -> em.createQuery(
                    "SELECT i FROM Item i WHERE i.bucket = 'small' AND i.seq = 99", Item.class).getSingleResult());
            assertThrows(NonUniqueResultException.class, () -> em.createQuery(
                    "SELECT i FROM Item i WHERE i.bucket = 'small'", Item.class).getSingleResult());
            assertNull(em.createQuery("SELECT i FROM Item i WHERE i.bucket = 'none'", Item.class).getSingleResultOrNull());
            assertThrows(NonUniqueResultException.class, () -> em.createQuery(
                    "SELECT i FROM Item i WHERE i.bucket = 'small'", Item.class).getSingleResultOrNull());
            return null;
        });
    }

    @Test
    void setFirstResultAndSetMaxResultsPage() {
        List<Integer> page = inEm(em -> em.createQuery("SELECT i FROM Item i WHERE i.bucket = 'small' ORDER BY i.seq", Item.class)
                .setFirstResult(5).setMaxResults(3).getResultList().stream().map(Item::getSeq).toList());
        assertEquals(List.of(5, 6, 7), page);
        assertEquals(List.of(), inEm(em -> em.createQuery("SELECT i FROM Item i WHERE i.bucket = 'small'", Item.class)
                .setFirstResult(50).getResultList()));
    }

    @Test
    void setParameterByNamePositionAndParameterObject() {
        inEm(em -> {
            TypedQuery<Item> byName = em.createQuery("SELECT i FROM Item i WHERE i.bucket = :b AND i.seq < :s", Item.class);
            byName.setParameter("b", "small").setParameter("s", 4);
            assertEquals(4, byName.getResultList().size());
            TypedQuery<Item> byPos = em.createQuery("SELECT i FROM Item i WHERE i.bucket = ?1 AND i.seq < ?2", Item.class);
            byPos.setParameter(1, "small").setParameter(2, 2);
            assertEquals(2, byPos.getResultList().size());
            TypedQuery<Item> byParam = em.createQuery("SELECT i FROM Item i WHERE i.bucket = :b AND i.status = :st", Item.class);
            Parameter<String> b = byParam.getParameter("b", String.class);
            Parameter<Item.Status> st = byParam.getParameter("st", Item.Status.class);
            byParam.setParameter(b, "small").setParameter(st, Item.Status.NEW);
            assertEquals(5, byParam.getResultList().size());
            assertEquals(Set.of("b", "st"), byParam.getParameters().stream().map(Parameter::getName).collect(Collectors.toSet()));
            assertTrue(byParam.isBound(b));
            assertEquals("small", byParam.getParameterValue(b));
            return null;
        });
    }

    @Test
    void wrongParameterNamePositionOrTypeIsIllegalArgumentAndUnboundIsIllegalState() {
        inEm(em -> {
            TypedQuery<Item> q = em.createQuery("SELECT i FROM Item i WHERE i.bucket = :b AND i.seq = :s", Item.class);
            assertThrows(IllegalArgumentException.class, () -> q.setParameter("nope", "x"));
            assertThrows(IllegalArgumentException.class, () -> q.setParameter(3, "x"));
            assertThrows(IllegalArgumentException.class, () -> q.setParameter("s", "not a number"));
            q.setParameter("b", "small");
            assertThrows(IllegalStateException.class, q::getResultList);
            return null;
        });
    }

    @Test
    void typedQueryOfTheWrongResultTypeFailsAtCreateQuery() {
        inEm(em -> {
            assertThrows(IllegalArgumentException.class, () -> em.createQuery("SELECT i FROM Item i", Person.class));
            assertThrows(IllegalArgumentException.class, () -> em.createQuery("SELECT COUNT(i) FROM Item i", String.class));
            assertThrows(IllegalArgumentException.class, () -> em.createQuery("SELECT i.name FROM Item i", Integer.class));
            return null;
        });
    }

    @Test
    void projectionsReturnObjectArraysSingleValuesAndEmbeddedPaths() {
        inEm(em -> {
            Object[] row = em.createQuery("SELECT i.name, i.count, i.address.city FROM Item i WHERE i.bucket = 'small' AND i.seq = 4",
                    Object[].class).getSingleResult();
            assertArrayEquals(new Object[]{"even", 4L, "City4"}, row);
            List<String> cities = em.createQuery("SELECT i.address.city FROM Item i WHERE i.bucket = 'small' AND i.seq < 2 ORDER BY i.seq",
                    String.class).getResultList();
            assertEquals(List.of("City0", "City1"), cities);
            Item.Address a = em.createQuery("SELECT i.address FROM Item i WHERE i.bucket = 'small' AND i.seq = 7", Item.Address.class)
                    .getSingleResult();
            assertEquals(new Item.Address("City7", "Z7"), a);
            return null;
        });
        QueryRequest last = unit.calls().<QueryRequest>requests("query").get(unit.calls().count("query") - 1);
        assertTrue(last.projectionExpression() != null, "projections are read with a ProjectionExpression");
    }

    @Test
    void reservedWordAttributesNameStatusCountWork() {
        long n = inEm(em -> em.createQuery(
                "SELECT COUNT(i) FROM Item i WHERE i.bucket = 'small' AND i.name = 'odd' AND i.status = ACTIVE AND i.count > 10", Long.class)
                .getSingleResult());
        assertEquals(List.of(11, 13, 15, 17, 19).size(), n);
    }

    @Test
    void namedQueryRuns() {
        List<Item> items = inEm(em -> em.createNamedQuery("Item.inBucket", Item.class).setParameter("bucket", "small").getResultList());
        assertEquals(20, items.size());
        assertEquals(0, items.get(0).getSeq());
    }

    @Test
    void unsupportedJpqlFailsAtCreateQueryWithLineAndColumn() {
        inEm(em -> {
            for (String jpql : List.of(
                    "SELECT i FROM Item i JOIN i.tags t",
                    "SELECT i.name FROM Item i GROUP BY i.name",
                    "SELECT i FROM Item i WHERE i.count = (SELECT MAX(j.count) FROM Item j)",
                    "SELECT i FROM Item i WHERE i.bucket = 'x' ORDER BY i.tags")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> em.createQuery(jpql), jpql);
                assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("column"), e.getMessage());
            }
            return null;
        });
    }

    @Test
    void resultsJoinThePersistenceContext() {
        EntityManager em = unit.emf().createEntityManager();
        try {
            em.getTransaction().begin();
            em.setFlushMode(FlushModeType.COMMIT);
            Item found = em.find(Item.class, new Item.Key("small", 1));
            found.setNote("changed, not flushed");
            Item queried = em.createQuery("SELECT i FROM Item i WHERE i.bucket = 'small' AND i.seq < 3", Item.class).getResultList()
                    .stream().filter(i -> i.getSeq() == 1).findFirst().orElseThrow();
            assertSame(found, queried);
            assertEquals("changed, not flushed", queried.getNote());
        } finally {
            em.getTransaction().rollback();
            em.close();
        }
    }

    @Test
    void autoFlushModeFlushesPendingPersistsBeforeAQueryAndCommitModeDoesNot() {
        unit.inTransaction(em -> {
            em.persist(new Item("flush-auto", 1));
            assertEquals(1L, em.createQuery("SELECT COUNT(i) FROM Item i WHERE i.bucket = 'flush-auto'", Long.class).getSingleResult());
        });
        unit.inTransaction(em -> {
            em.setFlushMode(FlushModeType.COMMIT);
            em.persist(new Item("flush-commit", 1));
            assertEquals(0L, em.createQuery("SELECT COUNT(i) FROM Item i WHERE i.bucket = 'flush-commit'", Long.class).getSingleResult());
            // the query's own mode wins over the entity manager's
            assertEquals(1L, em.createQuery("SELECT COUNT(i) FROM Item i WHERE i.bucket = 'flush-commit'", Long.class)
                    .setFlushMode(FlushModeType.AUTO).getSingleResult());
        });
    }

    @Test
    void executeUpdateNeedsATransactionAndReturnsTheCount() {
        unit.inTransaction(em -> {
            for (int seq = 0; seq < 60; seq++) {
                Item i = new Item("bulk", seq);
                i.setQty(seq);
                em.persist(i);
            }
        });
        inEm(em -> assertThrows(TransactionRequiredException.class,
                () -> em.createQuery("DELETE FROM Item i WHERE i.bucket = 'bulk'").executeUpdate()));
        int updated = unit.fromTransaction(em -> em.createQuery(
                "UPDATE Item i SET i.name = 'cheap', i.note = NULL WHERE i.bucket = 'bulk' AND i.qty < :q").setParameter("q", 10).executeUpdate());
        assertEquals(10, updated);
        assertEquals(10L, (long) inEm(em -> em.createQuery("SELECT COUNT(i) FROM Item i WHERE i.bucket = 'bulk' AND i.name = 'cheap'",
                Long.class).getSingleResult()));
        unit.calls().reset();
        int deleted = unit.fromTransaction(em -> em.createQuery("DELETE FROM Item i WHERE i.bucket = 'bulk'").executeUpdate());
        assertEquals(60, deleted);
        List<BatchWriteItemRequest> writes = unit.calls().requests("batchWriteItem");
        assertEquals(3, writes.size());
        // the batches go out in parallel, so in any order
        assertEquals(List.of(10, 25, 25), writes.stream().map(w -> w.requestItems().values().iterator().next().size()).sorted().toList());
        assertEquals(0L, (long) inEm(em -> em.createQuery("SELECT COUNT(i) FROM Item i WHERE i.bucket = 'bulk'", Long.class).getSingleResult()));
    }

    @Test
    void aNamedQueryThatDoesNotCompileFailsTheFactoryAtBootstrap() {
        PersistenceConfiguration c = new PersistenceConfiguration("broken-named-query")
                .managedClass(BrokenNamedQuery.class)
                .property("jynamo.client", io.jynamo.tck.support.TestUnit.sharedClient());
        PersistenceException e = assertThrows(PersistenceException.class, c::createEntityManagerFactory);
        assertTrue(e.getMessage().contains("Broken.query"), e.getMessage());
    }

    /** An entity whose named query groups, which Jynamo refuses. */
    @jakarta.persistence.Entity
    @jakarta.persistence.NamedQuery(name = "Broken.query", query = "SELECT b.id FROM BrokenNamedQuery b GROUP BY b.id")
    public static class BrokenNamedQuery {
        @jakarta.persistence.Id
        private String id;
    }
}
