#!/usr/bin/env bash
# Benchmark of a full contract run (report and bundle included), printed, never asserted:
#   - warm `./mvnw -o verify`, median of N, for the default run (embedded simulated gateway) and for a
#     run over a URL against the standalone simulated gateway (-Denv=simulator-url);
#   - the Karate 1.5 peer with the same checks (src/bench/karate-peer), same Maven, same simulator,
#     and the ratio ours/Karate;
#   - the default run with every answer 300 ms late (-Dsimulator.latencyMs=300), scenarios one after
#     another and in parallel, and what the latency adds to the default run's wall time.
# The variants alternate within each round, so a busy machine slows them alike.
# Usage: src/bench/verify-speed.sh [runs]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
port=${BENCH_SIMULATOR_PORT:-18090}
work=target/bench
mkdir -p "$work"
TIMEFORMAT='%R %U %S'

./mvnw -o -B -q compile > "$work/compile.log" 2>&1 || { echo "compile failed: see $work/compile.log" >&2; exit 1; }
./mvnw -o -q exec:java -Dsimulator.port="$port" > "$work/simulator.log" 2>&1 &
simulator=$!
trap 'kill "$simulator" 2> /dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "listening" "$work/simulator.log" && break
  kill -0 "$simulator" 2> /dev/null || { echo "the standalone simulator did not start: see $work/simulator.log" >&2; exit 1; }
  sleep 0.5
done
export SIMULATOR_URL="http://127.0.0.1:$port"

labels=(default url karate latency-sequential latency-parallel)
declare -A command=(
  [default]="./mvnw -o -B verify"
  [url]="./mvnw -o -B verify -Denv=simulator-url"
  [karate]="./mvnw -o -B test -f src/bench/karate-peer/pom.xml -Dgateway.url=$SIMULATOR_URL"
  [latency-sequential]="./mvnw -o -B verify -Dsimulator.latencyMs=300 -Dcucumber.execution.parallel.enabled=false"
  [latency-parallel]="./mvnw -o -B verify -Dsimulator.latencyMs=300 -Dcucumber.execution.parallel.enabled=true"
)
declare -A walls cpus runs_in

run() { # label: one run; appends its wall and CPU seconds (Maven and its forks)
  local label=$1 timing
  if ! { time ${command[$label]} > "$work/$label.log" 2>&1; } 2> "$work/time"; then
    echo "$label failed: see $work/$label.log" >&2; exit 1
  fi
  read -r wall user system < "$work/time"
  walls[$label]+="$wall "
  cpus[$label]+="$(awk -v u="$user" -v s="$system" 'BEGIN {print u + s}') "
  [ "$label" = karate ] || { cp reports/evidence/verdict.json "$work/$label.verdict.json"; runs_in[$label]+="$(in_run)"; }
}

in_run() { # seconds from the run's start to its end, as its own record says (no Maven, no JVM start-up)
  local started finished
  started=$(sed -n 's/.*"startedAt" *: *"\([^"]*\)".*/\1/p' reports/evidence/verdict.json | head -1)
  finished=$(sed -n 's/.*"finishedAt" *: *"\([^"]*\)".*/\1/p' reports/evidence/verdict.json | head -1)
  awk -v s="$(date -d "$started" +%s.%N)" -v f="$(date -d "$finished" +%s.%N)" 'BEGIN {printf "%.3f ", f - s}'
}

median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "warming up (one run of each, not counted) ..."
for label in "${labels[@]}"; do run "$label"; walls[$label]=""; cpus[$label]=""; runs_in[$label]=""; done
for round in $(seq 1 "$runs"); do
  for label in "${labels[@]}"; do run "$label"; done
  echo "round $round: $(for l in "${labels[@]}"; do printf '%s %.1f s  ' "$l" "$(echo "${walls[$l]}" | awk '{print $NF}')"; done)"
done

declare -A wall cpu
for label in "${labels[@]}"; do wall[$label]=$(median "${walls[$label]}"); cpu[$label]=$(median "${cpus[$label]}"); done
spend() { # label: requests, billable requests and spend of that variant's last run
  sed -n -e 's/.*"requests" *: *\([0-9]*\).*/\1 requests/p' -e 's/.*"billableRequests" *: *\([0-9]*\).*/\1 billable/p' \
    -e 's/.*"spendUsd" *: *\([0-9.eE-]*\).*/$\1 spent/p' "$work/$1.verdict.json" | paste -sd ',' | sed 's/,/, /g'
}

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-52s %10s %10s\n' "median of $runs warm runs" "wall (s)" "CPU (s)"
row() { printf '%-52s %10.2f %10.2f\n' "$1" "${wall[$2]}" "${cpu[$2]}"; }
row "ours, default run (embedded simulator)" default
row "ours, over a URL (standalone simulator)" url
row "Karate 1.5 peer, same checks, same simulator" karate
row "ours, default run, latencyMs=300, sequential" latency-sequential
row "ours, default run, latencyMs=300, parallel" latency-parallel
awk -v w="${wall[url]}" -v kw="${wall[karate]}" -v c="${cpu[url]}" -v kc="${cpu[karate]}" \
  'BEGIN {printf "ratio ours/Karate over a URL: wall %.2f, CPU %.2f (target: wall at most 1.0)\n", w / kw, c / kc}'
awk -v s="${wall[latency-sequential]}" -v p="${wall[latency-parallel]}" -v d="${wall[default]}" \
  'BEGIN {printf "latencyMs=300 adds to the default run: %.2f s sequential, %.2f s parallel (target: at most 0.90 s)\n", s - d, p - d}'
# The same from the runs' own records, first scenario to last: free of Maven's and the JVMs' noise.
awk -v s="$(median "${runs_in[latency-sequential]}")" -v p="$(median "${runs_in[latency-parallel]}")" -v d="$(median "${runs_in[default]}")" \
  'BEGIN {printf "  within the run (its record, median): default %.2f s; latencyMs=300 adds %.2f s sequential, %.2f s parallel\n", d, s - d, p - d}'
echo "default run:                  $(spend default)"
echo "latencyMs=300, parallel run:  $(spend latency-parallel)"
[ -s reports/allure-report/index.html ] && echo "report: reports/allure-report/index.html ($(du -k reports/allure-report/index.html | cut -f1) KiB)"
