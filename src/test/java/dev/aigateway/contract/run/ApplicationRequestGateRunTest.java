package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application's own request ({@code -Drequest}) over a URL, on each gateway, through the gates every billable
 * send passes: with {@code allowBillable: false}, and apart from it with {@code maxSpendUsd: 0}, no request that may
 * be billed leaves the machine, counted where it would arrive (the simulated gateway's own journal on 127.0.0.1):
 * neither the application's request, nor the corrected path of a wrong base URL. With billing allowed, both arrive.
 * The contract's own probes of the inference routes are POSTs too, so every POST counts.
 */
class ApplicationRequestGateRunTest {

    private static final String SCENARIO = "Your application's request 1";
    /** The prompt the OpenRouter request files carry: their request is the one that says it. */
    private static final String PROMPT = "gate check: one short answer";

    @TempDir
    Path root;

    @TempDir
    Path output;

    private static List<String> posts(SimulatedGateway gateway) {
        return gateway.requests().stream().filter(request -> request.getMethod().getName().equals("POST"))
                .map(LoggedRequest::getUrl).toList();
    }

    private static ScenarioResult application(RunRecord run) {
        return run.scenarios().stream().filter(s -> s.name().equals(SCENARIO)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario " + SCENARIO + " in " + run.scenarios()));
    }

    /** {@code environments/app.yaml} under {@code root}: the gateway at {@code baseUrl}, its healthy team's key, the two settings. */
    private void environment(String gateway, String baseUrl, boolean allowBillable, String maxSpendUsd, String request)
            throws Exception {
        boolean openRouter = gateway.equals("openrouter");
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/app.yaml"), """
                description: the application's request through the gates
                gateway: %s
                baseUrl: %s
                teamId: %s
                apiKey: %s
                funded: true
                expectedModels: [openai/gpt-4o-mini]
                probe: { model: openai/gpt-4o-mini, maxTokens: 1 }
                allowBillable: %s
                maxSpendUsd: %s
                requests: [%s]
                """.formatted(gateway, baseUrl, openRouter ? "user_sim_healthy000000000000000" : "team_sim_healthy0000000000",
                openRouter ? "sk-or-v1-sim_healthy_FAKE" : "vck_sim_healthy_FAKE", allowBillable, maxSpendUsd, request));
    }

    private RunRecord run() throws Exception {
        return ContractSuite.runWithRequest(root, "app", output, Map.of(), null);
    }

    /** OpenRouter's chat completions, as each form a user copies it in writes it. */
    private String openRouterRequest(String form) throws Exception {
        String body = "{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}";
        String url = "https://openrouter.ai/api/v1/chat/completions";
        String file = "app." + form;
        Files.writeString(root.resolve(file), switch (form) {
            case "curl" -> "curl " + url + " \\\n  -H 'Authorization: Bearer $OPENROUTER_API_KEY' \\\n"
                    + "  -H 'Content-Type: application/json' \\\n  -d '" + body + "'\n";
            case "json" -> "{\"method\":\"POST\",\"url\":\"" + url + "\",\"headers\":[{\"name\":\"content-type\",\"value\":\"application/json\"}],"
                    + "\"body\":" + body + "}";
            case "har" -> "{\"log\":{\"version\":\"1.2\",\"entries\":["
                    + "{\"request\":{\"method\":\"GET\",\"url\":\"https://openrouter.ai/api/v1/models\",\"headers\":[]}},"
                    + "{\"request\":{\"method\":\"POST\",\"url\":\"" + url + "\",\"headers\":[{\"name\":\"Content-Type\",\"value\":\"application/json\"},"
                    + "{\"name\":\"Authorization\",\"value\":\"Bearer sk-or-v1-FAKEfromtheharfile0000000000000000000000000000000000000000000000\"}],"
                    + "\"postData\":{\"mimeType\":\"application/json\",\"text\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body) + "}}}]}}";
            default -> throw new IllegalArgumentException(form);
        });
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"curl", "har", "json"})
    void onOpenRouterTheRequestInEachFormIsSentToItsRouteAndCountedWhenBillingIsAllowed(String form) throws Exception {
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("openrouter"))) {
            environment("openrouter", gateway.baseUrl(), true, "0.01", openRouterRequest(form));
            RunRecord run = run();
            assertThat(application(run).status() + " " + application(run).message(), application(run).status(), equalTo("PASSED"));
            assertThat(run.verdict().id(), equalTo("healthy"));
            long arrived = gateway.requests().stream().filter(request -> request.getBodyAsString().contains(PROMPT))
                    .map(request -> request.getMethod().getName() + " " + request.getUrl()).filter("POST /api/v1/chat/completions"::equals).count();
            assertThat("the application's request arrived once, at OpenRouter's route", arrived, equalTo(1L));
            assertThat("its exchange counts as billable", run.exchanges().stream().filter(e -> SCENARIO.equals(e.scenario()))
                    .filter(e -> dev.aigateway.contract.http.Spending.isBillable(e, GatewayProfile.named("openrouter"))).count(), equalTo(1L));
        }
    }

    @Test
    void onOpenRouterWithAllowBillableFalseNoPostLeavesAndTheRequestIsNamedNotSent() throws Exception {
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("openrouter"))) {
            environment("openrouter", gateway.baseUrl(), false, "0.01", openRouterRequest("curl"));
            RunRecord run = run();
            assertThat(posts(gateway), empty());
            assertThat(application(run).status(), equalTo(ScenarioResult.NOT_APPLICABLE));
            assertThat(application(run).message(), allOf(containsString("allowBillable: false"),
                    containsString("POST /api/v1/chat/completions may be billed: not sent")));
        }
    }

    @Test
    void onOpenRouterWithAZeroSpendCapNoPostLeaves() throws Exception {
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("openrouter"))) {
            environment("openrouter", gateway.baseUrl(), true, "0", openRouterRequest("curl"));
            RunRecord run = run();
            assertThat(posts(gateway), empty());
            assertThat(application(run).status(), equalTo("SKIPPED"));
            assertThat(application(run).message(), containsString("maxSpendUsd: 0"));
        }
    }

    /** R3: /v1/v1/messages, a wrong base URL; the gateway serves /v1/messages. */
    @Test
    void onVercelAWrongBaseUrlIsSentThenCorrectedWhenBillingIsAllowed() throws Exception {
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            Files.copy(Path.of(ApplicationRequestRunTest.REQUESTS, "r3.curl"), root.resolve("r3.curl"));
            environment("vercel", gateway.baseUrl(), true, "1", "r3.curl");
            RunRecord run = run();
            assertThat(posts(gateway), allOf(hasItem("/v1/v1/messages"), hasItem("/v1/messages")));
            assertThat(run.verdict().id(), equalTo("wrong-base-url"));
            // The scenario's failure line quotes the application's own answer, not the correction's.
            assertThat(application(run).message(), containsString("POST /v1/v1/messages answered"));
        }
    }

    @Test
    void onVercelWithAllowBillableFalseNeitherTheWrongPathNorItsCorrectionIsSent() throws Exception {
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            Files.copy(Path.of(ApplicationRequestRunTest.REQUESTS, "r3.curl"), root.resolve("r3.curl"));
            environment("vercel", gateway.baseUrl(), false, "1", "r3.curl");
            RunRecord run = run();
            assertThat(posts(gateway), empty());
            assertThat(application(run).status(), equalTo(ScenarioResult.NOT_APPLICABLE));
            assertThat(application(run).message(), allOf(containsString("allowBillable: false"),
                    containsString("POST /v1/v1/messages, a path Vercel AI Gateway does not list,")));
        }
    }

    @Test
    void onVercelWithAZeroSpendCapNeitherTheWrongPathNorItsCorrectionIsSent() throws Exception {
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            Files.copy(Path.of(ApplicationRequestRunTest.REQUESTS, "r3.curl"), root.resolve("r3.curl"));
            environment("vercel", gateway.baseUrl(), true, "0", "r3.curl");
            RunRecord run = run();
            assertThat(posts(gateway), empty());
            assertThat(application(run).status(), equalTo("SKIPPED"));
            assertThat(application(run).message(), containsString("maxSpendUsd: 0"));
        }
    }
}
