package dev.aigateway.contract.run;

import dev.aigateway.contract.environment.EnvironmentFolders;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Spend;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import dev.aigateway.contract.record.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract suite itself, run in this JVM against shipped environments: it passes where it must, fails where it must. */
class ContractSuiteTest {

    @TempDir
    Path output;

    @Test
    void theHealthySimulatedTeamPassesEveryScenario() throws Exception {
        RunRecord run = ContractSuite.run("local", output);
        assertThat(run.failed(), equalTo(0));
        assertThat(run.passed(), greaterThanOrEqualTo(10));
        assertThat(run.targetUrl(), startsWith("http://127.0.0.1:"));
    }

    @Test
    void aKeyTheGatewayNeverIssuedFailsTheRun() throws Exception {
        RunRecord run = ContractSuite.run("local", output, "vck_unknown_1");
        assertThat(run.failed(), greaterThanOrEqualTo(1));
        assertThat(run.scenarios().stream().filter(s -> s.name().equals("The team's key is recognised"))
                .map(ScenarioResult::status).toList(), hasItem("FAILED"));
    }

    @Test
    void nothingListeningCostsOneAttemptAndSkipsTheRestNamingTheHost() throws Exception {
        RunRecord run = ContractSuite.run("local-nothing-listening", output);
        assertThat(run.passed(), equalTo(0));
        assertThat(run.exchanges().size(), equalTo(1));
        assertThat(run.scenarios().stream().filter(s -> s.status().equals("FAILED")).map(ScenarioResult::message).toList(),
                equalTo(List.of(run.exchanges().get(0).failure())));
        assertThat(run.exchanges().get(0).failure(), startsWith("could not connect to 127.0.0.1:9"));
        assertThat(run.scenarios().stream().filter(s -> s.status().equals("SKIPPED")).map(ScenarioResult::message).toList(),
                hasItem(startsWith("skipped: not sent: 127.0.0.1:9 did not answer earlier in this run (could not connect")));
    }

    /** Every simulated team, and nothing listening, gives its verdict from the gateway's answers alone. */
    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource({
            "local,                   healthy",
            "local-no-inference,      healthy-no-inference",
            "local-team-blocked,      team-access-denied",
            "local-no-card,           card-required",
            "local-free-restricted,   free-credits-restricted",
            "local-no-credits,        insufficient-funds",
            "local-rate-limited,      rate-limited",
            "local-quota-exceeded,    quota-exceeded",
            "local-outage,            gateway-outage",
            "local-provider-unavailable, provider-unavailable",
            "local-inference-blocked, team-access-denied",
            "local-free-tier,         free-tier-model-restricted",
            "local-byok-free-credits, byok-requires-paid-credits",
            "local-team-restricted,   team-restricted",
            "local-routing-rule-denied, team-restricted",
            "local-region-restricted, model-unavailable-in-region",
            "local-zdr-team,          data-policy-no-provider",
            "local-request-refusals,  healthy",
            "local-free-restricted-paid, free-credits-restricted",
            "local-stream-error,      stream-error",
            "local-oidc,              healthy",
            "local-oidc-expired,      oidc-token-expired",
            "local-access-token,      healthy",
            "local-firewall,          not-the-gateway",
            "local-flaky,             healthy",
            "local-slow,              unreachable",
            "local-nothing-listening, unreachable",
            "local-byok-no-credits,   byok-credit-gate",
            "local-byok-key-rejected, byok-key-rejected",
            "local-messages-refused,  route-refused",
    })
    void eachEnvironmentGivesItsVerdict(String env, String verdict) throws Exception {
        RunRecord run = ContractSuite.run(env, output);
        assertThat(run.verdict().id(), equalTo(verdict));
    }

