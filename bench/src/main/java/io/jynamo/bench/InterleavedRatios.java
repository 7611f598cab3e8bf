package io.jynamo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The CPU ratios of {@link ClientOverheadBenchmark}'s scenarios to the floor, measured so that a busy shared machine
 * does not decide them: the three mappers take turns in short rounds (about 100 ms each, the order rotating), each
 * round measures the calling thread's CPU time per operation, and the ratio reported is the median over rounds of
 * the ratio within a round. Slow drifts of the machine's load hit the floor and the mapper compared with it alike.
 * (Jynamo runs with {@code jynamo.parallelism=1} there, so all its work is on the measured thread.)
 */
public final class InterleavedRatios {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile int sink;

    private InterleavedRatios() {
    }

    /** One scenario: its mappers in order floor, Enhanced Client (or null), Jynamo. */
    record Scenario(String name, Supplier<Object> floor, Supplier<Object> enhanced, Supplier<Object> jynamo) {
    }

    /** Every scenario, its states set up (one {@link ClientOverheadBenchmark} each); {@link #close} tears them down. */
    static final class Scenarios implements AutoCloseable {
        private final ClientOverheadBenchmark.Users users = new ClientOverheadBenchmark.Users();
        private final ClientOverheadBenchmark.Partition p100 = new ClientOverheadBenchmark.Partition();
        private final ClientOverheadBenchmark.Partition p1000 = new ClientOverheadBenchmark.Partition();
        private final ClientOverheadBenchmark.Deletable deletable = new ClientOverheadBenchmark.Deletable();
        private final ClientOverheadBenchmark.Counted counted = new ClientOverheadBenchmark.Counted();
        private final ClientOverheadBenchmark.Versioned versioned = new ClientOverheadBenchmark.Versioned();
        final List<Scenario> all;

        Scenarios() {
            ClientOverheadBenchmark b = new ClientOverheadBenchmark();
            users.setUp();
            p100.size = 100;
            p100.setUp();
            p1000.size = 1000;
            p1000.setUp();
            deletable.setUp();
            counted.setUp();
            versioned.setUp();
            all = List.of(
                    new Scenario("findCold", () -> b.findCold_floor(users), () -> b.findCold_enhanced(users), () -> b.findCold_jynamo(users)),
                    new Scenario("write25", () -> b.write25_floor(users), () -> b.write25_enhanced(users), () -> b.write25_jynamo(users)),
                    new Scenario("persist100", () -> b.persist100_floor(users), () -> b.persist100_enhanced(users),
                            () -> b.persist100_jynamo(users)),
                    new Scenario("load100change10", () -> b.load100change10_floor(users), () -> b.load100change10_enhanced(users),
                            () -> b.load100change10_jynamo(users)),
                    new Scenario("in100", () -> b.in100_floor(users), () -> b.in100_enhanced(users), () -> b.in100_jynamo(users)),
                    new Scenario("findAll100", () -> b.findAll100_floor(users), () -> b.findAll100_enhanced(users),
                            () -> b.findAll100_jynamo(users)),
                    new Scenario("queryPartition size=100", () -> b.queryPartition_floor(p100), () -> b.queryPartition_enhanced(p100),
                            () -> b.queryPartition_jynamo(p100)),
                    new Scenario("queryPartition size=1000", () -> b.queryPartition_floor(p1000), () -> b.queryPartition_enhanced(p1000),
                            () -> b.queryPartition_jynamo(p1000)),
                    new Scenario("count", () -> b.count_floor(counted), null, () -> b.count_jynamo(counted)),
                    new Scenario("delete100", () -> b.delete100_floor(deletable), () -> b.delete100_enhanced(deletable),
                            () -> b.delete100_jynamo(deletable)),
                    new Scenario("versioned100", () -> b.versioned100_floor(versioned), () -> b.versioned100_enhanced(versioned),
                            () -> b.versioned100_jynamo(versioned)));
        }

        /** Whether a scenario's name matches a filter (a regular expression; {@code null} matches every one). */
        static boolean matches(String name, String filter) {
            return filter == null || name.matches(".*(" + filter + ").*");
        }

        @Override
        public void close() {
            users.tearDown();
            p100.tearDown();
            p1000.tearDown();
            deletable.tearDown();
            counted.tearDown();
            versioned.tearDown();
        }
    }

