package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * The gateway's own metadata on a reply ({@code provider_metadata.gateway} / {@code providerMetadata.gateway}):
 * the routing with its provider attempts (one successful system-credential attempt at the model's
 * creator unless BYOK was tried), the cost as a decimal string and the generation id (Vercel's docs,
 * https://github.com/superbuilders/superstarter/blob/fcc3e65/docs/vercel/ai-gateway/models-and-providers/provider-options.md).
 */
final class GatewayMetadata {

    private GatewayMetadata() {}

    static ObjectNode of(Catalog.Model model, BigDecimal cost, String generationId) {
        return of(model, Routing.system(model), cost, cost, generationId);
    }

    /** With the routing's provider attempts, and the cost debited apart from the market cost (BYOK debits nothing). */
    static ObjectNode of(Catalog.Model model, Routing attempts, BigDecimal cost, BigDecimal marketCost, String generationId) {
        ObjectNode gateway = Replies.JSON.createObjectNode();
        ObjectNode routing = gateway.putObject("routing")
                .put("originalModelId", model.id())
                .put("resolvedProvider", model.creator())
                .put("finalProvider", model.creator());
        ObjectNode attempt = routing.putArray("modelAttempts").addObject()
                .put("modelId", model.id()).put("success", true);
        attempts.writeProviderAttempts(attempt.putArray("providerAttempts"));
        routing.put("totalProviderAttemptCount", attempts.attempts().size());
        gateway.put("cost", cost.toPlainString())
                .put("marketCost", marketCost.toPlainString())
                .put("gatewayCost", cost.toPlainString())
                .put("generationId", generationId);
        return gateway;
    }
}
