#!/usr/bin/env bash
# Benchmark: the simulated gateway's start / first answer / stop times, and its throughput to
# 8 keep-alive clients on 127.0.0.1. Figures only, nothing asserted.
# Usage: src/bench/simulator-speed.sh [--variants]
#   --variants  also measures the throughput of other WireMock settings, each in a fresh JVM
# Tunable: JAVA_OPTS="-Dbench.clients=8 -Dbench.seconds=10 -Dbench.requests=40000 -Dbench.warmup=2 -Dbench.cycles=5 -Dbench.clientPerThread=true"
set -euo pipefail
cd "$(dirname "$0")/../.."
# A fresh JVM, not exec:java: the cold start must be cold, and the pom's <mainClass> beats -Dexec.mainClass.
./mvnw -B -q test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.outputFile=target/bench.classpath > target/bench-build.log 2>&1 \
  || { cat target/bench-build.log >&2; echo "build failed" >&2; exit 1; }
others=$(pgrep -x java | wc -l || true)
[ "$others" -gt 0 ] && echo "note: $others other java process(es) running: figures will be lower than on a quiet machine"
bench() {
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    dev.aigateway.contract.simulator.SimulatorBenchmark "$@"
}
bench
if [ "${1:-}" = "--variants" ]; then
  bench --list-variants | while IFS= read -r variant; do
    echo
    bench "--variant=$variant"
  done
fi
