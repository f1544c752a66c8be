package dev.aigateway.contract.http;

import java.util.List;

/**
 * What {@code @ai-sdk/gateway} posts to {@code <base>/language-model}: the SDK's call options, the
 * smallest prompt with {@code maxOutputTokens} (the model and streaming travel in headers).
 */
public record LanguageModelCall(List<PromptMessage> prompt, int maxOutputTokens) {

    public record PromptMessage(String role, List<Part> content) {}

    public record Part(String type, String text) {}

    public static LanguageModelCall smallest(int maxOutputTokens) {
        return new LanguageModelCall(List.of(new PromptMessage("user", List.of(new Part("text", "Say pong.")))),
                maxOutputTokens);
    }
}
