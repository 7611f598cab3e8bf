package io.jynamo.tck.query;

import io.jynamo.internal.em.EntityManagerFactoryImpl;
import io.jynamo.internal.query.ProviderQueryModel;
import io.jynamo.jpql.CompiledQuery;
import io.jynamo.jpql.JpqlCompiler;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.testing.JpqlEvaluator;
import io.jynamo.jpql.testing.RandomQueries;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a few hundred random queries of the JPQL subset against the local engine and compares every answer
 * with {@link JpqlEvaluator}, the three-valued-logic oracle, over the same data held in memory.
 */
class DifferentialQueryTest {

    private static final long DATA_SEED = 20240611L;
    private static final long QUERY_SEED = 4242L;
    private static final int QUERIES = 300;

    private static final List<String> BUCKETS = java.util.stream.IntStream.range(0, 16).mapToObj(i -> "b" + i).toList();
    private static final List<String> COLORS = List.of("red", "green", "blue", "Red", "bl");
    private static final List<String> NAMES = List.of("ab", "abc", "b'c", "Bob", "bo", "é", "zeta", "a b", "\uD834\uDD1Ex");
    private static final List<String> NOTES = List.of("x", "xy", "yx", "note");
    private static final List<String> TAGS = List.of("t1", "t2", "t3", "hot", "cold");
    private static final List<BigDecimal> PRICES = List.of(new BigDecimal("0"), new BigDecimal("1.5"),
            new BigDecimal("1.50"), new BigDecimal("-0.25"), new BigDecimal("10"), new BigDecimal("2.75"),
            new BigDecimal("100.001"));
    private static final List<String> CITIES = List.of("Paris", "Oslo", "Pa");
    private static final List<String> ZIPS = List.of("75001", "0150", "7");

    @Test
    void randomQueriesAgreeWithTheThreeValuedLogicOracle() {
        List<Item> data = data();
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (Item i : data) {
            rows.put(i.id(), row(i));
        }
        try (TestUnit unit = TestUnit.of(Item.class).property("jynamo.scan", "allow").property("jynamo.client-side", "allow").build()) {
            for (int from = 0; from < data.size(); from += 1000) {
                List<Item> chunk = data.subList(from, Math.min(data.size(), from + 1000));
                unit.inTransaction(em -> chunk.forEach(em::persist));
            }
            ProviderQueryModel model = unit.emf().unwrap(EntityManagerFactoryImpl.class).queryModel();
            EntityInfo entity = model.entity("Item").orElseThrow();
            RandomQueries gen = new RandomQueries(entity, QUERY_SEED).clientSide()
                    .values("bucket", BUCKETS)
                    .values("seq", List.of(0, 1, 5, 17, 60, 99, 130, 200))
                    .values("color", COLORS)
                    .values("name", NAMES)
                    .values("count", List.of(-3L, 0L, 2L, 5L, 10L))
                    .values("qty", List.of(-5, 0, 3, 7, 20))
                    .values("price", PRICES)
                    .values("note", NOTES)
                    .values("tags", TAGS)
                    .values("scores", List.of(0, 1, 3, 5))
                    .values("address.city", CITIES)
                    .values("address.zip", ZIPS);
            List<String> mismatches = new ArrayList<>();
            int queryCalls = 0;
            int scanCalls = 0;
            int nonEmpty = 0;
            int inJava = 0;
            long slowest = 0;
            for (int n = 0; n < QUERIES; n++) {
                RandomQueries.Generated g = gen.next();
                CompiledQuery compiled = JpqlCompiler.compile(g.jpql(), model);
                inJava += compiled.bind(g.args(), null).clientSide() != null ? 1 : 0;
                List<Map<String, Object>> expected = new ArrayList<>();
                for (Map<String, Object> row : rows.values()) {
                    if (JpqlEvaluator.matches(compiled, g.args(), row)) {
                        expected.add(row);
                    }
                }
                Comparator<Map<String, Object>> order = JpqlEvaluator.order(compiled);
                if (order != null) {
                    expected.sort(order);
                }
                long t0 = System.nanoTime();
                int q0 = unit.calls().count("query");
                int s0 = unit.calls().count("scan");
                String problem;
                try {
                    problem = compare(unit, g, compiled, expected, order != null);
                } catch (RuntimeException e) {
                    problem = "failed: " + e;
                }
                queryCalls += unit.calls().count("query") - q0;
                scanCalls += unit.calls().count("scan") - s0;
                nonEmpty += expected.isEmpty() ? 0 : 1;
                slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
                if (problem != null) {
                    mismatches.add(g.jpql() + " " + g.args() + "\n    " + problem);
                }
            }
            System.out.printf("differential: %d queries, %d with results, %d with work in Java, %d Query calls, "
                    + "%d Scan calls, slowest %d ms%n", QUERIES, nonEmpty, inJava, queryCalls, scanCalls, slowest);
            assertTrue(inJava > QUERIES / 10, "too few queries filter or sort in Java: " + inJava);
            assertTrue(scanCalls > QUERIES / 3, "scans should span pages: " + scanCalls);
            assertTrue(nonEmpty > QUERIES / 3, "too few queries select anything: " + nonEmpty);
            assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches:\n" + String.join("\n", mismatches));
        }
    }

