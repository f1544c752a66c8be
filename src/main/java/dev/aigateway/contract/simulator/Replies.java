package dev.aigateway.contract.simulator;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.aigateway.contract.Json;

/** The shapes every simulated route answers with: JSON bodies and the gateway's error envelope. */
final class Replies {

    /** The shared mapper of the project's own JSON, under the name the routes use. */
    static final ObjectMapper JSON = Json.DATA;

    private Replies() {}

    /** {@code {"error":{"message","type"}}}, the envelope of the OpenAI-compatible and SDK routes. */
    static ObjectNode errorEnvelope(String message, String type) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.putObject("error").put("message", message).put("type", type);
        return envelope;
    }

    static ResponseDefinition error(int status, String type, String message) {
        return json(status, errorEnvelope(message, type));
    }

    static ResponseDefinition invalidRequest(String parameter) {
        ObjectNode envelope = errorEnvelope("Invalid request: missing required parameter '" + parameter + "'",
                "invalid_request_error");
        ((ObjectNode) envelope.get("error")).put("param", parameter).put("code", "missing_parameter");
        return json(400, envelope);
    }

    static ResponseDefinition modelNotFound(String modelId) {
        ObjectNode envelope = errorEnvelope("Model '" + modelId + "' not found", "model_not_found");
        ((ObjectNode) envelope.get("error")).putObject("param").put("modelId", modelId);
        return json(404, envelope);
    }

    static ResponseDefinition json(int status, JsonNode body) {
        return responseDefinition().withStatus(status)
                .withHeader("content-type", "application/json")
                .withBody(body.toString())
                .build();
    }

    static ResponseDefinition eventStream(String body) {
        return responseDefinition().withStatus(200)
                .withHeader("content-type", "text/event-stream")
                .withHeader("cache-control", "no-cache")
                .withBody(body)
                .build();
    }

    /**
     * The check every inference request starts with: a JSON body that names a model, and, where
     * {@code messagesRequired}, a non-empty {@code messages}. The gateway's 400 for the first that
     * fails, or null when the request passes.
     */
    static ResponseDefinition invalidInference(JsonNode body, boolean messagesRequired) {
        if (body == null) {
            return error(400, "invalid_request_error", "Invalid request: body is not valid JSON");
        }
        if (!body.path("model").isTextual()) {
            return invalidRequest("model");
        }
        if (messagesRequired && (!body.path("messages").isArray() || body.path("messages").isEmpty())) {
            return invalidRequest("messages");
        }
        return null;
    }

    /** The request body as JSON, or null when it is not JSON. */
    static JsonNode body(String text) {
        try {
            JsonNode body = JSON.readTree(text);
            return body == null || body.isMissingNode() ? null : body;
        } catch (Exception e) {
            return null;
        }
    }

    /** The profile's {@code reply}, {@code {model}} in its body replaced by {@code modelId} when that is set. */
    static ResponseDefinition of(dev.aigateway.contract.gateway.GatewayProfile.Reply reply, String modelId) {
        return of(reply, modelId, null);
    }

    /**
     * The same, where the gateway quotes the key it refused: {@code {keyEnd}} its last four characters,
     * {@code {keySha256}} its SHA-256 in lower-case hex (each a form the profile's {@code keys.forms} may name).
     */
    static ResponseDefinition of(dev.aigateway.contract.gateway.GatewayProfile.Reply reply, String modelId, String key) {
        String body = reply.body().toString();
        if (key != null) {
            body = body.replace("{keyEnd}", key.substring(Math.max(0, key.length() - 4)))
                    .replace("{keySha256}", new dev.aigateway.contract.gateway.GatewayProfile.Keys(null, null, null, null,
                            java.util.List.of("sha256-hex"), null, null).formsOf(key).get("sha256-hex"));
        }
        return responseDefinition().withStatus(reply.status())
                .withHeader("content-type", "application/json")
                .withBody(modelId == null ? body : body.replace("{model}", modelId))
                .build();
    }
}
