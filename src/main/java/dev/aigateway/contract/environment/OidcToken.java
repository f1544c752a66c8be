package dev.aigateway.contract.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A Vercel OIDC token as the environment holds it: a JWT ({@code header.payload.signature}, each part
 * base64url), read locally (its signature is not checked here; the gateway does that). Its {@code exp}
 * says when it stops working: Vercel issues them for 12 hours, {@code vercel env pull} fetches a new one.
 */
public record OidcToken(String header, String payload, String signature, JsonNode claims) {

    private static final ObjectMapper JSON = Json.ANSWERS;

    /** The token, or empty when {@code token} is not a JWT whose payload is a JSON object. */
    public static Optional<OidcToken> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims != null && claims.isObject()
                    ? Optional.of(new OidcToken(parts[0], parts[1], parts[2], claims)) : Optional.empty();
        } catch (IllegalArgumentException | java.io.IOException notAJwt) {
            return Optional.empty();
        }
    }

    /** When it expires ({@code exp}, seconds since the epoch), if it says. */
    public Optional<Instant> expiresAt() {
        JsonNode exp = claims.path("exp");
        return exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
    }

    public boolean expiredAt(Instant now) {
        return expiresAt().map(exp -> !exp.isAfter(now)).orElse(false);
    }

    /** A claim as text, or empty. */
    public String claim(String name) {
        return claims.path(name).asText("");
    }
}
