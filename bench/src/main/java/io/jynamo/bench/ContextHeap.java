package io.jynamo.bench;

import jakarta.persistence.EntityManager;
import software.amazon.awssdk.http.SdkHttpClient;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The heap a persistence context of 100,000 loaded entities takes, relative to the heap of the same 100,000
 * objects made with {@code new}. Measured as used heap after repeated {@code System.gc()} (so it is the
 * retained size, to within a few hundred kilobytes), in the runner's own JVM, second-level cache off.
 */
final class ContextHeap {

    static final int ENTITIES = 100_000;
    private static final int PAGE = 1_000;

    private ContextHeap() {
    }

    /** The measured sizes, in bytes. */
    record Result(long plain, long loaded, long context) {
        /** The entities as the context holds them (proxies, when tracking) and the context itself. */
        long total() {
            return loaded + context;
        }
    }

    static Result measure() {
        long base = used();
        List<Object> plain = new ArrayList<>(ENTITIES);
        for (int i = 0; i < ENTITIES; i++) {
            // a String of its own per entity, as every loaded entity has one (parsed from its item)
            plain.add(new Models.JpaLine(new String(ClientOverheadBenchmark.OWNER), i));
        }
        long withPlain = used();
        Reference.reachabilityFence(plain);
        plain = null;

        AtomicInteger from = new AtomicInteger();
        SdkHttpClient pages = new CannedHttpClient(operation -> {
            int f = from.getAndAdd(PAGE);
            return Models.linePage("BenchLine", f, PAGE, false, f + PAGE < ENTITIES).getBytes(StandardCharsets.UTF_8);
        });
        try (Env env = new Env(pages, 1, Map.of("jakarta.persistence.sharedCache.mode", "NONE"))) {
            long withEnv = used();
            EntityManager em = env.emf.createEntityManager();
            List<Models.JpaLine> loaded = em.createQuery("SELECT l FROM BenchLine l WHERE l.owner = :o", Models.JpaLine.class)
                    .setParameter("o", ClientOverheadBenchmark.OWNER).getResultList();
            if (loaded.size() != ENTITIES) {
                throw new IllegalStateException("Loaded " + loaded.size() + " lines, expected " + ENTITIES);
            }
            long withContext = used();
            Reference.reachabilityFence(em);
            em.clear();
            long withLoaded = used();
            Reference.reachabilityFence(loaded);
            em.close();
            return new Result(withPlain - base, withLoaded - withEnv, withContext - withLoaded);
        }
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        long before = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long now = rt.totalMemory() - rt.freeMemory();
            if (Math.abs(before - now) < 64 * 1024) {
                return now;
            }
            before = now;
        }
        return before;
    }
}
