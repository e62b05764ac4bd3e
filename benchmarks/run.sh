#!/usr/bin/env bash
# Builds the benchmarks module with what it needs, runs every measurement, and writes
# benchmarks/results/latest.json and the table in docs/performance.md.
#
#   bash benchmarks/run.sh [--quick] [--only write,e2e,...] [--note "text for the table"]
#
# --quick measures for under five minutes on two cores (building first takes a minute or more); the full run
# about 11 minutes on an idle machine. Not part of the tests or CI.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

skip=(-DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true)
if grep -q '<module>benchmarks</module>' pom.xml; then
  # The module is in the reactor: build it and the modules it needs from this checkout.
  mvn -B -q -pl benchmarks -am package "${skip[@]}"
else
  # Not yet listed in the root pom: api, core and the writers come from the local repository (~/.m2).
  mvn -B -q -f benchmarks/pom.xml package "${skip[@]}"
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.starexport.benchmarks.Main --results benchmarks/results/latest.json --doc docs/performance.md "$@"
