package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.environment.EnvironmentFolders;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract suite against the simulated OpenRouter (gateway: openrouter, simulator/openrouter/): the
 * healthy account passes on OpenRouter's own routes and words, and every simulated account gives its verdict
 * from the answers alone.
 */
class OpenRouterSimulatorTest {

    @TempDir
    Path output;

    @Test
    void theHealthyAccountPassesEveryScenarioOnOpenRoutersRoutes() throws Exception {
        RunRecord run = ContractSuite.run("local-openrouter", output);
        assertThat(run.scenarios().stream().filter(s -> s.status().equals("FAILED")).map(s -> s.name() + ": " + s.message())
                .toList(), equalTo(java.util.List.of()));
        assertThat(run.verdict().id(), equalTo("healthy"));
        assertThat(run.exchanges().stream().map(Exchange::path).toList(), everyItem(startsWith("/api/v1/")));
        assertThat(run.exchanges().stream().map(Exchange::path).toList(), hasItem("/api/v1/key"));
        assertThat(run.exchanges().stream().map(Exchange::path).toList(), not(hasItem("/api/v1/credits")));
        // Every answer came through the simulated edge, with the request id the profile names.
        assertThat(run.exchanges().stream().map(Exchange::requestId).toList(), everyItem(matchesPattern("[0-9a-f]{16}-SIM")));
        // Inference answers carry their generation id, from X-Generation-Id.
        assertThat(run.exchanges().stream().filter(e -> e.path().equals("/api/v1/chat/completions") && e.status() == 200)
                .map(Exchange::generationId).toList(), everyItem(matchesPattern("gen-[0-9A-Z]{26}")));
        assertThat(dev.aigateway.contract.http.Spending.of(run.exchanges(), dev.aigateway.contract.gateway.GatewayProfile.named("openrouter")).requests(),
                equalTo(run.exchanges().size()));
    }

    /**
     * Two classes OpenRouter documents that are the model's endpoints, not the account: a request with tools to a model
     * none of whose endpoints supports tool use (404 "No endpoints found that support tool use", bobrware/bobrchat#60;
     * the probes send no tools, so only the application's request shows it) is the request's, placed by its variants
     * (without tools it is served) and titled with the capability, and so is an image to the same text-only model; a withdrawn model (404 "No endpoints found for ...")
     * is the model's, placed by the model that does not exist answered otherwise on the same route. Each by its rule.
     */
    @Test
    void aMissingCapabilityIsTheRequestsAndAWithdrawnModelIsTheModels() throws Exception {
        dev.aigateway.contract.diagnosis.Diagnosis diagnosis = dev.aigateway.contract.diagnosis.Diagnosis.load();
        RunRecord tools = ContractSuite.run("local-openrouter-tool-use", output);
        assertThat(tools.verdict().meaning(), tools.verdict().id(), equalTo("request-rejected"));
        assertThat(tools.verdict().title(), equalTo("No endpoint of meta-llama/llama-3.3-70b-instruct:free supports what your request uses (404)"));
        assertThat(tools.verdict().meaning(), org.hamcrest.Matchers.containsString("without `tools`, it is served"));
        java.util.List<Exchange> sent = tools.exchanges().stream().filter(e -> e.scenario() != null
                && e.scenario().startsWith("Your application's request") && e.variant() == null
                // The scenario that first needs the shared catalog (prices for the spend cap) records its GET too.
                && e.method().equals("POST") && e.path().equals("/api/v1/chat/completions")).toList();
        assertThat(sent.stream().map(e -> e.status() + " " + e.requestBody()).toList().toString(), sent.size(), equalTo(1));
        Exchange refused = sent.get(0);
        assertThat(refused.status(), equalTo(404));
        assertThat(refused.requestTrigger(), equalTo("tools"));
        assertThat(ruleOf(diagnosis, tools, "local-openrouter-tool-use"), equalTo("request-rejected#4"));
        // The same request without tools, one of the variants, was served.
        assertThat(tools.exchanges().stream().filter(e -> "without tools".equals(e.variant())).map(Exchange::status).toList(),
                equalTo(java.util.List.of(200)));

        // An image to the same text-only model: the variants find its image part.
        RunRecord image = ContractSuite.runWithRequest("local-openrouter", output, "src/test/resources/requests/or-image-input-free.json");
        assertThat(image.verdict().meaning(), image.verdict().title(),
                equalTo("No endpoint of meta-llama/llama-3.3-70b-instruct:free supports what your request uses (404)"));
        assertThat(image.verdict().meaning(), org.hamcrest.Matchers.containsString("\"No endpoints found that support image input\""));
        assertThat(image.verdict().meaning(), org.hamcrest.Matchers.containsString("without `messages[0].content[1]`, it is served"));

        RunRecord withdrawn = ContractSuite.run("local-openrouter-model-no-endpoints", output);
        assertThat(withdrawn.verdict().meaning(), withdrawn.verdict().id(), equalTo("model-unavailable"));
        assertThat(withdrawn.verdict().title(), equalTo("No endpoint serves openai/gpt-4o-mini on chat-completions (404)"));
        assertThat(ruleOf(diagnosis, withdrawn, "local-openrouter-model-no-endpoints"), equalTo("model-unavailable#2"));
    }

