package dev.aigateway.contract.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.gateway.GatewayProfile;
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
        @JsonIgnore ObjectNode gatewayFields) {

    public record Message(String role, String content) {}

    /** {@code stream_options}: every live client found asks for the usage chunk ({@code include_usage: true}). */
    public record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {}

    /** The fields the gateway's profile places (a request's own provider key, {@code byok:}), beside the ones above. */
    @JsonAnyGetter
    public Map<String, Object> gatewayFieldsAsWritten() {
        return gatewayFields == null ? Map.of() : Json.DATA.convertValue(gatewayFields, Map.class);
    }

    public static ChatCompletionRequest smallest(String model, int maxTokens) {
        return new ChatCompletionRequest(model, List.of(new Message("user", "Say pong.")), maxTokens, null, null, null);
    }

    public ChatCompletionRequest streamed() {
        return new ChatCompletionRequest(model, messages, maxTokens, true, new StreamOptions(true), gatewayFields);
    }

    /**
     * The same request, served only by {@code provider}, with {@code apiKey} as its request-scoped BYOK credential,
     * each where {@code byok} (the gateway profile's) points: the provider in the list at {@code only}, the key as
     * {@code [{"apiKey": ...}]} under the provider's name at {@code keys}.
     */
    public ChatCompletionRequest withByok(String provider, String apiKey, GatewayProfile.Byok byok) {
        ObjectNode fields = gatewayFields == null ? Json.DATA.createObjectNode() : gatewayFields.deepCopy();
        if (byok.only() != null) {
            objectAt(fields, parent(byok.only())).putArray(last(byok.only())).add(provider);
        }
        objectAt(fields, byok.keys()).putArray(provider).addObject().put("apiKey", apiKey);
        return new ChatCompletionRequest(model, messages, maxTokens, stream, streamOptions, fields);
    }

    /** The object at JSON pointer {@code pointer} of {@code root}, made where missing. */
    private static ObjectNode objectAt(ObjectNode root, String pointer) {
        ObjectNode node = root;
        for (String name : pointer.replaceFirst("^/", "").split("/")) {
            if (!name.isEmpty()) {
                node = node.has(name) && node.get(name).isObject() ? (ObjectNode) node.get(name) : node.putObject(name);
            }
        }
        return node;
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String last(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}
