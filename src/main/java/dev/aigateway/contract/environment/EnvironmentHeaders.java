package dev.aigateway.contract.environment;

import dev.aigateway.contract.gateway.GatewayProfile;
import java.util.Map;
import java.util.stream.Stream;

/** {@code headers:} of an environment, checked: what may be sent on every request to the gateway. */
final class EnvironmentHeaders {

    private EnvironmentHeaders() {}

    /**
     * Headers the run sets itself, which {@code headers:} may not replace: the credential's (as the redactor
     * knows them by name) and the protocol's. The profile's own header names are added per gateway.
     */
    static final java.util.Set<String> HEADERS_THE_RUN_SETS = java.util.Set.of("authorization", "x-api-key",
            "x-ai-gateway-api-key", "cookie", "content-type", "content-length", "content-encoding", "transfer-encoding",
            "host", "connection", "accept-encoding", "expect", "upgrade", "te");

    /**
     * {@code headers:}, sent on every request to the gateway (a gateway in front of another routes by them). A name
     * the run sets itself is refused, as is a value a variable gives that no header can carry; a value is never
     * quoted, since it may be a secret: one whose header's name says it carries a credential (registered when read),
     * or one that reads a variable apiKey or credentials: reads too (whose value the redactor hides wherever it is).
     */
    static Map<String, String> read(EnvironmentFile raw, String display, Map<String, Integer> lines,
                                               GatewayProfile profile) {
        if (raw.headers() == null) {
            return Map.of();
        }
        java.util.Set<String> reserved = new java.util.TreeSet<>(HEADERS_THE_RUN_SETS);
        GatewayProfile.Headers names = profile.headers();
        java.util.stream.Stream.of(names.accessTokenTeam(), names.anthropicVersion() == null ? null : names.anthropicVersion().name())
                .filter(java.util.Objects::nonNull).forEach(name -> reserved.add(name.toLowerCase(java.util.Locale.ROOT)));
        if (names.aiSdk() != null) {
            GatewayProfile.AiSdk sdk = names.aiSdk();
            Stream.of(sdk.protocolVersion().name(), sdk.authMethod(), sdk.specificationVersion(), sdk.modelId(), sdk.streaming())
                    .forEach(name -> reserved.add(name.toLowerCase(java.util.Locale.ROOT)));
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> header : raw.headers().entrySet()) {
            String name = header.getKey();
            String where = display + ", line " + YamlLines.lineOf("headers/" + name, lines) + " (headers." + name + "): ";
            if (reserved.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new EnvironmentException(where + "the run sets " + name + " itself (the credential from apiKey and auth,"
                        + " the protocol's headers from the route), so headers: may not replace it; remove it.");
            }
            String value = header.getValue() == null ? "" : header.getValue();
            // Sent exactly as given, like a key: a value with a space at either end is refused, never trimmed.
            if (value.isBlank() || !value.equals(value.strip()) || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c > 0x7e)) {
                throw new EnvironmentException(where + "a header's value is one line of printable ASCII, not empty"
                        + " (no line break, no control character, no accented letter, no space at either end); the value"
                        + " given is not.");
            }
            headers.put(name, value);
        }
        return headers;
    }
}
