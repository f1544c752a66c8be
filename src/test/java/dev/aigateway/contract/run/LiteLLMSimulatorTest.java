package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract suite against the simulated LiteLLM proxy (gateway: litellm, simulator/litellm/), over HTTP on
 * 127.0.0.1: the healthy key passes on the proxy's own routes, with its catalog read with the key, its balance
 * read from /key/info and each answer's cost from x-litellm-response-cost; every simulated key state gives its
 * verdict from the answers alone; and the 401 that quotes the key's SHA-256 leaves it in no written file.
 */
class LiteLLMSimulatorTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path output;

    @Test
    void theHealthyKeyPassesEveryScenarioOnTheProxysRoutes() throws Exception {
        RunRecord run = ContractSuite.run("local-litellm", output);
        assertThat(run.scenarios().stream().filter(s -> s.status().equals("FAILED")).map(s -> s.name() + ": " + s.message())
                .toList(), equalTo(List.of()));
        assertThat(run.verdict().id(), equalTo("healthy"));
        List<String> paths = run.exchanges().stream().map(Exchange::path).toList();
        assertThat(paths, everyItem(matchesPattern("/v1/.*|/key/info")));
        assertThat(paths, hasItem("/key/info"));
        // Every answer carries the proxy's call id, the request id the profile names.
        assertThat(run.exchanges().stream().map(Exchange::requestId).toList(), everyItem(matchesPattern(UUID)));
        // The catalog answers a valid key only: it was read with the team's key, and the keyless scenario did not apply.
        assertThat(run.exchanges().stream().filter(e -> e.path().equals("/v1/models")).map(Exchange::caller).toList(),
                everyItem(equalTo(dev.aigateway.contract.record.Caller.TEAM_KEY)));
        assertThat(status(run, "My key reads the catalog, and it offers the models my environment expects"), equalTo("PASSED"));
        assertThat(status(run, "Anyone can read the catalog, and it offers the models my environment expects"),
                equalTo(RunRecord.ScenarioResult.NOT_APPLICABLE));
        // The cost is the x-litellm-response-cost header: every billable answer's is known, and above zero.
        dev.aigateway.contract.record.Spend spent = Spending.of(run.exchanges(), GatewayProfile.named("litellm"));
        assertThat(spent.requests(), equalTo(run.exchanges().size()));
        assertThat(spent.usd(), greaterThan(BigDecimal.ZERO));
        assertThat(spent.unknownCost(), equalTo(0));
        assertThat(spent.billableRequests(), greaterThan(0));
        assertThat(run.exchanges().stream().filter(e -> e.path().equals("/v1/chat/completions") && e.status() == 200)
                .map(Exchange::generationId).toList(), everyItem(matchesPattern("chatcmpl-[0-9A-Z]{26}")));
    }

    /** The balance is the key's max_budget less its spend on /key/info; a key without a budget of its own reports none. */
    @Test
    void theBalanceIsTheKeysBudgetLessItsSpendAndAKeyWithoutABudgetReportsNone() throws Exception {
        RunRecord healthy = ContractSuite.run("local-litellm", output);
        assertThat(status(healthy, "A funded team has money to spend"), equalTo("PASSED"));
        assertThat(healthy.exchanges().stream().filter(e -> e.path().equals("/key/info")).map(Exchange::responseBody)
                .toList(), hasItem(containsString("\"max_budget\":10.0")));
        RunRecord noBudget = ContractSuite.run("local-litellm-team-budget", output,
                java.util.Map.of("LITELLM_API_KEY", "sk-sim_team-budget_FAKE"));
        assertThat(status(noBudget, "A team reads its balance"), equalTo("PASSED"));
        assertThat(status(noBudget, "A funded team has money to spend"), equalTo(RunRecord.ScenarioResult.NOT_APPLICABLE));
    }

    /** Every simulated key state, and a key the proxy never issued, gives its verdict from the answers alone. */
    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("local-litellm", "healthy"),
                Arguments.of("local-litellm-all-routes", "healthy"),
                Arguments.of("local-litellm-invalid-key", "invalid-key"),
                Arguments.of("local-litellm-expired-key", "invalid-key"),
                Arguments.of("local-litellm-key-budget", "quota-exceeded"),
                Arguments.of("local-litellm-key-budget-400", "quota-exceeded"),
                Arguments.of("local-litellm-team-budget", "quota-exceeded"),
                Arguments.of("local-litellm-key-model-access", "team-restricted"),
                Arguments.of("local-litellm-key-model-access-401", "team-restricted"),
                Arguments.of("local-litellm-team-model-access", "team-restricted"),
                Arguments.of("local-litellm-rate-limited", "rate-limited"),
                Arguments.of("local-litellm-provider-error", "provider-unavailable"),
                Arguments.of("local-litellm-provider-key-invalid", "provider-unavailable"));
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @MethodSource("keys")
    void eachLiteLLMEnvironmentGivesItsVerdict(String env, String verdict) throws Exception {
        RunRecord run = ContractSuite.run(env, output);
        assertThat(env + ": " + run.verdict().meaning(), run.verdict().id(), equalTo(verdict));
        // The advice is the proxy's, in its words: neither Vercel's nor OpenRouter's.
        String advice = String.join(" ", run.verdict().title(), run.verdict().meaning(), String.join(" ", run.verdict().nextSteps()),
                String.join(" ", run.verdict().references())).toLowerCase();
        assertThat(env, advice, not(containsString("vercel")));
        assertThat(env, advice, not(containsString("openrouter")));
    }

    /**
     * The shipped template, as a user runs it: LITELLM_BASE_URL at the proxy (here the simulated one, over HTTP), with
     * /v1 as SDKs take it or without, and a virtual key: healthy, every probe on the proxy's own paths.
     */
    @ParameterizedTest(name = "the template at the proxy{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "/v1"})
    void theShippedTemplateRunsAgainstAProxyAtItsUrlWithOrWithoutV1(String suffix) throws Exception {
        try (dev.aigateway.contract.simulator.SimulatedGateway proxy = dev.aigateway.contract.simulator.SimulatedGateway.start(0, 0,
                GatewayProfile.named("litellm"))) {
            RunRecord run = ContractSuite.run("litellm", output, java.util.Map.of("LITELLM_BASE_URL", proxy.baseUrl() + suffix,
                    "LITELLM_API_KEY", "sk-sim_healthy_FAKE", "LITELLM_PROBE_MODEL", "openai/gpt-4o-mini", "LITELLM_FUNDED", "true"));
            assertThat(run.verdict().meaning(), run.verdict().id(), equalTo("healthy"));
            assertThat(run.targetUrl(), equalTo(proxy.baseUrl()));
            assertThat(run.exchanges().stream().map(Exchange::path).toList(), everyItem(matchesPattern("/v1/(?!v1/).*|/key/info")));
        }
    }

    /** The statuses that moved between versions give the same verdict, each quoting its own status. */
    @Test
    void aSpentBudgetIsQuotaExceededAt400And429AndModelAccessTeamRestrictedAt401And403() throws Exception {
        assertThat(ContractSuite.run("local-litellm-key-budget", output).verdict().title(), containsString("(429 budget_exceeded)"));
        assertThat(ContractSuite.run("local-litellm-key-budget-400", output).verdict().title(), containsString("(400 auth_error)"));
        assertThat(ContractSuite.run("local-litellm-key-model-access", output).verdict().title(),
                containsString("(403 key_model_access_denied)"));
        assertThat(ContractSuite.run("local-litellm-key-model-access-401", output).verdict().title(),
                containsString("(401 key_model_access_denied)"));
    }

    /**
     * The proxy's 401 quotes the SHA-256 of the key it refused (keys.forms: [sha256-hex]): the hash is a secret form of
     * the key, redacted in every exchange recorded, and no file the run writes holds it, nor the key.
     */
    @Test
    void a401QuotingTheKeysHashLeavesNoHashInAnyWrittenFile() throws Exception {
        String key = "sk-FAKE-never-issued-by-this-proxy-0000000000";
        String hash = GatewayProfile.named("litellm").keys().formsOf(key).get("sha256-hex");
        assertThat(hash, matchesPattern("[0-9a-f]{64}"));
        RunRecord run = ContractSuite.run("local-litellm-invalid-key", output, java.util.Map.of("LITELLM_API_KEY", key));
        assertThat(run.verdict().id(), equalTo("invalid-key"));
        // The simulated proxy did quote it: the recorded 401 says where, redacted.
        assertThat(run.exchanges().stream().filter(e -> Integer.valueOf(401).equals(e.status())).map(Exchange::responseBody)
                .toList(), hasItem(containsString("Key Hash (Token) =[redacted LITELLM_API_KEY (sha256-hex)]")));
        List<Path> written;
        try (Stream<Path> files = Files.walk(output)) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertThat(written.size(), greaterThan(3));
        for (Path file : written) {
            String text = file.toString().endsWith(".zip") ? unzipped(file) : Files.readString(file, StandardCharsets.ISO_8859_1);
            assertThat(file.toString(), text, not(containsString(hash)));
            assertThat(file.toString(), text, not(containsString(key)));
        }
    }

    private static String unzipped(Path zip) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            while (in.getNextEntry() != null) {
                text.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    private static String status(RunRecord run, String scenario) {
        return run.scenarios().stream().filter(s -> s.name().equals(scenario)).map(RunRecord.ScenarioResult::status)
                .findFirst().orElse("absent");
    }
}
