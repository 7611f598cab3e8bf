package io.jynamo.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** No engine process outlives the JVM that started it, however that JVM was run or ended. */
class EngineLifetimeTest {

    private static final long GONE_WITHIN_SECONDS = 10;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theEngineStopsWhenItsJvmExitsNormally() throws Exception {
        Process jvm = holder("return");
        List<ProcessHandle> engine = engineOf(jvm);
        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM should exit once main returns");
        assertGone(engine);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theEngineStopsWhenItsJvmIsKilled() throws Exception {
        Process jvm = holder("wait");
        List<ProcessHandle> engine = engineOf(jvm);
        jvm.destroyForcibly();   // SIGKILL: no shutdown hook runs
        assertTrue(jvm.waitFor(30, TimeUnit.SECONDS));
        assertGone(engine);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theEngineStopsWhenMainRanInAThreadGroupDestroyedBeforeExitLikeMavenExecJava() throws Exception {
        Process jvm = holder("destroyed-thread-group");
        List<ProcessHandle> engine = engineOf(jvm);
        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM should exit once main returns");
        assertEquals(0, jvm.exitValue(), "the program should end normally");
        assertGone(engine);
    }

    @Test
    void theStopHookBelongsToTheSystemThreadGroupWhateverGroupStartedTheEngine() throws Exception {
        ThreadGroup isolated = new ThreadGroup("isolated");
        Thread[] hook = new Thread[1];
        Thread caller = new Thread(isolated, () -> hook[0] = LocalDynamo.stopHook(LocalDynamo.shared()), "caller");
        caller.start();
        caller.join();
        ThreadGroup system = Thread.currentThread().getThreadGroup();
        while (system.getParent() != null) {
            system = system.getParent();
        }
        assertSame(system, hook[0].getThreadGroup());
    }

    private static Process holder(String mode) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EngineHolder.class.getName(), mode)
                .redirectErrorStream(true).start();
    }

    /** The engine's process and its descendants, as the JVM reports the engine's pid. */
    private static List<ProcessHandle> engineOf(Process jvm) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("engine ")) {
                long pid = Long.parseLong(line.substring("engine ".length()).trim());
                ProcessHandle engine = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("engine " + pid + " not running"));
                // Keep reading what the JVM prints, so that it never blocks on a full pipe.
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "drain");
                drain.setDaemon(true);
                drain.start();
                return Stream.concat(Stream.of(engine), engine.descendants()).toList();
            }
            seen.append(line).append('\n');
        }
        fail("the JVM ended without starting the engine; it printed:\n" + seen);
        return List.of();
    }

    private static void assertGone(List<ProcessHandle> engine) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GONE_WITHIN_SECONDS);
        while (System.nanoTime() < deadline && engine.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(100);
        }
        List<ProcessHandle> alive = engine.stream().filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroyForcibly);   // do not leak it from the test either
        assertTrue(alive.isEmpty(), "still running " + GONE_WITHIN_SECONDS + " s after its JVM ended: "
                + alive.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).collect(Collectors.joining(", ")));
    }
}
