package io.jynamo.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compares the client CPU of two builds of Jynamo in one JVM ({@code bench/compare.sh REV}): each build (its bench
 * classes and its Jynamo jars) is loaded by its own class loader over one shared SDK, and in every round the floor,
 * build A and build B run {@link InterleavedRatios}' scenarios in turn for about 100 ms of CPU each. Unlike two runs
 * of the table, which a shared machine's load moves by more than most changes, the ratio of B to A within a round
 * sees the same load and the same JIT state of the SDK; the median over rounds is what a change gained.
 *
 * <p>Arguments: the class path entries of build A, then of build B (each {@code :}-separated), the number of
 * rounds, then an optional scenario filter (a regular expression). This class must be started from a class path
 * that holds the third-party libraries and this class, but no Jynamo jar: each build's own classes are loaded
 * from its entries first.
 */
public final class BuildComparison {

    private BuildComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: BuildComparison <class path of build A> <class path of build B> <rounds> [scenario regex]");
        }
        var a = scenarios(args[0]);
        var b = scenarios(args[1]);
        int rounds = Integer.parseInt(args[2]);
        String filter = args.length > 3 ? args[3] : null;
        StringBuilder out = new StringBuilder(String.format("| scenario | floor CPU µs/op | A / floor | B / floor | B / A |%n|---|---|---|---|---|%n"));
        try {
            for (Map.Entry<String, List<Supplier<Object>>> s : a.getKey().entrySet()) {
                if (!InterleavedRatios.Scenarios.matches(s.getKey(), filter)) {
                    continue;
                }
                List<Supplier<Object>> ops = List.of(s.getValue().get(0), s.getValue().get(1), b.getKey().get(s.getKey()).get(1));
                for (Supplier<Object> op : ops) {
                    InterleavedRatios.repeat(op, 3_000_000_000L);
                }
                double[][] perOp = new double[3][rounds];
                for (int r = 0; r < rounds; r++) {
                    for (int k = 0; k < 3; k++) {
                        int i = (r + k) % 3;
                        perOp[i][r] = InterleavedRatios.repeat(ops.get(i), 100_000_000L);
                    }
                }
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", s.getKey(), InterleavedRatios.number(InterleavedRatios.median(perOp[0])),
                        ratio(perOp[1], perOp[0]), ratio(perOp[2], perOp[0]), ratio(perOp[2], perOp[1])));
                System.err.println("done: " + s.getKey());
            }
        } finally {
            a.getValue().run();
            b.getValue().run();
        }
        System.out.println();
        System.out.println(out);
    }

    /** The median of the per-round ratios, and the middle half of them. */
    private static String ratio(double[] x, double[] y) {
        double[] q = InterleavedRatios.quartiles(x, y);
        return String.format(Locale.ROOT, "**%.3f×** (%.3f–%.3f)", q[1], q[0], q[2]);
    }

    /** One build's scenarios, made in a class loader that looks for Jynamo's and the benchmark's classes in the build first. */
    @SuppressWarnings("unchecked")
    private static Map.Entry<Map<String, List<Supplier<Object>>>, Runnable> scenarios(String classPath) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(":")) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        ClassLoader loader = new BuildLoader(urls.toArray(URL[]::new), BuildComparison.class.getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // the persistence provider is found through it
        try {
            return (Map.Entry<Map<String, List<Supplier<Object>>>, Runnable>) loader.loadClass(InterleavedRatios.class.getName())
                    .getMethod("floorAndJynamo").invoke(null);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Loads {@code io.jynamo} classes from the build's own entries before its parent (which holds this class). */
    private static final class BuildLoader extends URLClassLoader {
        BuildLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.jynamo.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notInBuild) {
                        c = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
