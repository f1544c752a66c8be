package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.List;

/**
 * {@code POST /v1/responses}, OpenResponses (Vercel's docs,
 * https://github.com/superbuilders/superstarter/blob/fcc3e65/docs/vercel/ai-gateway/sdks-and-apis/openresponses.md), what the OpenAI SDK's
 * {@code responses.create} calls: {@code input} is required (a string or a list of messages),
 * {@code max_output_tokens} bounds the reply. Checked like chat completions: the request (400), the
 * team's gates, the model (404); then a completed response, or its named events when streamed. A mapping
 * that names body files ({@code body}, {@code stream}) gets its reply in them instead, as {@link MessagesRoute} does.
 */
final class ResponsesRoute implements SimulatedRoute {

    @Override
    public ResponseDefinition serve(RouteCall call) {
        JsonNode body = Replies.body(call.request().getBodyAsString());
        ResponseDefinition invalid = Replies.invalidInference(body, false);
        if (invalid != null) {
            return invalid;
        }
        JsonNode input = body.path("input");
        if (!(input.isTextual() && !input.asText().isBlank()) && !(input.isArray() && !input.isEmpty())) {
            return Replies.invalidRequest("input");
        }
        RouteCall.Admission admission = call.admitInference(body.path("model").asText());
        if (admission.refused()) {
            return admission.refusal();
        }
        int promptTokens = input.isTextual() ? Completion.promptTokens(List.of(input)) : Completion.promptTokens(input);
        Completion completion = Completion.of(call.gateway().newGenerationId(), admission.model(), promptTokens, body.path("max_output_tokens").asInt(4096));
        boolean stream = body.path("stream").asBoolean(false);
        call.gateway().remember(completion.generationId(), completion.usageEvent(stream));
        if (TemplatedCompletionRoute.templated(call)) {
            return TemplatedCompletionRoute.templated(call, completion, stream, false);
        }
        return stream
                ? Replies.eventStream(OpenResponse.eventStream(completion))
                : Replies.json(200, OpenResponse.body(completion, "completed"));
    }
}
