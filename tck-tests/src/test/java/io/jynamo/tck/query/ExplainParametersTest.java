package io.jynamo.tck.query;

import io.jynamo.JynamoEntityManager;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JynamoEntityManager.explain works for queries with parameters, showing them as placeholders, without a call. */
class ExplainParametersTest {

    @Test
    void namedAndPositionalParametersAreExplainedAsPlaceholdersWithoutCallingDynamoDb() {
        try (TestUnit unit = TestUnit.of(Item.class).build()) {
            EntityManager em = unit.emf().createEntityManager();
            try {
                JynamoEntityManager jem = em.unwrap(JynamoEntityManager.class);
                String named = jem.explain("SELECT i FROM Item i WHERE i.bucket = :b AND i.seq > :s");
                assertTrue(named.contains("operation:      QUERY"), named);
                assertTrue(named.contains(":v0=:b (as bucket)") && named.contains(":v1=:s (as seq)"), named);
                String positional = jem.explain("SELECT i FROM Item i WHERE i.color = ?1 AND i.count >= ?2");
                assertTrue(positional.contains("index:          byColor"), positional);
                assertTrue(positional.contains("=?1 (as color)"), positional);
                String keys = jem.explain("SELECT i FROM Item i WHERE i.bucket = 'x' AND i.seq IN :seqs");
                assertTrue(keys.contains("operation:      BATCH_GET_ITEM"), keys);
                assertTrue(keys.contains("the keys depend on :seqs"), keys);
                assertEquals(0, unit.calls().total(), "explain reads nothing");
            } finally {
                em.close();
            }
        }
    }
}
