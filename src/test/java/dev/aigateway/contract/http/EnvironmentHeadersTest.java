package dev.aigateway.contract.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentException;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.record.Exchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code headers:} of an environment (issue 27, item 2): each goes out on every request to the gateway, a WireMock
 * server on 127.0.0.1 whose journal is read, and is recorded in the exchange as sent; a value read from a variable
 * the environment names as a secret (apiKey, credentials:) is recorded as the variable's name; a header the run
 * sets itself, or a value no header can carry, is refused in one sentence naming the file, the line and the field.
 */
class EnvironmentHeadersTest {

    private static final String KEY = "vck_FAKE_headers_0123456789abcdefghijkl";
    private static final String PORTKEY_KEY = "pk-FAKE-headers-9876543210zyxwvutsrq";
    private static final String HEADER_LINES = """
            headers:
              x-portkey-provider: openai
              x-portkey-custom-host: ${UPSTREAM:-http://127.0.0.1:9/v1}
              x-portkey-api-key: ${PORTKEY_API_KEY}
            credentials:
              portkey:
                apiKey: ${PORTKEY_API_KEY}
            """;

    @TempDir
    Path root;

    @RegisterExtension
    final OneAnswerServer server = OneAnswerServer.answering(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody("{\"data\":[]}"));

    @Test
    void everyRequestCarriesTheHeadersAndTheEvidenceHidesASecretOne() throws Exception {
        Environment environment = load("""
                description: Headers on every request
                baseUrl: %s
                teamId: team_headers
                apiKey: ${AI_GATEWAY_API_KEY}
                probe: { model: openai/gpt-4o-mini }
                allowBillable: true
                """.formatted(server.baseUrl()) + HEADER_LINES,
                Map.of("AI_GATEWAY_API_KEY", KEY, "PORTKEY_API_KEY", PORTKEY_KEY));
        assertThat(List.copyOf(environment.headers().keySet()),
                equalTo(List.of("x-portkey-provider", "x-portkey-custom-host", "x-portkey-api-key")));
        ExchangeLog log = new ExchangeLog();
        GatewayClient client = new GatewayClient(environment, new Redactor(environment.secrets(), Set.of()),
                log.forScenario(), "headers", new RunLimits(60));
        Credential team = Credential.teamKey(KEY);
        client.creditBalance(team);
        client.chatCompletion(team, ChatCompletionRequest.smallest("openai/gpt-4o-mini", 1));
        client.message(team, AnthropicMessageRequest.smallest("anthropic/claude-haiku-4.5"));

        List<LoggedRequest> received = server.getAllServeEvents().stream().map(event -> event.getRequest()).toList();
        assertThat("the catalog, the balance, the chat completion and the message", received.size(), equalTo(4));
        for (LoggedRequest request : received) {
            String which = request.getMethod() + " " + request.getUrl();
            assertThat(which, request.getHeader("x-portkey-provider"), equalTo("openai"));
            assertThat(which, request.getHeader("x-portkey-custom-host"), equalTo("http://127.0.0.1:9/v1"));
            assertThat(which, request.getHeader("x-portkey-api-key"), equalTo(PORTKEY_KEY));
            assertThat(which, request.getHeader("Authorization"), equalTo(request.getUrl().equals("/v1/models") ? null : "Bearer " + KEY));
        }
        for (Exchange exchange : log.all()) {
            List<String> lines = exchange.requestHeaders().stream().map(header -> header.name() + ": " + header.value()).toList();
            assertThat(exchange.path(), lines, hasItem("x-portkey-provider: openai"));
            assertThat(exchange.path(), lines, hasItem("x-portkey-api-key: $PORTKEY_API_KEY"));
            assertThat(exchange.path(), String.join("\n", lines), not(containsString(PORTKEY_KEY)));
        }
    }

    /** The application's own request carries the environment's headers too; one of the same name in its file is replaced. */
    @Test
    void anApplicationsRequestCarriesTheEnvironmentsHeaderNotItsFilesOfTheSameName() throws Exception {
        Environment environment = load("""
                description: Headers on the application's request
                baseUrl: %s
                teamId: team_headers
                apiKey: ${AI_GATEWAY_API_KEY}
                probe: { model: openai/gpt-4o-mini }
                allowBillable: true
                headers:
                  x-portkey-provider: openai
                """.formatted(server.baseUrl()), Map.of("AI_GATEWAY_API_KEY", KEY));
        Files.writeString(root.resolve("app.curl"), """
                curl https://gateway.example/v1/chat/completions -H 'content-type: application/json' \\
                  -H 'x-portkey-provider: anthropic' -H 'x-app: kept' \\
                  --data-raw '{"model":"openai/gpt-4o-mini","max_tokens":1,"messages":[{"role":"user","content":"Hi"}]}'
                """);
        GatewayClient client = new GatewayClient(environment, new Redactor(environment.secrets(), Set.of()),
                new ExchangeLog().forScenario(), "application", new RunLimits(60));
        client.applicationRequest(Credential.teamKey(KEY), dev.aigateway.contract.request.RequestFile.read(root.resolve("app.curl"), null));

        LoggedRequest application = server.getAllServeEvents().stream().map(event -> event.getRequest())
                .filter(request -> request.getUrl().equals("/v1/chat/completions")).findFirst().orElseThrow();
        assertThat(application.getHeaders().getHeader("x-portkey-provider").values(), equalTo(List.of("openai")));
        assertThat(application.getHeader("x-app"), equalTo("kept"));
    }

