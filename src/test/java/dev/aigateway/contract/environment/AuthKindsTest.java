package dev.aigateway.contract.environment;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.http.Credential;
import dev.aigateway.contract.http.RequestHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment's {@code auth}: api-key (default), oidc (a JWT, its exp read locally), access-token (with its team). */
class AuthKindsTest {

    private static final String ENVIRONMENT = """
            description: A test gateway
            baseUrl: https://gateway.example
            teamId: team_123
            apiKey: ${VERCEL_OIDC_TOKEN}
            probe:
              model: openai/gpt-4o-mini
            """;

    @TempDir
    Path root;

    private Environment load(String auth, String token) throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/mine.yaml"), ENVIRONMENT + auth);
        return new EnvironmentLoader(root, Map.of("VERCEL_OIDC_TOKEN", token)).load("mine");
    }

    static String jwt(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJlLW9mLXRoZS10ZXN0";
    }

    /** The header lines the team's credential sends on /v1/credits. */
    private static List<String> headers(Environment environment) {
        return RequestHeaders.of(Credential.teamKey(environment.apiKey()), environment.auth(), RequestHeaders.OPENAI,
                        environment.profile())
                .stream().map(header -> header.name() + ": " + header.value()).toList();
    }

    @Test
    void withoutAuthTheKeyIsAnApiKeyAndNoHeaderIsAdded() throws Exception {
        Environment environment = load("", "vck_x");
        assertThat(environment.auth().kind(), equalTo("api-key"));
        assertThat(headers(environment), equalTo(List.of("Authorization: Bearer vck_x")));
    }

    @Test
    void anOidcTokenIsSentAsTheAiSdkDoesAndItsExpiryIsReadLocally() throws Exception {
        String token = jwt("{\"owner\":\"healthy\",\"exp\":1767225600}");
        Environment environment = load("auth:\n  kind: oidc\n", token);
        assertThat(headers(environment), equalTo(List.of("Authorization: Bearer " + token, "ai-gateway-auth-method: oidc")));
        assertThat(environment.auth().expiresAt(), equalTo(Instant.ofEpochSecond(1767225600)));
        assertThat(environment.auth().expired(Instant.parse("2026-06-01T00:00:00Z")), equalTo(true));
        assertThat(environment.auth().expired(Instant.parse("2025-06-01T00:00:00Z")), equalTo(false));
    }

    @Test
    void everyPartOfAnOidcTokenIsASecretUnderTheTokensVariable() throws Exception {
        String token = jwt("{\"owner\":\"healthy\",\"exp\":4102444800}");
        String[] parts = token.split("\\.");
        Environment environment = load("auth:\n  kind: oidc\n", token);
        assertThat(environment.secrets(), hasItem(new Environment.Secret("VERCEL_OIDC_TOKEN", token)));
        assertThat(environment.secrets(), hasItem(new Environment.Secret("VERCEL_OIDC_TOKEN", parts[1])));
        assertThat(environment.secrets(), hasItem(new Environment.Secret("VERCEL_OIDC_TOKEN", parts[2])));
    }

    @Test
    void anAccessTokenNamesItsTeam() throws Exception {
        Environment environment = load("auth:\n  kind: access-token\n  team: my-team\n", "vca_x");
        assertThat(headers(environment), equalTo(List.of("Authorization: Bearer vca_x", "x-vercel-ai-gateway-team: my-team")));
    }

    @Test
    void anAuthKindThatDoesNotExistGetsOneSentenceNamingTheKinds() {
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> load("auth:\n  kind: bearer\n", "x"));
        assertThat(e.getMessage(), equalTo("environments/mine.yaml, line 8 (auth.kind): expected one of api-key, oidc, access-token."));
    }

    @Test
    void anAccessTokenWithoutItsTeamGetsOneSentence() {
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> load("auth:\n  kind: access-token\n", "vca_x"));
        assertThat(e.getMessage(), containsString("(auth.team): auth kind access-token needs auth.team"));
        assertThat(e.getMessage(), containsString("Kinds that exist: api-key, oidc, access-token."));
    }

    /** OpenRouter's profile names no access-token team header and no AI SDK headers: those kinds are refused in one sentence. */
    @Test
    void aKindTheGatewayHasNoHeaderForGetsOneSentence() {
        for (String kind : List.of("access-token", "oidc")) {
            EnvironmentException e = assertThrows(EnvironmentException.class,
                    () -> load("gateway: openrouter\nauth:\n  kind: " + kind + "\n  team: my-team\n", jwt("{\"exp\":1}")));
            assertThat(e.getMessage(), containsString("(auth.kind): OpenRouter takes no " + kind
                    + " credential; use auth kind api-key (or leave auth out)."));
        }
    }

    @Test
    void aTokenThatIsNotAJwtGetsOneSentenceWithoutTheToken() {
        EnvironmentException e = assertThrows(EnvironmentException.class,
                () -> load("auth:\n  kind: oidc\n", "vck_not_a_jwt_secret_value"));
        assertThat(e.getMessage(), containsString("(apiKey): auth kind oidc needs a Vercel OIDC token, a JWT"));
        assertThat(e.getMessage(), containsString("VERCEL_OIDC_TOKEN"));
        assertThat(e.getMessage(), not(containsString("vck_not_a_jwt_secret_value")));
        assertThat(e.getStackTrace().length, equalTo(0));
    }
}
