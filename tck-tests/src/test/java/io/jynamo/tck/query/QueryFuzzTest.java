package io.jynamo.tck.query;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Parameter;
import jakarta.persistence.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated and deeply nested JPQL through {@code em.createQuery} and, for what compiles, {@code getResultList}
 * against the local engine: the only allowed outcomes are a result or an IllegalArgumentException.
 */
class QueryFuzzTest {
    private static final List<String> VOCABULARY = List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "BETWEEN",
            "LIKE", "IN", "IS", "NULL", "MEMBER", "OF", "ORDER", "BY", "ASC", "DESC", "COUNT", "SIZE", "LOWER", "UPPER",
            "JOIN", "GROUP", "DISTINCT", "TRUE", "FALSE", "Item", "i", "i.bucket", "i.seq", "i.color", "i.name",
            "i.status", "i.count", "i.qty", "i.price", "i.active", "i.tags", "i.scores", "i.address.city", "i.address",
            "NEW", "ACTIVE", "CLOSED", "(", ")", ",", "=", "<>", "<", "<=", ">", ">=", "'ev%'", "'%d%'", "'small'", "'red'",
            "''", "1", "2.5", "-3", "99999999999999999999", ":p", ":q", "?1", "?2", "-", "*");
    private static final List<String> SEEDS = List.of(
            "SELECT i FROM Item i WHERE i.bucket = :p AND i.seq > 2",
            "SELECT i FROM Item i WHERE i.color = :p AND i.count >= 1 ORDER BY i.count DESC",
            "SELECT COUNT(i) FROM Item i WHERE i.status = ACTIVE OR i.price BETWEEN 1 AND 3",
            "SELECT i.name, i.address.city FROM Item i WHERE NOT ( i.qty IN ( 1 , 2 , :q ) OR i.note IS NULL )",
            "SELECT i FROM Item i WHERE :p MEMBER OF i.tags AND SIZE(i.scores) > 0",
            "SELECT i FROM Item i WHERE i.bucket = 'small' AND i.seq IN ( 1 , 2 , 3 )",
            "SELECT i FROM Item i WHERE i.name LIKE 'ev%' OR LOWER(:p) = i.name",
            "SELECT i.seq FROM Item i WHERE i.bucket = 'small' AND i.status IN ( NEW , CLOSED ) ORDER BY i.seq");
    private static final String[] ATOMS = {"i.bucket = :p", "i.seq BETWEEN 1 AND :q", "i.name = LOWER(:p)",
            "i.status = ACTIVE", "i.color IN (:p, 'red')", ":p MEMBER OF i.tags", "i.bucket = 'small' AND i.seq = 3"};

    private static TestUnit unit;

    @BeforeAll
    static void data() {
        unit = TestUnit.of(Item.class).property("jynamo.scan", "allow").build();
        unit.inTransaction(em -> {
            for (int seq = 0; seq < 8; seq++) {
                Item i = new Item("small", seq);
                i.setName(seq % 2 == 0 ? "even" : "odd");
                i.setStatus(Item.Status.values()[seq % 3]);
                i.setCount((long) seq);
                i.setColor(seq < 3 ? "red" : null);
                i.setTags(seq < 4 ? Set.of("a", "b") : null);
                em.persist(i);
            }
        });
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @Test
    void createQueryAndGetResultListEitherSucceedOrThrowIllegalArgumentException() {
        Random random = new Random(1208L);
        // refused at createQuery, refused at execution, executed, compiled but not executed: each execution is
        // a round trip to the engine, so only the first 200 that compile run, to keep the test fast.
        int[] outcomes = new int[4];
        EntityManager em = unit.emf().createEntityManager();
        try {
            for (int i = 0; i < 3_000; i++) {
                String q = switch (i % 4) {
                    case 0 -> nested(random);
                    case 1 -> soup(random);
                    default -> mutate(random, SEEDS.get(random.nextInt(SEEDS.size())));
                };
                outcomes[attempt(em, q, random, outcomes[1] + outcomes[2] < 200)]++;
            }
        } finally {
            em.close();
        }
        System.out.println("QueryFuzzTest outcomes (refused at createQuery, refused at execution, executed, compiled only): "
                + Arrays.toString(outcomes));
        assertTrue(outcomes[0] > 500, "most input is refused: " + Arrays.toString(outcomes));
        assertTrue(outcomes[2] > 100, "some input runs: " + Arrays.toString(outcomes));
        assertTrue(outcomes[3] > 100, "more compiles: " + Arrays.toString(outcomes));
    }

    private static int attempt(EntityManager em, String q, Random random, boolean execute) {
        Query query;
        try {
            query = em.createQuery(q);
        } catch (IllegalArgumentException e) {
            return 0;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("createQuery failed otherwise than with IllegalArgumentException on <" + q + ">", e);
        }
        try {
            em.unwrap(io.jynamo.JynamoEntityManager.class).explain(q);
        } catch (IllegalArgumentException e) {
            // an ORDER BY no Query can serve is refused by explain as by execution
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("explain failed otherwise than with IllegalArgumentException on <" + q + ">", e);
        }
        if (!execute) {
            return 3;
        }
        try {
            for (Parameter<?> p : query.getParameters()) {
                Object v = dummy(p.getParameterType(), random);
                if (p.getName() != null) {
                    query.setParameter(p.getName(), v);
                } else {
                    query.setParameter(p.getPosition(), v);
                }
            }
            query.setMaxResults(1 + random.nextInt(20));
            query.getResultList();
            return 2;
        } catch (IllegalArgumentException e) {
            return 1;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("execution failed otherwise than with IllegalArgumentException on <" + q + ">", e);
        }
    }

    private static Object dummy(Class<?> type, Random random) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        if (type == String.class) {
            return List.of("small", "red", "a", "ev%", "%d%", "x").get(random.nextInt(6));
        }
        if (type == Integer.class) {
            return random.nextInt(6);
        }
        if (type == Long.class) {
            return (long) random.nextInt(6);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("2.5");
        }
        if (type == Boolean.class) {
            return random.nextBoolean();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[random.nextInt(type.getEnumConstants().length)];
        }
        return "a";
    }

    private static String nested(Random random) {
        int depth = random.nextInt(4) == 0 ? random.nextInt(4_000) : random.nextInt(220);
        StringBuilder open = new StringBuilder();
        int close = 0;
        for (int level = 0; level < depth; level++) {
            switch (random.nextInt(5)) {
                case 0 -> open.append("NOT ");
                case 1 -> { open.append("i.seq = 1 OR ("); close++; }
                case 2 -> { open.append("i.count = 2 AND ("); close++; }
                case 3 -> { open.append("NOT ("); close++; }
                default -> { open.append("("); close++; }
            }
        }
        String atom = ATOMS[random.nextInt(ATOMS.length)];
        if (random.nextInt(5) == 0) {
            int lower = random.nextInt(250);
            atom = "i.name = " + "LOWER(".repeat(lower) + ":p" + ")".repeat(lower);
        }
        return "SELECT i FROM Item i WHERE " + open + atom + ")".repeat(close);
    }

    private static String soup(Random random) {
        StringBuilder sb = new StringBuilder("SELECT ");
        int n = random.nextInt(16);
        for (int i = 0; i < n; i++) {
            sb.append(VOCABULARY.get(random.nextInt(VOCABULARY.size()))).append(' ');
        }
        return sb.toString();
    }

    private static String mutate(Random random, String seed) {
        List<String> tokens = new ArrayList<>(Arrays.asList(seed.split(" ")));
        int edits = random.nextInt(3);
        for (int e = 0; e < edits && tokens.size() > 1; e++) {
            int at = 1 + random.nextInt(tokens.size() - 1);
            switch (random.nextInt(4)) {
                case 0 -> tokens.add(at, VOCABULARY.get(random.nextInt(VOCABULARY.size())));
                case 1 -> tokens.remove(at);
                case 2 -> {
                    int other = 1 + random.nextInt(tokens.size() - 1);
                    String t = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, t);
                }
                default -> tokens.set(at, VOCABULARY.get(random.nextInt(VOCABULARY.size())));
            }
        }
        return String.join(" ", tokens);
    }
}
