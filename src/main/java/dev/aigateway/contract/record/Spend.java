package dev.aigateway.contract.record;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a run cost: requests sent (not those whose connection or TLS handshake failed), billable
 * requests (inference the gateway served for the team's key: 2xx, so the ones that can be charged,
 * and those whose answer was lost, which may have been),
 * tokens and US dollars as the answers carried them (where the gateway's profile says each route keeps its
 * cost). {@code unknownCost} counts the billable requests whose cost is not known: the answer was lost, or
 * it carried no cost where its route keeps one (or one below zero); {@code ofUnknownCost} names them
 * ({@code #7 POST /v1/messages}).
 * {@code http.Spending} counts it from a run's exchanges.
 */
public record Spend(int requests, int billableRequests, long tokens, BigDecimal usd, int unknownCost,
                    List<String> ofUnknownCost) {

    public Spend {
        ofUnknownCost = ofUnknownCost == null ? List.of() : List.copyOf(ofUnknownCost);
    }

    /** Without naming the requests of unknown cost. */
    public Spend(int requests, int billableRequests, long tokens, BigDecimal usd, int unknownCost) {
        this(requests, billableRequests, tokens, usd, unknownCost, List.of());
    }

    /**
     * ", plus 1 billable request of unknown cost (#7 POST /v1/messages: its answer lost, or carrying no cost where
     * the gateway keeps it)", or nothing.
     */
    public String unknownCostNote() {
        return unknownCost == 0 ? "" : ", plus " + unknownCost + " billable request" + (unknownCost == 1 ? "" : "s")
                + " of unknown cost (" + (ofUnknownCost.isEmpty() ? "" : String.join(", ", ofUnknownCost) + ": ")
                + (unknownCost == 1 ? "its answer" : "their answers") + " lost, or carrying no cost where the gateway keeps it)";
    }
}
