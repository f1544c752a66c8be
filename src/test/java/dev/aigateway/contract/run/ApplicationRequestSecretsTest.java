package dev.aigateway.contract.run;

import dev.aigateway.contract.gateway.GatewayProfile;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.evidence.SecretScan;
import dev.aigateway.contract.request.ApplicationRequests;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request file pasted with a key in it (issue 20, Done when): the key is never sent, and no form of
 * it is in reports/, the zips, target/ or the console. The run is the build's own: the suite's JVM,
 * then the finishing step's, in a project of their own, against a simulated gateway over a URL.
 */
class ApplicationRequestSecretsTest {

    private static final String FILE_KEY = "vck_FAKE7hQ2mX9pL4sV8nR1tK6wB3zY5cF0dG2jA9eU4iO";
    private static final String BYOK_KEY = "sk-ant-api03-FAKEXk9mP2qL7vN4rT8wB1zC6yD3fG5hJ0aS-eU2iO4";
    private static final String SESSION = "Zx81KqP0aLm2nB7vC4dF9gH3jS6tY1uW5eR8iO0pQ";
    private static final String TEAM_KEY = "vck_sim_healthy_secrets_test";

    @TempDir
    Path root;

    @Test
    void aKeyPastedIntoTheRequestFileIsNeverSentAndNoFormOfItIsWritten() throws Exception {
        Files.writeString(root.resolve("app.curl"), """
                curl 'https://ai-gateway.vercel.sh/v1/chat/completions' \\
                  -H 'accept: */*' \\
                  -H 'authorization: Bearer %s' \\
                  -H 'content-type: application/json' \\
                  -H 'cookie: _vercel_session=%s; theme=dark' \\
                  --data-raw '{"model":"anthropic/claude-haiku-4.5","max_tokens":16,"messages":[{"role":"user","content":"Hi"}],"providerOptions":{"gateway":{"byok":{"anthropic":[{"apiKey":"%s"}]}}}}'
                """.formatted(FILE_KEY, SESSION, BYOK_KEY));
        List<Secret> fileSecrets = ApplicationRequests.secrets(ApplicationRequests.read(root, List.of("app.curl")));
        assertThat("the file's key, BYOK key and session cookie are registered", fileSecrets.stream().map(Secret::value).toList(),
                equalTo(List.of(FILE_KEY, SESSION, BYOK_KEY)));
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            RequestFileRun.writeEnvironment(root, "The application's request with keys in its file", gateway.baseUrl(), "team_sim_healthy0000000000",
                    TEAM_KEY, "0.01");
            String printed = RequestFileRun.run(root);

            List<LoggedRequest> received = gateway.requests();
            LoggedRequest application = received.stream()
                    .filter(request -> request.getBodyAsString().contains("\"content\":\"Hi\"")).findFirst()
                    .orElseThrow(() -> new AssertionError("the application's request did not reach the gateway: " + printed));
            assertThat(application.getHeader("Authorization"), equalTo("Bearer " + TEAM_KEY));
            assertThat("the file's cookie is not sent", application.containsHeader("Cookie"), equalTo(false));
            for (LoggedRequest request : received) {
                for (String secret : List.of(FILE_KEY, BYOK_KEY, SESSION)) {
                    assertThat(request.getUrl(), request.getHeaders() + " " + request.getUrl() + " " + request.getBodyAsString(),
                            not(containsString(secret.substring(10))));
                }
            }
            assertThat(printed, containsString("passed   Your application's request 1"));
            // The contract's 9 (no BYOK key here, so its scenarios are not applicable) and the application's.
            assertThat(printed, containsString("Requests     10 sent, 3 billable"));
            assertThat("the bundle's zip was written and scanned", RequestFileRun.zips(root.resolve("reports")), hasSize(2));
            String summary = Files.readString(root.resolve("reports/evidence/summary.md"));
            assertThat(summary, containsString("- **Your application's request 1**: `app.curl`, `POST /v1/chat/completions`."));
            assertThat(summary, containsString("The file names the host `ai-gateway.vercel.sh`; it was sent to " + gateway.baseUrl()));
            assertThat(summary, containsString("The file's header authorization (Bearer $REQUEST_AUTHORIZATION) is not sent;"
                    + " the environment's credential is."));
            List<Path> written = List.of(root.resolve("reports"), root.resolve("target"), root.resolve("console.txt"));
            assertThat(SecretScan.describe(SecretScan.scan(written, fileSecrets)), SecretScan.scan(written, fileSecrets), empty());
        }
    }
}
