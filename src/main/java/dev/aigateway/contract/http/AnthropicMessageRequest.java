package dev.aigateway.contract.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /v1/messages}, Anthropic's Messages API: on the gateway (the messages
 * route), and on Anthropic's own API for the direct check of a BYOK key. One token at most.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnthropicMessageRequest(
        String model,
        @JsonProperty("max_tokens") int maxTokens,
        List<ChatCompletionRequest.Message> messages,
        Boolean stream) {

    public static AnthropicMessageRequest smallest(String model) {
        return smallest(model, 1);
    }

    public static AnthropicMessageRequest smallest(String model, int maxTokens) {
        return new AnthropicMessageRequest(model, maxTokens, List.of(new ChatCompletionRequest.Message("user", "Say pong.")), null);
    }

    public AnthropicMessageRequest streamed() {
        return new AnthropicMessageRequest(model, maxTokens, messages, true);
    }
}
