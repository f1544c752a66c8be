package dev.aigateway.contract.history;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictHistoryTest {

    @TempDir
    Path reports;

    private static RunRecord run(String env, String verdict, Instant finishedAt) {
        Exchange credits = Exchange.builder().sequence(1).scenario("A team reads its balance")
                .startedAt(finishedAt.minusSeconds(2)).method("GET").url("http://127.0.0.1:1/v1/credits").path("/v1/credits")
                .status(403).responseBody("{\"error\":{\"message\":\"Forbidden.\",\"type\":\"access_denied\"}}")
                .durationMs(12).requestId("sim1::iad1::abc").errorType("access_denied").caller(Caller.TEAM_KEY).build();
        return new RunRecord(env, "d", "http://127.0.0.1:1", "team_sim_blocked0000000000", true,
                finishedAt.minusSeconds(3), finishedAt, 1, 1, 0, 0, List.of(), List.of(credits),
                new Verdict(verdict, "t", "m", List.of(), List.of(), List.of(), List.of(1)), List.of());
    }

    @Test
    void eachRunAppendsOneLineAndLeavesTheEarlierOnesAsTheyWere() throws Exception {
        Instant t0 = Instant.parse("2026-11-21T09:00:00Z");
        VerdictHistory.record(reports, run("myteam", "healthy", t0), "myteam");
        String first = Files.readString(reports.resolve(VerdictHistory.FILE));
        Standing standing = VerdictHistory.record(reports, run("myteam", "team-access-denied", t0.plusSeconds(60)), "myteam");
        String both = Files.readString(reports.resolve(VerdictHistory.FILE));
        assertThat(both, startsWith(first));
        assertThat(both.lines().count(), equalTo(2L));
        assertThat(standing.changed(), equalTo(true));
        JsonNode line = Json.RECORDS.readTree(both.lines().toList().get(1));
        assertThat(line.path("at").asText(), equalTo("2026-11-21T09:01:00Z"));
        assertThat(line.path("env").asText(), equalTo("myteam"));
        assertThat(line.path("teamId").asText(), equalTo("team_sim_blocked0000000000"));
        assertThat(line.path("verdict").asText(), equalTo("team-access-denied"));
        assertThat(line.path("requests").asInt(), equalTo(1));
        assertThat(line.path("billableRequests").asInt(), equalTo(0));
        assertThat(line.path("durationMs").asLong(), equalTo(3000L));
        assertThat(line.path("requestId").asText(), equalTo("sim1::iad1::abc"));
    }

    @Test
    void otherSeriesAndDamagedLinesArePassedOver() throws Exception {
        Instant t0 = Instant.parse("2026-11-21T09:00:00Z");
        VerdictHistory.record(reports, run("other", "healthy", t0), "other");
        Files.writeString(reports.resolve(VerdictHistory.FILE), "{\"at\": \"cut sh\n", java.nio.file.StandardOpenOption.APPEND);
        Standing standing = VerdictHistory.record(reports, run("myteam", "rate-limited", t0.plusSeconds(60)), "myteam");
        assertThat(standing.recorded(), equalTo(1));
        assertThat(VerdictHistory.read(reports, "other").size(), equalTo(1));
    }

    @Test
    void aRunDecidedByAnExchangeWithoutAVercelIdIsRecordedWithoutOne() throws Exception {
        // An unreachable gateway: the deciding exchange never got an answer, so it has no x-vercel-id.
        Instant at = Instant.parse("2026-11-21T09:00:00Z");
        Exchange refused = Exchange.builder().sequence(1).scenario("A request without a key is refused")
                .startedAt(at.minusSeconds(2)).method("GET").url("http://127.0.0.1:1/v1/credits").path("/v1/credits")
                .durationMs(5).failure("could not connect to 127.0.0.1:1 (Connection refused)").caller(Caller.NO_KEY).build();
        RunRecord unreachable = new RunRecord("myteam", "d", "http://127.0.0.1:1", null, false, at.minusSeconds(3), at,
                0, 1, 0, 0, List.of(), List.of(refused),
                new Verdict("unreachable", "t", "m", List.of(), List.of(), List.of(), List.of(1)), List.of());
        VerdictHistory.record(reports, unreachable, "myteam");
        JsonNode line = Json.RECORDS.readTree(Files.readString(reports.resolve(VerdictHistory.FILE)));
        assertThat(line.path("verdict").asText(), equalTo("unreachable"));
        assertThat(line.path("requestId").isNull() || line.path("requestId").isMissingNode(), equalTo(true));
    }

    @Test
    void aLineWrittenWhenTheRequestIdWasCalledVercelIdStillReads() throws Exception {
        Files.createDirectories(reports.resolve(VerdictHistory.FOLDER));
        Files.writeString(reports.resolve(VerdictHistory.FILE), "{\"at\":\"2026-11-21T09:00:00Z\",\"series\":\"old\","
                + "\"env\":\"old\",\"verdict\":\"team-access-denied\",\"requests\":1,\"billableRequests\":0,"
                + "\"durationMs\":5,\"vercelId\":\"sim1::iad1::old\"}\n");
        List<HistoryEntry> entries = VerdictHistory.read(reports, "old");
        assertThat(entries.size(), equalTo(1));
        assertThat(entries.get(0).requestId(), equalTo("sim1::iad1::old"));
    }
}
