#!/usr/bin/env bash
# Benchmark: wall time of a warm `./mvnw -o verify` of the default environment, report included.
# Prints each run and the median. Usage: src/bench/verify-speed.sh [runs]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
./mvnw -B -q verify > /dev/null 2>&1 || { echo "warm-up run failed: run ./mvnw verify to see why" >&2; exit 1; }
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  ./mvnw -o -B -q verify > /dev/null 2>&1 || { echo "run $i failed" >&2; exit 1; }
  end=$(date +%s.%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')
  times+=("$t")
  printf 'run %d: %.2f s\n' "$i" "$t"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
printf 'median of %d warm runs: %.2f s (target: at most 15 s)\n' "$runs" "$median"
[ -s reports/allure-report/index.html ] && echo "report: reports/allure-report/index.html ($(du -k reports/allure-report/index.html | cut -f1) KiB)"
