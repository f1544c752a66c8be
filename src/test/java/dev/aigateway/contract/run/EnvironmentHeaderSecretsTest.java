package dev.aigateway.contract.run;

import dev.aigateway.contract.gateway.GatewayProfile;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.evidence.SecretScan;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two secret headers of {@code headers:} (issue 27, item 2), one whose name says it carries a credential
 * ({@code x-portkey-api-key}), one that reads a variable the environment names as a secret under {@code credentials:}:
 * both go out on every request of a whole run, and no form of their values is in reports/, the zips, target/ or the console.
 * The run is the build's own (the suite's JVM, then the finishing step's) against a simulated gateway over a URL.
 */
class EnvironmentHeaderSecretsTest {

    private static final String PORTKEY_KEY = "pk-FAKE-secretheader-Qm7Zx81KqP0aLm2nB7vC4d";
    private static final String ROUTE_SECRET = "rt-FAKE-routesecret-8Hk2Lq9Zp4Xw7Vb3Nm6Cd1";
    private static final String TEAM_KEY = "vck_sim_healthy_header_secrets";

    @TempDir
    Path root;

    @Test
    void aSecretHeaderGoesOutOnEveryRequestAndIsWrittenNowhere() throws Exception {
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            Files.createDirectories(root.resolve("environments"));
            Files.writeString(root.resolve("environments/app.yaml"), """
                    description: A run whose every request carries a secret header
                    baseUrl: %s
                    teamId: team_sim_healthy0000000000
                    apiKey: ${HEADER_TEST_KEY:-%s}
                    funded: true
                    expectedModels: [openai/gpt-4o-mini]
                    probe: { model: openai/gpt-4o-mini, maxTokens: 1 }
                    allowBillable: true
                    headers:
                      x-portkey-provider: openai
                      x-portkey-api-key: ${HEADER_TEST_SECRET:-%s}
                      x-upstream-route: ${HEADER_TEST_ROUTE:-%s}
                    credentials:
                      upstream:
                        route: ${HEADER_TEST_ROUTE:-%s}
                    """.formatted(gateway.baseUrl(), TEAM_KEY, PORTKEY_KEY, ROUTE_SECRET, ROUTE_SECRET));
            String printed = RequestFileRun.run(root);

            List<LoggedRequest> received = gateway.requests();
            assertThat(printed, received.size(), equalTo(9));
            for (LoggedRequest request : received) {
                assertThat(request.getUrl(), request.getHeader("x-portkey-api-key"), equalTo(PORTKEY_KEY));
                assertThat(request.getUrl(), request.getHeader("x-portkey-provider"), equalTo("openai"));
                assertThat(request.getUrl(), request.getHeader("x-upstream-route"), equalTo(ROUTE_SECRET));
            }
            assertThat(printed, containsString("Requests     9 sent, 2 billable"));
            assertThat("the bundle's zip was written and scanned", RequestFileRun.zips(root.resolve("reports")), hasSize(2));
            assertThat("the exchanges name the header's variable", Files.readString(root.resolve("reports/evidence/exchanges.har")),
                    allOf(containsString("$HEADER_TEST_SECRET"), containsString("$HEADER_TEST_ROUTE")));
            List<Secret> secrets = List.of(new Secret("HEADER_TEST_SECRET", PORTKEY_KEY), new Secret("HEADER_TEST_ROUTE", ROUTE_SECRET));
            List<Path> written = List.of(root.resolve("reports"), root.resolve("target"), root.resolve("console.txt"));
            assertThat(SecretScan.describe(SecretScan.scan(written, secrets)), SecretScan.scan(written, secrets), empty());
        }
    }
}