    /** vercel.yaml as a user runs it, over a URL: the simulator stands alone, and BYOK's direct check goes where ANTHROPIC_BASE_URL says. */
    @Test
    void theVercelTemplateRunsOverAUrlWithTheDirectCheckWhereTheEnvironmentPointsIt() throws Exception {
        try (dev.aigateway.contract.simulator.SimulatedGateway gateway = dev.aigateway.contract.simulator.SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            RunRecord run = ContractSuite.run("vercel", output, Map.of(
                    "AI_GATEWAY_BASE_URL", gateway.baseUrl(),
                    "AI_GATEWAY_API_KEY", "vck_sim_healthy_demo",
                    "ANTHROPIC_API_KEY", "sk-ant-sim-valid-demo",
                    "ANTHROPIC_BASE_URL", gateway.baseUrl() + "/anthropic"));
            assertThat(run.verdict().id(), equalTo("healthy"));
            assertThat(run.exchanges().stream().filter(e -> e.caller() == Caller.PROVIDER_DIRECT).map(e -> e.url()).toList(),
                    equalTo(List.of(gateway.baseUrl() + "/anthropic/v1/messages")));
        }
    }

    /** F10: the restriction while credits read more than the free credits: support, not "buy credits" again. */
    @Test
    void aTeamThatBoughtCreditsAndIsStillRestrictedIsSentToSupportNotToBuyAgain() throws Exception {
        Verdict paid = ContractSuite.run("local-free-restricted-paid", output).verdict();
        assertThat(paid.nextSteps(), hasItem(containsString("Vercel support")));
        assertThat(paid.nextSteps(), hasItem(startsWith("Do not buy credits again")));
        Verdict free = ContractSuite.run("local-free-restricted", output).verdict();
        assertThat(free.nextSteps(), hasItem(startsWith("Buy paid credits")));
    }

    /** F1: the meaning says inference was refused, and the ruled-out points that /v1/credits still answered. */
    @Test
    void aBlockOnInferenceOnlySaysWhichRoutesWereRefusedAndWhichAnswered() throws Exception {
        Verdict verdict = ContractSuite.run("local-inference-blocked", output).verdict();
        assertThat(verdict.meaning(), containsString("POST /v1/chat/completions got 403 access_denied \"Forbidden.\""));
        assertThat(verdict.ruledOut().stream().map(point -> point.cited()).toList(),
                hasItem(matchesPattern("#\\d+ GET /v1/credits: 200, x-vercel-id .+")));
    }

    /** F6: the stream scenario and the verdict say what arrived before the error event. */
    @Test
    void anErrorInsideAStreamSaysWhatArrivedBeforeIt() throws Exception {
        RunRecord run = ContractSuite.run("local-stream-error", output);
        assertThat(run.verdict().meaning(), containsString("then carried an error event: \"Stream error occurred\". Before that, 2 chunks arrived first, with the text \"pong\""));
        assertThat(run.scenarios().stream().filter(s -> s.name().equals("The smallest chat completion, streamed"))
                .map(ScenarioResult::message).findFirst().orElse(""), containsString("2 chunks with the text \"pong\""));
        assertThat(run.scenarios().stream().filter(s -> s.name().equals("The smallest chat completion"))
                .map(ScenarioResult::status).toList(), equalTo(List.of("PASSED")));
    }

    /** F5: an OIDC token whose exp has passed is known before sending: no billable call is spent on it. */
    @Test
    void anExpiredOidcTokenSpendsNoBillableCall() throws Exception {
        RunRecord run = ContractSuite.run("local-oidc-expired", output);
        assertThat(run.verdict().id(), equalTo("oidc-token-expired"));
        assertThat(run.verdict().meaning(), containsString("expired at 2026-01-01T12:00:00Z"));
        assertThat(run.simulatorLog(), not(hasItem(startsWith("POST"))));
        assertThat(run.exchanges().stream().filter(e -> e.caller() == Caller.TEAM_KEY).map(e -> e.status()).distinct().toList(),
                equalTo(List.of(401)));
    }

