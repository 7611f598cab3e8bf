package io.jynamo.jpql;

import io.jynamo.jpql.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Random token soup and mutations of valid queries: the compiler either succeeds or says why, never crashes. */
class FuzzTest {
    private static final List<String> VOCABULARY = List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "BETWEEN",
            "LIKE", "IN", "IS", "NULL", "MEMBER", "OF", "ORDER", "BY", "ASC", "DESC", "UPDATE", "SET", "DELETE",
            "COUNT", "SIZE", "LOWER", "UPPER", "JOIN", "GROUP", "HAVING", "DISTINCT", "EXISTS", "TRUE", "FALSE",
            "User", "Thing", "u", "t", "u.lastName", "u.firstName", "u.age", "u.status", "u.tags", "u.scores",
            "u.address.city", "u.address", "u.email", "t.id", "t.size", "ACTIVE", "(", ")", ",", ".", "=", "<>", "<",
            "<=", ">", ">=", "+", "-", "*", "/", "'J%'", "'%x%'", "'a_b'", "'x'", "''", "'", "1", "2.5", "-3",
            "99999999999999999999", ":p", ":q", "?1", "?2", "AS", "NEW", "CASE", "ESCAPE", "EMPTY", "!", "#", "\n");
    private static final List<String> SEEDS = List.of(
            "SELECT u FROM User u WHERE u.lastName = :p AND u.firstName LIKE 'J%'",
            "SELECT COUNT(u) FROM User u WHERE u.status = ACTIVE AND u.age BETWEEN 1 AND ?1",
            "SELECT u.email, u.address.city FROM User u WHERE NOT (u.age IN (1, 2, :q) OR u.name IS NULL)",
            "UPDATE User u SET u.name = :p, u.email = NULL WHERE u.lastName = 'S'",
            "DELETE FROM Thing t WHERE t.id IN :p",
            "SELECT u FROM User u WHERE :p MEMBER OF u.tags AND SIZE(u.scores) > 2 ORDER BY u.firstName DESC",
            "SELECT t FROM Thing t WHERE t.size <> 3 OR t.color NOT LIKE '%x%'");

    @Test
    void randomInputEitherCompilesOrFailsWithIllegalArgumentException() {
        Random random = new Random(20240611L);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 6000; i++) {
                String q = i % 3 == 0 ? soup(random) : mutate(random, SEEDS.get(random.nextInt(SEEDS.size())));
                outcomes[attempt(q, random) ? 0 : 1]++;
            }
        });
        assertTrue(outcomes[0] > 50, "some mutations stay valid: " + Arrays.toString(outcomes));
        assertTrue(outcomes[1] > 1000, "most soup is refused: " + Arrays.toString(outcomes));
    }

    @Test
    void deeplyNestedInputEitherCompilesOrFailsWithIllegalArgumentException() {
        Random random = new Random(8L);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 3000; i++) {
                String q = nested(random);
                if (random.nextInt(3) == 0) {
                    q = mutate(random, q);
                }
                outcomes[attempt(q, random) ? 0 : 1]++;
            }
        });
        assertTrue(outcomes[0] > 300, "nesting within the limit compiles: " + Arrays.toString(outcomes));
        assertTrue(outcomes[1] > 300, "nesting past the limit is refused: " + Arrays.toString(outcomes));
    }

    /** A seed's WHERE wrapped in random levels of parentheses, NOT, AND/OR chains and LOWER, sometimes past the limit. */
    private static String nested(Random random) {
        int depth = random.nextInt(4) == 0 ? random.nextInt(5_000) : random.nextInt(io.jynamo.jpql.parser.Parser.MAX_DEPTH + 20);
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        String atom = List.of("u.lastName = :p", "u.age BETWEEN 1 AND :q", "u.name = LOWER(:p)", "u.status = ACTIVE",
                "u.email IN (:p, 'x')", ":p MEMBER OF u.tags").get(random.nextInt(6));
        for (int level = 0; level < depth; level++) {
            switch (random.nextInt(5)) {
                case 0 -> open.append("NOT ");
                case 1 -> open.append("u.age = 1 OR (");
                case 2 -> open.append("u.age = 2 AND (");
                case 3 -> open.append("NOT (");
                default -> open.append("(");
            }
            String o = open.substring(open.length() - 1);
            if (o.equals("(")) {
                close.append(')');
            }
        }
        if (random.nextInt(6) == 0) {
            int lower = random.nextInt(300);
            atom = "u.name = " + "LOWER(".repeat(lower) + ":p" + ")".repeat(lower);
        }
        return "SELECT u FROM User u WHERE " + open + atom + close;
    }

    private static boolean attempt(String q, Random random) {
        CompiledQuery c;
        try {
            c = JpqlCompiler.compile(q, TestModels.MODEL);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || !e.getMessage().contains("line ")) {
                fail("no position in message for <" + q + ">: " + e.getMessage());
            }
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("compile crashed on <" + q + ">", e);
        }
        try {
            c.explain(random.nextInt(10) == 0 ? "byEmail" : null);
        } catch (IllegalArgumentException e) {
            // an unusable forced index or ORDER BY: refused like at bind
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("explain crashed on <" + q + ">", e);
        }
        Map<Object, Object> args = new HashMap<>();
        for (ParameterInfo p : c.parameters()) {
            args.put(p.key(), dummy(p, random));
        }
        try {
            BoundPlan plan = c.bind(args, random.nextInt(10) == 0 ? "byEmail" : null);
            plan.explain();
        } catch (IllegalArgumentException e) {
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("bind crashed on <" + q + "> with " + args, e);
        }
        return true;
    }

    private static Object dummy(ParameterInfo p, Random random) {
        if (random.nextInt(8) == 0) {
            return null;
        }
        Class<?> t = p.expectedType();
        Object v;
        if (t == String.class) {
            v = List.of("a%", "%b%", "x", "a_b", "%").get(random.nextInt(5));
        } else if (t == Integer.class) {
            v = random.nextInt(5);
        } else if (t == Long.class) {
            v = (long) random.nextInt(5);
        } else if (t.isEnum()) {
            v = t.getEnumConstants()[0];
        } else if (t == Boolean.class) {
            v = true;
        } else {
            v = "wrong type";
        }
        if (p.collectionAllowed() && random.nextBoolean()) {
            return List.of(v, v);
        }
        return v;
    }

    private static String soup(Random random) {
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? "SELECT " : "");
        int n = random.nextInt(20);
        for (int i = 0; i < n; i++) {
            sb.append(VOCABULARY.get(random.nextInt(VOCABULARY.size()))).append(random.nextInt(5) == 0 ? "" : " ");
        }
        return sb.toString();
    }

    private static String mutate(Random random, String seed) {
        List<String> tokens = new ArrayList<>(Arrays.asList(seed.split(" ")));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !tokens.isEmpty(); e++) {
            int at = random.nextInt(tokens.size());
            switch (random.nextInt(5)) {
                case 0 -> tokens.add(at, VOCABULARY.get(random.nextInt(VOCABULARY.size())));
                case 1 -> tokens.remove(at);
                case 2 -> {
                    int other = random.nextInt(tokens.size());
                    String t = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, t);
                }
                case 3 -> tokens.subList(at, tokens.size()).clear();
                default -> tokens.set(at, VOCABULARY.get(random.nextInt(VOCABULARY.size())));
            }
        }
        String q = String.join(" ", tokens);
        if (random.nextInt(4) == 0 && !q.isEmpty()) {
            q = q.substring(0, random.nextInt(q.length()));
        }
        return q;
    }
}
