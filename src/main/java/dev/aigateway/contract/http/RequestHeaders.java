package dev.aigateway.contract.http;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a request's credential and protocol headers are decided: the credential as its auth
 * kind sends it, and the headers of the protocol the route speaks. Each name is decided once, so no
 * header goes out twice (the AI SDK's {@code ai-gateway-auth-method} says {@code oidc} for an OIDC
 * token, {@code api-key} otherwise, and is the only one the request carries).
 */
public final class RequestHeaders {

    /** What a route speaks beside the credential. */
    public sealed interface Protocol permits OpenAi, Anthropic, AiSdk {}

    /** The OpenAI-compatible routes, /v1/credits and /v1/models: the credential alone. */
    public record OpenAi() implements Protocol {}

    /** Anthropic's Messages API: its version header. */
    public record Anthropic() implements Protocol {}

    /** {@code @ai-sdk/gateway}'s language-model call: the model, the specification version and streaming in headers. */
    public record AiSdk(String specificationVersion, String modelId, boolean streaming) implements Protocol {}

    public static final Protocol OPENAI = new OpenAi();
    public static final Protocol ANTHROPIC = new Anthropic();

    private RequestHeaders() {}

    /**
     * The headers of a request made as {@code credential} on a route that speaks {@code protocol}, in
     * the order they go out: the key in the headers {@code profile}'s {@code credential:} names, the team's
     * credential as {@code auth} says (an OIDC token with the AI SDK's auth-method header saying {@code oidc}, an
     * access token with the profile's team header), any other key as an API key; the header names and versions
     * are {@code profile}'s.
     */
    public static List<Exchange.Header> of(Credential credential, Environment.Auth auth, Protocol protocol,
                                           GatewayProfile profile) {
        GatewayProfile.Headers names = profile.headers();
        GatewayProfile.AiSdk sdk = names.aiSdk();
        String kind = credential.caller() == Caller.TEAM_KEY && credential.apiKey() != null && auth != null
                ? auth.kind() : "api-key";
        List<Exchange.Header> headers = new ArrayList<>();
        if (credential.apiKey() != null) {
            profile.credential().carrying(credential.apiKey())
                    .forEach(header -> headers.add(new Exchange.Header(header.name(), header.value())));
        }
        if ("access-token".equals(kind)) {
            headers.add(new Exchange.Header(names.accessTokenTeam(), auth.team()));
        }
        String authMethod = "oidc".equals(kind) ? "oidc" : "api-key";
        if (protocol instanceof AiSdk call) {
            headers.add(new Exchange.Header(sdk.protocolVersion().name(), sdk.protocolVersion().value()));
            headers.add(new Exchange.Header(sdk.authMethod(), authMethod));
            headers.add(new Exchange.Header(sdk.specificationVersion(), call.specificationVersion()));
            headers.add(new Exchange.Header(sdk.modelId(), call.modelId()));
            headers.add(new Exchange.Header(sdk.streaming(), String.valueOf(call.streaming())));
        } else if ("oidc".equals(kind) && sdk != null) {
            // Outside the AI SDK's own headers, an OIDC token still says what it is.
            headers.add(new Exchange.Header(sdk.authMethod(), authMethod));
        }
        if (protocol instanceof Anthropic && names.anthropicVersion() != null) {
            headers.add(new Exchange.Header(names.anthropicVersion().name(), names.anthropicVersion().value()));
        }
        return headers;
    }

    /**
     * The credential headers of the application's own request, sent with the file's other headers: as
     * {@link #of} gives them on an OpenAI-compatible route, and on the AI SDK's own routes ({@code aiSdk})
     * the auth-method header too, since the file's was taken out with its credential.
     */
    public static List<Exchange.Header> forApplication(Credential credential, Environment.Auth auth, boolean aiSdk,
                                                       GatewayProfile profile) {
        List<Exchange.Header> headers = new ArrayList<>(of(credential, auth, OPENAI, profile));
        if (profile.headers().aiSdk() == null) {
            // A gateway without the AI SDK's native protocol has no auth-method header to add.
            return headers;
        }
        String authMethod = profile.headers().aiSdk().authMethod();
        if (aiSdk && headers.stream().noneMatch(header -> header.name().equalsIgnoreCase(authMethod))) {
            headers.add(new Exchange.Header(authMethod, "api-key"));
        }
        return headers;
    }

    /**
     * The environment's own {@code headers:}, sent after the credential and protocol headers on every request to the
     * gateway (never to a provider's own API): the loader refused any name {@link #of} decides.
     */
    public static List<Exchange.Header> environment(Environment environment) {
        return environment.headers().entrySet().stream().map(header -> new Exchange.Header(header.getKey(), header.getValue())).toList();
    }

    /**
     * A provider's own Anthropic API, called directly with the user's BYOK key: {@code x-api-key}, as
     * Anthropic takes it, and the version header the profile sends Anthropic's API.
     */
    public static List<Exchange.Header> anthropicDirect(String apiKey, GatewayProfile profile) {
        GatewayProfile.NamedValue version = profile.headers().anthropicVersion();
        return List.of(new Exchange.Header("x-api-key", apiKey), new Exchange.Header(version.name(), version.value()));
    }
}