    /** Every form of an OIDC token stays out of what the run writes; its requests say oidc, as the AI SDK's do. */
    @Test
    void anOidcRunWritesNoFormOfTheTokenAndSaysItsAuthMethod() throws Exception {
        RunRecord run = ContractSuite.run("local-oidc", output);
        String token = java.nio.file.Files.readString(EnvironmentFolders.file(java.nio.file.Path.of("."), "local-oidc"))
                .replaceAll("(?s).*\\$\\{VERCEL_OIDC_TOKEN:-([^}]+)}.*", "$1");
        String payload = token.split("\\.")[1];
        String written = java.nio.file.Files.readString(output.resolve("run.json"));
        assertThat(written, not(containsString(token)));
        assertThat(written, not(containsString(payload)));
        assertThat(written, not(containsString(java.util.Base64.getEncoder().encodeToString(token.getBytes()))));
        assertThat(dev.aigateway.contract.evidence.SecretScan.scan(List.of(output), List.of(
                new dev.aigateway.contract.environment.Environment.Secret("VERCEL_OIDC_TOKEN", token),
                new dev.aigateway.contract.environment.Environment.Secret("VERCEL_OIDC_TOKEN", payload))), equalTo(List.of()));
        assertThat(run.exchanges().stream().filter(e -> e.caller() == Caller.TEAM_KEY)
                .allMatch(e -> e.requestHeaders().stream().filter(h -> h.name().equalsIgnoreCase("ai-gateway-auth-method"))
                        .map(Exchange.Header::value).toList().equals(List.of("oidc"))), equalTo(true));
        assertThat(run.exchanges().stream().filter(e -> e.caller() == Caller.TEAM_KEY).count(), greaterThanOrEqualTo(5L));
    }

    /** F2: the summary names the model that was refused. */
    @Test
    void aModelOutsideTheFreeTierIsNamed() throws Exception {
        assertThat(ContractSuite.run("local-free-tier", output).verdict().meaning(),
                containsString("refused the model anthropic/claude-haiku-4.5 on the free tier"));
    }

    @Test
    void theConfiguredKeyRefusedWith401IsAnInvalidKey() throws Exception {
        assertThat(ContractSuite.run("local", output, "vck_unknown_1").verdict().id(), equalTo("invalid-key"));
    }

    @Test
    void theRunsFirstRequestIsThePublicCatalogWithoutAKey() throws Exception {
        RunRecord run = ContractSuite.run("local", output);
        // The direct check of a BYOK key too, though it goes to the provider (here the simulator's stand-in for it).
        Exchange first = run.exchanges().stream().min(java.util.Comparator.comparingInt(Exchange::sequence)).orElseThrow();
        assertThat(first.method() + " " + first.path(), equalTo("GET /v1/models"));
        assertThat(first.requestHeaders().stream().map(h -> h.name().toLowerCase()).toList(), not(hasItem("authorization")));
        assertThat("asked for once", run.exchanges().stream().filter(e -> e.path().equals("/v1/models")).count(), equalTo(1L));
    }

    @Test
    void theBlockedTeamsVerdictCitesTheUnknownKeys401AndTheTeamKeys403() throws Exception {
        RunRecord run = ContractSuite.run("local-team-blocked", output);
        List<String> cited = run.verdict().ruledOut().stream().map(point -> point.cited()).toList();
        assertThat(cited, hasItem(matchesPattern("#\\d+ GET /v1/credits: 401 authentication_error, x-vercel-id .+")));
        assertThat(cited, hasItem(matchesPattern("#\\d+ GET /v1/credits: 403 access_denied, x-vercel-id .+")));
    }