    private static String ruleOf(dev.aigateway.contract.diagnosis.Diagnosis diagnosis, RunRecord run, String env) {
        dev.aigateway.contract.environment.Environment environment = new dev.aigateway.contract.environment.EnvironmentLoader(
                Path.of(System.getProperty("contract.root", ".")), java.util.Map.of()).load(env);
        return diagnosis.nameOf(diagnosis.ruleOf(run.exchanges(), dev.aigateway.contract.diagnosis.Diagnosis.Scenarios.failed(run.failed()), environment));
    }

    @Test
    void anUnknownModelIsRefusedWith400AndAKeyOpenRouterNeverIssuedWithUserNotFound() throws Exception {
        RunRecord run = ContractSuite.run("local-openrouter", output);
        assertThat(run.exchanges().stream().filter(e -> e.requestBody() != null && e.requestBody().contains("no-such-model"))
                .map(Exchange::status).toList(), equalTo(java.util.List.of(400)));
        assertThat(run.exchanges().stream().filter(e -> e.status() == 401).map(Exchange::responseBody).toList(),
                hasItem("{\"error\":{\"message\":\"User not found.\",\"code\":401}}"));
    }

    /** With allowBillable: false the simulated OpenRouter account asks no model either, and says so in its verdict. */
    @Test
    void anAccountWatchedWithoutBillableCallsEndsHealthyNoInference() throws Exception {
        RunRecord run = ContractSuite.run("local-openrouter", output, java.util.Map.of("CONTRACT_ALLOW_BILLABLE", "false"));
        assertThat(run.verdict().id(), equalTo("healthy-no-inference"));
        assertThat(run.verdict().title(), org.hamcrest.Matchers.endsWith("inference not tried: allowBillable is false)"));
        assertThat(run.exchanges().stream().map(Exchange::path).toList(), not(hasItem("/api/v1/chat/completions")));
    }

    /** The balance is read where an inference key can read it, /api/v1/key; a key without a limit of its own reports none. */
    @Test
    void theBalanceIsTheKeysOwnRecordAndAKeyWithoutALimitReportsNone() throws Exception {
        RunRecord healthy = ContractSuite.run("local-openrouter", output);
        assertThat(status(healthy, "A team reads its balance"), equalTo("PASSED"));
        assertThat(status(healthy, "A funded team has money to spend"), equalTo(RunRecord.ScenarioResult.NOT_APPLICABLE));
        RunRecord spent = ContractSuite.run("local-openrouter-key-limit", output);
        assertThat(status(spent, "A team reads its balance"), equalTo("PASSED"));
        assertThat(status(spent, "A funded team has money to spend"), equalTo("FAILED"));
        // /key's budgets[] names the layer that blocks the key, in quota-exceeded's meaning.
        assertThat(spent.verdict().meaning(), org.hamcrest.Matchers.containsString("GET /api/v1/key names the budget that blocks"
                + " the key: key_limit (monthly), 10.0004 of 10 US dollars spent, resets 2026-10-01T00:00:00Z."));
    }

    private static String status(RunRecord run, String scenario) {
        return run.scenarios().stream().filter(s -> s.name().equals(scenario)).map(RunRecord.ScenarioResult::status)
                .findFirst().orElse("absent");
    }

    /** Every simulated OpenRouter account, and an unknown key, gives its verdict from the answers alone. */
    /** Every simulated OpenRouter account and the verdict it gives: one list, for the host alone and the documented base. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> accounts() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter", "healthy"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-invalid-key", "invalid-key"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-no-credits", "insufficient-funds"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-credits-below-request", "credits-below-request"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-key-limit", "quota-exceeded"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-free-models-per-day", "rate-limited"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-provider-error", "provider-unavailable"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-provider-rate-limited", "provider-unavailable"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-region", "model-unavailable-in-region"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-key-limit-can-only-afford", "quota-exceeded"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-region-provider", "model-unavailable-in-region"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-data-policy", "data-policy-no-provider"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-moderation", "content-moderated"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-byok-key-rejected", "byok-key-rejected"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-context-window", "request-rejected"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-tool-use", "request-rejected"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-provider-restrictions", "team-restricted"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-model-no-endpoints", "model-unavailable"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-stream-error", "stream-error"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-outage", "gateway-outage"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-firewall", "not-the-gateway"),
                org.junit.jupiter.params.provider.Arguments.of("local-openrouter-slow", "unreachable"));
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @org.junit.jupiter.params.provider.MethodSource("accounts")
    void eachOpenRouterEnvironmentGivesItsVerdict(String env, String verdict) throws Exception {
        RunRecord run = ContractSuite.run(env, output);
        assertThat(env + ": " + run.verdict().meaning(), run.verdict().id(), equalTo(verdict));
        notVercelsAdvice(env, run);
    }

    /**
     * The same accounts over a URL, with baseUrl written as OpenRouter's users write it: its documented API base
     * (the simulated host + /api/v1, as https://openrouter.ai/api/v1), which the run reads as the host. Every verdict
     * holds, and every probe went to OpenRouter's own paths, never a doubled /api/v1/api/v1.
     */
    @ParameterizedTest(name = "{0} at its documented base gives {1}")
    @org.junit.jupiter.params.provider.MethodSource("accounts")
    void eachOpenRouterEnvironmentGivesItsVerdictAtTheDocumentedBase(String env, String verdict) throws Exception {
        try (SimulatedGateway simulated = SimulatedGateway.start(0, 0, GatewayProfile.named("openrouter"))) {
            RunRecord run = overAUrl(env, simulated.baseUrl() + "/api/v1");
            assertThat(env + ": " + run.verdict().meaning(), run.verdict().id(), equalTo(verdict));
            assertThat(run.targetUrl(), equalTo(simulated.baseUrl()));
            assertThat(run.exchanges().stream().map(Exchange::path).filter(path -> !path.startsWith("/api/v1/")
                    || path.startsWith("/api/v1/api/")).toList(), equalTo(java.util.List.of()));
            notVercelsAdvice(env, run);
        }
    }

