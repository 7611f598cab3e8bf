package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundPlan;
import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.JpqlCompiler;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.testing.TestModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plan bound again from the template of a {@code path = :param} query is the plan the planner makes. */
class PlanTemplateTest {

    private static CompiledQuery compile(String q) {
        return JpqlCompiler.compile(q, TestModels.MODEL);
    }

    private static PlanTemplate template(String q) {
        return PlanTemplate.of(io.jynamo.jpql.semantic.Analyzer.analyze(io.jynamo.jpql.parser.Parser.parse(q), TestModels.MODEL));
    }

    private static Map<Object, Object> args(Object key, Object value) {
        Map<Object, Object> m = new HashMap<>();
        m.put(key, value);
        return m;
    }

    /** Every part of two plans, their text included. */
    private static void assertSamePlan(BoundPlan expected, BoundPlan actual) {
        assertEquals(expected.operation(), actual.operation());
        assertEquals(expected.tableName(), actual.tableName());
        assertEquals(expected.indexName(), actual.indexName());
        assertEquals(expected.keyCondition(), actual.keyCondition());
        assertEquals(expected.filter(), actual.filter());
        assertEquals(expected.projection(), actual.projection());
        assertEquals(expected.names(), actual.names());
        assertEquals(expected.values(), actual.values());
        assertEquals(expected.keys(), actual.keys());
        assertEquals(expected.count(), actual.count());
        assertEquals(expected.scanIndexForward(), actual.scanIndexForward());
        assertEquals(expected.alwaysEmpty(), actual.alwaysEmpty());
        assertEquals(expected.scanReason(), actual.scanReason());
        assertEquals(expected.fetches(), actual.fetches());
        assertEquals(expected.explain(), actual.explain());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT t FROM Thing t WHERE t.id = :p",
            "SELECT t FROM Thing t WHERE :p = t.id",
            "SELECT u FROM User u WHERE u.lastName = :p",
            "SELECT u FROM User u WHERE u.lastName = :p ORDER BY u.firstName DESC",
            "SELECT COUNT(u) FROM User u WHERE u.lastName = :p",
            "SELECT u.firstName, u.age FROM User u WHERE u.lastName = :p",
            "SELECT u FROM User u WHERE u.email = :p",
            "SELECT u FROM User u WHERE u.firstName = :p",
            "SELECT u FROM User u WHERE u.address.city = :p",
            "SELECT t FROM Thing t WHERE t.color = ?1",
    })
    void aQueryOfOneEqualityIsPlannedOnceAndBoundAgainAsThePlannerWould(String jpql) {
        CompiledQuery templated = compile(jpql);
        Object key = jpql.contains("?1") ? (Object) 1 : "p";
        for (String value : List.of("Smith", "Jones", "Smith", "x".repeat(300), "Ünïcode")) {
            BoundPlan fromTemplate = templated.bind(args(key, value), null);
            BoundPlan fromPlanner = compile(jpql).bind(args(key, value), null);
            assertSamePlan(fromPlanner, fromTemplate);
        }
    }

    @Test
    void numbersAreConvertedToTheAttributesTypeAsThePlannerDoes() {
        String jpql = "SELECT u FROM User u WHERE u.count = :p";
        CompiledQuery templated = compile(jpql);
        for (Object value : List.of(5L, 7, (short) 3, new java.math.BigDecimal("12"))) {
            BoundPlan plan = templated.bind(args("p", value), null);
            assertSamePlan(compile(jpql).bind(args("p", value), null), plan);
            assertEquals(Long.class, plan.values().values().iterator().next().value().getClass());
        }
    }

    @Test
    void aNullArgumentIsPlannedByThePlannerAndMatchesNothing() {
        CompiledQuery q = compile("SELECT t FROM Thing t WHERE t.id = :p");
        q.bind(args("p", "a"), null);
        q.bind(args("p", "b"), null);
        BoundPlan plan = q.bind(args("p", null), null);
        assertTrue(plan.alwaysEmpty());
        assertEquals(Operation.GET_ITEM, q.bind(args("p", "c"), null).operation());
    }

    @Test
    void anIllTypedOrMissingArgumentFailsAsWithThePlanner() {
        CompiledQuery q = compile("SELECT u FROM User u WHERE u.age = :p");
        q.bind(args("p", 30), null);
        q.bind(args("p", 31), null);
        IllegalArgumentException templated = assertThrows(IllegalArgumentException.class, () -> q.bind(args("p", "thirty"), null));
        IllegalArgumentException planned = assertThrows(IllegalArgumentException.class,
                () -> compile("SELECT u FROM User u WHERE u.age = :p").bind(args("p", "thirty"), null));
        assertEquals(planned.getMessage(), templated.getMessage());
        assertThrows(IllegalArgumentException.class, () -> q.bind(new HashMap<>(), null));
    }

    @Test
    void theArgumentOfEachBindIsTheOneBound() {
        CompiledQuery q = compile("SELECT t FROM Thing t WHERE t.id = :p");
        BoundPlan a = q.bind(args("p", "a"), null);
        BoundPlan b = q.bind(args("p", "b"), null);
        assertEquals("a", a.keys().get(0).get("id").value());
        assertEquals("b", b.keys().get(0).get("id").value());
        assertTrue(b.explain().contains("b"), b.explain());
    }

    @Test
    void onlyTheShapeOfOneEqualityHasATemplate() {
        assertNotNull(template("SELECT t FROM Thing t WHERE t.id = :p"));
        for (String jpql : List.of(
                "SELECT t FROM Thing t WHERE t.id IN :p",
                "SELECT t FROM Thing t WHERE t.id = :p AND t.color = 'red'",
                "SELECT t FROM Thing t WHERE t.id = :p OR t.id = :q",
                "SELECT t FROM Thing t WHERE t.id <> :p",
                "SELECT t FROM Thing t WHERE t.color LIKE :p",
                "SELECT t FROM Thing t WHERE UPPER(t.color) = :p",
                "SELECT t FROM Thing t WHERE t.color = UPPER(:p)",
                "SELECT t FROM Thing t",
                "UPDATE Thing t SET t.color = 'red' WHERE t.id = :p",
                "DELETE FROM Thing t WHERE t.id = :p")) {
            assertNull(template(jpql), jpql);
        }
    }
}
