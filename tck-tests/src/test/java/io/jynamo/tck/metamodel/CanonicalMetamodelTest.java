package io.jynamo.tck.metamodel;

import io.jynamo.tck.relationship.model.Badge;
import io.jynamo.tck.relationship.model.Card;
import io.jynamo.tck.relationship.model.Client;
import io.jynamo.tck.relationship.model.Client_;
import io.jynamo.tck.relationship.model.Holder;
import io.jynamo.tck.relationship.model.Purchase;
import io.jynamo.tck.relationship.model.Store;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** JPA 3.2 section 6.2.2: the provider fills the canonical metamodel classes when the factory starts. */
class CanonicalMetamodelTest {

    @Test
    void theFactoryFillsTheCanonicalClassSoCriteriaQueriesCanUseIt() {
        try (TestUnit unit = TestUnit.of(Client.class, Purchase.class, Store.class, Card.class, Holder.class,
                Badge.class).build()) {
            var type = unit.emf().getMetamodel().entity(Client.class);
            assertSame(type, Client_.class_);
            assertSame(type.getAttribute("id"), Client_.id);
            assertSame(type.getAttribute("purchases"), Client_.purchases);
            assertEquals("Client.purchases", Client_._Client_purchases.getName());
            assertNull(Client_.nickname, "a field naming no attribute stays null");

            unit.inTransaction(em -> em.persist(new Client("c1", "Ann")));
            List<String> names = unit.fromTransaction(em -> {
                CriteriaBuilder cb = em.getCriteriaBuilder();
                CriteriaQuery<String> q = cb.createQuery(String.class);
                Root<Client> c = q.from(Client.class);
                q.select(c.get(Client_.name)).where(cb.equal(c.get(Client_.id), "c1"));
                return em.createQuery(q).getResultList();
            });
            assertEquals(List.of("Ann"), names);
        }
    }
}
