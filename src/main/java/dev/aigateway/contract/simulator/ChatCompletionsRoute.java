package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Optional;

/**
 * {@code POST /v1/chat/completions}, plain and streamed: the request checked (400), then the team's
 * gates, then the model (404), then a reply computed from the request.
 */
final class ChatCompletionsRoute implements SimulatedRoute {

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
        call.gateway().remember(completion.generationId(), completion.usageEvent(body.path("stream").asBoolean(false)));
        return body.path("stream").asBoolean(false)
                ? Replies.eventStream(completion.eventStream())
                : Replies.json(200, completion.body());
    }
}