    private static String compare(TestUnit unit, RandomQueries.Generated g, CompiledQuery compiled,
                                  List<Map<String, Object>> expected, boolean ordered) {
        EntityManager em = unit.emf().createEntityManager();
        try {
            Query q = em.createQuery(g.jpql());
            g.args().forEach((k, v) -> q.setParameter((String) k, v));
            switch (compiled.selectKind()) {
                case COUNT -> {
                    long got = (Long) q.getSingleResult();
                    return got == expected.size() ? null : "COUNT " + got + ", oracle " + expected.size();
                }
                case ENTITY -> {
                    List<String> got = new ArrayList<>();
                    for (Object o : q.getResultList()) {
                        got.add(((Item) o).id());
                    }
                    List<String> want = expected.stream().map(r -> r.get("bucket") + "/" + r.get("seq")).toList();
                    if (ordered) {
                        return got.equals(want) ? null : "got " + got + "\n    want " + want;
                    }
                    return sortedEquals(got, want);
                }
                default -> {
                    List<String> got = new ArrayList<>();
                    for (Object o : q.getResultList()) {
                        got.add(Arrays.toString(normalise(o instanceof Object[] a ? a : new Object[]{o})));
                    }
                    List<String> want = new ArrayList<>();
                    for (Map<String, Object> r : expected) {
                        Object[] row = compiled.selectedAttributes().stream().map(a -> r.get(a.path())).toArray();
                        want.add(Arrays.toString(normalise(row)));
                    }
                    return sortedEquals(got, want);
                }
            }
        } finally {
            em.close();
        }
    }

    private static String sortedEquals(List<String> got, List<String> want) {
        List<String> a = new ArrayList<>(got);
        List<String> b = new ArrayList<>(want);
        a.sort(null);
        b.sort(null);
        if (a.equals(b)) {
            return null;
        }
        List<String> extra = new ArrayList<>(a);
        b.forEach(extra::remove);
        List<String> missing = new ArrayList<>(b);
        a.forEach(missing::remove);
        return "got " + a.size() + ", oracle " + b.size() + "; unexpected " + head(extra) + "; missing " + head(missing);
    }

    private static List<String> head(List<String> l) {
        return l.size() <= 8 ? l : l.subList(0, 8);
    }

    private static Object[] normalise(Object[] row) {
        Object[] out = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            out[i] = v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : v;
        }
        return out;
    }

    private static Map<String, Object> row(Item i) {
        Map<String, Object> r = new HashMap<>();
        r.put("bucket", i.getBucket());
        r.put("seq", i.getSeq());
        r.put("color", i.getColor());
        r.put("name", i.getName());
        r.put("status", i.getStatus());
        r.put("count", i.getCount());
        r.put("qty", i.getQty());
        r.put("price", i.getPrice());
        r.put("active", i.getActive());
        r.put("note", i.getNote());
        r.put("tags", i.getTags());
        r.put("scores", i.getScores());
        r.put("address", i.getAddress());
        if (i.getAddress() != null) {
            r.put("address.city", i.getAddress().getCity());
            r.put("address.zip", i.getAddress().getZip());
        }
        return r;
    }

    /** About 2,400 items in 16 ordinary partitions and one of 11 items of 100 kB that spans two 1 MB pages. */
    static List<Item> data() {
        Random r = new Random(DATA_SEED);
        List<Item> out = new ArrayList<>();
        for (String bucket : BUCKETS) {
            int size = 120 + r.nextInt(60);
            for (int seq = 0; seq < size; seq++) {
                out.add(random(r, bucket, seq));
            }
        }
        for (int seq = 0; seq < 11; seq++) {
            Item big = random(r, "big", seq);
            byte[] payload = new byte[100_000];
            Arrays.fill(payload, (byte) seq);
            big.setPayload(payload);
            out.add(big);
        }
        return out;
    }

    private static Item random(Random r, String bucket, int seq) {
        Item i = new Item(bucket, seq);
        i.setColor(r.nextInt(5) == 0 ? null : pick(r, COLORS));
        i.setName(r.nextInt(10) == 0 ? null : pick(r, NAMES));
        i.setStatus(r.nextInt(10) == 0 ? null : Item.Status.values()[r.nextInt(3)]);
        i.setCount(r.nextInt(4) == 0 ? null : (long) (r.nextInt(14) - 3));
        i.setQty(r.nextInt(10) == 0 ? null : r.nextInt(26) - 5);
        i.setPrice(r.nextInt(6) == 0 ? null : pick(r, PRICES));
        i.setActive(r.nextInt(5) == 0 ? null : r.nextBoolean());
        i.setNote(r.nextInt(5) < 3 ? null : pick(r, NOTES));
        if (r.nextInt(10) >= 3) {
            Set<String> tags = new LinkedHashSet<>();
            for (int k = r.nextInt(3); k >= 0; k--) {
                tags.add(pick(r, TAGS));
            }
            i.setTags(tags);
        }
        int s = r.nextInt(10);
        if (s >= 3) {
            List<Integer> scores = new ArrayList<>();
            for (int k = s == 3 ? 0 : 1 + r.nextInt(4); k > 0; k--) {
                scores.add(r.nextInt(6));
            }
            i.setScores(scores);
        }
        if (r.nextInt(4) != 0) {
            i.setAddress(new Item.Address(r.nextInt(5) == 0 ? null : pick(r, CITIES), r.nextInt(5) == 0 ? null : pick(r, ZIPS)));
        }
        return i;
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
