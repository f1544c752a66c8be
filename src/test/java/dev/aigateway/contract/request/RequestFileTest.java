package dev.aigateway.contract.request;

import dev.aigateway.contract.gateway.GatewayProfile;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.request.ApplicationRequest.Header;
import dev.aigateway.contract.request.ApplicationRequest.Replaced;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Requests the gateway refused for reasons of their own (R1-R5: https://github.com/vercel/ai/issues/20649,
 * https://vercel.com/docs/ai-gateway/security-and-compliance/zdr, https://github.com/vercel/ai/issues/10325,
 * https://github.com/vercel/ai/issues/17326, https://github.com/vercel/ai/issues/11413), each written the way people paste it: a
 * curl command (Chrome's "Copy as cURL", Vercel's and Anthropic's docs), a HAR and a JSON request.
 * Each form reads to the same request, and none keeps a credential.
 */
class RequestFileTest {

    static final Path REQUESTS = Path.of("src/test/resources/requests");

    private static ApplicationRequest read(String name) {
        return RequestFile.read(REQUESTS.resolve(name).toString());
    }

    /** What is sent: every form of one request must agree on it. */
    private static List<Object> sent(ApplicationRequest request) {
        return List.of(request.method(), request.pathAndQuery(), request.headers(), String.valueOf(request.body()),
                request.route(GatewayProfile.standard()).id());
    }

    @Test
    void r1ChromeCopyAsCurlWithAnAnsiCQuotedBody() {
        ApplicationRequest request = read("r1.curl");
        assertThat(request.method(), equalTo("POST"));
        assertThat(request.pathAndQuery(), equalTo("/v1/chat/completions"));
        assertThat(request.host(), equalTo("ai-gateway.vercel.sh"));
        assertThat(request.route(GatewayProfile.standard()).id(), equalTo("chat-completions"));
        assertThat(request.headers(), contains(new Header("accept", "application/json"),
                new Header("content-type", "application/json")));
        assertThat(request.body(), equalTo("{\"model\":\"anthropic/claude-opus-5\",\"max_tokens\":21334,\"stream\":false,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Summarise the attached contract, clause by clause."
                + " It's long: \u00e9t\u00e9 2026.\"}]}"));
        assertThat(request.entry(), nullValue());
    }

    @Test
    void r2VercelDocsCurlWithDoubleQuotesEscapesAndContinuations() {
        ApplicationRequest request = read("r2.curl");
        assertThat(request.method(), equalTo("POST"));
        assertThat(request.pathAndQuery(), equalTo("/v3/ai/language-model"));
        assertThat(request.route(GatewayProfile.standard()).id(), equalTo("ai-sdk-v3"));
        assertThat(request.headers(), contains(new Header("Content-Type", "application/json"),
                new Header("ai-gateway-protocol-version", "0.0.1"),
                new Header("ai-language-model-specification-version", "3"),
                new Header("ai-language-model-id", "example/model-name"),
                new Header("ai-language-model-streaming", "false")));
        assertThat(request.body(), equalTo("{\"prompt\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
                + "\"Classify this support ticket.\"}]}],\"maxOutputTokens\":200,\"temperature\":0.70,"
                + "\"providerOptions\":{\"gateway\":{\"zeroDataRetention\":true}}}"));
    }

    @Test
    void r3AnthropicDocsCurlAtTheDoubledV1() {
        ApplicationRequest request = read("r3.curl");
        assertThat(request.method(), equalTo("POST"));
        assertThat(request.pathAndQuery(), equalTo("/v1/v1/messages"));
        assertThat(request.route(GatewayProfile.standard()).id(), equalTo(RequestRoute.UNKNOWN));
        assertThat(request.headers(), contains(new Header("anthropic-version", "2023-06-01"),
                new Header("content-type", "application/json")));
        assertThat(request.body(), equalTo("{\"model\":\"anthropic/claude-sonnet-4.5\",\"max_tokens\":1024,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello, world\"}]}"));
    }

    @Test
    void r4JsonOptionAfterAPromptAndBeforeAPipe() {
        ApplicationRequest request = read("r4.curl");
        assertThat(request.method(), equalTo("POST"));
        assertThat(request.pathAndQuery(), equalTo("/v1/messages/count_tokens"));
        assertThat(request.route(GatewayProfile.standard()).id(), equalTo("messages-count-tokens"));
        assertThat(request.headers(), contains(new Header("anthropic-version", "2023-06-01"),
                new Header("anthropic-beta", "token-counting-2024-11-01"),
                new Header("Content-Type", "application/json"), new Header("Accept", "application/json")));
        assertThat(request.body(), containsString("\"model\":\"xai/grok-4.5\""));
    }

    @Test
    void r5ExplicitMethodAndDataBinary() {
        ApplicationRequest request = read("r5.curl");
        assertThat(request.method(), equalTo("POST"));
        assertThat(request.route(GatewayProfile.standard()).id(), equalTo("responses"));
        assertThat(request.headers(), contains(new Header("Content-Type", "application/json")));
        assertThat(request.body(), containsString("\"image_url\":\"https://files.example.com/private/scan.png\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"r1", "r2", "r3", "r4", "r5"})
    void theCurlTheHarAndTheJsonOfOneRequestReadTheSame(String name) {
        ApplicationRequest curl = read(name + ".curl");
        ApplicationRequest har = read(name + ".har" + (name.equals("r4") ? "#2" : ""));
        ApplicationRequest json = read(name + ".json");
        assertThat(name + ".har", sent(har), equalTo(sent(curl)));
        assertThat(name + ".json", sent(json), equalTo(sent(curl)));
        assertThat(har.host(), equalTo("ai-gateway.vercel.sh"));
        assertThat(har.entry(), equalTo(name.equals("r4") ? 2 : name.equals("r3") || name.equals("r5") ? 1 : 2));
        assertThat(har.source(), equalTo(REQUESTS.resolve(name + ".har") + "#" + har.entry()));
        assertThat(curl.replaced().stream().map(Replaced::where).map(String::toLowerCase).toList(),
                equalTo(json.replaced().stream().map(Replaced::where).map(String::toLowerCase).toList()));
    }

    @Test
    void aLiteralKeyAndAByokKeyAreNeitherKeptNorLost() {
        String gatewayKey = "vck_FAKE7hQ2mX9pL4sV8nR1tK6wB3zY5cF0dG2jA9eU4iO";
        String byokKey = "sk-ant-api03-FAKEXk9mP2qL7vN4rT8wB1zC6yD3fG5hJ0aS-eU2iO4";
        String session = "Zx81KqP0aLm2nB7vC4dF9gH3jS6tY1uW5eR8iO0pQ";
        ApplicationRequest request = read("byok-literal.curl");
        String kept = request.method() + request.pathAndQuery() + request.headers() + request.body() + request.replaced() + request;
        for (String secret : List.of(gatewayKey, byokKey, session, gatewayKey.substring(8), byokKey.substring(8))) {
            assertThat(kept, not(containsString(secret)));
        }
        assertThat(request.secrets().stream().map(Secret::value).toList(), containsInAnyOrder(gatewayKey, byokKey, session));
        assertThat(request.headers(), contains(new Header("accept", "*/*"), new Header("content-type", "application/json")));
        assertThat(request.body(), equalTo("{\"model\":\"anthropic/claude-sonnet-4.5\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Hi\"}],\"providerOptions\":{\"gateway\":{\"byok\":{\"anthropic\":[{}]}}}}"));
        assertThat(request.replaced(), contains(
                new Replaced("header authorization", "Bearer $REQUEST_AUTHORIZATION", true),
                new Replaced("header cookie", "_vercel_session=$REQUEST_COOKIE_VERCEL_SESSION; theme=dark", true),
                new Replaced("body field providerOptions.gateway.byok.anthropic[0].apiKey",
                        "$REQUEST_PROVIDEROPTIONS_GATEWAY_BYOK_ANTHROPIC_0_APIKEY", true)));
        assertThat(request.replaced().get(0).sentence(), equalTo("the file's header authorization"
                + " (Bearer $REQUEST_AUTHORIZATION) is not sent; the environment's credential is"));
    }

    @Test
    void aVariableReferenceIsRemovedButIsNoSecret() {
        ApplicationRequest request = read("r2.curl");
        assertThat(request.secrets(), empty());
        assertThat(request.replaced(), contains(new Replaced("header Authorization", "Bearer $AI_GATEWAY_API_KEY", false),
                new Replaced("header ai-gateway-auth-method", "api-key", false)));
        assertThat(read("r3.curl").replaced(), contains(new Replaced("header x-api-key", "${AI_GATEWAY_API_KEY}", false)));
    }

    @Test
    void theHarsLiteralKeyIsASecretOfEachEntryRead() {
        ApplicationRequest request = read("r2.har");
        assertThat(request.secrets(), contains(new Secret("REQUEST_AUTHORIZATION", "vck_FAKER1aB3xQ9LmZp0TqW7sKd2VhF5yNc8GjUe4Ri6Ho")));
        assertThat(request.toString(), not(containsString("vck_R1aB3")));
    }
}
