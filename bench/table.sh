#!/bin/sh
# Builds the benchmarks (a reactor package, nothing installed) and prints the table of docs/performance.md:
# every scenario for the raw-SDK floor, the Enhanced Client and Jynamo, with ratios to the floor of this
# run, allocation per operation, and the heap of a persistence context of 100,000 entities.
# Arguments replace the JMH defaults below, e.g.  bench/table.sh -f 1 -wi 5 -i 5 queryPartition
set -e
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package -DskipTests
[ $# -eq 0 ] && set -- -f 1 -wi 3 -w 2s -i 4 -r 1s -prof gc -prof io.jynamo.bench.CpuProfiler
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.jynamo.bench.BenchTable "$@"
