package dev.aigateway.contract.http;

import java.util.List;

/**
 * The body of {@code POST /v1/messages/count_tokens}: a message as the Messages API takes it, without
 * {@code max_tokens} (https://docs.anthropic.com/en/api/messages-count-tokens).
 */
public record CountTokensRequest(String model, List<ChatCompletionRequest.Message> messages) {

    public static CountTokensRequest smallest(String model) {
        return new CountTokensRequest(model, List.of(new ChatCompletionRequest.Message("user", "Say pong.")));
    }
}
