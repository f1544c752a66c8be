package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.List;

/**
 * {@code POST /v1/messages/count_tokens}, Anthropic's token count on the gateway, which Claude Code calls
 * every turn: the request checked as the Messages API checks it (a model and messages, no {@code max_tokens}),
 * the team's gates, the model (404), then {@code {"input_tokens": N}}, as Anthropic answers
 * (https://docs.anthropic.com/en/api/messages-count-tokens). It runs no model and is not billed.
 */
final class CountTokensRoute implements SimulatedRoute {

    @Override
    public ResponseDefinition serve(RouteCall call) {
        JsonNode body = Replies.body(call.request().getBodyAsString());
        ResponseDefinition invalid = Replies.invalidInference(body, true);
        if (invalid != null) {
            return invalid;
        }
        RouteCall.Admission admission = call.admitInference(body.path("model").asText());
        if (admission.refused()) {
            return admission.refusal();
        }
        int system = body.has("system") ? Completion.promptTokens(List.of(body.get("system"))) : 0;
        return Replies.json(200, Replies.JSON.createObjectNode()
                .put("input_tokens", Completion.promptTokens(body.path("messages")) + system));
    }
}
