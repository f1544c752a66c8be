package dev.aigateway.contract.http;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.environment.Environment;
import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * The one gate every billable send passes, whatever sends it (a probe, the application's request, one of
 * its variants, the wrong-base-url correction, a direct check at the provider): the environment allows
 * billable calls ({@code allowBillable}), the run is within its deadline ({@code timeouts.runSeconds}), and
 * the send's worst case, from the catalog's prices, fits under the spend cap ({@code maxSpendUsd}), held until
 * its answer is recorded. A send it refuses is never made: {@link Skipped} names it and the setting that refused it.
 */
final class SendGate {

    private final Environment environment;
    private final SpendGuard spendGuard;
    private final RunLimits limits;

    SendGate(Environment environment, SpendGuard spendGuard, RunLimits limits) {
        this.environment = environment;
        this.spendGuard = spendGuard;
        this.limits = limits;
    }

    /**
     * Admits {@code send} ("POST /v1/chat/completions"), whose worst case {@code worstCaseUsd} gives (asked only
     * once the environment allows billable calls; null when not priced), or throws {@link Skipped} with why.
     */
    SpendGuard.Reservation admit(String send, Supplier<BigDecimal> worstCaseUsd) {
        if (!environment.allowBillable()) {
            throw Skipped.notApplicable("environment " + environment.name() + " does not allow billable calls"
                    + " (allowBillable: false), and " + send + " may be billed: not sent");
        }
        limits.beforeDeadline();
        return spendGuard.reserve(worstCaseUsd.get());
    }
}
