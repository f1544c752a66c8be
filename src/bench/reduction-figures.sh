#!/usr/bin/env bash
# Figures: what finding what the gateway refuses in an application's request costs, case by case
# (the request files of src/test/resources/requests/, R1 to R5, as curl, HAR and JSON), against the simulated gateway: the extra requests
# the variants took, in how many waves, what they spent, and how long they took. Printed by
# RequestReductionRunTest (one "figures" line per case) and, against the replay gateway that answers R1 to R5
# as their sources show (captured refusedWhen), by ReplayGatewayTest ("figures replay" lines); nothing here is
# asserted on time.
# Usage: src/bench/reduction-figures.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp -o verify -Ptests -DskipITs -Dreport.check.skip -Dnode.tests.skip -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='RequestReductionRunTest,ReplayGatewayTest#eachFormOfTheRequestGetsTheVerdictAndNamesItsTrigger' > target/reduction-figures.log 2>&1 \
  || { tail -40 target/reduction-figures.log >&2; echo "the test failed" >&2; exit 1; }
grep '^figures ' target/reduction-figures.log
