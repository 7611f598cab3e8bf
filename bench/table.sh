#!/bin/sh
# Builds the benchmarks (a reactor package, nothing installed) and prints the tables of docs/performance.md:
# every scenario for the raw-SDK floor, the Enhanced Client and Jynamo with ratios to the floor of this run
# (time, CPU and allocation per operation; wall time with 5 ms calls), the flush of 10,000 untouched
# entities, the heap of a persistence context of 100,000 entities, then the CPU ratios measured with the
# mappers taking turns, as the median over 5 JVMs. About 20–25 minutes on 2 cores.
# Arguments go to the JMH part alone and replace its defaults, e.g.  bench/table.sh -f 1 -wi 5 -i 5 queryPartition
set -e
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package -DskipTests
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
if [ $# -gt 0 ]; then
  exec java -cp "$CP" io.jynamo.bench.BenchTable "$@"
fi
java -cp "$CP" io.jynamo.bench.BenchTable -f 1 -wi 3 -w 2s -i 4 -r 1s -prof gc -prof io.jynamo.bench.CpuProfiler
java -cp "$CP" io.jynamo.bench.BenchTable --interleaved --forks 5
