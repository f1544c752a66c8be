package dev.aigateway.contract.record;

import java.math.BigDecimal;

/**
 * What a run cost: requests sent (not those whose connection or TLS handshake failed), billable
 * requests (inference the gateway served for the team's key: 2xx, so the ones that can be charged,
 * and those whose answer was lost, which may have been),
 * tokens and US dollars as the gateway reported them ({@code usage.cost}). {@code unknownCost}
 * counts the billable requests whose usage never arrived: their cost is not known.
 * {@code http.Spending} counts it from a run's exchanges.
 */
public record Spend(int requests, int billableRequests, long tokens, BigDecimal usd, int unknownCost) {

    /** ", plus 1 billable request whose answer was lost (cost unknown)", or nothing. */
    public String unknownCostNote() {
        return unknownCost == 0 ? "" : ", plus " + unknownCost + " billable request" + (unknownCost == 1 ? "" : "s")
                + " whose answer was lost (cost unknown)";
    }
}
