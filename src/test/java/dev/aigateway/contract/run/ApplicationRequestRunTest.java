package dev.aigateway.contract.run;

import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Spend;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's own request as a scenario: sent with the environment's credential, under the spend cap, after an account verdict. */
class ApplicationRequestRunTest {

    static final String REQUESTS = "src/test/resources/requests/";
    private static final String SCENARIO = "Your application's request 1";

    @TempDir
    Path output;

    private static ScenarioResult scenario(RunRecord run) {
        return run.scenarios().stream().filter(s -> s.name().equals(SCENARIO)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario " + SCENARIO + " in " + run.scenarios()));
    }

    /** What the application's scenario sent besides the catalog, which the run's first scenario to start asks for, whichever it is. */
    private static List<Exchange> sentBy(RunRecord run) {
        return run.exchanges().stream().filter(e -> SCENARIO.equals(e.scenario()))
                .filter(e -> !(e.method().equals("GET") && e.path().equals("/v1/models"))).toList();
    }

    @Test
    void aHealthyTeamServesTheRequestSentToBaseUrlWithTheEnvironmentsKey() throws Exception {
        RunRecord run = ContractSuite.runWithRequest("local", output, REQUESTS + "served.curl");
        assertThat(scenario(run).status(), equalTo("PASSED"));
        assertThat(run.verdict().id(), equalTo("healthy"));
        List<Exchange> sent = sentBy(run);
        assertThat(sent.size(), equalTo(1));
        assertThat(sent.get(0).url(), equalTo(run.targetUrl() + "/v1/chat/completions"));
        assertThat(sent.get(0).status(), equalTo(200));
        assertThat(sent.get(0).requestBody(), containsString("\"max_tokens\":16"));
        assertThat(run.exchanges().size(), equalTo(13));
        assertThat(run.scenarios().stream().filter(s -> s.name().startsWith("Your application's request")).toList().size(), equalTo(1));
    }

    @Test
    void aBlockedTeamRefusesItInTheGatewaysWordsAndTheAccountVerdictStands() throws Exception {
        RunRecord run = ContractSuite.runWithRequest("local-team-blocked", output, REQUESTS + "served.curl");
        assertThat(scenario(run).status(), equalTo("FAILED"));
        assertThat(scenario(run).message(), startsWith("POST /v1/chat/completions answered 403 access_denied: \""));
        assertThat(run.verdict().id(), equalTo("team-access-denied"));
        // An account-level refusal refuses the probe's smallest request on the same model too: the variants stop at that one.
        assertThat(run.exchanges().stream().filter(e -> e.variant() != null && e.scenario().startsWith("Your application's request"))
                .map(Exchange::variant).toList(), equalTo(List.of("the probe's smallest request on the same route and model")));
        // The refused probe, tried once more on another catalog model after the scenarios (refused too: the account).
        assertThat(run.exchanges().stream().filter(e -> e.scenario().equals(dev.aigateway.contract.diagnosis.OtherModel.SCENARIO))
                .map(Exchange::status).toList(), equalTo(List.of(403)));
    }

    /** R1's request asks for 21,334 tokens of anthropic/claude-opus-5, at $25 per million: more than maxSpendUsd. */
    @Test
    void aRequestWhoseWorstCaseDoesNotFitTheSpendCapIsNotSentAndSaysTheFigureAndTheSetting() throws Exception {
        RunRecord run = ContractSuite.runWithRequest("local", output, REQUESTS + "r1.curl");
        assertThat(scenario(run).status(), equalTo("SKIPPED"));
        assertThat(scenario(run).message(), allOf(containsString("this request could cost up to $0.53"),
                containsString("maxSpendUsd: 0.01")));
        assertThat(sentBy(run), empty());
    }

    @Test
    void withNoRequestTheRunIsTheDefaultOne() throws Exception {
        RunRecord run = ContractSuite.run("local", output);
        assertThat(run.scenarios().stream().filter(s -> s.feature().contains("application-request")).toList(), empty());
        assertThat(run.exchanges().size(), equalTo(12));
        assertThat(run.exchanges().stream().filter(exchange -> Spending.isBillable(exchange, GatewayProfile.named("vercel"))).count(), equalTo(4L));
        assertThat(run.verdict().id(), equalTo("healthy"));
    }

    /** A key in the file is redacted from anything the run records, like the environment's own. */
    @Test
    void theRunsRedactorKnowsTheKeysOfTheRequestFile() {
        try (ContractRun run = ContractRun.open(Path.of(System.getProperty("contract.root", ".")), "local", java.util.Map.of(),
                REQUESTS + "byok-literal.curl")) {
            String redacted = run.redactor().redact("Bearer vck_FAKE7hQ2mX9pL4sV8nR1tK6wB3zY5cF0dG2jA9eU4iO and"
                    + " sk-ant-api03-FAKEXk9mP2qL7vN4rT8wB1zC6yD3fG5hJ0aS-eU2iO4");
            assertThat(redacted, allOf(org.hamcrest.Matchers.not(containsString("7hQ2mX9pL4")),
                    org.hamcrest.Matchers.not(containsString("Xk9mP2qL7v"))));
            assertThat(run.requests().get(0).source(), equalTo(REQUESTS + "byok-literal.curl"));
        }
    }
}
