package io.jynamo.jpql.testing;

import io.jynamo.jpql.BoundPlan;
import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.JpqlCompiler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpqlEvaluatorTest {

    private static boolean matches(String where, Map<String, Object> row) {
        return matches(where, Map.of(), row);
    }

    private static boolean matches(String where, Map<Object, Object> args, Map<String, Object> row) {
        CompiledQuery q = JpqlCompiler.compile("SELECT u FROM User u WHERE " + where, TestModels.MODEL);
        return JpqlEvaluator.matches(q, args, row);
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void comparisonWithAbsentAttributeIsUnknownAndSoIsItsNegation() {
        assertFalse(matches("u.age = 5", row()));
        assertFalse(matches("NOT (u.age = 5)", row()));
        assertFalse(matches("u.age <> 5", row()));
        assertTrue(matches("u.age <> 5", row("age", 4)));
        assertTrue(matches("u.age = 5 OR u.name IS NULL", row()));
    }

    @Test
    void entityComparisonsCompareStoredKeysWithThreeValuedLogic() {
        Map<String, Object> order = row("id", "o1", "customer.id", 7L, "owner.lastName", "S", "owner.firstName", "J");
        Map<String, Object> orphan = row("id", "o2");
        TestModels.Customer seven = new TestModels.Customer(7L);
        TestModels.Customer eight = new TestModels.Customer(8L);
        assertTrue(relations("o.customer = :c", Map.of("c", seven), order));
        assertFalse(relations("o.customer = :c", Map.of("c", eight), order));
        assertTrue(relations("o.customer <> :c", Map.of("c", eight), order));
        assertFalse(relations("o.customer <> :c", Map.of("c", eight), orphan));
        assertFalse(relations("NOT (o.customer = :c)", Map.of("c", new TestModels.Customer(null)), order));
        assertTrue(relations("o.customer IN :cs", Map.of("cs", List.of(eight, seven)), order));
        assertFalse(relations("o.customer NOT IN :cs", Map.of("cs", Arrays.asList(eight, null)), order));
        assertTrue(relations("o.customer IS NULL", Map.of(), orphan));
        assertTrue(relations("o.owner = :p", Map.of("p", new TestModels.Person("S", "J")), order));
        assertFalse(relations("o.owner = :p", Map.of("p", new TestModels.Person("S", "K")), order));
        assertTrue(relations("o = :o", Map.of("o", new TestModels.Purchase("o1")), order));
    }

    private static boolean relations(String where, Map<Object, Object> args, Map<String, Object> row) {
        CompiledQuery q = JpqlCompiler.compile("SELECT o FROM Order o WHERE " + where, TestModels.RELATIONS);
        return JpqlEvaluator.matches(q, args, row);
    }

    @Test
    void likeInMemberOfAndSize() {
        assertTrue(matches("u.name LIKE 'ab%'", row("name", "abc")));
        assertTrue(matches("u.name NOT LIKE '%x%'", row("name", "abc")));
        assertFalse(matches("u.name NOT LIKE '%x%'", row()));
        assertTrue(matches("u.age IN (1, 2)", row("age", 2)));
        assertFalse(matches("u.age NOT IN (1, NULL)", row("age", 2)));
        assertTrue(matches("u.age NOT IN :e", Map.of("e", List.of()), row()));
        assertTrue(matches("'x' MEMBER OF u.tags", row("tags", List.of("x"))));
        assertTrue(matches("'x' NOT MEMBER OF u.tags", row()));
        assertTrue(matches("SIZE(u.tags) = 0", row()));
        assertTrue(matches("u.age NOT BETWEEN :lo AND 5", new HashMap<>(Map.of("lo", 1)), row("age", 7)));
    }

    @Test
    void orderComparesTheSortKey() {
        CompiledQuery q = JpqlCompiler.compile("SELECT u FROM User u WHERE u.lastName = 'S' ORDER BY u.firstName DESC", TestModels.MODEL);
        List<Map<String, Object>> rows = new ArrayList<>(List.of(row("firstName", "a"), row("firstName", "c"), row("firstName", "b")));
        rows.sort(JpqlEvaluator.order(q));
        assertEquals("c", rows.get(0).get("firstName"));
        assertEquals(null, JpqlEvaluator.order(JpqlCompiler.compile("SELECT u FROM User u", TestModels.MODEL)));
    }

    @Test
    void generatedQueriesCompileAndBind() {
        RandomQueries gen = new RandomQueries(TestModels.USER, 7)
                .values("lastName", List.of("Smith", "Jones"))
                .values("birthday", List.of(java.time.LocalDate.of(2000, 1, 1)));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 2000; i++) {
                RandomQueries.Generated g = gen.next();
                CompiledQuery q = JpqlCompiler.compile(g.jpql(), TestModels.MODEL);
                BoundPlan p = q.bind(g.args(), null);
                assertNotNull(p.explain());
                JpqlEvaluator.matches(q, g.args(), row("lastName", "Smith", "age", 3, "tags", List.of("a")));
            }
        });
        RandomQueries things = new RandomQueries(TestModels.THING, 7);
        for (int i = 0; i < 500; i++) {
            RandomQueries.Generated g = things.next();
            JpqlCompiler.compile(g.jpql(), TestModels.MODEL).bind(g.args(), null);
        }
    }

    @Test
    void sameSeedGivesSameQueries() {
        assertEquals(new RandomQueries(TestModels.THING, 3).next(), new RandomQueries(TestModels.THING, 3).next());
    }
}
