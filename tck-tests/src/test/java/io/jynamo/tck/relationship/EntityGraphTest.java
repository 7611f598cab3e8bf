package io.jynamo.tck.relationship;

import io.jynamo.tck.relationship.model.Client;
import io.jynamo.tck.relationship.model.Purchase;
import io.jynamo.tck.relationship.model.Store;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.Subgraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entity graphs select what find and queries load with their results (issue 11). */
class EntityGraphTest {

    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Client.class, Purchase.class, Store.class).build();
        unit.inTransaction(em -> {
            for (int c = 0; c < 3; c++) {
                Client client = new Client("g" + c, "Client " + c);
                for (int p = 0; p < 3; p++) {
                    client.buy("g" + c + "-p" + p, p);
                }
                em.persist(client);
            }
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    private static PersistenceUnitUtil util() {
        return unit.emf().getPersistenceUnitUtil();
    }

    @Test
    void aFetchGraphHintMakesFindLoadTheCollection() {
        unit.calls().reset();
        unit.withEntityManager(em -> {
            EntityGraph<Client> graph = em.createEntityGraph(Client.class);
            graph.addAttributeNodes("purchases");
            Client c = em.find(Client.class, "g0", Map.of("jakarta.persistence.fetchgraph", graph));
            assertTrue(util().isLoaded(c, "purchases"));
            assertEquals(1, unit.calls().count("getItem"), "find's GetItem");
            assertEquals(1, unit.calls().count("query"), "and the collection's index Query");
            assertEquals(2, unit.calls().log().size());
            Client plain = em.find(Client.class, "g1");
            assertFalse(util().isLoaded(plain, "purchases"), "without a graph the collection waits");
            return null;
        });
    }

    @Test
    void aLoadGraphHintOnAQueryReadsTheTargetsInOneBatchAndSubgraphsGoFurther() {
        unit.calls().reset();
        unit.withEntityManager(em -> {
            EntityGraph<Purchase> graph = em.createEntityGraph(Purchase.class);
            Subgraph<Client> client = graph.addSubgraph("client");
            client.addAttributeNodes("purchases");
            List<Purchase> found = em.createQuery("SELECT p FROM Purchase p WHERE p.id IN ('g0-p0', 'g1-p0', 'g2-p0')",
                    Purchase.class).setHint("jakarta.persistence.loadgraph", graph).getResultList();
            assertEquals(3, found.size());
            found.forEach(p -> {
                assertTrue(util().isLoaded(p.client));
                assertTrue(util().isLoaded(p.client, "purchases"));
            });
            return null;
        });
        assertEquals(2, unit.calls().count("batchGetItem"), "the purchases, then their three clients together");
        assertEquals(3, unit.calls().count("query"), "each client's purchases: one index Query per client");
    }

    @Test
    void addingASubgraphAgainExtendsTheOneMadeBefore() {
        unit.withEntityManager(em -> {
            EntityGraph<Client> graph = em.createEntityGraph(Client.class);
            graph.addSubgraph("purchases").addAttributeNode("client");
            var again = graph.addSubgraph("purchases");
            assertEquals(List.of("client"), again.getAttributeNodes().stream().map(n -> n.getAttributeName()).toList());
            return null;
        });
    }

    @Test
    void namedGraphsAreReadFromTheEntitiesAndCannotBeChanged() {
        unit.withEntityManager(em -> {
            EntityGraph<?> named = em.getEntityGraph("Client.purchases");
            assertEquals(List.of("purchases"), named.getAttributeNodes().stream().map(n -> n.getAttributeName()).toList());
            assertThrows(IllegalStateException.class, () -> named.addAttributeNode("name"));
            assertEquals(1, em.getEntityGraphs(Client.class).size());
            EntityGraph<?> copy = em.createEntityGraph("Client.purchases");
            copy.addAttributeNode("name");
            @SuppressWarnings("unchecked")
            Client c = em.find((EntityGraph<Client>) named, "g2");
            assertTrue(util().isLoaded(c, "purchases"));
            assertThrows(IllegalArgumentException.class, () -> em.getEntityGraph("nope"));
            assertThrows(IllegalArgumentException.class, () -> em.createEntityGraph(Client.class).addAttributeNode("nope"));
            return null;
        });
        assertTrue(unit.emf().getNamedEntityGraphs(Client.class).containsKey("Client.purchases"));
    }
}
