package io.jynamo.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForkedRatiosTest {

    @Test
    void eachScenarioShowsTheMedianOverForksWithTheLowestAndHighestFork() {
        // Medians that are neither the first fork's value nor the mean of the three.
        String table = ForkedRatios.table(List.of(
                List.of(ForkedRatios.row("write25", 70, 1.02, 1.20), ForkedRatios.row("count", 24, Double.NaN, 1.11)),
                List.of(ForkedRatios.row("write25", 100, 1.20, 1.05), ForkedRatios.row("count", 30, Double.NaN, 1.19)),
                List.of(ForkedRatios.row("write25", 90, 1.07, 1.09), ForkedRatios.row("count", 20, Double.NaN, 1.09))));
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).startsWith("Median over 3 JVMs"), table);
        assertEquals("| write25 | 90.0 | **1.07×** (1.02–1.20) | **1.09×** (1.05–1.20) |", lines.get(4));
        assertEquals("| count | 24.0 | — | **1.11×** (1.09–1.19) |", lines.get(5));
    }

    @Test
    void forksGetThisJvmsPropertiesAndFlagsButNotItsAgentsRecordingsOrLogFiles() {
        assertEquals(List.of("-Djynamo.bench.memoized=true", "-Xmx2g", "-XX:+UseParallelGC"), ForkedRatios.inherited(List.of(
                "-Djynamo.bench.memoized=true", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-Xmx2g",
                "-XX:StartFlightRecording=filename=a.jfr", "-XX:+UseParallelGC", "-Xlog:gc:file=gc.log",
                "-javaagent:x.jar")));
    }
}
