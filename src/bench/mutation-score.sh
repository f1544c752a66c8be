#!/usr/bin/env bash
# Figures: the mutation score of the trust-critical code (the gates and spend, redaction and the secret scan,
# bounded reading, the evidence writers, the verdict and its texts, the console line, a run's outcome), per
# package: how many of PIT's mutations of it the fast unit tests detect (killed, or timed out). The classes and
# the tests are the -Pmutation profile's (pom.xml); no test that runs the whole suite or a JVM takes part, so a
# run takes minutes. The survivors are read in src/site/markdown/benchmarks.md.
# Usage: src/bench/mutation-score.sh [--report-only] [--survivors]
#   --report-only  read the last run's target/pit-reports/mutations.xml instead of running PIT
#   --survivors    also list every mutation no test detected, as class:line mutator: description
set -euo pipefail
cd "$(dirname "$0")/../.."
run=true survivors=false
for arg in "$@"; do
  case "$arg" in
    --report-only) run=false ;;
    --survivors) survivors=true ;;
    *) echo "unknown option $arg: use --report-only and/or --survivors" >&2; exit 2 ;;
  esac
done
report=target/pit-reports/mutations.xml
if $run; then
  ./mvnw -B -ntp -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage > target/mutation-score.log 2>&1 \
    || { tail -40 target/mutation-score.log >&2; echo "the mutation run failed (target/mutation-score.log)" >&2; exit 1; }
fi
[ -f "$report" ] || { echo "$report is missing: run without --report-only first" >&2; exit 1; }
# One <mutation ...> element per line: its status, and the package of its class.
sed 's/<mutation /\n<mutation /g' "$report" | grep '^<mutation ' | awk '
  {
    match($0, /status=.[A-Z_]+/); status = substr($0, RSTART + 8, RLENGTH - 8)
    match($0, /<mutatedClass>[^<]+/); class = substr($0, RSTART + 14, RLENGTH - 14)
    pkg = class; sub(/\.[^.]+$/, "", pkg); sub(/^dev\.aigateway\.contract\.?/, "", pkg); if (pkg == "") pkg = "(root)"
    total[pkg]++; all++
    if (status == "KILLED" || status == "TIMED_OUT" || status == "MEMORY_ERROR" || status == "RUN_ERROR") { killed[pkg]++; allKilled++ }
    else if (status == "NO_COVERAGE") { uncovered[pkg]++; allUncovered++ }
    else { survived[pkg]++; allSurvived++ }
  }
  END {
    printf "%-12s %9s %7s %9s %11s %7s\n", "package", "mutations", "killed", "survived", "no coverage", "score"
    for (pkg in total) printf "%-12s %9d %7d %9d %11d %6.1f%%\n", pkg, total[pkg], killed[pkg], survived[pkg], uncovered[pkg], 100 * killed[pkg] / total[pkg] | "sort"
    close("sort")
    printf "%-12s %9d %7d %9d %11d %6.1f%%\n", "all", all, allKilled, allSurvived, allUncovered, 100 * allKilled / all
  }'
if $survivors; then
  echo
  echo "Not detected (class:line mutator: description):"
  sed 's/<mutation /\n<mutation /g' "$report" | grep '^<mutation ' | grep -E "status=.(SURVIVED|NO_COVERAGE)" | awk '
    {
      match($0, /status=.[A-Z_]+/); status = substr($0, RSTART + 8, RLENGTH - 8)
      match($0, /<mutatedClass>[^<]+/); class = substr($0, RSTART + 14, RLENGTH - 14); sub(/^dev\.aigateway\.contract\./, "", class)
      match($0, /<lineNumber>[0-9]+/); line = substr($0, RSTART + 12, RLENGTH - 12)
      match($0, /<mutator>[^<]+/); mutator = substr($0, RSTART + 9, RLENGTH - 9); sub(/^.*\./, "", mutator)
      match($0, /<description>[^<]*/); description = substr($0, RSTART + 13, RLENGTH - 13)
      print class ":" line " " mutator " (" (status == "NO_COVERAGE" ? "no coverage" : "survived") "): " description
    }' | sed 's/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g; s/&quot;/"/g; s/&#39;/'"'"'/g' | sort -t: -k1,1 -k2,2n
fi
