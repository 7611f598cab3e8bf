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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan bound again from the template of a {@code path = :param} query is the plan the planner makes (every part a
 * query of this shape can have, and its text).
 */
class PlanTemplateTest {

    private static CompiledQuery compile(String q) {
        return JpqlCompiler.compile(q, TestModels.MODEL);
    }

    private static PlanTemplate template(String q) {
        return template(q, TestModels.MODEL);
    }

    private static PlanTemplate template(String q, io.jynamo.jpql.model.QueryModel model) {
        return PlanTemplate.of(io.jynamo.jpql.semantic.Analyzer.analyze(io.jynamo.jpql.parser.Parser.parse(q), model));
    }

    /**
     * Binds a query to each value in turn, through its template and through the planner, and requires the same plan
     * each time, and that the template was kept and used.
     */
    private static void assertTemplated(String jpql, io.jynamo.jpql.model.QueryModel model, Object key, List<?> values) {
        CompiledQuery templated = JpqlCompiler.compile(jpql, model);
        PlanTemplate template = template(jpql, model);
        for (Object value : values) {
            BoundPlan fromPlanner = JpqlCompiler.compile(jpql, model).bind(args(key, value), null);
            assertSamePlan(fromPlanner, templated.bind(args(key, value), null));
            assertNotNull(template.plan(args(key, value)), "a template makes every plan of a non-null value");
            assertTrue(template.kept(), jpql);
        }
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
        assertTemplated(jpql, TestModels.MODEL, jpql.contains("?1") ? (Object) 1 : "p",
                List.of("Smith", "Jones", "Smith", "", "x".repeat(300), "Ünïcode"));
    }

    @Test
    void valuesOfEveryKindAreBoundAsThePlannerBindsThem() {
        assertTemplated("SELECT u FROM User u WHERE u.status = :p", TestModels.MODEL, "p",
                List.of(TestModels.Status.ACTIVE, TestModels.Status.INACTIVE));
        assertTemplated("SELECT u FROM User u WHERE u.active = :p", TestModels.MODEL, "p", List.of(true, false));
        assertTemplated("SELECT u FROM User u WHERE u.birthday = :p", TestModels.MODEL, "p",
                List.of(java.time.LocalDate.of(2000, 1, 1), java.time.LocalDate.of(1999, 12, 31)));
        assertTemplated("SELECT u FROM User u WHERE u.balance = :p", TestModels.MODEL, "p",
                List.of(new java.math.BigDecimal("1.0"), new java.math.BigDecimal("1.00"), 3, 4L));
        assertTemplated("SELECT u FROM User u WHERE u.score = :p", TestModels.MODEL, "p", List.of(1.5, 2, Double.NaN));
        assertTemplated("SELECT o FROM Order o WHERE o.customer.id = :p", TestModels.RELATIONS, "p", List.of(1L, 2));
    }

    @Test
    void numbersAreConvertedToTheAttributesTypeAsThePlannerDoes() {
        String jpql = "SELECT u FROM User u WHERE u.count = :p";
        assertTemplated(jpql, TestModels.MODEL, "p", List.of(5L, 7, (short) 3, new java.math.BigDecimal("12")));
        BoundPlan plan = compile(jpql).bind(args("p", 7), null);
        assertEquals(Long.class, plan.values().values().iterator().next().value().getClass());
    }

    @Test
    void aQueryWhoseFirstPlanWorksInJavaKeepsNoTemplate() {
        // The read cannot serve this ORDER BY: the plan sorts in Java, and every execution is planned.
        String jpql = "SELECT u FROM User u WHERE u.email = :p ORDER BY u.age";
        PlanTemplate template = template(jpql);
        assertNotNull(template.plan(args("p", "a@x")));
        assertFalse(template.kept());
        assertNull(template.plan(args("p", "b@x")), "the planner plans it");
        CompiledQuery q = compile(jpql);
        q.bind(args("p", "a@x"), null);
        assertSamePlan(compile(jpql).bind(args("p", "b@x"), null), q.bind(args("p", "b@x"), null));
    }

