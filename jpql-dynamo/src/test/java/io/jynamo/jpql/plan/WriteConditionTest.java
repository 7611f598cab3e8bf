package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundPlan;
import io.jynamo.jpql.JpqlCompiler;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk UPDATE/DELETE plans carry the whole WHERE, key condition included, for each write to repeat. */
class WriteConditionTest {

    private static BoundPlan plan(String q) {
        return JpqlCompiler.compile(q, TestModels.MODEL).bind(Map.of(), null);
    }

    @Test
    void anUpdateReadThroughAGlobalIndexRepeatsTheIndexKeyCondition() {
        BoundPlan p = plan("UPDATE User u SET u.name = 'x' WHERE u.email = 'a@x' AND u.age > 3");
        assertEquals(Operation.QUERY, p.operation());
        assertEquals("byEmail", p.indexName());
        assertEquals("#n0 = :v0", p.keyCondition());
        assertEquals("#n1 > :v1", p.filter());
        assertEquals("#n0 = :v3 AND #n1 > :v4", p.writeCondition());
        assertEquals("a@x", p.values().get(":v3").value());
        assertTrue(p.explain().contains("write if:       attribute_exists(key) AND #n0 = :v3 AND #n1 > :v4"), p.explain());
    }

    @Test
    void aDeleteReadByScanRepeatsItsFilter() {
        BoundPlan p = plan("DELETE FROM User u WHERE u.name = 'n' OR u.age < 2");
        assertEquals(Operation.SCAN, p.operation());
        assertEquals("#n0 = :v2 OR #n1 < :v3", p.writeCondition());
    }

    @Test
    void aSortKeyRangeIsRepeatedAsComparisonsNotBetween() {
        BoundPlan p = plan("UPDATE User u SET u.name = 'x' WHERE u.status = ACTIVE AND u.age BETWEEN 1 AND 5");
        assertEquals("byStatus", p.indexName());
        assertTrue(p.writeCondition().contains(">=") && p.writeCondition().contains("<="), p.writeCondition());
    }

    @Test
    void keyedPlansSelectsAndNoWhereHaveNone() {
        assertNull(plan("UPDATE Thing t SET t.color = 'x' WHERE t.id IN ('a', 'b')").writeCondition());
        assertNull(plan("DELETE FROM Thing t").writeCondition());
        assertNull(plan("SELECT u FROM User u WHERE u.email = 'a'").writeCondition());
    }
}