    /**
     * A base URL that still misses OpenRouter's routes (its /api/v1 doubled, half of it, or another gateway's host)
     * ends wrong-base-url, naming the value to write: the documented base on the host the probes reached.
     */
    @ParameterizedTest(name = "baseUrl {0} gives wrong-base-url")
    @CsvSource({"/api/v1/api/v1, /api/v1/api/v1/", "/api, /api/api/v1/", "/v1, /v1/api/v1/"})
    void aBaseUrlThatMissesTheRoutesGivesWrongBaseUrlWithTheValueToUse(String path, String probed) throws Exception {
        try (SimulatedGateway simulated = SimulatedGateway.start(0, 0, GatewayProfile.named("openrouter"))) {
            RunRecord run = overAUrl("local-openrouter", simulated.baseUrl() + path);
            assertThat(run.verdict().meaning(), run.verdict().id(), equalTo("wrong-base-url"));
            assertThat(run.verdict().title() + " " + run.verdict().meaning(), org.hamcrest.Matchers.allOf(
                    org.hamcrest.Matchers.containsString("baseUrl: " + simulated.baseUrl() + "/api/v1 "),
                    org.hamcrest.Matchers.containsString(probed)));
            notVercelsAdvice("local-openrouter at " + path, run);
        }
    }

    /** An OpenRouter key sent to the Vercel AI Gateway's host (its simulator answers as Vercel does): wrong-base-url. */
    @Test
    void anOpenRouterKeyAtAnotherGatewaysHostGivesWrongBaseUrl() throws Exception {
        try (SimulatedGateway vercel = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            RunRecord run = overAUrl("local-openrouter", vercel.baseUrl() + "/api/v1");
            assertThat(run.verdict().meaning(), run.verdict().id(), equalTo("wrong-base-url"));
            assertThat(run.verdict().meaning(), org.hamcrest.Matchers.allOf(
                    org.hamcrest.Matchers.containsString("Vercel AI Gateway"),
                    org.hamcrest.Matchers.containsString("baseUrl: https://openrouter.ai/api/v1")));
        }
    }

    /**
     * The run of {@code env} with its {@code simulator:} block replaced by {@code baseUrl: url}, as a user points a
     * copy of it at a gateway over a URL (the key, and so the simulated account, unchanged).
     */
    private RunRecord overAUrl(String env, String url) throws Exception {
        Path root = java.nio.file.Files.createDirectories(output.resolve("root").resolve("environments"));
        String file = java.nio.file.Files.readString(EnvironmentFolders.file(Path.of("."), env));
        // The copy lives in another root: the request files it lists are read from this checkout.
        String requests = Path.of("").toAbsolutePath() + "/src/";
        java.nio.file.Files.writeString(root.resolve(env + ".yaml"), file.replaceFirst("(?m)^simulator:\\n(  .*\\n)+", "baseUrl: " + url + "\n")
                .replaceAll("(?m)^  - src/", java.util.regex.Matcher.quoteReplacement("  - " + requests)));
        // A simulator's first answer (cold, or an HTML page read from disk) can outlast readMs on a busy machine.
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/models"))
                .timeout(java.time.Duration.ofSeconds(30)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        return ContractSuite.run(root.getParent(), env, output, java.util.Map.of());
    }

    private static void notVercelsAdvice(String env, RunRecord run) {
        // What to do is OpenRouter's advice, not Vercel's, for every verdict, the shared ones included: their
        // texts read the gateway's URL, request-id header and words from its profile.
        assertThat(env, String.join(" ", run.verdict().title(), run.verdict().meaning(), String.join(" ", run.verdict().nextSteps()),
                String.join(" ", run.verdict().references())).toLowerCase(), not(org.hamcrest.Matchers.containsString("vercel")));
    }
}
