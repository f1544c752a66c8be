package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.Json;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run record names the gateway it checked; the evidence reads its exchanges with that gateway's profile. */
class SummaryGatewayTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path root;

    /** One served chat completion, at {@code path}. */
    private static RunRecord run(String path, String gateway) {
        Exchange served = Exchange.builder().sequence(1).scenario("s").startedAt(T0).method("POST")
                .url("https://gateway.example" + path).path(path).requestBody("{}").status(200)
                .responseBody("{\"usage\":{\"total_tokens\":7,\"cost\":0.0001}}").durationMs(3).requestId("req-1")
                .caller(Caller.TEAM_KEY).build();
        return new RunRecord("myteam", "d", "https://gateway.example", "team_abc", false, T0, T0, 1, 0, 0, 0, List.of(),
                List.of(served), null, List.of(), List.of(), gateway);
    }

    @Test
    void anOpenRouterRunIsReadWithOpenRoutersRoutesAndRequestIdHeader() {
        String md = Summary.markdown(run("/api/v1/chat/completions", "openrouter"));
        String header = GatewayProfile.named("openrouter").requestId().header();
        assertThat(md, containsString("| " + header + " | "));
        assertThat(md, containsString("1 sent, 1 billable, 7 tokens"));
        // Read as Vercel's, OpenRouter's path is one Vercel's profile does not know: held billable, of unknown cost.
        assertThat("read as Vercel's, OpenRouter's path is no route it knows", Summary.markdown(run("/api/v1/chat/completions", "vercel")),
                containsString("1 sent, 1 billable, 0 tokens, $0 spent, plus 1 billable request of unknown cost"));
        assertThat(header, not(equalTo(GatewayProfile.named("vercel").requestId().header())));
    }

    @Test
    void theGatewayIsWrittenAndReadBack() throws Exception {
        Path file = Files.writeString(root.resolve("run.json"), Json.RECORDS.writeValueAsString(run("/api/v1/chat/completions", "openrouter")));
        assertThat(Files.readString(file).replaceAll("\\s", ""), containsString("\"gateway\":\"openrouter\""));
        assertThat(GatewayProfile.of(RunRecord.readFile(file)).name(), equalTo("openrouter"));
    }

    @Test
    void aRecordWrittenBeforeItNamedItsGatewayReadsAsVercels() throws Exception {
        Path file = Files.writeString(root.resolve("old-run.json"), """
                {"env": "local", "passed": 1, "scenarios": [], "exchanges": []}
                """);
        RunRecord old = RunRecord.readFile(file);
        assertThat(old.gateway(), equalTo("vercel"));
        assertThat(GatewayProfile.of(old).name(), equalTo("vercel"));
    }
}
