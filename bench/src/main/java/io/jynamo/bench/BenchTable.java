package io.jynamo.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmarks and prints one Markdown table: every scenario's floor, Enhanced Client and Jynamo, each
 * as a ratio to the floor of the same run (and the allocation per operation when run with {@code -prof gc}),
 * then the heap of a persistence context of 100,000 entities. Arguments are JMH's own (for example
 * {@code -f 1 -wi 3 -w 1s -i 3 -r 1s -prof gc} or a benchmark regex); without a regex every benchmark of
 * this module runs. {@code --heap-only} measures the heap alone, {@code --no-heap} skips it; {@code --interleaved
 * [regex]} prints instead the CPU ratios measured with the mappers taking turns ({@link InterleavedRatios}), and
 * {@code --interleaved --forks N [regex]} the median of those over {@code N} JVMs run one after another
 * ({@link ForkedRatios}).
 */
public final class BenchTable {

    private static final List<String> MAPPERS = List.of("floor", "enhanced", "jynamo");

    private BenchTable() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        List<String> jmhArgs = new ArrayList<>(Arrays.asList(args));
        boolean heapOnly = jmhArgs.remove("--heap-only");
        boolean heap = !jmhArgs.remove("--no-heap");
        boolean interleaved = jmhArgs.remove("--interleaved");
        int forks = 0;
        int at = jmhArgs.indexOf("--forks");
        if (at >= 0) {
            String n = at + 1 < jmhArgs.size() ? jmhArgs.get(at + 1) : "nothing";
            if (!interleaved || !n.matches("[1-9][0-9]{0,2}")) {
                throw new IllegalArgumentException("--forks goes with --interleaved and takes a number of JVMs from 1 to 999,"
                        + " e.g. --interleaved --forks 5 [scenario-regex]; it was followed by " + n
                        + (interleaved ? "" : ", without --interleaved"));
            }
            forks = Integer.parseInt(n);
            jmhArgs.remove(at + 1);
            jmhArgs.remove(at);
        }
        StringBuilder out = new StringBuilder();
        if (interleaved) {
            // CPU ratios with the mappers taking turns (see InterleavedRatios), in this JVM or in several (ForkedRatios);
            // the remaining argument, if any, filters scenarios
            String filter = jmhArgs.isEmpty() ? null : jmhArgs.get(0);
            out.append(forks > 0 ? ForkedRatios.run(forks, 3_000, 15, filter) : InterleavedRatios.run(3_000, 15, filter));
            System.out.println();
            System.out.println(out);
            return;
        }
        if (!heapOnly) {
            CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(String[]::new));
            ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
            if (cli.getIncludes().isEmpty()) {
                options.include("io\\.jynamo\\.bench\\..*Benchmark\\..*");
            }
            Collection<RunResult> results = new Runner(options.build()).run();
            out.append(table(results));
        }
        if (heap) {
            ContextHeap.Result h = ContextHeap.measure();
            out.append(String.format(Locale.ROOT, "%nHeap of a persistence context of %,d loaded entities (used heap after GC):%n%n"
                            + "| what | heap | per entity | ratio to the plain entities |%n|---|---|---|---|%n"
                            + "| %,d entities made with `new` | %.1f MB | %d B | 1.00× |%n"
                            + "| the same, loaded (as the context hands them out), after `clear()` | %.1f MB | %d B | %.2f× |%n"
                            + "| the context's own structures (identity map, loaded state, …) | %.1f MB | %d B | %.2f× |%n"
                            + "| entities and context together | %.1f MB | %d B | %.2f× |%n",
                    ContextHeap.ENTITIES, ContextHeap.ENTITIES, mb(h.plain()), h.plain() / ContextHeap.ENTITIES,
                    mb(h.loaded()), h.loaded() / ContextHeap.ENTITIES, (double) h.loaded() / h.plain(),
                    mb(h.context()), h.context() / ContextHeap.ENTITIES, (double) h.context() / h.plain(),
                    mb(h.total()), h.total() / ContextHeap.ENTITIES, (double) h.total() / h.plain()));
        }
        System.out.println();
        System.out.println(out);
    }

    private static double mb(long bytes) {
        return bytes / 1_000_000.0;
    }

    /** One row per scenario (and parameters): the three mappers' scores, each with its ratio to the floor. */
    static String table(Collection<RunResult> results) {
        Map<String, Map<String, RunResult>> rows = new LinkedHashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            int cut = method.lastIndexOf('_');
            String scenario = cut < 0 ? method : method.substring(0, cut);
            String mapper = cut < 0 ? "jynamo" : method.substring(cut + 1);
            StringBuilder key = new StringBuilder(scenario);
            for (String p : r.getParams().getParamsKeys()) {
                key.append(' ').append(p).append('=').append(r.getParams().getParam(p));
            }
            rows.computeIfAbsent(key.toString(), k -> new LinkedHashMap<>()).put(mapper, r);
        }
        boolean gc = results.stream().anyMatch(r -> secondary(r, "gc.alloc.rate.norm") != null);
        boolean cpu = results.stream().anyMatch(r -> secondary(r, "cpu.time.norm") != null);
        StringBuilder t = new StringBuilder("| scenario | floor | Enhanced Client | Jynamo |"
                + (cpu ? " CPU µs/op: floor / Enhanced / Jynamo |" : "")
                + (gc ? " allocated B/op: floor / Enhanced / Jynamo |" : "")
                + "%n|---|---|---|---|" + (cpu ? "---|" : "") + (gc ? "---|" : "") + "%n");
        for (Map.Entry<String, Map<String, RunResult>> row : rows.entrySet()) {
            RunResult floor = row.getValue().get("floor");
            t.append("| ").append(row.getKey()).append(" |");
            for (String m : MAPPERS) {
                RunResult r = row.getValue().get(m);
                t.append(' ').append(r == null ? "—" : score(r, floor)).append(" |");
            }
            if (cpu) {
                t.append(' ').append(perOp(row.getValue(), floor, "cpu.time.norm")).append(" |");
            }
            if (gc) {
                t.append(' ').append(perOp(row.getValue(), floor, "gc.alloc.rate.norm")).append(" |");
            }
            t.append("%n");
        }
        return String.format(t.toString());
    }

    /** A secondary result of the three mappers, each with its ratio to the floor's. */
    private static String perOp(Map<String, RunResult> row, RunResult floor, String name) {
        List<String> a = new ArrayList<>();
        Result<?> f = floor == null ? null : secondary(floor, name);
        for (String m : MAPPERS) {
            RunResult r = row.get(m);
            Result<?> x = r == null ? null : secondary(r, name);
            a.add(x == null ? "—" : number(x.getScore())
                    + (f == null || f.getScore() == 0 || r == floor ? "" : String.format(Locale.ROOT, " (%.2f×)", x.getScore() / f.getScore())));
        }
        return String.join(" / ", a);
    }

    private static String score(RunResult r, RunResult floor) {
        Result<?> p = r.getPrimaryResult();
        String s = String.format(Locale.ROOT, "%s ± %s %s", number(p.getScore()), number(p.getScoreError()), p.getScoreUnit());
        if (floor != null && floor != r) {
            s += String.format(Locale.ROOT, " (%.2f×)", p.getScore() / floor.getPrimaryResult().getScore());
        }
        return s;
    }

    private static String number(double d) {
        if (Double.isNaN(d)) {
            return "?";
        }
        return String.format(Locale.ROOT, d >= 10_000 ? "%,.0f" : d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : d >= 1 ? "%.2f" : "%.3f", d);
    }

    private static Result<?> secondary(RunResult r, String name) {
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
