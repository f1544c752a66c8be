package dev.aigateway.contract.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.http.AnswerJson;
import dev.aigateway.contract.http.Exchange;
import dev.aigateway.contract.http.ServerSentEvents;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a run cost: requests sent (not those whose connection or TLS handshake failed), billable
 * requests (inference the gateway served for the team's key: 2xx, so the ones that can be charged,
 * and those whose answer was lost, which may have been),
 * tokens and US dollars as the gateway reported them ({@code usage.cost}). {@code unknownCost}
 * counts the billable requests whose usage never arrived: their cost is not known.
 */
public record Spend(int requests, int billableRequests, long tokens, BigDecimal usd, int unknownCost) {

    private static final Pattern INFERENCE = Pattern.compile(
            "/v1/(chat/completions|embeddings|messages|responses)|/v[1-4]/ai/.*-model.*");
    private static final ObjectMapper JSON = AnswerJson.MAPPER;

    public static Spend of(List<Exchange> exchanges) {
        int billable = 0;
        long tokens = 0;
        BigDecimal usd = BigDecimal.ZERO;
        int unknown = 0;
        for (Exchange exchange : exchanges) {
            if (!isBillable(exchange)) {
                continue;
            }
            billable++;
            JsonNode usage = usage(exchange.responseBody());
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
        boolean inference = "team-key".equals(exchange.caller()) && "POST".equals(exchange.method())
                && exchange.path() != null && INFERENCE.matcher(exchange.path().replaceFirst("\\?.*", "")).matches();
        boolean served = exchange.status() != null && exchange.status() / 100 == 2;
        boolean lost = exchange.failure() != null && !exchange.neverSent()
                && (exchange.status() == null || exchange.status() / 100 == 2);
        return inference && (served || lost);
    }

    /** ", plus 1 billable request whose answer was lost (cost unknown)", or nothing. */
    public String unknownCostNote() {
        return unknownCost == 0 ? "" : ", plus " + unknownCost + " billable request" + (unknownCost == 1 ? "" : "s")
                + " whose answer was lost (cost unknown)";
    }

    /** {@code usage} of a JSON answer, or of the last SSE chunk that carries one. */
    static JsonNode usage(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            if (body.strip().startsWith("{")) {
                return JSON.readTree(body).path("usage");
            }
            JsonNode usage = JSON.missingNode();
            for (String event : ServerSentEvents.data(body)) {
                if (event.startsWith("{")) {
                    JsonNode chunk = JSON.readTree(event).path("usage");
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
