package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Optional;

/**
 * {@code POST /v1/messages}, Anthropic's Messages API on the gateway (anthropic-compat.md), plain and
 * streamed: the request checked ({@code max_tokens} is required), the team's gates, the model (404),
 * then the reply in Anthropic's shape. Its mapping states {@code envelope: anthropic}, so every error
 * here reaches the client as {@code {"type":"error","error":{...}}}.
 */
final class MessagesRoute implements SimulatedRoute {

    @Override
    public ResponseDefinition serve(RouteCall call) {
        JsonNode body = Replies.body(call.request().getBodyAsString());
        if (body == null) {
            return Replies.error(400, "invalid_request_error", "Invalid request: body is not valid JSON");
        }
        if (!body.path("model").isTextual()) {
            return Replies.invalidRequest("model");
        }
        if (!body.path("messages").isArray() || body.path("messages").isEmpty()) {
            return Replies.invalidRequest("messages");
        }
        if (!body.path("max_tokens").canConvertToInt() || !body.path("max_tokens").isIntegralNumber()
                || body.path("max_tokens").asInt() < 1) {
            return Replies.invalidRequest("max_tokens");
        }
        Optional<ResponseDefinition> refused = call.refusal("inference");
        if (refused.isPresent()) {
            return refused.get();
        }
        String modelId = body.path("model").asText();
        Optional<Catalog.Model> model = call.gateway().catalog.find(modelId);
        if (model.isEmpty()) {
            return Replies.modelNotFound(modelId);
        }
        Completion completion = Completion.of(model.get(), body);
        boolean stream = body.path("stream").asBoolean(false);
        call.gateway().remember(completion.generationId(), completion.usageEvent(stream));
        return stream
                ? Replies.eventStream(AnthropicMessage.eventStream(completion))
                : Replies.json(200, AnthropicMessage.body(completion));
    }
}
