package dev.aigateway.contract.environment;

import dev.aigateway.contract.gateway.GatewayProfile;
import java.util.List;
import java.util.Map;

/** {@code auth:} of an environment, checked against the gateway's profile: how {@code apiKey} authenticates. */
final class EnvironmentAuth {

    private EnvironmentAuth() {}

    /**
     * The auth kind, checked: a kind that exists, access-token with its team, oidc with a JWT (whose
     * payload and signature parts become secrets of their own, under the key's variable, so every form
     * of the token is redacted and scanned for).
     */
    static Environment.Auth read(EnvironmentFile raw, String display, Map<String, Integer> lines,
                                         List<Environment.Secret> secrets, GatewayProfile profile) {
        EnvironmentFile.AuthFields fields = raw.auth();
        String kind = fields == null || fields.kind() == null || fields.kind().isBlank() ? "api-key" : fields.kind().trim();
        String kinds = " Kinds that exist: " + String.join(", ", Environment.Auth.KINDS) + ".";
        // A kind whose header the gateway's profile does not name cannot be sent: one sentence, not a crash at the first request.
        if (kind.equals("access-token") && profile.headers().accessTokenTeam() == null
                || kind.equals("oidc") && (profile.headers().aiSdk() == null || profile.oidc() == null)) {
            throw new EnvironmentException(display + ", line " + YamlLines.lineOf("auth", lines) + " (auth.kind): " + profile.title()
                    + " takes no " + kind + " credential; use auth kind api-key (or leave auth out).");
        }
        if (kind.equals("access-token")) {
            if (fields.team() == null || fields.team().isBlank()) {
                throw new EnvironmentException(display + ", line " + YamlLines.lineOf("auth", lines) + " (auth.team): auth kind "
                        + "access-token needs auth.team, the team id or slug sent as " + profile.headers().accessTokenTeam() + "." + kinds);
            }
            return new Environment.Auth(kind, fields.team().trim(), null);
        }
        if (kind.equals("api-key")) {
            return Environment.Auth.API_KEY;
        }
        String variable = secrets.stream().filter(secret -> secret.value().equals(raw.apiKey()))
                .map(Environment.Secret::variable).findFirst().orElse("apiKey");
        OidcToken token = OidcToken.parse(raw.apiKey()).orElseThrow(() -> new EnvironmentException(display + ", line "
                + YamlLines.lineOf("apiKey", lines) + " (apiKey): auth kind oidc needs " + profile.oidc().token() + ", a JWT (three base64url "
                + "parts separated by dots); the value of " + variable + " is not one. Run " + profile.oidc().refresh()
                + " for a fresh token."));
        secrets.add(new Environment.Secret(variable, token.payload()));
        if (!token.signature().isEmpty()) {
            secrets.add(new Environment.Secret(variable, token.signature()));
        }
        return new Environment.Auth(kind, null, token.expiresAt().orElse(null));
    }
}
