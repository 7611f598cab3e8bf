package io.jynamo.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Wall time when every call takes {@value #DELAY_MILLIS} ms (a stand-in for the network round trip to
 * DynamoDB), with Jynamo's default {@code jynamo.parallelism} (8). The floor and the Enhanced Client send
 * one call after another, as code written against them does unless it adds its own threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class LatencyBenchmark {

    static final long DELAY_MILLIS = 5;

    Env env;
    Env enhancedEnv;

    @Setup(Level.Trial)
    public void setUp() {
        String page = Models.linePage("BenchVLine", 100, true);
        env = new Env(Map.of("BatchWriteItem", ClientOverheadBenchmark.BATCH_WRITTEN, "Query", page,
                "UpdateItem", "{" + Models.capacity("BenchVLine", 1) + "}"), DELAY_MILLIS, 8);
        enhancedEnv = new Env(Map.of("BatchWriteItem", ClientOverheadBenchmark.BATCH_WRITTEN, "Query", page, "UpdateItem",
                "{\"Attributes\":" + Models.line(0, true) + "," + Models.capacity("BenchVLine", 1) + "}"), DELAY_MILLIS, 8);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        env.close();
        enhancedEnv.close();
    }

    // ---- commit of 100 new entities: 4 BatchWriteItem (Jynamo: all 4 in flight at once)

    @Benchmark
    public Object latencyPersist100_floor() {
        return ClientOverheadBenchmark.writeUsers(env, 100);
    }

    @Benchmark
    public Object latencyPersist100_enhanced() {
        return ClientOverheadBenchmark.writeUsersEnhanced(enhancedEnv, 100);
    }

    @Benchmark
    public Object latencyPersist100_jynamo() {
        return ClientOverheadBenchmark.persistUsers(env, 100);
    }

    // ---- flush of 100 versioned entities: 1 Query + 100 conditional UpdateItem (Jynamo: 8 at once)

    @Benchmark
    public Object latencyVersioned100_floor() {
        return VersionedWrites.floor(env);
    }

    @Benchmark
    public Object latencyVersioned100_enhanced() {
        return VersionedWrites.enhanced(enhancedEnv);
    }

    @Benchmark
    public Object latencyVersioned100_jynamo() {
        return VersionedWrites.jynamo(env);
    }
}
