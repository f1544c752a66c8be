package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What {@code GET /v1/generation?id=} reads back about one generation: the {@code data} of the sample
 * in Vercel's docs (https://vercel.com/docs/ai-gateway/usage) with costs as numbers, plus the fields {@code @ai-sdk/gateway}'s schema requires
 * ({@code upstream_inference_cost}, {@code finish_reason}, {@code native_tokens_cache_creation},
 * {@code billable_web_search_calls}).
 */
final class UsageEvent {

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private UsageEvent() {}

    static ObjectNode of(String generationId, Catalog.Model model, int promptTokens, int completionTokens,
                         BigDecimal cost, boolean streamed, String finishReason) {
        return of(generationId, model, promptTokens, completionTokens, cost, cost, false, streamed, finishReason);
    }

    /**
     * A BYOK generation ({@code byok}) debits nothing ({@code cost} 0) and says what the provider billed the
     * user's own key: {@code is_byok: true}, {@code upstream_inference_cost} the market cost (C7).
     */
    static ObjectNode of(String generationId, Catalog.Model model, int promptTokens, int completionTokens,
                         BigDecimal cost, BigDecimal marketCost, boolean byok, boolean streamed, String finishReason) {
        return Replies.JSON.createObjectNode()
                .put("id", generationId)
                .put("total_cost", cost)
                .put("market_cost", marketCost)
                // System credentials: the provider bills the gateway, not the team; BYOK: the user's own account.
                .put("upstream_inference_cost", byok ? marketCost : BigDecimal.ZERO)
                .put("usage", cost)
                .put("created_at", CREATED_AT.format(Instant.now()))
                .put("model", model.id())
                .put("is_byok", byok)
                .put("provider_name", model.creator())
                .put("streamed", streamed)
                .put("finish_reason", finishReason)
                .put("latency", 120)
                .put("generation_time", 80 + 20 * completionTokens)
                .put("tokens_prompt", promptTokens)
                .put("tokens_completion", completionTokens)
                .put("native_tokens_prompt", promptTokens)
                .put("native_tokens_completion", completionTokens)
                .put("native_tokens_reasoning", 0)
                .put("native_tokens_cached", 0)
                .put("native_tokens_cache_creation", 0)
                .put("billable_web_search_calls", 0);
    }
}
