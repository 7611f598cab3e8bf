package io.jynamo.bench;

import jakarta.persistence.EntityManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The flush of a persistence context holding 10,000 loaded entities none of which changed: no call is due,
 * so this is purely the cost of finding that out, with the default dirty tracking (proxies record what was
 * set) and with {@code jynamo.dirty-checking=snapshot} (every entity compared with its loaded state).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class ContextBenchmark {

    static final int ENTITIES = 10_000;

    @Param({"tracking", "snapshot"})
    String dirtyChecking;

    Env env;
    EntityManager em;

    @Setup(Level.Trial)
    public void setUp() {
        env = new Env(new CannedHttpClient(Map.of("Query", Models.linePage("BenchLine", ENTITIES, false))), 1,
                Map.of("jynamo.dirty-checking", dirtyChecking, "jakarta.persistence.sharedCache.mode", "NONE"));
        em = env.emf.createEntityManager();
        em.getTransaction().begin();
        int n = em.createQuery("SELECT l FROM BenchLine l WHERE l.owner = :o", Models.JpaLine.class)
                .setParameter("o", ClientOverheadBenchmark.OWNER).getResultList().size();
        if (n != ENTITIES) {
            throw new IllegalStateException("Loaded " + n + " lines, expected " + ENTITIES);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        em.getTransaction().rollback();
        em.close();
        env.close();
    }

    @Benchmark
    public Object untouchedFlush10000_jynamo() {
        em.flush();
        return em;
    }
}
