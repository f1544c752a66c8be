package dev.aigateway.contract.request;

import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the gateway's routes a request's path calls: every {@link Route} the tool checks, plus
 * the paths in {@link #BEYOND_ROUTES} ({@code count_tokens}, the AI SDK's other model kinds), or
 * {@code unknown}. {@code inference} is true for a path that runs a model, the ones a HAR entry is
 * picked from.
 *
 * @param id    the route's name: a {@link Route#id()}, a name from {@link #BEYOND_ROUTES} or {@code unknown}
 * @param route the route the tool checks, when it is one
 */
public record RequestRoute(String id, Route route, boolean inference) {

    public static final String UNKNOWN = "unknown";

    /**
     * Paths the gateway serves that {@link Route} does not list: {@code count_tokens}
     * (https://github.com/vercel/ai/issues/17326), the catalog, credits and generations
     * (https://vercel.com/docs/ai-gateway/usage), and the AI SDK's native protocol
     * (https://github.com/vercel/ai/blob/main/packages/gateway/src/gateway-provider.ts). The AI SDK's native kinds sit under
     * {@code /v1/ai}, {@code /v3/ai} and {@code /v4/ai}; each is named {@code ai-sdk-v<N>-<kind>}.
     * Vercel's facts: they belong in the gateway profile once it exists.
     */
    static final List<Beyond> BEYOND_ROUTES = List.of(
            new Beyond("messages-count-tokens", "/v1/messages/count_tokens", true),
            new Beyond("models", "/v1/models", false),
            new Beyond("credits", "/v1/credits", false),
            new Beyond("generation", "/v1/generation", false));

    /** The AI SDK's native kinds, after {@code /v<N>/ai/}; false where the call runs no model. */
    static final List<Beyond> NATIVE_KINDS = List.of(
            new Beyond("language-model", "language-model", true),
            new Beyond("embedding-model", "embedding-model", true),
            new Beyond("image-model", "image-model", true),
            new Beyond("reranking-model", "reranking-model", true),
            new Beyond("speech-model", "speech-model", true),
            new Beyond("transcription-model", "transcription-model", true),
            new Beyond("video-model", "video-model", true),
            new Beyond("video-model-start", "video-model/start", true),
            new Beyond("video-model-status", "video-model/status", false),
            new Beyond("batch-start", "batch/start", true),
            new Beyond("batch-status", "batch/status", false),
            new Beyond("batch-results", "batch/results", false),
            new Beyond("config", "config", false));

    record Beyond(String id, String path, boolean inference) {}

    private static final Pattern NATIVE = Pattern.compile("/v([134])/ai/(.+)");

    /** The route of {@code pathAndQuery} (its query is ignored); {@code unknown} for a path none serves. */
    public static RequestRoute of(String pathAndQuery) {
        String path = pathAndQuery.replaceFirst("[?#].*$", "");
        Optional<Route> known = Route.servingPath(path, GatewayProfile.standard());
        if (known.isPresent()) {
            return new RequestRoute(known.get().id(), known.get(), true);
        }
        for (Beyond beyond : BEYOND_ROUTES) {
            if (beyond.path().equals(path)) {
                return new RequestRoute(beyond.id(), null, beyond.inference());
            }
        }
        Matcher nativeCall = NATIVE.matcher(path);
        if (nativeCall.matches()) {
            for (Beyond kind : NATIVE_KINDS) {
                if (kind.path().equals(nativeCall.group(2))) {
                    return new RequestRoute("ai-sdk-v" + nativeCall.group(1) + "-" + kind.id(), null, kind.inference());
                }
            }
        }
        return new RequestRoute(UNKNOWN, null, false);
    }

    public boolean known() {
        return !UNKNOWN.equals(id);
    }
}