    @Test
    void aNullFirstArgumentLeavesTheTemplateToTheNextOne() {
        PlanTemplate template = template("SELECT t FROM Thing t WHERE t.id = :p");
        assertNull(template.plan(args("p", null)));
        assertFalse(template.kept());
        assertNotNull(template.plan(args("p", "a")));
        assertTrue(template.kept());
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

    // ---- key IN :param

    /** A model of one entity whose partition key is a decimal number: keys told apart by value, not scale. */
    private static final io.jynamo.jpql.model.QueryModel PRICES = name -> java.util.Optional.ofNullable("Price".equals(name)
            ? new io.jynamo.jpql.model.EntityInfo("Price", "prices", "amount", null, List.of(), Map.of(
            "amount", TestModels.attr("amount", "amount", io.jynamo.jpql.ValueKind.NUMBER, java.math.BigDecimal.class),
            "label", TestModels.attr("label", "label", io.jynamo.jpql.ValueKind.STRING, String.class))) : null);

    private static List<String> manyKeys(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> "k" + i).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT t FROM Thing t WHERE t.id IN :p",
            "SELECT t FROM Thing t WHERE t.id IN (:p)",
            "SELECT t.color FROM Thing t WHERE t.id IN :p",
            "SELECT t.id, t.size FROM Thing t WHERE t.id IN :p",
            "SELECT COUNT(t) FROM Thing t WHERE t.id IN :p", // distinct keys of a table without a sort key: never one partition
            "SELECT t FROM Thing t WHERE t.id IN ?1",
    })
    void aReadOfManyKeysIsPlannedOnceAndBoundAgainAsThePlannerWould(String jpql) {
        assertTemplated(jpql, TestModels.MODEL, jpql.contains("?1") ? (Object) 1 : "p", List.of(
                List.of("a", "b"), List.of("b", "a", "c"), List.of("a", "a", "b", "a"),
                java.util.Arrays.asList("a", null, "b", null), List.of("x".repeat(300), "", "Ünïcode"),
                manyKeys(150), new java.util.LinkedHashSet<>(List.of("s", "t")), List.of("a", "b")));
    }

    @Test
    void numericKeysInAListAreConvertedAndToldApartAsThePlannerDoes() {
        assertTemplated("SELECT c FROM Customer c WHERE c.id IN :p", TestModels.RELATIONS, "p",
                List.of(List.of(1L, 2L), List.of(1, 2L, (short) 3, new java.math.BigDecimal("4")), List.of(5L, 5, 6)));
        assertTemplated("SELECT p FROM Price p WHERE p.amount IN :p", PRICES, "p", List.of(
                List.of(new java.math.BigDecimal("2.50"), new java.math.BigDecimal("2.5"), new java.math.BigDecimal("3")),
                List.of(1.5, 2, 2.0, 0.0, -0.0), List.of(new java.math.BigDecimal("0.00"), java.math.BigDecimal.ONE)));
        BoundPlan plan = compile("SELECT t FROM Thing t WHERE t.id IN :p").bind(args("p", List.of("a", "b")), null);
        assertEquals(Operation.BATCH_GET_ITEM, plan.operation());
    }

    @Test
    void aListOfFewerThanTwoDistinctKeysIsPlannedByThePlanner() {
        String jpql = "SELECT t FROM Thing t WHERE t.id IN :p";
        PlanTemplate template = template(jpql);
        CompiledQuery q = compile(jpql);
        List<Object> fewer = List.of(List.of("a"), List.of("a", "a"), List.of(), java.util.Arrays.asList(null, "a", null),
                java.util.Arrays.asList((Object) null), "a");
        for (Object value : fewer) {
            assertNull(template.plan(args("p", value)), String.valueOf(value));
            assertFalse(template.kept(), "a template is kept from a plan of two keys or more");
        }
        q.bind(args("p", List.of("a", "b")), null);
        for (Object value : fewer) {
            assertSamePlan(compile(jpql).bind(args("p", value), null), q.bind(args("p", value), null));
        }
        assertEquals(Operation.GET_ITEM, q.bind(args("p", List.of("z", "z")), null).operation());
        assertTrue(q.bind(args("p", List.of()), null).alwaysEmpty());
    }

    @Test
    void aListThatIsNotAReadOfKeysKeepsNoTemplate() {
        for (String jpql : List.of(
                "SELECT u FROM User u WHERE u.lastName IN :p", // a partition key with a sort key: no whole keys
                "SELECT t FROM Thing t WHERE t.color IN :p", // no key: a Scan with a filter of as many values
                "SELECT t FROM Thing t WHERE t.id IN :p ORDER BY t.color")) {
            PlanTemplate template = template(jpql);
            assertNotNull(template.plan(args("p", List.of("a", "b"))), jpql);
            assertFalse(template.kept(), jpql);
            assertNull(template.plan(args("p", List.of("c", "d"))), jpql);
            CompiledQuery q = compile(jpql);
            q.bind(args("p", List.of("a", "b")), null);
            assertSamePlan(compile(jpql).bind(args("p", List.of("c", "d", "e")), null), q.bind(args("p", List.of("c", "d", "e")), null));
        }
    }

    @Test
    void theKeysOfEachBindAreTheOnesBound() {
        CompiledQuery q = compile("SELECT t FROM Thing t WHERE t.id IN :p");
        BoundPlan a = q.bind(args("p", List.of("a", "b")), null);
        BoundPlan b = q.bind(args("p", List.of("c", "d", "c")), null);
        assertEquals(List.of("a", "b"), a.keys().stream().map(k -> k.get("id").value()).toList());
        assertEquals(List.of("c", "d"), b.keys().stream().map(k -> k.get("id").value()).toList());
        assertTrue(b.explain().contains("d"), b.explain());
        IllegalArgumentException templated = assertThrows(IllegalArgumentException.class, () -> q.bind(args("p", List.of(1, 2)), null));
        IllegalArgumentException planned = assertThrows(IllegalArgumentException.class,
                () -> compile("SELECT t FROM Thing t WHERE t.id IN :p").bind(args("p", List.of(1, 2)), null));
        assertEquals(planned.getMessage(), templated.getMessage());
    }

    @Test
    void onlyTheShapesOfOneEqualityOrOneListOfKeysHaveATemplate() {
        assertNotNull(template("SELECT t FROM Thing t WHERE t.id = :p"));
        assertNotNull(template("SELECT t FROM Thing t WHERE t.id IN :p"));
        for (String jpql : List.of(
                "SELECT t FROM Thing t WHERE t.id NOT IN :p",
                "SELECT t FROM Thing t WHERE t.id IN (:p, 'x')",
                "SELECT t FROM Thing t WHERE t.id IN :p AND t.color = 'red'",
                "DELETE FROM Thing t WHERE t.id IN :p",
                "SELECT t FROM Thing t WHERE t.id = :p AND t.color = 'red'",
                "SELECT t FROM Thing t WHERE t.id = :p OR t.id = :q",
                "SELECT t FROM Thing t WHERE t.id <> :p",
                "SELECT t FROM Thing t WHERE t.color LIKE :p",
                "SELECT t FROM Thing t WHERE UPPER(t.color) = :p",
                "SELECT t FROM Thing t WHERE t.color = UPPER(:p)",
                "SELECT t FROM Thing t",
                "SELECT u FROM User u WHERE SIZE(u.tags) = :p",
                "SELECT t.color FROM Thing t WHERE t.id = :p ORDER BY LENGTH(t.color)",
                "SELECT UPPER(t.color) FROM Thing t WHERE t.id = :p",
                "UPDATE Thing t SET t.color = 'red' WHERE t.id = :p",
                "DELETE FROM Thing t WHERE t.id = :p")) {
            assertNull(template(jpql), jpql);
        }
    }
}
