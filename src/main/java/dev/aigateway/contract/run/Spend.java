package dev.aigateway.contract.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.http.Exchange;
import dev.aigateway.contract.http.ServerSentEvents;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a run cost: requests sent, billable requests (inference the gateway served for the team's
 * key: 2xx, so the ones that can be charged), tokens and US dollars as the gateway reported them
 * ({@code usage.cost}).
 */
public record Spend(int requests, int billableRequests, long tokens, BigDecimal usd) {

    private static final Pattern INFERENCE = Pattern.compile(
            "/v1/(chat/completions|embeddings|messages|responses)|/v[1-4]/ai/.*-model.*");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Spend of(List<Exchange> exchanges) {
        int billable = 0;
        long tokens = 0;
        BigDecimal usd = BigDecimal.ZERO;
        for (Exchange exchange : exchanges) {
            if (!isBillable(exchange)) {
                continue;
            }
            billable++;
            JsonNode usage = usage(exchange.responseBody());
            tokens += usage.path("total_tokens").asLong(0);
            if (usage.path("cost").isNumber()) {
                usd = usd.add(usage.path("cost").decimalValue());
            }
        }
        return new Spend(exchanges.size(), billable, tokens, usd.stripTrailingZeros());
    }

    public static boolean isBillable(Exchange exchange) {
        return "team-key".equals(exchange.caller()) && "POST".equals(exchange.method())
                && exchange.status() != null && exchange.status() / 100 == 2 && exchange.path() != null && INFERENCE.matcher(exchange.path().replaceFirst("\\?.*", "")).matches();
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
