package dev.aigateway.contract.diagnosis;

import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.request.RequestRoute;
import java.util.Arrays;
import java.util.Optional;

/**
 * A path the gateway serves no route at that ends like one it serves: the client was given a wrong
 * base URL and appended its own path to it ({@code /v1/v1/messages}: an Anthropic SDK given the base
 * URL with {@code /v1}, https://github.com/langchain-ai/langchainjs/issues/9435; {@code /chat/completions}:
 * an OpenAI client given it without). The base URLs are under the profile's public base URL; the prefixes a
 * client's base URL may add or lack are the profile's ({@link GatewayProfile#clientBasePaths()}: its API base's parts).
 *
 * @param correctedPath the path the gateway serves
 * @param givenBaseUrl  the base URL the client was given
 * @param clientBaseUrl the base URL it should be given
 */
public record BaseUrlCorrection(String correctedPath, String givenBaseUrl, String clientBaseUrl) {

    /** The correction of {@code path} (without its query), or empty when the gateway serves it or nothing like it. */
    public static Optional<BaseUrlCorrection> of(String path, GatewayProfile profile) {
        if (path == null || path.isEmpty() || served(path, profile)) {
            return Optional.empty();
        }
        String base = profile.links() == null ? "" : profile.links().getOrDefault("baseUrl", "").replaceFirst("/+$", "");
        String[] segments = path.substring(1).split("/");
        for (int from = 0; from < segments.length; from++) {
            String suffix = "/" + String.join("/", Arrays.copyOfRange(segments, from, segments.length));
            String given = path.substring(0, path.length() - suffix.length());
            for (String prefix : profile.clientBasePaths()) {
                String candidate = prefix + suffix;
                if (!candidate.equals(path) && !given.equals(prefix) && served(candidate, profile)) {
                    return Optional.of(new BaseUrlCorrection(candidate, base + given, base + prefix));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * True when the profile lists a route at {@code path}, or, on the default profile, the application's request
     * knows one there ({@link RequestRoute}'s paths beyond the routes are the default profile's: on another
     * gateway {@code /v1/messages} is not served, and {@code /api/v1/v1/messages} is corrected to its own route).
     */
    static boolean served(String path, GatewayProfile profile) {
        return RequestRoute.of(path, profile).known();
    }
}
