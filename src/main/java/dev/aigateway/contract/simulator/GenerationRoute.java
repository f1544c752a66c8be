package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Optional;

/**
 * {@code GET /v1/generation?id=<generation id>}: the usage event of a generation this simulator produced, with
 * costs as numbers. Its errors are flat ({@code {"error":"..."}}, maton's live captures), which
 * {@code @ai-sdk/gateway} reports as {@code GatewayResponseError}. Unlike the real gateway, whose usage
 * events arrive about 9 s late (404 "Usage event not found" until then), a generation can be read back at
 * once: a known difference (src/site/markdown/simulator.md, "Known differences from the real gateway"),
 * so that no test waits 9 s.
 */
final class GenerationRoute implements SimulatedRoute {

    @Override
    public ResponseDefinition serve(RouteCall call) {
        QueryParameter id = call.request().queryParameter("id");
        if (!id.isPresent() || id.firstValue().isBlank()) {
            return Replies.json(400, Replies.JSON.createObjectNode().put("error", "id is required"));
        }
        String generationId = id.firstValue().trim();
        if (!call.gateway().isGenerationId(generationId)) {
            return Replies.json(400, Replies.JSON.createObjectNode().put("error",
                    "Invalid generation ID format. Expected format: " + call.gateway().profile.simulator().generationIdPrefix()
                            + "<ulid>"));
        }
        Optional<ResponseDefinition> refused = call.refusal("generation");
        if (refused.isPresent()) {
            return refused.get();
        }
        return call.gateway().generation(generationId)
                .map(usageEvent -> {
                    ObjectNode reply = Replies.JSON.createObjectNode();
                    reply.set("data", usageEvent);
                    return Replies.json(200, reply);
                })
                .orElseGet(() -> Replies.json(404, Replies.JSON.createObjectNode()
                        .put("error", "Usage event not found")
                        .put("id", generationId)
                        .put("message", "No usage event found with ID " + generationId)));
    }
}
