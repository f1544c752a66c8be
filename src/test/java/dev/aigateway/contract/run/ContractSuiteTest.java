package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.run.RunRecord.ScenarioResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

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
            "local-team-blocked,      team-access-denied",
            "local-no-card,           card-required",
            "local-free-restricted,   free-credits-restricted",
            "local-no-credits,        insufficient-funds",
            "local-rate-limited,      rate-limited",
            "local-quota-exceeded,    quota-exceeded",
            "local-outage,            gateway-outage",
            "local-firewall,          not-the-gateway",
            "local-flaky,             healthy",
            "local-slow,              unreachable",
            "local-nothing-listening, unreachable",
            "local-byok-no-credits,   byok-credit-gate",
    })
    void eachEnvironmentGivesItsVerdict(String env, String verdict) throws Exception {
        RunRecord run = ContractSuite.run(env, output);
        assertThat(run.verdict().id(), equalTo(verdict));
    }

    @Test
    void theConfiguredKeyRefusedWith401IsAnInvalidKey() throws Exception {
        assertThat(ContractSuite.run("local", output, "vck_unknown_1").verdict().id(), equalTo("invalid-key"));
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
        List<String> attempts = run.exchanges().stream()
                .filter(e -> e.requestBody() != null && e.requestBody().contains("\"byok\""))
                .map(e -> e.responseBody().replaceAll("(?s).*\"providerAttempts\":(\\[[^]]*]).*", "$1")).toList();
        assertThat(attempts, equalTo(List.of(
                "[{\"provider\":\"anthropic\",\"credentialType\":\"byok\",\"success\":true}]",
                "[{\"provider\":\"anthropic\",\"credentialType\":\"byok\",\"success\":false,\"error\":\"Unauthorized\",\"statusCode\":401},"
                        + "{\"provider\":\"anthropic\",\"credentialType\":\"system\",\"success\":true}]")));
    }

    @Test
    void theDefaultSuiteStaysWithinItsRequestBudget() throws Exception {
        RunRecord run = ContractSuite.run("local", output);
        Spend spend = Spend.of(run.exchanges());
        assertThat(spend.requests(), lessThanOrEqualTo(12));
        assertThat(spend.billableRequests(), lessThanOrEqualTo(4));
        assertThat(run.exchanges().stream().filter(Spend::isBillable)
                .allMatch(e -> e.requestBody().contains("\"max_tokens\":1")), equalTo(true));
    }

    @Test
    void aSpendCapOfZeroSendsNoBillableRequestAtAll() throws Exception {
        RunRecord run = ContractSuite.run("local", output, Map.of("CONTRACT_MAX_SPEND_USD", "0"));
        assertThat(run.simulatorLog(), not(hasItem(startsWith("POST"))));
        assertThat(run.scenarios().stream().filter(s -> s.feature().contains("inference/") || s.feature().contains("byok/"))
                .map(ScenarioResult::status).toList(), everyItem(equalTo("SKIPPED")));
        assertThat(run.scenarios().stream().filter(s -> s.name().equals("The smallest chat completion"))
                .map(ScenarioResult::message).findFirst().orElse(""), containsString("maxSpendUsd"));
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
}
