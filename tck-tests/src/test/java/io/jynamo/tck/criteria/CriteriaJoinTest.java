package io.jynamo.tck.criteria;

import io.jynamo.tck.relationship.model.Client;
import io.jynamo.tck.relationship.model.Purchase;
import io.jynamo.tck.relationship.model.Store;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKey;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Fetch;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.ListJoin;
import jakarta.persistence.criteria.MapJoin;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.ListAttribute;
import jakarta.persistence.metamodel.MapAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Joins and fetches of the Criteria API (issue 12) against the engine: each runs as the equivalent JPQL does, with
 * the same results and the same calls, and what JPQL refuses over relationships is refused alike. The structural
 * assertions follow the official TCK's criteriaapi Root, From and Join tests.
 */
class CriteriaJoinTest {

    /** A department whose employees are a Map keyed by last name (the TCK's Department.lastNameEmployees). */
    @Entity
    public static class Dept {
        @Id
        public String id;
        @OneToMany(mappedBy = "dept", cascade = CascadeType.PERSIST)
        @MapKey(name = "lastName")
        public Map<String, Emp> lastNameEmployees = new HashMap<>();

        public Dept() {
        }

        Dept(String id) {
            this.id = id;
        }
    }

    @Entity
    public static class Emp {
        @Id
        public String id;
        public String lastName;
        @ManyToOne
        public Dept dept;

        public Emp() {
        }

