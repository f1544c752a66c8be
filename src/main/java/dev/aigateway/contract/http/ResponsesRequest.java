package dev.aigateway.contract.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /v1/responses} (OpenResponses, OpenAI's Responses API): {@code input}
 * instead of messages. {@code max_output_tokens} is at least 16, the smallest OpenAI's Responses
 * API accepts (guess: its 400 "integer below minimum value" seen from OpenAI, not from the gateway).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponsesRequest(
        String model,
        String input,
        @JsonProperty("max_output_tokens") int maxOutputTokens,
        Boolean stream) {

    static final int SMALLEST_MAX_OUTPUT_TOKENS = 16;

    public static ResponsesRequest smallest(String model, int maxTokens) {
        return new ResponsesRequest(model, "Say pong.", Math.max(SMALLEST_MAX_OUTPUT_TOKENS, maxTokens), null);
    }

    public ResponsesRequest streamed() {
        return new ResponsesRequest(model, input, maxOutputTokens, true);
    }
}
