package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * {@code POST /v1/messages}, Anthropic's Messages API on the gateway (Vercel's docs,
 * https://github.com/superbuilders/superstarter/blob/fcc3e65/docs/vercel/ai-gateway/sdks-and-apis/anthropic-compat.md), plain and
 * streamed: the request checked ({@code max_tokens} is required), the team's gates, the model (404),
 * then the reply in Anthropic's shape. Its mapping states {@code envelope: anthropic}, so its request
 * errors reach the client as {@code {"type":"error","error":{...}}}; account gates keep the gateway's envelope.
 * A mapping that names body files ({@code body}, {@code stream}) gets its reply in them instead, filled as
 * {@link TemplatedCompletionRoute} fills its own; streamed, with no terminator after {@code message_stop}.
 */
final class MessagesRoute implements SimulatedRoute {

    @Override
    public ResponseDefinition serve(RouteCall call) {
        JsonNode body = Replies.body(call.request().getBodyAsString());
        ResponseDefinition invalid = Replies.invalidInference(body, true);
        if (invalid != null) {
            return invalid;
        }
        if (!body.path("max_tokens").canConvertToInt() || !body.path("max_tokens").isIntegralNumber()
                || body.path("max_tokens").asInt() < 1) {
            return Replies.invalidRequest("max_tokens");
        }
        RouteCall.Admission admission = call.admitInference(body.path("model").asText());
        if (admission.refused()) {
            return admission.refusal();
        }
        Completion completion = Completion.of(call.gateway().newGenerationId(), admission.model(), body);
        boolean stream = body.path("stream").asBoolean(false);
        call.gateway().remember(completion.generationId(), completion.usageEvent(stream));
        if (TemplatedCompletionRoute.templated(call)) {
            return TemplatedCompletionRoute.templated(call, completion, stream, false);
        }
        return stream
                ? Replies.eventStream(AnthropicMessage.eventStream(completion))
                : Replies.json(200, AnthropicMessage.body(completion));
    }
}
