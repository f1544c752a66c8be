package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * {@code POST /v1/chat/completions}, plain and streamed: the request checked (400), then the team's
 * gates (a BYOK request included: the credit gate applies to it too), then the model (404), then a
 * reply computed from the request and routed through the user's own provider key where it works.
 */
final class ChatCompletionsRoute implements SimulatedRoute {

    private final Providers providers;

    ChatCompletionsRoute(Providers providers) {
        this.providers = providers;
    }

    @Override
    public ResponseDefinition serve(RouteCall call) {
        JsonNode body = Replies.body(call.request().getBodyAsString());
        ResponseDefinition invalid = Replies.invalidInference(body, true);
        if (invalid != null) {
            return invalid;
        }
        RouteCall.Admission admission = call.admitInference(body.path("model").asText(), body.path("stream").asBoolean(false));
        if (admission.refused()) {
            return admission.refusal();
        }
        Completion completion = Completion.of(call.gateway().newGenerationId(), admission.model(), body, Routing.of(admission.model(), body, providers, call.gateway().profile.byok()));
        call.gateway().remember(completion.generationId(), completion.usageEvent(body.path("stream").asBoolean(false)));
        return body.path("stream").asBoolean(false)
                ? Replies.eventStream(completion.eventStream(call.gateway().streamEnd()))
                : Replies.json(200, completion.body());
    }
}
