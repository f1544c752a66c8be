package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.evidence.SecretScan;
import dev.aigateway.contract.replay.ReplayGateway;
import dev.aigateway.contract.request.ApplicationRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request file pasted with keys in it, whose request the gateway refuses (R1, replayed as vercel/ai#20649
 * shows) so that the variants that find what the refusal follows are sent too: neither the request nor any
 * variant carries the file's key, cookie or BYOK key (what the replay gateway received), and no form of them is
 * in reports/, the zips, target/ or the console. The run is the build's own: the suite's JVM, then the finishing
 * step's, in a project of their own, against the replay gateway over a URL.
 */
class ApplicationRequestVariantSecretsTest {

    private static final String FILE_KEY = "vck_FAKE4kT9pW2mQ7xL1vB8nR5sD3zH6cJ0fG9yA2eU7iP";
    private static final String BYOK_KEY = "sk-ant-api03-FAKEPq7wM3kL9vB2xN5rT1zC8yD4fG6hJ0aS-uE3iO5";
    private static final String SESSION = "Lm42PqR8sT1uV6wX9yZ0aB3cD7eF5gH2iJ4kN8oQ";

    @TempDir
    Path root;

    @Test
    void aRefusedRequestWithKeysInItsFileIsReducedAndNoVariantCarriesThem() throws Exception {
        Files.writeString(root.resolve("app.curl"), """
                curl 'https://ai-gateway.vercel.sh/v1/chat/completions' \\
                  -H 'authorization: Bearer %s' \\
                  -H 'content-type: application/json' \\
                  -H 'cookie: _vercel_session=%s' \\
                  --data-raw '{"model":"anthropic/claude-opus-5","max_tokens":21334,"stream":false,"messages":[{"role":"user","content":"Summarise the contract."}],"providerOptions":{"gateway":{"byok":{"anthropic":[{"apiKey":"%s"}]}}}}'
                """.formatted(FILE_KEY, SESSION, BYOK_KEY));
        List<Secret> fileSecrets = ApplicationRequests.secrets(ApplicationRequests.read(root, List.of("app.curl")));
        assertThat(fileSecrets.stream().map(Secret::value).toList(), equalTo(List.of(FILE_KEY, SESSION, BYOK_KEY)));
        try (ReplayGateway gateway = ReplayGateway.start()) {
            RequestFileRun.writeEnvironment(root, "The application's refused request with keys in its file", gateway.baseUrl(), "team_replay",
                    ReplayGateway.keyFor("r1-max-tokens-21k"), "5");
            String printed = RequestFileRun.run(root);

            List<String> toTheApplicationsRoute = gateway.received().stream()
                    .filter(request -> request.contains("Summarise the contract.")).toList();
            // the request itself, then its variants: the probe's smallest request carries none of its text
            assertThat(printed, toTheApplicationsRoute.size(), greaterThanOrEqualTo(3));
            assertThat("the headers are among what it received", toTheApplicationsRoute.get(0),
                    containsString("Bearer " + ReplayGateway.keyFor("r1-max-tokens-21k")));
            assertThat(printed, containsString("request-rejected"));
            for (String request : gateway.received()) {
                for (String secret : List.of(FILE_KEY, BYOK_KEY, SESSION)) {
                    assertThat(request, not(containsString(secret.substring(10))));
                }
            }
            String summary = Files.readString(root.resolve("reports/evidence/summary.md"));
            assertThat(summary, containsString("max_tokens: 21334"));
            assertThat(summary, containsString("max_tokens: 10667"));
            assertThat("the bundle's zip was written and scanned", RequestFileRun.zips(root.resolve("reports")), hasSize(2));
            List<Path> written = List.of(root.resolve("reports"), root.resolve("target"), root.resolve("console.txt"));
            assertThat(SecretScan.describe(SecretScan.scan(written, fileSecrets)), SecretScan.scan(written, fileSecrets), empty());
        }
    }
}
