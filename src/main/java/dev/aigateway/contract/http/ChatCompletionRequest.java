package dev.aigateway.contract.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of {@code POST /v1/chat/completions}, as small as the gateway accepts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(
        String model,
        List<Message> messages,
        @JsonProperty("max_tokens") Integer maxTokens,
        Boolean stream) {

    public record Message(String role, String content) {}

    public static ChatCompletionRequest smallest(String model, int maxTokens) {
        return new ChatCompletionRequest(model, List.of(new Message("user", "Say pong.")), maxTokens, null);
    }

    public ChatCompletionRequest streamed() {
        return new ChatCompletionRequest(model, messages, maxTokens, true);
    }
}
