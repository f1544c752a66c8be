package dev.aigateway.contract.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of Anthropic's own {@code POST /v1/messages}: the direct check of a BYOK key, one token at most. */
public record AnthropicMessageRequest(
        String model,
        @JsonProperty("max_tokens") int maxTokens,
        List<ChatCompletionRequest.Message> messages) {

    public static AnthropicMessageRequest smallest(String model) {
        return new AnthropicMessageRequest(model, 1, List.of(new ChatCompletionRequest.Message("user", "Say pong.")));
    }
}
