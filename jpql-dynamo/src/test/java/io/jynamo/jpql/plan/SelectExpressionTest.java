package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundPlan;
import io.jynamo.jpql.ClientSide;
import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.JpqlCompiler;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Select items computed in Java for each row: parsing, JPQL result types, values, projection and EXPLAIN. */
class SelectExpressionTest {
    private static final Map<String, Object> ROW = new HashMap<>(Map.of("name", "Ada", "lastName", "Lovelace",
            "age", 36, "count", 10L, "balance", new BigDecimal("12.50"), "score", 2.5,
            "birthday", LocalDate.of(1815, 12, 10), "status", TestModels.Status.ACTIVE));

    private static CompiledQuery compile(String q) {
        return JpqlCompiler.compile(q, TestModels.MODEL);
    }

    private static Object[] values(String q, Map<String, Object> row, Object... args) {
        Map<Object, Object> m = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            m.put(args[i], args[i + 1]);
        }
        BoundPlan plan = compile(q).bind(m, null);
        ClientSide.Row r = a -> row.get(a.path());
        return plan.selection().values(r);
    }

    private static Object value(String item) {
        return values("SELECT " + item + " FROM User u WHERE u.lastName = 'Lovelace'", ROW)[0];
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            u.age + 1                          | java.lang.Integer    | 37
            (u.age * 2)                        | java.lang.Integer    | 72
            u.age / 5                          | java.lang.Integer    | 7
            u.count + 1                        | java.lang.Long       | 11
            u.age + u.count                    | java.lang.Long       | 46
            u.score * 2                        | java.lang.Double     | 5.0
            u.age / 2.0                        | java.math.BigDecimal | 18
            u.balance - 0.5                    | java.math.BigDecimal | 12.00
            -u.age                             | java.lang.Integer    | -36
            LENGTH(u.name)                     | java.lang.Integer    | 3
            LOCATE('a', u.name)                | java.lang.Integer    | 3
            ABS(u.score - 10)                  | java.lang.Double     | 7.5
            MOD(u.age, 5)                      | java.lang.Integer    | 1
            SQRT(u.age)                        | java.lang.Double     | 6.0
            POWER(u.age, 2)                    | java.lang.Double     | 1296.0
            CEILING(u.score)                   | java.lang.Double     | 3.0
            FLOOR(u.balance)                   | java.math.BigDecimal | 12
            ROUND(u.balance, 1)                | java.math.BigDecimal | 12.5
            SIGN(0 - u.age)                    | java.lang.Integer    | -1
            EXP(0 * u.age)                     | java.lang.Double     | 1.0
            LN(u.age / u.age)                  | java.lang.Double     | 0.0
            CONCAT(u.name, ' ', u.lastName)    | java.lang.String     | Ada Lovelace
            UPPER(u.name)                      | java.lang.String     | ADA
            SUBSTRING(u.lastName, 1, 4)        | java.lang.String     | Love
            LEFT(u.lastName, 4)                | java.lang.String     | Love
            RIGHT(u.lastName, 3)               | java.lang.String     | ace
            REPLACE(u.lastName, 'lace', 'LACE')| java.lang.String     | LoveLACE
            TRIM(LEADING 'L' FROM u.lastName)  | java.lang.String     | ovelace
            'x'                                | java.lang.String     | x
            42                                 | java.lang.Integer    | 42
            u.age + 1L                         | java.lang.Long       | 37
            u.age * 2.5D                       | java.lang.Double     | 90.0
            u.age * 0.5F                       | java.lang.Float      | 18.0
            u.age + 2BI                        | java.math.BigInteger | 38
            u.age - 1BD                        | java.math.BigDecimal | 35
            -1.5D                              | java.lang.Double     | -1.5
            CASE WHEN u.age > 30 THEN 'old' ELSE 'young' END | java.lang.String | old
            CASE u.status WHEN ACTIVE THEN 1 ELSE 2 END      | java.lang.Integer | 1
            COALESCE(u.email, u.name)          | java.lang.String     | Ada
            NULLIF(u.age, 36)                  | java.lang.Integer    |
            NULLIF(u.age, 35)                  | java.lang.Integer    | 36
            CAST(u.age AS String)              | java.lang.String     | 36
            CAST(u.balance AS Integer)         | java.lang.Integer    | 12
            CAST('7' AS Long)                  | java.lang.Long       | 7
            EXTRACT(YEAR FROM u.birthday)      | java.lang.Integer    | 1815
            EXTRACT(QUARTER FROM u.birthday)   | java.lang.Integer    | 4
            EXTRACT(MONTH FROM u.birthday)     | java.lang.Integer    | 12
            EXTRACT(DAY FROM u.birthday)       | java.lang.Integer    | 10
            EXTRACT(WEEK FROM u.birthday)      | java.lang.Integer    | 49
            """)
    void eachItemHasItsJpqlResultTypeAndValue(String item, String type, String expected) throws Exception {
        CompiledQuery q = compile("SELECT " + item + " FROM User u WHERE u.lastName = 'Lovelace'");
        assertEquals(SelectKind.ATTRIBUTES, q.selectKind());
        assertEquals(List.of(Class.forName(type)), q.selectedTypes(), item);
        Object v = value(item);
        if (expected == null) {
            assertNull(v, item);
        } else {
            assertInstanceOf(Class.forName(type), v, item);
            assertEquals(expected, v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v), item);
        }
    }

    @Test
    void nullPropagatesThroughFunctionsAndArithmetic() {
        Map<String, Object> row = new HashMap<>(ROW);
        row.remove("age");
        row.remove("name");
        assertArrayEquals(new Object[] {null, null, null, "Lovelace", null},
                values("SELECT u.age + 1, LENGTH(u.name), CONCAT(u.name, 'x'), COALESCE(u.name, u.lastName), "
                        + "u.age / 0 FROM User u WHERE u.lastName = 'L'", row));
    }

    @Test
    void theCurrentDateIsAJavaSqlDateAndLocalDateALocalDate() {
        Object[] v = values("SELECT CURRENT_DATE, LOCAL DATE, CURRENT_TIMESTAMP FROM User u WHERE u.lastName = 'L'", ROW);
        assertInstanceOf(java.sql.Date.class, v[0]);
        assertEquals(LocalDate.now(), v[1]);
        assertInstanceOf(java.sql.Timestamp.class, v[2]);
    }

    @Test
    void attributesMixWithComputedItemsAndParametersAreBound() {
        Object[] v = values("SELECT u.name, u.age * :f, u.age AS a FROM User u WHERE u.lastName = 'L'", ROW, "f", 3);
        assertEquals(Arrays.asList("Ada", 108, 36), Arrays.asList(v));
        assertEquals(Arrays.asList(null, null, "a"), compile("SELECT u.name, u.age * :f, u.age AS a FROM User u "
                + "WHERE u.lastName = 'L'").shape().aliases());
    }

    @Test
    void theProjectionReadsOnlyWhatTheItemsNeed() {
        BoundPlan p = compile("SELECT LENGTH(u.name) + u.age FROM User u WHERE u.lastName = 'L'").bind(Map.of(), null);
        assertEquals(List.of("name", "age"), Arrays.stream(p.projection().split(", ")).map(p.names()::get).toList());
        assertNull(p.clientSide(), "computing select items is not client-side work: it drops and reorders nothing");
        assertTrue(p.explain().contains("select in Java: (LENGTH(u.name) + u.age) (computed for each row read)"),
                p.explain());
        BoundPlan literal = compile("SELECT 'x' FROM User u WHERE u.lastName = 'L'").bind(Map.of(), null);
        assertEquals("last_name", literal.names().get(literal.projection()));
    }

    @Test
    void constructorsTakeComputedItems() {
        CompiledQuery q = compile("SELECT NEW com.x.Dto(u.name, LENGTH(u.name)) FROM User u WHERE u.lastName = 'L'");
        assertEquals("com.x.Dto", q.shape().constructor());
        assertEquals(List.of(String.class, Integer.class), q.selectedTypes());
    }

    @Test
    void computedConditionsUseTheNewFunctionsToo() {
        BoundPlan p = compile("SELECT u FROM User u WHERE u.lastName = 'L' AND EXTRACT(YEAR FROM u.birthday) = 1815 "
                + "AND u.birthday < CURRENT_DATE AND SQRT(u.age) > 5 AND COALESCE(u.email, 'none') = 'none'")
                .bind(Map.of(), null);
        ClientSide.Row r = a -> ROW.get(a.path());
        assertTrue(p.clientSide().test(r), p.explain());
        Map<String, Object> young = new HashMap<>(ROW);
        young.put("age", 9);
        assertEquals(false, p.clientSide().test(a -> young.get(a.path())));
        BoundPlan grouped = compile("SELECT u FROM User u WHERE u.lastName = 'L' AND 2 * (u.age + 1) = 74")
                .bind(Map.of(), null);
        assertTrue(grouped.clientSide().test(r), "a parenthesised value groups it: 2 * 37");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SELECT u, LENGTH(u.name) FROM User u                 | select either the entity alone or attributes
            SELECT LENGTH(u.age) FROM User u                     | LENGTH needs a string
            SELECT EXTRACT(YEAR FROM u.name) FROM User u         | EXTRACT needs a date or time
            SELECT EXTRACT(CENTURY FROM u.birthday) FROM User u  | a field (YEAR
            SELECT CAST(u.age AS Date) FROM User u               | a type (String
            SELECT SUM(u.name) FROM User u                       | SUM needs a number
            SELECT u FROM User u WHERE SUM(u.age) > 1            | aggregate function SUM is not supported here
            SELECT TYPE(u) FROM User u                           | TYPE(...) is not supported
            SELECT u FROM User u ORDER BY LENGTH(u.tags)         | LENGTH argument on the collection
            """)
    void whatCannotBeComputedIsRefusedAtCompileTime(String q, String message) {
        var e = assertThrows(IllegalArgumentException.class, () -> compile(q));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    /** The one evaluator and the differential test's oracle agree on the new functions, selected and in conditions. */
    @Test
    void theEvaluatorAgreesWithTheOracleOnSelectItemsAndTheNewFunctions() {
        List<String> items = List.of("u.age + 1", "u.age / 2", "u.score * u.age", "SQRT(u.age)", "POWER(u.age, 2)",
                "CEILING(u.score)", "FLOOR(u.score)", "ROUND(u.balance, 1)", "SIGN(u.age - 2)", "EXP(u.age)",
                "LN(u.age)", "LEFT(u.name, 2)", "RIGHT(u.name, 2)", "REPLACE(u.name, 'a', 'x')",
                "COALESCE(u.name, u.email, 'none')", "NULLIF(u.age, 2)", "CAST(u.age AS String)",
                "CAST(u.balance AS Integer)", "EXTRACT(YEAR FROM u.birthday)", "EXTRACT(QUARTER FROM u.birthday)",
                "EXTRACT(WEEK FROM u.birthday)", "EXTRACT(DAY FROM u.birthday)",
                "CASE WHEN u.age > 1 THEN LENGTH(u.name) ELSE -1 END", "MOD(u.age, 2)", "ABS(u.score)");
        java.util.Random random = new java.util.Random(7);
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> r = new HashMap<>(Map.of("lastName", "L"));
            r.put("name", pick(random, null, "ab", "Ada", "", "banana"));
            r.put("email", pick(random, null, "x@y"));
            r.put("age", pick(random, null, 0, 1, 2, 3, 36));
            r.put("score", pick(random, null, -1.5, 0.0, 2.25));
            r.put("balance", pick(random, null, new BigDecimal("12.55"), new BigDecimal("-3"), BigDecimal.ZERO));
            r.put("birthday", pick(random, null, LocalDate.of(2024, 1, 1), LocalDate.of(1999, 12, 31),
                    LocalDate.of(2021, 6, 15)));
            rows.add(r);
        }
        for (String item : items) {
            CompiledQuery q = compile("SELECT " + item + ", u.name FROM User u WHERE u.lastName = 'L'");
            String bound = q.selectedTypes().get(0) == String.class ? " > 'a'" : " > 1";
            CompiledQuery where = compile("SELECT u FROM User u WHERE u.lastName = 'L' AND " + item + bound);
            BoundPlan plan = q.bind(Map.of(), null);
            ClientSide cs = where.bind(Map.of(), null).clientSide();
            for (Map<String, Object> r : rows) {
                Object ours = plan.selection().values(a -> r.get(a.path()))[0];
                Object oracle = io.jynamo.jpql.testing.JpqlEvaluator.select(q, Map.of(), r).get(0);
                assertTrue(ours == null ? oracle == null : oracle != null && sameValue(ours, oracle),
                        item + " on " + r + ": " + ours + " vs oracle " + oracle);
                assertEquals(io.jynamo.jpql.testing.JpqlEvaluator.matches(where, Map.of(), r),
                        cs.test(a -> r.get(a.path())), item + bound + " on " + r);
            }
        }
    }

    /** ORDER BY a computed value or a result variable: sorted in memory by the evaluator, as the oracle sorts. */
    @Test
    void orderByAComputedValueOrAResultVariableSortsInJava() {
        CompiledQuery q = compile("SELECT u.name, LENGTH(u.name) AS len FROM User u WHERE u.lastName = 'L' "
                + "ORDER BY len DESC, u.age * -1");
        BoundPlan plan = q.bind(Map.of(), null);
        assertTrue(plan.explain().contains("sort by LENGTH(u.name) DESC NULLS FIRST, (u.age * -1) ASC NULLS LAST"),
                plan.explain());
        java.util.Random random = new java.util.Random(3);
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> r = new HashMap<>(Map.of("lastName", "L"));
            r.put("name", pick(random, null, "a", "bb", "ccc", "dd"));
            r.put("age", pick(random, null, 1, 2, 3));
            rows.add(r);
        }
        List<Map<String, Object>> ours = new java.util.ArrayList<>(rows);
        ours.sort((a, b) -> plan.clientSide().comparator().compare(x -> a.get(x.path()), x -> b.get(x.path())));
        List<Map<String, Object>> oracle = new java.util.ArrayList<>(rows);
        oracle.sort(io.jynamo.jpql.testing.JpqlEvaluator.order(q));
        assertEquals(oracle, ours);
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a.equals(b);
    }

    private static Object pick(java.util.Random random, Object... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