    @Test
    void theHealthyTeamsByokKeyServesAndARefusedOneFallsBackToSystem() throws Exception {
        RunRecord run = ContractSuite.run("local", output);
        // By scenario: the scenarios run at once, so their exchanges come in either order.
        Map<String, String> attempts = run.exchanges().stream()
                .filter(e -> e.requestBody() != null && e.requestBody().contains("\"byok\""))
                .collect(java.util.stream.Collectors.toMap(Exchange::scenario,
                        e -> e.responseBody().replaceAll("(?s).*\"providerAttempts\":(\\[[^]]*]).*", "$1")));
        assertThat(attempts, equalTo(Map.of(
                "My own provider key serves the request",
                "[{\"provider\":\"anthropic\",\"credentialType\":\"byok\",\"success\":true}]",
                "A key the provider refuses falls back to system credentials",
                "[{\"provider\":\"anthropic\",\"credentialType\":\"byok\",\"success\":false,\"error\":\"Unauthorized\",\"statusCode\":401},"
                        + "{\"provider\":\"anthropic\",\"credentialType\":\"system\",\"success\":true}]")));
    }

    @Test
    void theDefaultSuiteStaysWithinItsRequestBudget() throws Exception {
        RunRecord run = ContractSuite.run("local", output);
        Spend spend = Spending.of(run.exchanges(), GatewayProfile.named("vercel"));
        assertThat(spend.requests(), equalTo(12));
        assertThat(spend.billableRequests(), equalTo(4));
        assertThat(run.exchanges().stream().filter(exchange -> Spending.isBillable(exchange, GatewayProfile.named("vercel")))
                .allMatch(e -> e.requestBody().contains("\"max_tokens\":1")), equalTo(true));
        // routes: absent checks chat completions alone, as before routes existed.
        assertThat(run.exchanges().stream().map(e -> e.path().replaceFirst("\\?.*", "")).distinct().sorted().toList(),
                equalTo(List.of("/anthropic/v1/messages", "/v1/chat/completions", "/v1/credits", "/v1/models")));
    }

    @Test
    void aSpendCapOfZeroSendsNoBillableRequestAtAllAndTheRunIsIncompleteNotHealthy() throws Exception {
        RunRecord run = ContractSuite.run("local", output, Map.of("CONTRACT_MAX_SPEND_USD", "0"));
        assertThat(run.simulatorLog(), not(hasItem(startsWith("POST"))));
        assertThat(run.scenarios().stream().filter(s -> s.feature().contains("inference/"))
                .map(ScenarioResult::status).toList(), everyItem(equalTo("SKIPPED")));
        assertThat(run.scenarios().stream().filter(s -> s.name().equals("The smallest chat completion"))
                .map(ScenarioResult::message).findFirst().orElse(""), containsString("maxSpendUsd"));
        // A funded team's zero-balance check is the environment's choice, not the cap's doing.
        assertThat(run.scenarios().stream().filter(s -> s.name().equals("At a zero balance the gateway refuses BYOK too"))
                .map(ScenarioResult::status).toList(), equalTo(List.of(ScenarioResult.NOT_APPLICABLE)));
        assertThat(run.verdict().id(), equalTo("incomplete"));
        assertThat(run.verdict().meaning(), allOf(containsString("could not carry out"), containsString("The smallest chat completion"),
                containsString("maxSpendUsd: 0"), not(containsString("completes a minimal request"))));
    }

    @Test
    void billableCallsNotAllowedAreNotApplicableAndTheHealthyMeaningClaimsNothingTheyWouldHaveShown() throws Exception {
        {
            RunRecord run = ContractSuite.run("local", output, Map.of("CONTRACT_ALLOW_BILLABLE", "false"));
            assertThat(run.scenarios().stream().filter(s -> s.feature().contains("inference/") || s.feature().contains("byok/"))
                    .map(ScenarioResult::status).toList(), everyItem(equalTo(ScenarioResult.NOT_APPLICABLE)));
            assertThat(run.skipped(), equalTo(0));
            assertThat(run.notApplicable(), greaterThanOrEqualTo(7));
            assertThat(run.verdict().id(), equalTo("healthy-no-inference"));
            assertThat(run.verdict().title(), containsString("inference not tried: allowBillable is false"));
            assertThat(run.verdict().meaning(), allOf(containsString("A team reads its balance"),
                    containsString("Not applicable here"), containsString("allowBillable: false")));
            // What held is named; the completions that were never sent are not among them.
            String held = run.verdict().meaning().substring(0, run.verdict().meaning().indexOf("Not applicable here"));
            assertThat(held, not(containsString("The smallest chat completion")));
            assertThat(run.verdict().ruledOut().stream().map(Verdict.RuledOut::says).toList(),
                    not(hasItem(containsString("request is well formed"))));
        }
    }

