package dev.aigateway.contract.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.http.AnswerJson;
import dev.aigateway.contract.http.Exchange;

/**
 * The gateway's own words in a refusal: {@code error.message} of its envelope (the OpenAI-compatible
 * {@code {"error":{"message","type"}}}, Anthropic's, or a flat {@code {"error":"..."}}), in full, so that
 * a top-up or add-card link it carries reaches the user and support as it was sent.
 */
public final class GatewayWords {

    private static final ObjectMapper JSON = AnswerJson.MAPPER;

    private GatewayWords() {}

    /** The refusal's message, whole; empty for a success, a body that is not JSON, or an envelope without one. */
    public static String message(Exchange exchange) {
        if (exchange.status() == null || exchange.status() < 400 || exchange.responseBody() == null
                || !exchange.responseBody().strip().startsWith("{")) {
            return "";
        }
        try {
            JsonNode error = JSON.readTree(exchange.responseBody()).path("error");
            return error.isTextual() ? error.asText() : error.path("message").asText("");
        } catch (Exception notJson) {
            return "";
        }
    }
}
