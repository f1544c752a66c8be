package dev.aigateway.contract.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Spend;
import java.math.BigDecimal;
import java.util.List;

/**
 * Counts what a run cost ({@link Spend}) from its exchanges: which were sent, which were billable
 * (the gateway profile's billable routes, called with the team's key) and the usage the gateway reported.
 */
public final class Spending {

    private static final ObjectMapper JSON = Json.ANSWERS;

    private Spending() {}

    /** What a run on the default gateway cost. */
    public static Spend of(List<Exchange> exchanges) {
        return of(exchanges, GatewayProfile.standard());
    }

    /** What a run cost, its billable routes and usage where {@code profile} says. */
    public static Spend of(List<Exchange> exchanges, GatewayProfile profile) {
        int billable = 0;
        long tokens = 0;
        BigDecimal usd = BigDecimal.ZERO;
        int unknown = 0;
        for (Exchange exchange : exchanges) {
            if (!isBillable(exchange, profile)) {
                continue;
            }
            billable++;
            JsonNode usage = usage(exchange.responseBody(), profile.stream().usage());
            tokens += usage.path("total_tokens").asLong(0);
            if (usage.path("cost").isNumber()) {
                usd = usd.add(usage.path("cost").decimalValue());
            } else if (exchange.failure() != null) {
                unknown++;
            }
        }
        int sent = (int) exchanges.stream().filter(exchange -> !exchange.neverSent()).count();
        return new Spend(sent, billable, tokens, usd.stripTrailingZeros(), unknown);
    }

    /**
     * Inference sent with the team's key that the gateway served (2xx), or whose answer was lost (no
     * status, or a body that broke off): the gateway may have charged those too. A request whose
     * connection or TLS handshake failed never went out: it costs nothing.
     */
    public static boolean isBillable(Exchange exchange) {
        return isBillable(exchange, GatewayProfile.standard());
    }

    /** As {@link #isBillable(Exchange)}, the billable routes the ones of {@code profile}. */
    public static boolean isBillable(Exchange exchange, GatewayProfile profile) {
        boolean inference = exchange.caller() == Caller.TEAM_KEY && exchange.path() != null
                && profile.billable(exchange.method(), exchange.path().replaceFirst("\\?.*", ""));
        boolean served = exchange.status() != null && exchange.status() / 100 == 2;
        boolean lost = exchange.failure() != null && !exchange.neverSent()
                && (exchange.status() == null || exchange.status() / 100 == 2);
        return inference && (served || lost);
    }

    /** {@code usage} (at {@code pointer}) of a JSON answer, or of the last SSE chunk that carries one. */
    public static JsonNode usage(String body, String pointer) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            if (body.strip().startsWith("{")) {
                return JSON.readTree(body).at(pointer);
            }
            JsonNode usage = JSON.missingNode();
            for (String event : ServerSentEvents.data(body)) {
                if (event.startsWith("{")) {
                    JsonNode chunk = JSON.readTree(event).at(pointer);
                    if (chunk.isObject()) {
                        usage = chunk;
                    }
                }
            }
            return usage;
        } catch (Exception notJson) {
            return JSON.missingNode();
        }
    }
}
