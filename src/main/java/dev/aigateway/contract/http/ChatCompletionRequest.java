package dev.aigateway.contract.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /v1/chat/completions}, as small as the gateway accepts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(
        String model,
        List<Message> messages,
        @JsonProperty("max_tokens") Integer maxTokens,
        Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        ProviderOptions providerOptions) {

    public record Message(String role, String content) {}

    /** {@code stream_options}: every live client found asks for the usage chunk ({@code include_usage: true}). */
    public record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {}

    /** {@code providerOptions.gateway}: routing ({@code only}) and request-scoped BYOK credentials. */
    public record ProviderOptions(Gateway gateway) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gateway(List<String> only, Map<String, List<Map<String, String>>> byok) {}

    public static ChatCompletionRequest smallest(String model, int maxTokens) {
        return new ChatCompletionRequest(model, List.of(new Message("user", "Say pong.")), maxTokens, null, null, null);
    }

    public ChatCompletionRequest streamed() {
        return new ChatCompletionRequest(model, messages, maxTokens, true, new StreamOptions(true), providerOptions);
    }

    /** The same request, served only by {@code provider}, with {@code apiKey} as its request-scoped BYOK credential. */
    public ChatCompletionRequest withByok(String provider, String apiKey) {
        return new ChatCompletionRequest(model, messages, maxTokens, stream, streamOptions, new ProviderOptions(
                new Gateway(List.of(provider), Map.of(provider, List.of(Map.of("apiKey", apiKey))))));
    }
}
