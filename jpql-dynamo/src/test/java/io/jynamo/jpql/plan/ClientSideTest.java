package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundPlan;
import io.jynamo.jpql.ClientSide;
import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.JpqlCompiler;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.testing.JpqlEvaluator;
import io.jynamo.jpql.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the planner leaves to Java: ORDER BY DynamoDB cannot serve, conditions it cannot evaluate. */
class ClientSideTest {

    private static CompiledQuery compile(String q) {
        return JpqlCompiler.compile(q, TestModels.MODEL);
    }

    private static BoundPlan plan(String q, Object... args) {
        Map<Object, Object> m = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            m.put(args[i], args[i + 1]);
        }
        return compile(q).bind(m, null);
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static ClientSide.Row asRow(Map<String, Object> m) {
        return a -> m.get(a.path());
    }

    @Test
    void anOrderByASortKeyQueryServesStaysWithDynamo() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.status = ACTIVE AND u.age > 30 ORDER BY u.age DESC");
        assertEquals("byStatus", p.indexName());
        assertFalse(p.scanIndexForward());
        assertNull(p.clientSide());
        assertFalse(p.explain().contains("in Java"));
    }

    @Test
    void anOrderByNoQueryServesIsSortedInMemoryAndExplainSaysSo() {
        BoundPlan p = plan("SELECT u FROM User u ORDER BY u.email");
        assertEquals(Operation.SCAN, p.operation());
        assertTrue(p.scanIndexForward());
        assertTrue(p.explain().contains("in Java:        sort by u.email ASC NULLS LAST (after reading every matching item, no Limit)"),
                p.explain());
    }

    @Test
    void severalOrderByItemsMixingTheSortKeyAreSortedInMemory() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.lastName = 'S' ORDER BY u.firstName DESC, u.age NULLS FIRST");
        assertEquals(Operation.QUERY, p.operation());
        assertTrue(p.scanIndexForward());
        assertEquals("sort by u.firstName DESC NULLS FIRST, u.age ASC NULLS FIRST", p.clientSide().describe());
    }

    @Test
    void keysReadByBatchGetItemAreSortedInMemoryToo() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.lastName IN ('a', 'b') AND u.firstName = 'x' ORDER BY u.age");
        assertEquals(Operation.BATCH_GET_ITEM, p.operation());
        assertTrue(p.clientSide().sorts());
        assertNull(plan("SELECT u FROM User u WHERE u.lastName = 'a' AND u.firstName = 'x' ORDER BY u.age").clientSide(),
                "one item needs no sort");
    }

    @Test
    void theSortComparesLikeTheOracleNullsAndTiesIncluded() {
        for (String order : List.of("u.age", "u.age DESC", "u.name, u.age DESC", "u.age NULLS FIRST",
                "u.name DESC NULLS LAST, u.age", "u.firstName DESC, u.name, u.age")) {
            CompiledQuery q = compile("SELECT u FROM User u ORDER BY " + order);
            var comparator = q.bind(Map.of(), null).clientSide().comparator();
            Random random = new Random(order.hashCode());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                rows.add(row("firstName", "f" + i, "age", random.nextInt(4) == 0 ? null : random.nextInt(5),
                        "name", random.nextInt(4) == 0 ? null : List.of("a", "B", "b", "é", "\uD83D\uDE00").get(random.nextInt(5))));
            }
            List<Map<String, Object>> expected = new ArrayList<>(rows);
            expected.sort(JpqlEvaluator.order(q));
            List<Map<String, Object>> actual = new ArrayList<>(rows);
            actual.sort((a, b) -> comparator.compare(asRow(a), asRow(b)));
            assertEquals(expected, actual, order);
        }
    }

    @Test
    void upperOfAnAttributeIsEvaluatedInJavaAndTheRestStaysInTheKeyCondition() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.lastName = :l AND UPPER(u.name) = UPPER(:n) AND u.age > 3",
                "l", "S", "n", "jo");
        assertEquals(Operation.QUERY, p.operation());
        assertEquals("#n0 = :v0", p.keyCondition());
        assertEquals("#n1 > :v1", p.filter());
        ClientSide cs = p.clientSide();
        assertTrue(cs.filters());
        assertFalse(cs.sorts());
        assertEquals("filter UPPER(u.name) = UPPER(:n)", cs.describe());
        assertTrue(cs.test(asRow(row("name", "Jo"))));
        assertFalse(cs.test(asRow(row("name", "Joe"))));
        assertFalse(cs.test(asRow(row())), "NULL = x is UNKNOWN");
    }

    @Test
    void spring_IgnoreCaseLikeWithEscapeMatchesInJava() {
        BoundPlan p = plan("SELECT u FROM User u WHERE UPPER(u.name) LIKE UPPER(:p) ESCAPE '\\'", "p", "%50\\%%");
        assertEquals(Operation.SCAN, p.operation());
        assertNull(p.filter());
        assertTrue(p.clientSide().test(asRow(row("name", "only 50% off"))));
        assertFalse(p.clientSide().test(asRow(row("name", "only 50 off"))));
    }

    @Test
    void likePatternsDynamoDbCannotEvaluateMatchInJavaWithNullsUnknown() {
        BoundPlan suffix = plan("SELECT u FROM User u WHERE u.name LIKE '%son'");
        assertEquals(Operation.SCAN, suffix.operation());
        assertNull(suffix.filter());
        assertTrue(suffix.clientSide().test(asRow(row("name", "Jackson"))));
        assertFalse(suffix.clientSide().test(asRow(row("name", "Jacksons"))));
        assertFalse(suffix.clientSide().test(asRow(row())), "NULL LIKE p is UNKNOWN");
        BoundPlan notOne = plan("SELECT u FROM User u WHERE u.name NOT LIKE 'J_n' AND u.email LIKE 'a%'");
        assertEquals("begins_with(#n0, :v0)", notOne.filter(), "the rest is still DynamoDB's");
        assertTrue(notOne.clientSide().test(asRow(row("name", "Joan"))));
        assertFalse(notOne.clientSide().test(asRow(row("name", "Jon"))));
        var bulk = assertThrows(IllegalArgumentException.class, () -> JpqlCompiler.compile(
                "DELETE FROM User u WHERE u.name LIKE '%son'", TestModels.MODEL).bind(Map.of(), null));
        assertTrue(bulk.getMessage().contains("DELETE cannot run u.name LIKE '%son' in Java"), bulk.getMessage());
    }

    @Test
    void aProjectionReadsWhatJavaFiltersAndSortsBy() {
        BoundPlan p = plan("SELECT u.email FROM User u WHERE LOWER(u.name) = 'x' ORDER BY u.age");
        assertEquals("#n0, #n1, #n2", p.projection());
        assertEquals("email", p.names().get("#n0"));
        assertTrue(p.names().containsValue("name") && p.names().containsValue("age"), p.names().toString());
    }

    @Test
    void aCountWithAConditionInJavaReadsTheItemsInsteadOfCounting() {
        BoundPlan p = plan("SELECT COUNT(u) FROM User u WHERE UPPER(u.name) = 'X'");
        assertFalse(p.count());
        assertTrue(p.clientSide().filters());
        assertTrue(plan("SELECT COUNT(u) FROM User u WHERE u.name = 'X'").count());
    }

    @Test
    void bulkWritesRefuseConditionsOnlyJavaCanEvaluate() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> plan("DELETE FROM User u WHERE UPPER(u.name) = 'X'"));
        assertTrue(e.getMessage().contains("DELETE cannot run UPPER(u.name) = 'X' in Java"), e.getMessage());
    }

    @Test
    void anAlwaysFalseConditionNeedsNoJava() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.age = :a AND UPPER(u.name) = 'X' ORDER BY u.email", "a", null);
        assertTrue(p.alwaysEmpty());
        assertNull(p.clientSide());
    }

    @Test
    void functionsAndArithmeticRunInJavaAndExplainSaysWhich() {
        BoundPlan p = plan("SELECT u FROM User u WHERE u.lastName = 'S' AND LENGTH(u.name) > 3 AND u.age * 2 >= :a",
                "a", 10);
        assertEquals("#n0 = :v0", p.keyCondition());
        assertNull(p.filter());
        assertTrue(p.explain().contains("in Java:        filter LENGTH(u.name) > 3 AND (u.age * 2) >= :a"), p.explain());
        String unbound = compile("SELECT u FROM User u WHERE TRIM(LEADING 'x' FROM u.name) = :n ORDER BY u.age").explain(null);
        assertTrue(unbound.contains("in Java:        filter TRIM(LEADING 'x' FROM u.name) = :n; sort by u.age ASC NULLS LAST"),
                unbound);
    }

    @Test
    void theExplainOfDocsJpqlMdIsReal() {
        assertEquals("""
                operation:      QUERY
                entity:         User
                table:          dynamodb-user
                key condition:  #n0 = :v0
                scan:           no
                in Java:        filter UPPER(u.name) = UPPER(:n); sort by u.email DESC NULLS FIRST (after reading every matching item, no Limit)
                names:          #n0=last_name
                values:         :v0='S' (as lastName)""", plan(
                "SELECT u FROM User u WHERE u.lastName = 'S' AND UPPER(u.name) = UPPER(:n) ORDER BY u.email DESC",
                "n", "x").explain());
    }

    @Test
    void eachArithmeticOperatorCountsOneLevelOfNesting() {
        String ok = "SELECT u FROM User u WHERE u.age" + " + 1".repeat(199) + " = 202";
        assertTrue(compile(ok).bind(Map.of(), null).clientSide().test(asRow(row("age", 3))));
        var e = assertThrows(IllegalArgumentException.class,
                () -> compile("SELECT u FROM User u WHERE u.age" + " * 1".repeat(201) + " = 3"));
        assertTrue(e.getMessage().contains("nests deeper than 200"), e.getMessage());
    }

    /** The Java evaluator and the differential test's oracle agree on every condition and row. */
    @Test
    void theJavaEvaluatorAgreesWithTheOracle() {
        List<String> conditions = List.of(
                "UPPER(u.name) = 'AB'", "LOWER(u.name) <> 'ab'", "UPPER(u.name) < 'B'", "LOWER(u.name) >= LOWER(:p)",
                "UPPER(u.name) = UPPER(u.email)", "NOT (UPPER(u.name) = 'AB')", "UPPER(u.name) = 'AB' OR u.age > 2",
                "NOT (LOWER(u.name) LIKE 'a%' AND u.age IS NULL)", "UPPER(u.name) LIKE '%B%' OR u.age IN (1, 3)",
                "UPPER(LOWER(u.name)) NOT LIKE 'A_'", "UPPER(u.name) = 'AB' OR (u.email IS NULL AND NOT u.age BETWEEN 1 AND 2)",
                "UPPER(u.name) = :missing OR u.age <> 2", "LOWER(u.name) = 'ab' OR NOT (u.age < 2 OR u.email LIKE 'x%')",
                "LENGTH(u.name) = 2", "LENGTH(u.name) BETWEEN 1 AND 2", "LENGTH(u.name) NOT BETWEEN 1 AND 2",
                "LOCATE('b', u.name) = 2", "LOCATE('b', u.name, 3) > 0", "SUBSTRING(u.name, 2) = 'b'",
                "SUBSTRING(u.name, 1, 1) = 'a'", "CONCAT(u.name, '-', u.email) = 'ab-xy'", "TRIM(u.email) = 'ab'",
                "TRIM(LEADING 'a' FROM u.name) = 'b'", "TRIM(BOTH 'x' FROM u.email) = 'y'", "TRIM(TRAILING FROM u.email) = ' ab'",
                "u.age + 1 > 2", "u.age * 2 = u.age + 2", "u.age / 2 = 1", "u.age - 3 < -1", "-u.age = -2",
                "ABS(u.age - 2) = 1", "MOD(u.age, 2) = 1", "u.age / 0 = 1 OR u.age IS NULL", "UPPER(u.name) IN ('AB', 'B')",
                "UPPER(u.name) NOT IN :names", "LENGTH(u.email) IS NULL", "NOT (LENGTH(u.name) > 1) OR u.age / 2.0 = 1.5",
                "u.age + :n >= 4", "LENGTH(CONCAT(u.name, u.email)) > 3",
                "UPPER(u.name) = 'AB' OR 'x' MEMBER OF u.tags", "NOT ('x' MEMBER OF u.tags OR LENGTH(u.name) = 2)",
                "u.age * 2 = 2 OR :missing MEMBER OF u.tags",
                "CASE WHEN u.age > 1 THEN u.name ELSE u.email END = 'ab'",
                "CASE u.age WHEN 1 THEN 'one' WHEN 2 THEN 'two' END <> 'one'",
                "CASE WHEN u.name IS NULL OR u.age < 2 THEN 0 ELSE u.age * 10 END BETWEEN 1 AND 25",
                "NOT (CASE WHEN UPPER(u.name) LIKE 'A%' THEN LENGTH(u.name) END = 2)");
        Random random = new Random(12);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(row("name", pick(random, null, "ab", "AB", "aB", "b", "", "abc", "aab"),
                    "email", pick(random, null, "ab", "xy", "AB", " ab ", "xyx", " ab"), "age", pick(random, null, 0, 1, 2, 3),
                    "tags", pick(random, null, List.of(), List.of("x"), List.of("y", "x"), List.of("y"))));
        }
        Map<Object, Object> args = new HashMap<>();
        args.put("p", "Ab");
        args.put("missing", null);
        args.put("names", List.of("AB", "B"));
        args.put("n", 2);
        for (String c : conditions) {
            CompiledQuery q = compile("SELECT u FROM User u WHERE " + c);
            Map<Object, Object> bound = new HashMap<>();
            q.parameters().forEach(info -> bound.put(info.name(), args.get(info.name())));
            ClientSide cs = q.bind(bound, null).clientSide();
            for (Map<String, Object> r : rows) {
                assertEquals(JpqlEvaluator.matches(q, bound, r), cs.test(asRow(r)), c + " on " + r);
            }
        }
    }

    private static Object pick(Random random, Object... choices) {
        return Arrays.asList(choices).get(random.nextInt(choices.length));
    }
}
