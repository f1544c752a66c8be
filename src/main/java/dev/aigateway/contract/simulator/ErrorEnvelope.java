package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Locale;

/**
 * The error envelope a route answers in, named by a stub mapping's {@code transformerParameters.envelope}.
 * Routes and teams write their errors in the gateway's own {@code {"error":{"message","type"}}}; a route
 * of another API family gets its request errors (400 validation, 401 key, 404 model) rewritten into its
 * family's shape, the gateway's type string kept. Account and billing gates (402, 403, 429, 5xx) keep the
 * gateway's own envelope there too: Claude Code met {@code /v1/messages}'s 402 insufficient_funds in it
 * (community.vercel.com/t/37001).
 */
enum ErrorEnvelope {

    /** {@code {"error":{"message","type"}}}: the OpenAI-compatible routes and the AI SDK's. */
    GATEWAY,

    /**
     * {@code {"type":"error","error":{"type","message"}}}: {@code /v1/messages}'s request errors
     * (Vercel's docs, https://github.com/superbuilders/superstarter/blob/fcc3e65/docs/vercel/ai-gateway/sdks-and-apis/anthropic-compat.md).
     */
    ANTHROPIC;

    private static final java.util.Set<Integer> REQUEST_ERRORS = java.util.Set.of(400, 401, 404);

    static ErrorEnvelope named(String name) {
        return name == null ? GATEWAY : valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The response with a gateway-envelope JSON error body rewritten; anything else (HTML, success) as it is. */
    ResponseDefinition wrap(ResponseDefinition response) {
        if (this == GATEWAY || !REQUEST_ERRORS.contains(response.getStatus()) || response.getBody() == null) {
            return response;
        }
        JsonNode body = Replies.body(response.getBody());
        JsonNode error = body == null ? null : body.get("error");
        if (error == null || !error.path("message").isTextual()) {
            return response;
        }
        ObjectNode anthropic = Replies.JSON.createObjectNode().put("type", "error");
        anthropic.putObject("error")
                .put("type", error.path("type").asText("api_error"))
                .put("message", error.path("message").asText());
        return ResponseDefinitionBuilder.like(response).withBody(anthropic.toString()).build();
    }
}
