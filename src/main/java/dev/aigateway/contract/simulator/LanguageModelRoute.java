package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * {@code POST /v1/ai/language-model}, {@code /v3/ai/language-model} and {@code /v4/ai/language-model}, what {@code @ai-sdk/gateway}'s
 * {@code doGenerate} and {@code doStream} call: the body is the SDK's call options ({@code prompt},
 * {@code maxOutputTokens}, ...), the model is the {@code ai-language-model-id} header and
 * {@code ai-language-model-streaming: true} asks for the stream. Checked like chat completions: the
 * request (400), the team's gates, the model (404).
 */
final class LanguageModelRoute implements SimulatedRoute {

    private static final String MODEL_ID = "ai-language-model-id";
    private static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;

    @Override
    public ResponseDefinition serve(RouteCall call) {
        String modelId = call.request().getHeader(MODEL_ID);
        if (modelId == null || modelId.isBlank()) {
            return Replies.error(400, "invalid_request_error", "Invalid request: missing required header '" + MODEL_ID + "'");
        }
        JsonNode body = Replies.body(call.request().getBodyAsString());
        if (body == null) {
            return Replies.error(400, "invalid_request_error", "Invalid request: body is not valid JSON");
        }
        if (!body.path("prompt").isArray() || body.path("prompt").isEmpty()) {
            return Replies.invalidRequest("prompt");
        }
        RouteCall.Admission admission = call.admitInference(modelId.trim());
        if (admission.refused()) {
            return admission.refusal();
        }
        Completion completion = Completion.of(call.gateway().newGenerationId(), admission.model(),
                Completion.promptTokens(body.path("prompt")), body.path("maxOutputTokens").asInt(DEFAULT_MAX_OUTPUT_TOKENS));
        boolean streaming = "true".equalsIgnoreCase(call.request().getHeader("ai-language-model-streaming"));
        call.gateway().remember(completion.generationId(), completion.usageEvent(streaming));
        // /v1/ai is @ai-sdk/gateway 1.x and 2.x (ai@5): LanguageModelV2's flat usage and finish reason.
        boolean v2 = call.request().getUrl().startsWith("/v1/ai/");
        return streaming
                ? Replies.eventStream(LanguageModelResult.streamParts(completion, v2))
                : Replies.json(200, LanguageModelResult.generateResult(completion, v2));
    }
}
