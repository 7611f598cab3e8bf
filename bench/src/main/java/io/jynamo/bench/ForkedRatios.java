package io.jynamo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link InterleavedRatios} in several JVMs, one after another: each fork measures every scenario as usual, and the
 * table gives, per scenario and mapper, the median over forks of the fork's median ratio, with the lowest and
 * highest fork. On a shared virtual machine a JVM's JIT decisions move the floor itself by up to 2× from one JVM
 * to the next, more than the differences being measured; a median over JVMs is what one run cannot give.
 * The forks inherit this JVM's options (so {@code -Djynamo.bench.memoized=true} applies to them, see {@link #inherited})
 * and class path. With an even number of forks the median is the upper of the two middle values, as in
 * {@link InterleavedRatios}: use an odd number.
 */
public final class ForkedRatios {

    private static final String ROW = "#row\t";

    private ForkedRatios() {
    }

    /** In a fork: measures, then prints one machine-readable line per scenario after the progress output. */
    public static void main(String[] args) {
        long warmup = Long.parseLong(args[0]);
        int rounds = Integer.parseInt(args[1]);
        String filter = args.length > 2 ? args[2] : null;
        for (InterleavedRatios.Row r : InterleavedRatios.measure(warmup, rounds, filter)) {
            System.out.println(row(r.name(), r.floorMicros(), r.enhanced() == null ? Double.NaN : r.enhanced().median(),
                    r.jynamo().median()));
        }
    }

    static String run(int forks, long warmupMillis, int rounds, String filter) {
        List<List<String>> results = new ArrayList<>();
        for (int f = 1; f <= forks; f++) {
            System.err.printf(Locale.ROOT, "fork %d of %d%n", f, forks);
            results.add(fork(warmupMillis, rounds, filter));
        }
        return table(results);
    }

    /** The table of the forks' result lines: per scenario, the median over forks of the floor and of each ratio. */
    static String table(List<List<String>> forks) {
        Map<String, List<double[]>> byScenario = new LinkedHashMap<>();
        for (List<String> lines : forks) {
            for (String line : lines) {
                String[] cells = line.substring(ROW.length()).split("\t");
                byScenario.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(new double[] {
                        Double.parseDouble(cells[1]), Double.parseDouble(cells[2]), Double.parseDouble(cells[3])});
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Median over %d JVMs of each JVM's median ratio (lowest–highest JVM in brackets):%n%n"
                        + InterleavedRatios.HEADER, forks.size()));
        for (Map.Entry<String, List<double[]>> e : byScenario.entrySet()) {
            out.append("| ").append(e.getKey()).append(" | ").append(InterleavedRatios.number(median(e.getValue(), 0)))
                    .append(" | ").append(spread(e.getValue(), 1)).append(" | ").append(spread(e.getValue(), 2))
                    .append(String.format(" |%n"));
        }
        return out.toString();
    }

    /** A fork's result line of one scenario ({@code NaN}: no Enhanced Client). */
    static String row(String scenario, double floorMicros, double enhanced, double jynamo) {
        return ROW + scenario + '\t' + floorMicros + '\t' + enhanced + '\t' + jynamo;
    }

    /** Runs one fork and returns its result lines; its progress goes to this JVM's standard error. */
    private static List<String> fork(long warmupMillis, int rounds, String filter) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(inherited(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ForkedRatios.class.getName(),
                Long.toString(warmupMillis), Integer.toString(rounds)));
        if (filter != null) {
            command.add(filter);
        }
        List<String> rows = new ArrayList<>();
        Process p = null;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith(ROW)) {
                        rows.add(line);
                    } else {
                        System.err.println(line);
                    }
                }
            }
            int exit = p.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("a benchmark fork exited with status " + exit + ": " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a benchmark fork ran", e);
        } finally {
            if (p != null) {
                p.destroyForcibly(); // a no-op once it has exited; never left running when this one fails
            }
        }
        return rows;
    }

    /**
     * The options of this JVM a fork gets: system properties ({@code -Djynamo.bench.memoized=true}), heap and VM
     * flags; not agents, debuggers, flight recordings or log files, which would clash with this JVM's (a debug
     * port taken, a recording file overwritten).
     */
    static List<String> inherited(List<String> options) {
        List<String> kept = new ArrayList<>();
        for (String o : options) {
            boolean tool = o.startsWith("-agentlib") || o.startsWith("-agentpath") || o.startsWith("-javaagent")
                    || o.startsWith("-Xlog") || o.startsWith("-Xrunjdwp") || o.startsWith("-XX:StartFlightRecording")
                    || o.startsWith("-XX:FlightRecorderOptions");
            if (!tool) {
                kept.add(o);
            }
        }
        return kept;
    }

    private static String spread(List<double[]> forks, int column) {
        if (Double.isNaN(forks.get(0)[column])) {
            return "—";
        }
        double[] v = forks.stream().mapToDouble(f -> f[column]).sorted().toArray();
        return String.format(Locale.ROOT, "**%.2f×** (%.2f–%.2f)", median(forks, column), v[0], v[v.length - 1]);
    }

    private static double median(List<double[]> forks, int column) {
        return InterleavedRatios.median(forks.stream().mapToDouble(f -> f[column]).toArray());
    }
}