    /**
     * Every scenario's floor and Jynamo operations by name, the states set up, for {@link BuildComparison}: only
     * JDK types cross from the class loader of one build to the caller. The returned {@code Runnable} tears the
     * states down.
     */
    public static Map.Entry<Map<String, List<Supplier<Object>>>, Runnable> floorAndJynamo() {
        Scenarios scenarios = new Scenarios();
        Map<String, List<Supplier<Object>>> byName = new LinkedHashMap<>();
        for (Scenario s : scenarios.all) {
            byName.put(s.name(), List.of(s.floor(), s.jynamo()));
        }
        return Map.entry(byName, scenarios::close);
    }

    /** One scenario's result in one JVM: the floor's median CPU µs per operation, then each mapper's median µs and ratios. */
    record Row(String name, double floorMicros, Ratio enhanced, Ratio jynamo) {
    }

    /** A mapper's median CPU µs per operation and the lower quartile, median and upper quartile of its per-round ratios. */
    record Ratio(double micros, double low, double median, double high) {
    }

    /** The head of the ratio tables, this JVM's and {@link ForkedRatios}' (a format string). */
    static final String HEADER = "| scenario | floor CPU µs/op | Enhanced Client | Jynamo |%n|---|---|---|---|%n";

    static String run(long warmupMillis, int rounds, String filter) {
        StringBuilder out = new StringBuilder(String.format(HEADER));
        for (Row row : measure(warmupMillis, rounds, filter)) {
            out.append("| ").append(row.name()).append(" | ").append(number(row.floorMicros())).append(" | ")
                    .append(row.enhanced() == null ? "—" : format(row.enhanced())).append(" | ")
                    .append(format(row.jynamo())).append(String.format(" |%n"));
        }
        return out.toString();
    }

    /** Measures every scenario matching {@code filter} in this JVM. */
    static List<Row> measure(long warmupMillis, int rounds, String filter) {
        List<Row> rows = new ArrayList<>();
        try (Scenarios scenarios = new Scenarios()) {
            for (Scenario s : scenarios.all) {
                if (!Scenarios.matches(s.name(), filter)) {
                    continue;
                }
                List<Supplier<Object>> mappers = new ArrayList<>(Arrays.asList(s.floor(), s.enhanced(), s.jynamo()));
                for (Supplier<Object> m : mappers) {
                    if (m != null) {
                        repeat(m, warmupMillis * 1_000_000);
                    }
                }
                double[][] perOp = new double[3][rounds];
                for (int r = 0; r < rounds; r++) {
                    for (int k = 0; k < 3; k++) {
                        int i = (r + k) % 3;
                        if (mappers.get(i) != null) {
                            perOp[i][r] = repeat(mappers.get(i), 100_000_000L);
                        }
                    }
                }
                rows.add(new Row(s.name(), median(perOp[0]), s.enhanced() == null ? null : ratio(perOp[1], perOp[0]),
                        ratio(perOp[2], perOp[0])));
            }
        }
        return rows;
    }

    /** Runs {@code op} for about {@code cpuNanos} of this thread's CPU time; returns the CPU µs per operation. */
    static double repeat(Supplier<Object> op, long cpuNanos) {
        long start = THREADS.getCurrentThreadCpuTime();
        long n = 0;
        long used;
        do {
            sink += System.identityHashCode(op.get());
            n++;
            used = THREADS.getCurrentThreadCpuTime() - start;
        } while (used < cpuNanos);
        return used / 1000.0 / n;
    }

    private static Ratio ratio(double[] mapper, double[] floor) {
        double[] q = quartiles(mapper, floor);
        return new Ratio(median(mapper), q[0], q[1], q[2]);
    }

    private static String format(Ratio r) {
        return String.format(Locale.ROOT, "%s µs, **%.2f×** (rounds %.2f–%.2f)", number(r.micros()), r.median(), r.low(), r.high());
    }

    /** Of the per-round ratios {@code x[i] / y[i]}: the lower quartile, the median and the upper quartile. */
    static double[] quartiles(double[] x, double[] y) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = x[i] / y[i];
        }
        Arrays.sort(r);
        return new double[] {r[r.length / 4], r[r.length / 2], r[r.length * 3 / 4]};
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static String number(double d) {
        return String.format(Locale.ROOT, d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : "%.2f", d);
    }
}
