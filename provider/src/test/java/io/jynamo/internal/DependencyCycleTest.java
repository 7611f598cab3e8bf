package io.jynamo.internal;

import io.jynamo.JynamoPersistenceProvider;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider's packages depend on each other in one direction only: no package uses a package that
 * uses it back, directly or through others. Read from the compiled classes (every class a class file
 * names, in its constant pool and in its type descriptors), so an import, a fully qualified name and a
 * method signature all count.
 */
class DependencyCycleTest {

    private static final Pattern TYPE = Pattern.compile("L(io/jynamo/[A-Za-z0-9_/$]+);");

    @Test
    void noPackageOfTheProviderDependsOnItselfThroughOthers() throws Exception {
        Map<String, Set<String>> uses = packageGraph();
        assertTrue(uses.size() > 10, "found the provider's classes: " + uses.keySet());
        List<List<String>> cycles = stronglyConnected(uses).stream().filter(c -> c.size() > 1).toList();
        StringBuilder why = new StringBuilder();
        for (List<String> cycle : cycles) {
            why.append("\n  cycle among ").append(cycle).append(':');
            for (String p : cycle) {
                for (String q : uses.get(p)) {
                    if (cycle.contains(q)) {
                        why.append("\n    ").append(p).append(" -> ").append(q);
                    }
                }
            }
        }
        assertEquals(List.of(), cycles, why.toString());
    }

    /** Package -> the other io.jynamo packages its classes use. */
    static Map<String, Set<String>> packageGraph() throws IOException, URISyntaxException {
        Path root = Path.of(JynamoPersistenceProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                String from = packageOf(name);
                Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
                try (InputStream in = Files.newInputStream(file)) {
                    for (String used : classesNamedBy(in)) {
                        String to = packageOf(used);
                        if (!to.equals(from) && to.startsWith("io/jynamo")) {
                            targets.add(to);
                        }
                    }
                }
            }
        }
        // Only the provider's own packages: what it uses of the compiler is one-way by the module structure.
        uses.values().forEach(t -> t.retainAll(uses.keySet()));
        return uses;
    }

    /**
     * The package of a class. The provider's entry point, named by the specification's service file, sits
     * in the API package but builds the implementation: it counts as a node of its own, above everything.
     */
    private static String packageOf(String internalName) {
        if (internalName.startsWith(ENTRY_POINT)) {
            return ENTRY_POINT;
        }
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    private static final String ENTRY_POINT = "io/jynamo/JynamoPersistenceProvider";

    /** The internal names of the classes a class file refers to. */
    static Set<String> classesNamedBy(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classIndexes.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("Unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int index : classIndexes) {
            String n = utf8[index];
            if (n != null && !n.startsWith("[")) {
                names.add(n);
            }
        }
        for (String s : utf8) {
            if (s != null) {
                Matcher m = TYPE.matcher(s);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** Tarjan's strongly connected components. */
    static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, out, next);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, List<List<String>> out, int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