    @Test
    void theFlakyTeamsRetriesAreEachRecorded() throws Exception {
        RunRecord run = ContractSuite.run("local-flaky", output);
        assertThat(run.exchanges().stream().filter(e -> Integer.valueOf(503).equals(e.status())).count(), equalTo(2L));
    }

    @Test
    void aBlockedTeamFailsButItsCatalogScenariosHold() throws Exception {
        RunRecord run = ContractSuite.run("local-team-blocked", output);
        assertThat(run.failed(), greaterThanOrEqualTo(1));
        assertThat(run.scenarios().stream().filter(s -> s.feature().contains("models/")).map(ScenarioResult::status).toList(),
                everyItem(equalTo("PASSED")));
        assertThat(run.scenarios().stream().filter(s -> s.name().equals("A team reads its balance"))
                .map(ScenarioResult::status).toList(), not(hasItem("PASSED")));
    }

    @Test
    void everyRouteOfTheHealthyTeamPassesWithinTheRequestAndBillableBudget() throws Exception {
        RunRecord run = ContractSuite.run("local-all-routes", output);
        assertThat(run.failed(), equalTo(0));
        assertThat(run.verdict().id(), equalTo("healthy"));
        Spend spend = Spending.of(run.exchanges(), GatewayProfile.named("vercel"));
        assertThat(spend.requests(), lessThanOrEqualTo(30));
        assertThat(spend.billableRequests(), lessThanOrEqualTo(12));
        assertThat(run.exchanges().stream().map(e -> e.path().replaceFirst("\\?.*", "")).distinct().toList(),
                org.hamcrest.Matchers.hasItems("/v1/chat/completions", "/v1/messages", "/v1/responses", "/v1/embeddings",
                        "/v1/ai/language-model", "/v3/ai/language-model", "/v4/ai/language-model", "/v1/messages/count_tokens"));
        assertThat("counting tokens is not billed", run.exchanges().stream().filter(e -> e.path().equals("/v1/messages/count_tokens"))
                .filter(exchange -> Spending.isBillable(exchange, GatewayProfile.named("vercel"))).toList(), org.hamcrest.Matchers.empty());
    }

    /** Over every route, each simulated team gets the verdict its own environment gets (with a BYOK key, as local has). */
    @ParameterizedTest(name = "{0} over every route gives {1}")
    @CsvSource({
            "team-blocked,    team-access-denied",
            "no-card,         card-required",
            "no-credits,      byok-credit-gate",
            "rate-limited,    rate-limited",
            "outage,          gateway-outage",
            "firewall,        not-the-gateway",
    })
    void overEveryRouteEachTeamGetsItsVerdict(String team, String verdict) throws Exception {
        RunRecord run = ContractSuite.run("local-all-routes", output,
                Map.of("CONTRACT_SIMULATED_TEAM", team, "AI_GATEWAY_API_KEY", "vck_sim_" + team + "_demo"));
        assertThat(run.verdict().id(), equalTo(verdict));
    }

    @Test
    void aTeamRefusedOnOneRouteOnlyIsNamedWithTheRefusalQuotedAndTheWorkingRouteRuledOut() throws Exception {
        RunRecord run = ContractSuite.run("local-messages-refused", output);
        assertThat(run.verdict().title(), equalTo("Refused on the messages route only (403 access_denied)"));
        assertThat(run.verdict().meaning(), containsString("\"Forbidden.\""));
        assertThat(run.verdict().ruledOut().stream().map(point -> point.says()).toList(),
                hasItem("Your key, team and balance work: the gateway served the chat-completions route"
                        + " (/v1/chat/completions answered 200)"));
    }
}
