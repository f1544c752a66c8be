package dev.aigateway.contract.http;

import dev.aigateway.contract.environment.Environment;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a request's credential and protocol headers are decided: the credential as its auth
 * kind sends it, and the headers of the protocol the route speaks. Each name is decided once, so no
 * header goes out twice (the AI SDK's {@code ai-gateway-auth-method} says {@code oidc} for an OIDC
 * token, {@code api-key} otherwise, and is the only one the request carries).
 */
public final class RequestHeaders {

    static final String ANTHROPIC_VERSION = "2023-06-01";
    static final String AI_SDK_PROTOCOL_VERSION = "0.0.1";

    /** What a route speaks beside the credential. */
    public sealed interface Protocol permits OpenAi, Anthropic, AiSdk {}

    /** The OpenAI-compatible routes, /v1/credits and /v1/models: the credential alone. */
    public record OpenAi() implements Protocol {}

    /** Anthropic's Messages API: {@code anthropic-version}. */
    public record Anthropic() implements Protocol {}

    /** {@code @ai-sdk/gateway}'s language-model call: the model, the specification version and streaming in headers. */
    public record AiSdk(String specificationVersion, String modelId, boolean streaming) implements Protocol {}

    public static final Protocol OPENAI = new OpenAi();
    public static final Protocol ANTHROPIC = new Anthropic();

    private RequestHeaders() {}

    /**
     * The headers of a request made as {@code credential} on a route that speaks {@code protocol}, in
     * the order they go out: the team's credential as {@code auth} says (an OIDC token with
     * {@code ai-gateway-auth-method: oidc}, an access token with {@code x-vercel-ai-gateway-team}),
     * any other key as an API key.
     */
    public static List<Exchange.Header> of(Credential credential, Environment.Auth auth, Protocol protocol) {
        String kind = "team-key".equals(credential.caller()) && credential.apiKey() != null && auth != null
                ? auth.kind() : "api-key";
        List<Exchange.Header> headers = new ArrayList<>();
        if (credential.apiKey() != null) {
            headers.add(new Exchange.Header("Authorization", "Bearer " + credential.apiKey()));
        }
        if ("access-token".equals(kind)) {
            headers.add(new Exchange.Header("x-vercel-ai-gateway-team", auth.team()));
        }
        String authMethod = "oidc".equals(kind) ? "oidc" : "api-key";
        if (protocol instanceof AiSdk call) {
            headers.add(new Exchange.Header("ai-gateway-protocol-version", AI_SDK_PROTOCOL_VERSION));
            headers.add(new Exchange.Header("ai-gateway-auth-method", authMethod));
            headers.add(new Exchange.Header("ai-language-model-specification-version", call.specificationVersion()));
            headers.add(new Exchange.Header("ai-language-model-id", call.modelId()));
            headers.add(new Exchange.Header("ai-language-model-streaming", String.valueOf(call.streaming())));
        } else if ("oidc".equals(kind)) {
            // Outside the AI SDK's own headers, an OIDC token still says what it is.
            headers.add(new Exchange.Header("ai-gateway-auth-method", authMethod));
        }
        if (protocol instanceof Anthropic) {
            headers.add(new Exchange.Header("anthropic-version", ANTHROPIC_VERSION));
        }
        return headers;
    }

    /**
     * A provider's own Anthropic API, called directly with the user's BYOK key: {@code x-api-key}, as
     * Anthropic takes it, and {@code anthropic-version}.
     */
    public static List<Exchange.Header> anthropicDirect(String apiKey) {
        return List.of(new Exchange.Header("x-api-key", apiKey), new Exchange.Header("anthropic-version", ANTHROPIC_VERSION));
    }
}