    /**
     * Which values are secrets: one whose header's name says it carries a credential, read or written; one that reads
     * a variable the environment names as a secret (apiKey, credentials:); never a routing value such as the
     * provider's name, which would otherwise be hidden wherever it appears (openai/gpt-4o-mini).
     */
    @Test
    void aHeaderIsASecretByItsNameOrByItsVariableAndOnlyThen() throws Exception {
        Environment environment = load("""
                description: Which headers are secrets
                baseUrl: %s
                teamId: team_headers
                apiKey: ${AI_GATEWAY_API_KEY}
                probe: { model: openai/gpt-4o-mini }
                headers:
                  x-portkey-provider: ${PROVIDER:-openai}
                  x-upstream-token: ${UPSTREAM_TOKEN}
                  x-session-key: written-FAKE-0123456789
                  x-again: Bearer ${AI_GATEWAY_API_KEY}
                """.formatted(server.baseUrl()), Map.of("AI_GATEWAY_API_KEY", KEY, "UPSTREAM_TOKEN", PORTKEY_KEY));
        Redactor redactor = new Redactor(environment.secrets(), Set.of());
        assertThat(redactor.redact(String.join("\n", environment.headers().values())),
                equalTo("openai\n$UPSTREAM_TOKEN\n[redacted headers.x-session-key]\nBearer $AI_GATEWAY_API_KEY"));
        assertThat(redactor.redact("openai/gpt-4o-mini"), equalTo("openai/gpt-4o-mini"));
    }

    /**
     * A word of the name that merely ends in "key" (Portkey's x-portkey-...) makes no secret: its routing values are
     * written as sent (before, x-portkey-custom-host's URL was scanned for as a secret and failed the run), while
     * x-portkey-api-key, whose part is "key", stays one.
     */
    @Test
    void aGatewaysNameEndingInKeyMakesNoHeaderASecret() throws Exception {
        Environment environment = load("""
                description: Portkey's routing headers
                baseUrl: %s
                teamId: team_headers
                apiKey: ${AI_GATEWAY_API_KEY}
                probe: { model: openai/gpt-4o-mini }
                headers:
                  x-portkey-custom-host: http://127.0.0.1:8080/v1/routing-FAKE
                  x-portkey-trace-id: trace-of-this-run-42
                  x-portkey-api-key: written-FAKE-0123456789
                """.formatted(server.baseUrl()), Map.of("AI_GATEWAY_API_KEY", KEY));
        Redactor redactor = new Redactor(environment.secrets(), Set.of());
        assertThat(redactor.redact(String.join("\n", environment.headers().values())),
                equalTo("http://127.0.0.1:8080/v1/routing-FAKE\ntrace-of-this-run-42\n[redacted headers.x-portkey-api-key]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Authorization: Bearer ${PORTKEY_API_KEY}|line 7 (headers.Authorization): the run sets Authorization itself",
        "x-api-key: abc|line 7 (headers.x-api-key): the run sets x-api-key itself",
        "Content-Type: text/plain|line 7 (headers.Content-Type): the run sets Content-Type itself",
        "anthropic-version: 2020-01-01|line 7 (headers.anthropic-version): the run sets anthropic-version itself",
        "ai-gateway-auth-method: oidc|line 7 (headers.ai-gateway-auth-method): the run sets ai-gateway-auth-method itself",
        "x-portkey-custom-host: ${BROKEN}|line 7 (headers.x-portkey-custom-host): a header's value is one line of printable ASCII",
        "x-note: café|line 7 (headers.x-note): a header's value is one line of printable ASCII",
        "x-upstream-token: ${PADDED}|line 7 (headers.x-upstream-token): a header's value is one line of printable ASCII",
        "x-empty: ''|line 7 (headers.x-empty): expected text, not empty.",
        "'bad name': x|line 7 (headers): \"bad name\" is not a name this field takes.",
        "x-list: [a, b]|line 7 (headers.x-list): expected text.",
    })
    void aHeaderTheRunSetsOrAValueNoHeaderCarriesIsRefusedInOneSentence(String line, String expected) throws Exception {
        EnvironmentException refused = assertThrows(EnvironmentException.class, () -> load("""
                description: A refused header
                baseUrl: %s
                teamId: team_headers
                apiKey: ${AI_GATEWAY_API_KEY}
                probe: { model: openai/gpt-4o-mini }
                headers:
                  %s
                """.formatted(server.baseUrl(), line), Map.of("AI_GATEWAY_API_KEY", KEY, "PORTKEY_API_KEY", PORTKEY_KEY,
                "BROKEN", "http://a\r\nx-injected: 1", "PADDED", PORTKEY_KEY + " ")));
        assertThat(refused.getMessage(), containsString("environments/headers.yaml, " + expected));
        assertThat("one sentence", refused.getMessage().lines().count(), equalTo(1L));
        assertThat(refused.getMessage(), not(containsString(PORTKEY_KEY)));
        assertThat(refused.getMessage(), not(containsString("x-injected")));
    }

    private Environment load(String yaml, Map<String, String> variables) throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/headers.yaml"), yaml);
        return new EnvironmentLoader(root, variables).load("headers");
    }
}
