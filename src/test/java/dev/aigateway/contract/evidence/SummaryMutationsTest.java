package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.history.HistoryEntry;
import dev.aigateway.contract.history.Standing;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import dev.aigateway.contract.record.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What summary.md tells a support engineer: the verdict and what it rules out, the earlier runs, the refusals
 * quoted once, the failed and left-out scenarios, and how to reproduce; and what it says when the run saw little.
 */
class SummaryMutationsTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant T1 = Instant.parse("2026-01-02T03:04:09.250Z");

    private static Exchange refused(int sequence, String body) {
        return Exchange.builder().sequence(sequence).scenario("Inference").startedAt(T0).method("POST")
                .url("https://gateway.example/v1/chat/completions").path("/v1/chat/completions").requestBody("{}")
                .status(403).responseBody(body).durationMs(12).requestId("iad1::" + sequence).errorType("access_denied")
                .caller(Caller.TEAM_KEY).build();
    }

    private static RunRecord run(boolean simulated, String teamId, List<ScenarioResult> scenarios, List<Exchange> exchanges,
                                 Verdict verdict) {
        return new RunRecord("myteam", "a team | its key", "https://gateway.example", teamId, simulated, T0, T1, 1, 1, 1, 1,
                scenarios, exchanges, verdict, List.of());
    }

    private static Verdict verdict(List<Verdict.RuledOut> ruledOut, List<String> references) {
        return new Verdict("key-rejected", "The key is refused", "The gateway refuses the key itself.", ruledOut,
                List.of("Create a new key.", "Run again."), references, List.of(1));
    }

    @Test
    void theVerdictWhatItRulesOutItsStepsAndItsReferencesAreEachASection() {
        String md = Summary.markdown(run(false, "team_abc", List.of(), List.of(refused(1, "{}")), verdict(
                List.of(new Verdict.RuledOut("The network is not at fault", 1, "#1 403 with x-vercel-id")),
                List.of("https://vercel.com/docs/ai-gateway"))));
        assertThat(md, startsWith("# AI gateway evidence: key-rejected (The key is refused)\n\n"));
        assertThat(md, containsString("| Verdict | `key-rejected`: The key is refused |\n"));
        assertThat(md, containsString("| Team id | `team_abc` |\n"));
        // A value with a | would end the table's cell: it is escaped.
        assertThat(md, containsString("| Environment | `myteam`: a team \\| its key |\n"));
        assertThat(md, containsString("| Gateway | https://gateway.example |\n"));
        assertThat(md, containsString("| Started | 2026-01-02 03:04:05 UTC |\n| Finished | 2026-01-02 03:04:09 UTC |\n"));
        assertThat(md, containsString("| Scenarios | 1 passed, 1 failed, 1 not run, 1 not applicable |\n"));
        assertThat(md, containsString("| Routes | chat-completions refused (403 access_denied, #1) |\n"));
        assertThat(md, containsString("\n## What this means\n\nThe gateway refuses the key itself.\n"));
        assertThat(md, containsString("\n## What this rules out\n\n- The network is not at fault (#1 403 with x-vercel-id).\n"));
        assertThat(md, containsString("\n## Next steps\n\n- Create a new key.\n- Run again.\n"));
        assertThat(md, containsString("\n## References\n\n- https://vercel.com/docs/ai-gateway\n"));
    }

    @Test
    void aVerdictThatRulesNothingOutSaysSoAndOneWithoutReferencesHasNoSuchSection() {
        String md = Summary.markdown(run(false, "team_abc", List.of(), List.of(), verdict(List.of(), List.of())));
        assertThat(md, containsString("\n## What this rules out\n\nNothing: the run saw too little to rule anything out.\n"));
        assertThat(md, not(containsString("## References")));
    }

    @Test
    void aRunThatDidNotFinishSaysItHasNoVerdictAndNoTeamIdRowWithoutOne() {
        String md = Summary.markdown(run(false, null, List.of(), List.of(), null));
        assertThat(md, startsWith("# AI gateway evidence: no verdict\n\n"));
        assertThat(md, containsString("| Verdict | none: the run did not finish |\n"));
        assertThat(md, not(containsString("| Team id |")));
        assertThat(md, not(containsString("| Routes |")));
        assertThat(md, containsString(" | x-vercel-id | ms |\n|---|---|---|---|---|---|---|---|---|\n"));
        assertThat(md, not(containsString("## What this means")));
        assertThat(md, not(containsString("## Earlier runs")));
        assertThat(md, not(containsString("| History |")));
        assertThat(md, containsString("\n## What the gateway said\n\nNo refusal.\n"));
        assertThat(md, containsString("\n## Failed scenarios\n\nNone.\n"));
        assertThat(md, containsString("\n## Scenarios not run\n\nNone.\n"));
    }

    @Test
    void theSameRefusalIsQuotedOnceAndEveryExchangeIsARowOfTheTable() {
        String body = "{\"error\":{\"message\":\"Invalid API key\\nsee docs\",\"type\":\"access_denied\"}}";
        Exchange cut = Exchange.builder().sequence(3).scenario("Inference").startedAt(T0).method("POST")
                .url("https://gateway.example/v1/chat/completions").path("/v1/chat/completions").requestBody("{\"messages\"")
                .durationMs(30000).failure("timed out after 30 s").caller(Caller.TEAM_KEY).requestBodyCut(70000L).build();
        String md = Summary.markdown(run(false, "team_abc", List.of(), List.of(refused(1, body), refused(2, body), cut), null));
        assertThat(md, containsString("\n## What the gateway said\n\n"
                + "- #1 POST /v1/chat/completions: 403 `access_denied`: \"Invalid API key see docs\"\n\n## Failed scenarios"));
        assertThat(md, containsString("| 1 | 03:04:05.000 | team's key | POST | `/v1/chat/completions` | 403 | `access_denied` | `iad1::1` | 12 |\n"));
        assertThat(md, containsString("| 3 | 03:04:05.000 | team's key | POST | `/v1/chat/completions` (request body of 70000 bytes,"
                + " recorded cut) | no answer: timed out after 30 s |  |  | 30000 |\n"));
        assertThat(md, containsString("# #3 POST /v1/chat/completions: no answer\n"));
        assertThat(md, containsString("# #1 POST /v1/chat/completions: 403\n"));
    }

    @Test
    void failedAndLeftOutScenariosAreListedWithTheFirstLineOfTheirReason() {
        String md = Summary.markdown(run(false, "team_abc", List.of(
                new ScenarioResult("inference.feature", "Inference", "FAILED", "  expected 200 | got 403\n  at line 3"),
                new ScenarioResult("models.feature", "Models", "PASSED", null),
                new ScenarioResult("stream.feature", "Streaming", "SKIPPED", "the cap is reached\nmore"),
                new ScenarioResult("byok.feature", "BYOK", ScenarioResult.NOT_APPLICABLE, "no byok key in this environment")),
                List.of(), null));
        assertThat(md, containsString("\n## Failed scenarios\n\n- **Inference** (`inference.feature`): expected 200 \\| got 403\n\n"));
        assertThat(md, containsString("\n## Scenarios not run\n\n- **Streaming**: not run, the cap is reached\n"
                + "- **BYOK**: not applicable, no byok key in this environment\n\n"));
        assertThat(md, not(containsString("Models")));
    }

    @Test
    void aSimulatedRunIsReproducedAgainstTheStandaloneSimulatorAndAGatewayRunFromTheUsersShell() {
        String simulated = Summary.markdown(run(true, "team_abc", List.of(), List.of(refused(1, "{}")), null));
        assertThat(simulated, containsString("| Gateway | https://gateway.example (embedded simulated gateway) |\n"));
        assertThat(simulated, containsString("`environments/myteam.yaml` names their defaults"));
        assertThat(simulated, containsString("    ./mvnw -q compile exec:java -Dsimulator.port=8080\n"));
        assertThat(simulated, containsString(EvidenceBundle.STANDALONE_SIMULATOR + "/v1/chat/completions"));
        assertThat(simulated, not(containsString("Export the keys first")));
        String real = Summary.markdown(run(false, "team_abc", List.of(), List.of(refused(1, "{}")), null));
        assertThat(real, containsString("Export the keys first, in your own shell (never paste a key into a ticket):\n\n"));
        assertThat(real, containsString("https://gateway.example/v1/chat/completions"));
        assertThat(real, not(containsString("exec:java")));
    }

    @Test
    void theEarlierRunsAreListedNewestFirstWithTheirDecidingRequestId() {
        HistoryEntry older = new HistoryEntry(Instant.parse("2026-01-01T00:00:00Z"), "myteam", "myteam", "team_abc", "healthy", 12, 4,
                BigDecimal.ZERO, 1000, "iad1::old");
        HistoryEntry newer = new HistoryEntry(Instant.parse("2026-01-02T00:00:00Z"), "myteam", "myteam", "team_abc", "key-rejected", 3, 0,
                BigDecimal.ZERO, 1000, null);
        Standing history = new Standing("myteam", "key-rejected", newer.at(), 1, 2, older, older, false, 1, List.of(older, newer));
        String md = Summary.markdown(run(false, "team_abc", List.of(), List.of(), null), history);
        assertThat(md, containsString("| History | " + history.line().replace("|", "\\|") + " |\n"));
        assertThat(md, containsString("\n## Earlier runs\n\nThe last 2 runs of `myteam`, newest first"));
        assertThat(md, containsString("| 2026-01-02 00:00:00 UTC | `myteam` | `key-rejected` | 3 | 0 |  |\n"
                + "| 2026-01-01 00:00:00 UTC | `myteam` | `healthy` | 12 | 4 | `iad1::old` |\n"));
    }

    @Test
    void theAccountIdTheGatewaysAnswersNameIsARowAndTheKeysToExportAreNamedOnce() {
        String url = "https://openrouter.ai/api/v1/chat/completions?key=$AI_GATEWAY_API_KEY";
        Exchange refused = Exchange.builder().sequence(1).scenario("Inference").startedAt(T0).method("POST").url(url)
                .path("/api/v1/chat/completions").requestBody("{}").status(402)
                .responseBody("{\"error\":{\"message\":\"Insufficient credits\",\"code\":402},\"user_id\":\"user_2abcdefghijk\"}")
                .durationMs(12).generationId("gen-abc123").caller(Caller.TEAM_KEY)
                .placeholders(List.of(new Exchange.Placeholder(Exchange.Placeholder.URL, url.indexOf('$'), "AI_GATEWAY_API_KEY")))
                .build();
        RunRecord run = new RunRecord("myteam", "d", "https://openrouter.ai/api/v1", "team_abc", false, T0, T1, 1, 0, 0, 0, List.of(),
                List.of(refused, refused), null, List.of(), List.of(), "openrouter");
        String md = Summary.markdown(run);
        assertThat(md, containsString("| Account id | `user_2abcdefghijk` (as the gateway's answers name it) |\n"));
        assertThat(md, containsString("\n    export AI_GATEWAY_API_KEY=...\n\n```sh\n"));
        assertThat(md.split("export AI_GATEWAY_API_KEY", -1).length, org.hamcrest.Matchers.is(2));
        // Where the gateway sends the generation id as a header of its own, its support asks for it: a column.
        assertThat(md, containsString(" | X-Generation-Id | ms |\n|---|---|---|---|---|---|---|---|---|---|\n"));
        assertThat(md, containsString(" | 402 |  |  | `gen-abc123` | 12 |\n"));
    }
}
