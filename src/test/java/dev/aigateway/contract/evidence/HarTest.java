package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarTest {

    private static final String CHAT_BODY = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"é\"}]}";
    private static final String BLOCKED_BODY = "{\"error\":{\"type\":\"forbidden\",\"message\":\"team blocked\"}}";

    @TempDir
    static Path folder;
    private static JsonNode log;

    @BeforeAll
    static void writeTheRunsExchanges() throws IOException {
        List<Exchange.Header> requestHeaders = List.of(new Exchange.Header("Authorization", "Bearer $AI_GATEWAY_API_KEY"),
                new Exchange.Header("ai-gateway-auth-method", "oidc"),
                new Exchange.Header("Content-Type", "application/json; charset=UTF-8"),
                new Exchange.Header("ai-gateway-auth-method", "api-key"));
        Exchange blocked = Exchange.builder().sequence(1).scenario("A blocked team is told so")
                .startedAt(Instant.parse("2025-03-01T10:15:30.123456789Z")).method("POST")
                .url("https://ai-gateway.vercel.sh/v1/chat/completions?trace=a%20b&flag").path("/v1/chat/completions")
                .requestHeaders(requestHeaders).requestBody(CHAT_BODY).status(403)
                .responseHeaders(Map.of("content-type", "application/json", "x-vercel-id", "fra1::iad1::abcde-1-0a"))
                .responseBody(BLOCKED_BODY).durationMs(87).requestId("fra1::iad1::abcde-1-0a").errorType("forbidden")
                .caller(Caller.TEAM_KEY).build();
        Exchange unreachable = Exchange.builder().sequence(2).scenario("Credits")
                .startedAt(Instant.parse("2025-03-01T10:15:31Z")).method("GET").url("http://localhost:1/v1/credits")
                .path("/v1/credits").requestHeaders(List.of(new Exchange.Header("Authorization", "Bearer [redacted]")))
                .durationMs(3).failure("could not connect to localhost:1 (Connection refused)").caller(Caller.TEAM_KEY)
                .build();
        Path file = folder.resolve("evidence/exchanges.har");
        Har.write(List.of(blocked, unreachable), "0.1.0", file);
        log = Json.DATA.readTree(file.toFile()).path("log");
    }

    @Test
    void isAHar12LogByThisTool() {
        assertThat(log.path("version").asText(), equalTo("1.2"));
        assertThat(log.path("creator").path("name").asText(), equalTo("ai-gateway-contract"));
        assertThat(log.path("creator").path("version").asText(), equalTo("0.1.0"));
        assertThat(log.path("entries").size(), is(2));
    }

    @Test
    void everyEntryHasTheFieldsHar12Requires() {
        for (JsonNode entry : log.path("entries")) {
            for (String field : List.of("startedDateTime", "time", "request", "response", "cache", "timings")) {
                assertThat(field, entry.has(field), is(true));
            }
            for (String field : List.of("method", "url", "httpVersion", "cookies", "headers", "queryString",
                    "headersSize", "bodySize")) {
                assertThat("request." + field, entry.path("request").has(field), is(true));
            }
            for (String field : List.of("status", "statusText", "httpVersion", "cookies", "headers", "content",
                    "redirectURL", "headersSize", "bodySize")) {
                assertThat("response." + field, entry.path("response").has(field), is(true));
            }
            assertThat(entry.path("response").path("content").has("mimeType"), is(true));
            JsonNode timings = entry.path("timings");
            assertThat(timings.path("send").asLong() + timings.path("wait").asLong() + timings.path("receive").asLong(),
                    equalTo(entry.path("time").asLong()));
        }
    }

    @Test
    void anAnsweredExchangeKeepsItsRedactedRequestAndResponse() {
        JsonNode entry = log.path("entries").get(0);
        assertThat(entry.path("startedDateTime").asText(), equalTo("2025-03-01T10:15:30.123Z"));
        assertThat(entry.path("time").asLong(), is(87L));
        assertThat(entry.path("_requestId").asText(), equalTo("fra1::iad1::abcde-1-0a"));
        JsonNode request = entry.path("request");
        assertThat(request.path("method").asText(), equalTo("POST"));
        List<String> lines = new java.util.ArrayList<>();
        request.path("headers").forEach(header -> lines.add(header.path("name").asText() + ": " + header.path("value").asText()));
        // Every line in the order sent, the name sent twice listed twice.
        assertThat(lines, equalTo(List.of("Authorization: Bearer $AI_GATEWAY_API_KEY", "ai-gateway-auth-method: oidc",
                "Content-Type: application/json; charset=UTF-8", "ai-gateway-auth-method: api-key")));
        assertThat(request.path("queryString").get(0).path("name").asText(), equalTo("trace"));
        assertThat(request.path("queryString").get(0).path("value").asText(), equalTo("a b"));
        assertThat(request.path("queryString").get(1).path("name").asText(), equalTo("flag"));
        assertThat(request.path("queryString").get(1).path("value").asText(), equalTo(""));
        assertThat(request.path("postData").path("mimeType").asText(), equalTo("application/json; charset=UTF-8"));
        assertThat(request.path("postData").path("text").asText(), equalTo(CHAT_BODY));
        assertThat(request.path("bodySize").asLong(), is((long) CHAT_BODY.length() + 1));
        JsonNode response = entry.path("response");
        assertThat(response.path("status").asInt(), is(403));
        assertThat(response.path("statusText").asText(), equalTo("Forbidden"));
        assertThat(response.path("content").path("mimeType").asText(), equalTo("application/json"));
        assertThat(response.path("content").path("text").asText(), equalTo(BLOCKED_BODY));
        assertThat(response.path("content").path("size").asLong(), is((long) BLOCKED_BODY.length()));
        assertThat(response.has("_error"), is(false));
    }

    @Test
    void anExchangeWithoutAnswerHasStatusZeroAndItsFailure() {
        JsonNode entry = log.path("entries").get(1);
        assertThat(entry.has("_requestId"), is(false));
        assertThat(entry.path("request").has("postData"), is(false));
        assertThat(entry.path("request").path("queryString").size(), is(0));
        JsonNode response = entry.path("response");
        assertThat(response.path("status").asInt(), is(0));
        assertThat(response.path("statusText").asText(), equalTo(""));
        assertThat(response.path("content").path("size").asLong(), is(0L));
        assertThat(response.path("content").path("mimeType").asText(), equalTo("application/octet-stream"));
        assertThat(response.path("_error").asText(), equalTo("could not connect to localhost:1 (Connection refused)"));
    }

    @Test
    void aVariantAndTheRequestItExplainsSayWhatTheyAreInTheEntrysComment() throws IOException {
        Exchange own = Exchange.builder().sequence(1).scenario("Your application's request 1").startedAt(Instant.EPOCH)
                .method("POST").url("http://127.0.0.1:1/v1/chat/completions").path("/v1/chat/completions").requestBody("{}")
                .status(400).responseBody("{}").durationMs(3).caller(Caller.TEAM_KEY).build()
                .withFinding("the gateway refuses `max_tokens: 21334`", "max_tokens");
        Exchange variant = Exchange.builder().sequence(2).scenario("Your application's request 1").startedAt(Instant.EPOCH)
                .method("POST").url("http://127.0.0.1:1/v1/chat/completions").path("/v1/chat/completions").requestBody("{}")
                .status(200).responseBody("{}").durationMs(3).caller(Caller.TEAM_KEY).variant("max_tokens: 10667").build();
        Path file = folder.resolve("variants.har");
        Har.write(List.of(own, variant), "0.1.0", file);
        JsonNode entries = Json.DATA.readTree(file.toFile()).path("log").path("entries");
        assertThat(entries.get(0).path("comment").asText(), equalTo("Your application's request 1: the gateway refuses `max_tokens: 21334`"));
        assertThat(entries.get(1).path("comment").asText(), equalTo("variant of Your application's request 1: max_tokens: 10667"));
        assertThat(log.path("entries").get(0).has("comment"), is(false));
    }
}
