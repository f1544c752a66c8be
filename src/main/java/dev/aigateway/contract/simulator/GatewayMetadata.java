package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * The gateway's own metadata on a reply ({@code provider_metadata.gateway} / {@code providerMetadata.gateway}):
 * the routing of one successful system-credential attempt at the model's creator, the cost as a decimal
 * string and the generation id (provider-options.md).
 */
final class GatewayMetadata {

    private GatewayMetadata() {}

    static ObjectNode of(Catalog.Model model, BigDecimal cost, String generationId) {
        ObjectNode gateway = Replies.JSON.createObjectNode();
        ObjectNode routing = gateway.putObject("routing")
                .put("originalModelId", model.id())
                .put("resolvedProvider", model.creator())
                .put("finalProvider", model.creator());
        ObjectNode attempt = routing.putArray("modelAttempts").addObject()
                .put("modelId", model.id()).put("success", true);
        attempt.putArray("providerAttempts").addObject()
                .put("provider", model.creator()).put("credentialType", "system").put("success", true);
        routing.put("totalProviderAttemptCount", 1);
        gateway.put("cost", cost.toPlainString())
                .put("marketCost", cost.toPlainString())
                .put("generationId", generationId);
        return gateway;
    }
}
