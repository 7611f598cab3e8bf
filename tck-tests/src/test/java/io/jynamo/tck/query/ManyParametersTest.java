package io.jynamo.tck.query;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A query with 50,000 parameters is set up through the JPA API like a small one (lookups by key, not by search). */
class ManyParametersTest {

    @Test
    void fiftyThousandNamedParametersAreSetReadAndChecked() {
        int n = 50_000;
        StringBuilder q = new StringBuilder("SELECT i FROM Item i WHERE i.qty IN (");
        for (int k = 1; k <= n; k++) {
            q.append(k == 1 ? "" : ", ").append(":p").append(k);
        }
        try (TestUnit unit = TestUnit.of(Item.class).build()) {
            EntityManager em = unit.emf().createEntityManager();
            try {
                TypedQuery<Item> query = em.createQuery(q.append(")").toString(), Item.class);
                for (int k = 1; k <= n; k++) {
                    query.setParameter("p" + k, k);
                }
                assertEquals(n, query.getParameters().size());
                assertEquals(12_345, query.getParameterValue("p12345"));
                assertTrue(query.isBound(query.getParameter("p" + n)));
                assertThrows(IllegalArgumentException.class, () -> query.setParameter("p" + (n + 1), 1));
                assertThrows(IllegalArgumentException.class, () -> query.setParameter("p7", "not a number"));
            } finally {
                em.close();
            }
        }
    }
}
