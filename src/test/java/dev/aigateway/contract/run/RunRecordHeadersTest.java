package dev.aigateway.contract.run;

import dev.aigateway.contract.record.RunRecord;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.Json;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run record keeps every request header line in order, and still reads one written when they were a map. */
class RunRecordHeadersTest {

    @TempDir
    Path root;

    @Test
    void aNameSentTwiceIsWrittenAndReadBackTwiceInOrder() throws Exception {
        List<Exchange.Header> sent = List.of(new Exchange.Header("Authorization", "Bearer $VERCEL_OIDC_TOKEN"),
                new Exchange.Header("ai-gateway-auth-method", "oidc"), new Exchange.Header("Accept", "*/*"),
                new Exchange.Header("ai-gateway-auth-method", "api-key"));
        Exchange exchange = Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method("POST")
                .url("http://127.0.0.1:1/v1/ai/language-model").path("/v1/ai/language-model").requestHeaders(sent)
                .requestBody("{}").status(200).responseBody("{}").durationMs(3).caller(Caller.TEAM_KEY).build();
        RunRecord run = new RunRecord("wire", "d", "http://127.0.0.1:1", null, false, Instant.EPOCH, Instant.EPOCH,
                1, 0, 0, 0, List.of(), List.of(exchange), null, List.of());
        Path file = root.resolve("run.json");
        Files.writeString(file, Json.RECORDS.writeValueAsString(run));

        assertThat(Files.readString(file).replaceAll("\\s", ""), containsString("\"requestHeaders\":["
                + "{\"name\":\"Authorization\",\"value\":\"Bearer$VERCEL_OIDC_TOKEN\"},"
                + "{\"name\":\"ai-gateway-auth-method\",\"value\":\"oidc\"},{\"name\":\"Accept\",\"value\":\"*/*\"},"
                + "{\"name\":\"ai-gateway-auth-method\",\"value\":\"api-key\"}]"));
        assertThat(RunRecord.readFile(file).exchanges().get(0).requestHeaders(), equalTo(sent));
    }

    @Test
    void aRecordWrittenWhenHeadersWereAMapStillReads() throws Exception {
        Path file = root.resolve("old-run.json");
        Files.writeString(file, """
                {"env": "local", "passed": 1, "scenarios": [], "exchanges": [{"sequence": 1, "scenario": "s",
                 "startedAt": "2025-03-01T10:15:30Z", "method": "GET", "url": "http://127.0.0.1:1/v1/credits",
                 "path": "/v1/credits", "requestHeaders": {"Authorization": "Bearer $AI_GATEWAY_API_KEY", "Accept": "*/*"},
                 "status": 200, "responseHeaders": {}, "durationMs": 4, "caller": "team-key"}]}
                """);

        assertThat(RunRecord.readFile(file).exchanges().get(0).requestHeaders(), equalTo(List.of(
                new Exchange.Header("Authorization", "Bearer $AI_GATEWAY_API_KEY"), new Exchange.Header("Accept", "*/*"))));
    }

    @Test
    void aRecordWrittenWhenTheRequestIdWasCalledVercelIdStillReadsItAndIsWrittenAsRequestId() throws Exception {
        Path file = root.resolve("old-run.json");
        Files.writeString(file, """
                {"env": "local", "passed": 1, "scenarios": [], "exchanges": [{"sequence": 1, "scenario": "s",
                 "startedAt": "2025-03-01T10:15:30Z", "method": "GET", "url": "http://127.0.0.1:1/v1/credits",
                 "path": "/v1/credits", "requestHeaders": [], "status": 403, "responseHeaders": {},
                 "durationMs": 4, "vercelId": "sim1::iad1::old", "caller": "team-key"}]}
                """);

        RunRecord run = RunRecord.readFile(file);
        assertThat(run.exchanges().get(0).requestId(), equalTo("sim1::iad1::old"));
        assertThat(Json.RECORDS.writeValueAsString(run).replaceAll("\\s", ""), containsString("\"requestId\":\"sim1::iad1::old\""));
    }
}
