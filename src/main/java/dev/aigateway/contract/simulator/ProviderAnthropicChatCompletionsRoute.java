package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * Anthropic's OpenAI SDK compatibility ({@code POST /anthropic/v1/chat/completions},
 * https://docs.anthropic.com/en/api/openai-sdk), as a user reaches it directly with their BYOK key: 401 for a
 * key the provider does not accept (in {@code x-api-key} or as a Bearer token), 400 without a model or messages,
 * else a minimal chat completion. It has none of the gateway's own limits: the same request the gateway refuses
 * non-streamed above 21,333 output tokens is served here (https://github.com/vercel/ai/issues/20649).
 */
final class ProviderAnthropicChatCompletionsRoute implements SimulatedRoute {

    private final Providers providers;

    ProviderAnthropicChatCompletionsRoute(Providers providers) {
        this.providers = providers;
    }

    @Override
    public ResponseDefinition serve(RouteCall call) {
        String authorization = call.request().getHeader("Authorization");
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
        if (!providers.accepts("anthropic", call.request().getHeader("x-api-key")) && !providers.accepts("anthropic", bearer)) {
            return Replies.error(401, "authentication_error", "invalid x-api-key");
        }
        JsonNode body = Replies.body(call.request().getBodyAsString());
        if (body == null || !body.path("model").isTextual() || !body.path("messages").isArray() || body.path("messages").isEmpty()) {
            return Replies.error(400, "invalid_request_error", "model and messages are required");
        }
        ObjectNode completion = Replies.JSON.createObjectNode()
                .put("id", "msg_sim" + Ulid.next())
                .put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000)
                .put("model", body.path("model").asText());
        completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "length")
                .putObject("message").put("role", "assistant").put("content", "pong");
        completion.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 1).put("total_tokens", 11);
        return Replies.json(200, completion);
    }
}
