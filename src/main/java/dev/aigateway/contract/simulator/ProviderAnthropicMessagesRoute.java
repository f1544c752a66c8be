package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * Anthropic's own Messages API ({@code POST /anthropic/v1/messages}), as a user reaches it directly
 * with their BYOK key: 401 for a key the provider does not accept, else a minimal message.
 */
final class ProviderAnthropicMessagesRoute implements SimulatedRoute {

    private final Providers providers;

    ProviderAnthropicMessagesRoute(Providers providers) {
        this.providers = providers;
    }

    @Override
    public ResponseDefinition serve(RouteCall call) {
        if (!providers.accepts("anthropic", call.request().getHeader("x-api-key"))) {
            return anthropicError(401, "authentication_error", "invalid x-api-key");
        }
        JsonNode body = Replies.body(call.request().getBodyAsString());
        if (body == null || !body.path("max_tokens").isInt() || !body.path("model").isTextual()) {
            return anthropicError(400, "invalid_request_error", "max_tokens: Field required");
        }
        int maxTokens = body.path("max_tokens").asInt();
        ObjectNode message = Replies.JSON.createObjectNode()
                .put("id", "msg_sim" + Ulid.next())
                .put("type", "message")
                .put("role", "assistant")
                .put("model", body.path("model").asText());
        message.putArray("content").addObject().put("type", "text").put("text", maxTokens >= 1 ? "pong" : "");
        message.put("stop_reason", "max_tokens").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 10).put("output_tokens", Math.min(1, maxTokens));
        return Replies.json(200, message);
    }

    private static ResponseDefinition anthropicError(int status, String type, String message) {
        ObjectNode body = Replies.JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        return Replies.json(status, body);
    }
}
