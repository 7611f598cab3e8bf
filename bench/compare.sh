#!/bin/sh
# Compares the client CPU of this working tree's Jynamo with another revision's, in one JVM (BuildComparison):
# both builds run the same benchmark code, each with its own Jynamo jars, taking turns with the raw-SDK floor.
# Prints, per scenario, each build's ratio to the floor and the ratio of this tree to the revision (B / A).
# About 15 s a scenario with 11 rounds. Usage:  bench/compare.sh REV [ROUNDS] [SCENARIO-REGEX]
#   e.g.  bench/compare.sh HEAD~3 11 'findCold|count'
# With JAVA_OPTS=-Djynamo.bench.memoized=true the SDK answers from memory (see Memoized): only the mappers' own work is compared.
set -e
cd "$(dirname "$0")/.."
REV=${1:?usage: bench/compare.sh REV [ROUNDS] [SCENARIO-REGEX]}
ROUNDS=${2:-11}
HERE=$(pwd)
OTHER=$(mktemp -d)
trap 'git worktree remove --force "$OTHER" >/dev/null 2>&1 || true; rm -rf "$OTHER"' EXIT
git worktree add --detach "$OTHER" "$REV" >/dev/null 2>&1
(cd "$OTHER" && ./mvnw -q -pl provider -am package -DskipTests)
./mvnw -q -pl bench -am package -DskipTests
# A build = this tree's benchmark classes + that tree's Jynamo jars; the parent class path = everything else.
jars() { echo "$1/provider/target/jynamo-provider-"*.jar "$1/jpql-dynamo/target/jynamo-jpql-dynamo-"*.jar | tr ' ' ':'; }
LIBS=$(tr ':' '\n' < bench/target/classpath.txt | grep -v "^$HERE/" | paste -sd: -)
java $JAVA_OPTS -cp "bench/target/classes:$LIBS" io.jynamo.bench.BuildComparison \
  "$HERE/bench/target/classes:$(jars "$OTHER")" "$HERE/bench/target/classes:$(jars "$HERE")" "$ROUNDS" ${3:+"$3"}