        Emp(String id, String lastName, Dept dept) {
            this.id = id;
            this.lastName = lastName;
            this.dept = dept;
        }
    }

    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Client.class, Purchase.class, Store.class, Dept.class, Emp.class)
                .property("jynamo.scan", "deny").build();
        unit.inTransaction(em -> {
            Client.persistShop(em);
            Dept d = new Dept("d1");
            d.lastNameEmployees.put("Ada", new Emp("e1", "Ada", d));
            d.lastNameEmployees.put("Bob", new Emp("e2", "Bob", d));
            em.persist(d);
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    /** What running a query gave: the ids found (sorted) or the refusal, and the requests it sent. */
    private record Outcome(List<String> ids, String error, List<String> requests) {
    }

    private static <T> Outcome run(Function<EntityManager, TypedQuery<T>> query, Function<T, String> id) {
        unit.calls().reset();
        try {
            List<String> ids = unit.withEntityManager(em -> query.apply(em).getResultList().stream().map(id).sorted().toList());
            return new Outcome(ids, null, unit.calls().log().stream().map(c -> c.operation() + " " + c.request()).toList());
        } catch (IllegalArgumentException e) {
            // a criteria query is named by its JPQL form, a JPQL query by line and column: compare what follows
            String message = e.getMessage().replaceFirst("^Criteria query '.*?': ", "")
                    .replaceFirst("^JPQL error at line \\d+, column \\d+: ", "");
            return new Outcome(null, message, List.of());
        } catch (jakarta.persistence.PersistenceException e) {
            // refused at execution (the scan policy): the same refusal, naming the same query text
            return new Outcome(null, e.getMessage(), List.of());
        }
    }

    private static Outcome purchases(Function<EntityManager, TypedQuery<Purchase>> query) {
        return run(query, p -> p.id);
    }

    /** The criteria query and the JPQL run alike: the same results (or refusal) and the same requests. */
    private static Outcome sameAsJpql(Function<EntityManager, TypedQuery<Purchase>> criteria, String jpql,
                                      Map<String, Object> parameters) {
        Outcome expected = purchases(em -> {
            TypedQuery<Purchase> q = em.createQuery(jpql, Purchase.class);
            parameters.forEach(q::setParameter);
            return q;
        });
        Outcome actual = purchases(criteria);
        assertEquals(expected, actual);
        return actual;
    }

    @Test
    void aJoinWithAConditionOnTheClientsKeyIsOneQueryOnTheForeignKeyIndexAsInJpql() {
        Outcome o = sameAsJpql(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Purchase> q = cb.createQuery(Purchase.class);
            Root<Purchase> p = q.from(Purchase.class);
            Join<Purchase, Client> c = p.join("client");
            q.where(cb.equal(c.get("id"), cb.parameter(String.class, "c")));
            TypedQuery<Purchase> tq = em.createQuery(q);
            tq.setParameter("c", "c1");
            return tq;
        }, "SELECT e0 FROM Purchase e0 JOIN e0.client e1 WHERE e1.id = :c", Map.of("c", "c1"));
        assertEquals(List.of("c1-p0", "c1-p1", "c1-p2", "c1-p3"), o.ids());
        assertEquals(1, o.requests().stream().filter(r -> r.startsWith("query ") && r.contains("fk_client_id")).count(), o.requests().toString());
        assertTrue(o.requests().stream().noneMatch(r -> r.startsWith("scan")));
    }

    @Test
    void theJoinedEntityComparedWithAnEntityIsTheForeignKeyCondition() {
        Outcome o = sameAsJpql(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Purchase> q = cb.createQuery(Purchase.class);
            Root<Purchase> p = q.from(Purchase.class);
            q.where(cb.equal(p.join("client", JoinType.LEFT), em.getReference(Client.class, "c2")),
                    cb.ge(p.get("amount"), 2));
            return em.createQuery(q);
        }, "SELECT e0 FROM Purchase e0 LEFT JOIN e0.client e1 WHERE (e1 = :c) AND (e0.amount >= 2)",
                Map.of("c", unit.withEntityManager(em -> em.getReference(Client.class, "c2"))));
        assertEquals(List.of("c2-p2", "c2-p3"), o.ids());
    }

    /** How many GetItem and BatchGetItem calls read the table. */
    private static long reads(String table) {
        return unit.calls().log().stream().filter(c -> c.operation().endsWith("etItem")
                && c.request().toString().contains(unit.prefix() + table)).count();
    }

    @Test
    void aFetchOfTheClientReadsTheClientsInOneBatch() {
        PersistenceUnitUtil util = unit.emf().getPersistenceUnitUtil();
        Outcome o = sameAsJpql(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Purchase> q = cb.createQuery(Purchase.class);
            Root<Purchase> p = q.from(Purchase.class);
            p.fetch("client");
            q.where(cb.equal(p.get("client").get("id"), "c0"));
            return em.createQuery(q);
        }, "SELECT e0 FROM Purchase e0 JOIN FETCH e0.client e1 WHERE e0.client.id = :c", Map.of("c", "c0"));
        assertEquals(4, o.ids().size());
        assertEquals(1, reads("Client"), "the client, read once");
        assertEquals(1, reads("Store"), "the eager store, read once for all four");
        unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Purchase> q = cb.createQuery(Purchase.class);
            Root<Purchase> p = q.from(Purchase.class);
            p.fetch("client");
            q.where(cb.equal(p.get("client").get("id"), "c0"));
            em.createQuery(q).getResultList().forEach(found -> assertTrue(util.isLoaded(found.client), "fetched"));
            return null;
        });
    }

    @Test
    void aLeftFetchOfTheCollectionLoadsItPerOwner() {
        PersistenceUnitUtil util = unit.emf().getPersistenceUnitUtil();
        Function<EntityManager, TypedQuery<Client>> criteria = em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Client> q = cb.createQuery(Client.class);
            Root<Client> c = q.from(Client.class);
            c.fetch("purchases", JoinType.LEFT);
            q.where(c.get("id").in("c0", "c1"));
            return em.createQuery(q);
        };
        Outcome expected = run(em -> em.createQuery(
                "SELECT c FROM Client c LEFT JOIN FETCH c.purchases WHERE c.id IN ('c0', 'c1')", Client.class), c -> c.id);
        Outcome actual = run(criteria, c -> c.id);
        assertEquals(expected.ids(), actual.ids());
        assertEquals(expected.requests().size(), actual.requests().size());
        assertEquals(List.of("c0", "c1"), actual.ids());
        assertEquals(1, reads("Client"));
        assertEquals(2, unit.calls().count("query"), "one index Query per client, the floor");
        unit.withEntityManager(em -> {
            criteria.apply(em).getResultList().forEach(c -> {
                assertTrue(util.isLoaded(c, "purchases"));
                assertEquals(4, c.purchases.size());
            });
            return null;
        });
    }

    @Test
    void aLeftFetchBelowAFetchLoadsAsTheEntityGraphWithThatSubgraph() {
        PersistenceUnitUtil util = unit.emf().getPersistenceUnitUtil();
        Outcome graph = purchases(em -> {
            EntityGraph<Purchase> g = em.createEntityGraph(Purchase.class);
            g.addSubgraph("client").addAttributeNodes("purchases");
            return em.createQuery("SELECT p FROM Purchase p LEFT JOIN FETCH p.client WHERE p.client.id = 'c0'", Purchase.class)
                    .setHint("jakarta.persistence.fetchgraph", g);
        });
        Function<EntityManager, TypedQuery<Purchase>> criteria = em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Purchase> q = cb.createQuery(Purchase.class);
            Root<Purchase> p = q.from(Purchase.class);
            p.fetch("client", JoinType.LEFT).fetch("purchases", JoinType.LEFT);
            q.where(cb.equal(p.get("client").get("id"), "c0"));
            return em.createQuery(q);
        };
        Outcome nested = purchases(criteria);
        assertEquals(graph, nested);
        assertEquals(2, unit.calls().count("query"), "the purchases, then the client's collection once");
        unit.withEntityManager(em -> {
            List<Purchase> found = criteria.apply(em).getResultList();
            found.forEach(p -> assertTrue(util.isLoaded(p.client, "purchases"), "the nested fetch"));
            return null;
        });
        // without the nested fetch the client's collection stays unloaded
        unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Purchase> q = cb.createQuery(Purchase.class);
            Root<Purchase> p = q.from(Purchase.class);
            p.fetch("client", JoinType.LEFT);
            q.where(cb.equal(p.get("client").get("id"), "c0"));
            em.createQuery(q).getResultList().forEach(found -> assertFalse(util.isLoaded(found.client, "purchases")));
            return null;
        });
    }

    @Test
    void aConditionOnAnotherAttributeOfTheJoinedClientBehavesAsTheJpql() {
        // Refused today with the hint to query Client first; whatever the relationships work makes of it, the
        // criteria query must do what the JPQL does.
        Outcome o = sameAsJpql(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Purchase> q = cb.createQuery(Purchase.class);
            Root<Purchase> p = q.from(Purchase.class);
            q.where(cb.equal(p.join("client").get("name"), cb.parameter(String.class, "n")));
            TypedQuery<Purchase> tq = em.createQuery(q);
            tq.setParameter("n", "Client 1");
            return tq;
        }, "SELECT e0 FROM Purchase e0 JOIN e0.client e1 WHERE e1.name = :n", Map.of("n", "Client 1"));
        // the clients named so are found first (a Scan of Client, which this unit's jynamo.scan=deny refuses)
        assertTrue(o.error() != null ? o.error().contains("jynamo.scan=deny") : o.ids().size() == 4, o.toString());
    }

    @Test
    void aJoinOfACollectionWithConditionsRunsAsTheJpqlAndDistinctKeepsEachRootOnce() {
        for (boolean distinct : List.of(false, true)) {
            String jpql = "SELECT " + (distinct ? "DISTINCT " : "") + "e0 FROM Client e0 JOIN e0.purchases e1"
                    + " WHERE e1.id IN ('c1-p2', 'c1-p3')";
            Outcome expected = run(em -> em.createQuery(jpql, Client.class), c -> c.id);
            Outcome actual = run(em -> {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<Client> q = cb.createQuery(Client.class).distinct(distinct);
                Root<Client> c = q.from(Client.class);
                q.where(c.join("purchases").get("id").in("c1-p2", "c1-p3"));
                return em.createQuery(q);
            }, c -> c.id);
            assertEquals(expected, actual);
            assertEquals(distinct ? List.of("c1") : List.of("c1", "c1"), actual.ids(), "a row per matching purchase without DISTINCT");
        }
        Outcome counted = run(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Long> q = cb.createQuery(Long.class);
            Root<Client> c = q.from(Client.class);
            q.select(cb.countDistinct(c)).where(c.join("purchases").get("id").in("c1-p2", "c2-p3"));
            return em.createQuery(q);
        }, String::valueOf);
        assertEquals(run(em -> em.createQuery("SELECT COUNT(DISTINCT e0) FROM Client e0 JOIN e0.purchases e1"
                + " WHERE e1.id IN ('c1-p2', 'c2-p3')", Long.class), String::valueOf), counted);
    }

    @Test
    void orderingByAPathThroughALeftJoinRunsAsTheJpql() {
        // Spring Data sorts by "client.id" through a LEFT join (QueryUtils.toExpressionRecursively)
        Outcome o = sameAsJpql(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Purchase> q = cb.createQuery(Purchase.class);
            Root<Purchase> p = q.from(Purchase.class);
            Join<Purchase, Client> c = p.join("client", JoinType.LEFT);
            q.where(cb.equal(p.get("amount"), 1)).orderBy(cb.desc(c.get("id")));
            return em.createQuery(q);
        }, "SELECT e0 FROM Purchase e0 LEFT JOIN e0.client e1 WHERE e0.amount = :a ORDER BY e1.id DESC", Map.of("a", 1));
        assertTrue(o.error() != null || o.ids().size() == 3, o.toString());
    }

    // ---- the TCK's structural assertions (criteriaapi Root/From/Join Client1..4) -----------------------------

    @Test
    void getJoinsAndGetFetchesListWhatWasMadeAndJoinsDescribeThemselves() {
        unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Client> q = cb.createQuery(Client.class);
            Root<Client> c = q.from(Client.class);
            assertTrue(c.getJoins().isEmpty());
            @SuppressWarnings("unchecked")
            ListAttribute<Client, Purchase> purchases = (ListAttribute<Client, Purchase>) (ListAttribute<?, ?>) em.getMetamodel()
                    .entity(Client.class).getList("purchases");
            ListJoin<Client, Purchase> j = c.join(purchases, JoinType.LEFT);
            assertEquals(Set.of(j), c.getJoins());
            assertEquals("purchases", j.getModel().getName());
            assertEquals("purchases", j.getAttribute().getName());
            assertEquals(JoinType.LEFT, j.getJoinType());
            assertEquals(Client.class, j.getParent().getJavaType());
            assertEquals(Purchase.class, j.getJavaType());
            assertNull(j.getOn());
            Fetch<Purchase, Store> f = j.fetch("store");
            assertEquals(Set.of(f), j.getFetches());
            assertTrue(j.getJoins().isEmpty());
            assertSame(j, f.getParent());
            return null;
        });
    }

    @Test
    void joiningAnUnknownAttributeOrOneOfAnotherKindIsAnIllegalArgument() {
        unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            Root<Client> c = cb.createQuery(Client.class).from(Client.class);
            assertThrows(IllegalArgumentException.class, () -> c.join("doesnotexist"));
            assertThrows(IllegalArgumentException.class, () -> c.join("doesnotexist", JoinType.INNER));
            assertThrows(IllegalArgumentException.class, () -> c.joinCollection("purchases"));
            assertThrows(IllegalArgumentException.class, () -> c.joinSet("purchases", JoinType.INNER));
            assertThrows(IllegalArgumentException.class, () -> c.joinMap("purchases"));
            Join<Client, Purchase> p = c.join("purchases", JoinType.LEFT);
            assertThrows(IllegalArgumentException.class, () -> p.join("doesnotexist"));
            assertThrows(IllegalArgumentException.class, () -> p.joinList("client"));
            return null;
        });
    }

    @Test
    void rootsAndJoinsAreNotCorrelated() {
        unit.withEntityManager(em -> {
            Root<Client> c = em.getCriteriaBuilder().createQuery(Client.class).from(Client.class);
            From<Client, Purchase> p = c.join("purchases", JoinType.LEFT);
            assertFalse(c.isCorrelated());
            assertFalse(p.isCorrelated());
            assertThrows(IllegalStateException.class, c::getCorrelationParent);
            assertThrows(IllegalStateException.class, p::getCorrelationParent);
            return null;
        });
    }

    @Test
    void aMapJoinsValueIsTheJoinedEntityAndALeftFetchOfTheMapLoadsIt() {
        PersistenceUnitUtil util = unit.emf().getPersistenceUnitUtil();
        unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Dept> q = cb.createQuery(Dept.class);
            Root<Dept> d = q.from(Dept.class);
            @SuppressWarnings("unchecked")
            MapAttribute<Dept, String, Emp> byName = (MapAttribute<Dept, String, Emp>) (MapAttribute<?, ?, ?>) em.getMetamodel()
                    .entity(Dept.class).getMap("lastNameEmployees");
            MapJoin<Dept, String, Emp> m = d.join(byName, JoinType.LEFT);
            assertSame(m, m.value());
            assertEquals(String.class, m.value().get("lastName").getJavaType());
            assertEquals("lastNameEmployees", m.getModel().getName());
            assertThrows(IllegalArgumentException.class, m::key);

            CriteriaQuery<Dept> f = cb.createQuery(Dept.class);
            Root<Dept> fd = f.from(Dept.class);
            fd.fetch("lastNameEmployees", JoinType.LEFT);
            f.where(cb.equal(fd.get("id"), "d1"));
            Dept found = em.createQuery(f).getSingleResult();
            assertTrue(util.isLoaded(found, "lastNameEmployees"));
            assertEquals(Set.of("Ada", "Bob"), found.lastNameEmployees.keySet());
            return null;
        });
    }

    @Test
    void treatAsTheJoinsOwnTypeIsTheJoin() {
        unit.withEntityManager(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            Root<Purchase> p = cb.createQuery(Purchase.class).from(Purchase.class);
            Join<Purchase, Client> c = p.join("client");
            assertSame(c, cb.treat(c, Client.class));
            assertSame(p, cb.treat(p, Purchase.class));
            return null;
        });
    }
}
