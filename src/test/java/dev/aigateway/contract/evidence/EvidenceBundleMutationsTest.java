package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import dev.aigateway.contract.record.Verdict;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The private zip a user hands to support: its name, what it holds, and what verdict.json says of the run. */
class EvidenceBundleMutationsTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant T1 = Instant.parse("2026-01-02T03:04:09Z");

    @TempDir
    Path reports;

    private static RunRecord run(Verdict verdict) {
        Exchange refused = Exchange.builder().sequence(1).scenario("Inference").startedAt(T0).method("POST")
                .url("https://gateway.example/v1/chat/completions").path("/v1/chat/completions").requestBody("{}")
                .status(403).responseBody("{\"error\":{\"message\":\"no\",\"type\":\"access_denied\"}}").durationMs(12)
                .requestId("iad1::1").generationId("gen_1").errorType("access_denied").caller(Caller.TEAM_KEY).build();
        return new RunRecord("myteam", "d", "https://gateway.example", "team_abc", false, T0, T1, 1, 1, 1, 1, List.of(
                new ScenarioResult("a.feature", "Inference", "FAILED", "expected 200"),
                new ScenarioResult("b.feature", "Models", "PASSED", null),
                new ScenarioResult("c.feature", "Streaming", "SKIPPED", "the cap is reached"),
                new ScenarioResult("d.feature", "BYOK", ScenarioResult.NOT_APPLICABLE, "no byok key")),
                List.of(refused), verdict, List.of());
    }

    private static Verdict verdict() {
        return new Verdict("key-rejected", "The key is refused", "The gateway refuses the key.",
                List.of(new Verdict.RuledOut("not the network", 1, "#1")), List.of("Create a new key."), List.of("https://docs"), List.of(1));
    }

    private static List<String> entries(Path zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    @Test
    void theZipIsNamedByEnvironmentAndTimeAndHoldsTheReportOnlyWhenThereIsOne() throws Exception {
        Path zip = EvidenceBundle.write(reports, run(verdict()), reports.resolve("no-report.html"));
        assertThat(zip, equalTo(reports.resolve("ai-gateway-evidence-myteam-20260102T030409Z.zip")));
        assertThat(entries(zip), equalTo(List.of("evidence/summary.md", "evidence/verdict.json", "evidence/exchanges.har",
                "evidence/manifest.sha256")));
        Path report = Files.writeString(reports.resolve("report.html"), "<html></html>");
        assertThat(entries(EvidenceBundle.write(reports, run(verdict()), report)), equalTo(List.of("evidence/summary.md",
                "evidence/verdict.json", "evidence/exchanges.har", "report.html", "evidence/manifest.sha256")));
        assertThat(Files.readString(reports.resolve("evidence/manifest.sha256")).lines().count(), is(4L));
    }

    @Test
    void verdictJsonSaysTheVerdictTheSpendEachObservationAndWhatDidNotRun() throws Exception {
        EvidenceBundle.writeFiles(reports, run(verdict()), null);
        JsonNode json = Json.DATA.readTree(reports.resolve("evidence/verdict.json").toFile());
        assertThat(json.path("verdict").asText(), equalTo("key-rejected"));
        assertThat(json.path("title").asText(), equalTo("The key is refused"));
        assertThat(json.path("meaning").asText(), equalTo("The gateway refuses the key."));
        assertThat(json.path("teamId").asText(), equalTo("team_abc"));
        assertThat(json.path("finishedAt").asText(), equalTo("2026-01-02T03:04:09Z"));
        assertThat(json.path("requests").asInt(), is(1));
        assertThat(json.path("billableRequests").asInt(), is(0));
        assertThat(json.path("scenarios").toString(), equalTo("{\"passed\":1,\"failed\":1,\"skipped\":1,\"notApplicable\":1}"));
        assertThat(json.path("ruledOut").get(0).path("says").asText(), equalTo("not the network"));
        assertThat(json.path("nextSteps").get(0).asText(), equalTo("Create a new key."));
        assertThat(json.path("evidence").get(0).asInt(), is(1));
        JsonNode observation = json.path("observations").get(0);
        assertThat(observation.path("probe").asText(), equalTo("team-key POST /v1/chat/completions"));
        assertThat(observation.path("status").asInt(), is(403));
        assertThat(observation.path("errorType").asText(), equalTo("access_denied"));
        assertThat(observation.path("requestId").asText(), equalTo("iad1::1"));
        assertThat(observation.path("generationId").asText(), equalTo("gen_1"));
        assertThat(json.path("failedScenarios").toString(), equalTo("[\"Inference\"]"));
        assertThat(json.path("scenariosLeftOut").toString(), equalTo("[{\"scenario\":\"Streaming\",\"notApplicable\":false,"
                + "\"reason\":\"the cap is reached\"},{\"scenario\":\"BYOK\",\"notApplicable\":true,\"reason\":\"no byok key\"}]"));
        assertThat(json.path("exchanges").size(), is(1));
    }

    @Test
    void aRunWithoutVerdictSaysNoneAndHasNoMeaning() throws Exception {
        EvidenceBundle.writeFiles(reports, run(null), null);
        JsonNode json = Json.DATA.readTree(reports.resolve("evidence/verdict.json").toFile());
        assertThat(json.path("verdict").isNull(), is(true));
        assertThat(json.has("meaning"), is(false));
        assertThat(json.has("ruledOut"), is(false));
        assertThat(Files.readString(reports.resolve("evidence/summary.md")).startsWith("# AI gateway evidence: no verdict"), is(true));
    }
}
