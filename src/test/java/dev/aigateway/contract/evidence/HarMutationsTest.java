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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a HAR viewer shows of the exchanges that HarTest's two do not: a body recorded cut, odd URLs, every status's text. */
class HarMutationsTest {

    @TempDir
    Path folder;

    private JsonNode entries(Exchange... exchanges) throws IOException {
        Path file = folder.resolve("exchanges.har");
        Har.write(List.of(exchanges), "0.1.0", file);
        return Json.DATA.readTree(file.toFile()).path("log").path("entries");
    }

    @Test
    void aRequestWithoutHeaderLinesHasAnEmptyListOfThem() throws IOException {
        JsonNode entry = entries(answered("https://gateway.example/v1/credits", 200, null, null)).get(0);
        assertThat(entry.path("request").path("headers").toString(), equalTo("[]"));
        assertThat(entry.path("response").path("headers").toString(), equalTo("[]"));
        Exchange noBody = Exchange.builder().sequence(1).scenario("Inference").startedAt(Instant.EPOCH).method("HEAD")
                .url("https://gateway.example/v1/credits").path("/v1/credits").status(204).durationMs(5)
                .caller(Caller.TEAM_KEY).build();
        assertThat("no body, no text", entries(noBody).get(0).path("response").path("content").has("text"), is(false));
    }

    private static Exchange answered(String url, int status, List<Exchange.Header> headers, Map<String, String> responseHeaders) {
        return Exchange.builder().sequence(1).scenario("Inference").startedAt(Instant.EPOCH).method("POST").url(url)
                .path("/v1/chat/completions").requestHeaders(headers).requestBody("{}").status(status)
                .responseHeaders(responseHeaders).responseBody("{}").durationMs(5).caller(Caller.TEAM_KEY).build();
    }

    @Test
    void aBodyRecordedCutSaysSoAndCountsTheBytesThatWereSent() throws IOException {
        Exchange cut = Exchange.builder().sequence(1).scenario("Inference").startedAt(Instant.EPOCH).method("POST")
                .url("https://gateway.example/v1/chat/completions").path("/v1/chat/completions")
                .requestBody("{\"messages\":[").status(200).responseBody("{}").durationMs(5).caller(Caller.TEAM_KEY)
                .requestBodyCut(70000L).build();
        JsonNode entry = entries(cut).get(0);
        String note = "the request body was 70000 bytes, over the recording cap: only its first 13 are recorded, so no curl line repeats it";
        assertThat(entry.path("request").path("bodySize").asLong(), is(70000L));
        assertThat(entry.path("request").path("postData").path("comment").asText(), equalTo(note));
        assertThat(entry.path("comment").asText(), equalTo(note));
        Exchange variant = cut.toBuilder().variant("stream: true").build();
        assertThat(entries(variant).get(0).path("comment").asText(), equalTo("variant of Inference: stream: true; " + note));
        Exchange whole = answered("https://gateway.example/v1/chat/completions", 200, List.of(), Map.of());
        assertThat(entries(whole).get(0).path("request").path("postData").has("comment"), is(false));
    }

    @Test
    void theQueryStringStopsAtTheFragmentAndKeepsAMalformedEscapeAsWritten() throws IOException {
        JsonNode query = entries(answered("https://gateway.example/v1/models?a=1&&b=%zz&=v#section", 200, List.of(), Map.of()))
                .get(0).path("request").path("queryString");
        List<String> pairs = new ArrayList<>();
        query.forEach(parameter -> pairs.add(parameter.path("name").asText() + "=" + parameter.path("value").asText()));
        assertThat(pairs, equalTo(List.of("a=1", "b=%zz", "=v")));
    }

    @Test
    void theContentTypeIsFoundWhateverItsCaseAndTheResponseHeadersAreListed() throws IOException {
        JsonNode entry = entries(answered("https://gateway.example/v1/chat/completions", 200,
                List.of(new Exchange.Header("CONTENT-TYPE", "application/json")), Map.of("Content-Type", "text/event-stream"))).get(0);
        assertThat(entry.path("request").path("postData").path("mimeType").asText(), equalTo("application/json"));
        assertThat(entry.path("response").path("content").path("mimeType").asText(), equalTo("text/event-stream"));
        assertThat(entry.path("response").path("headers").get(0).path("name").asText(), equalTo("Content-Type"));
        assertThat(entry.path("response").path("headers").get(0).path("value").asText(), equalTo("text/event-stream"));
        assertThat(entry.path("request").path("headers").toString(), equalTo("[{\"name\":\"CONTENT-TYPE\",\"value\":\"application/json\"}]"));
        assertThat(entry.path("request").path("bodySize").asLong(), is(2L));
        assertThat(entry.path("response").path("content").path("size").asLong(), is(2L));
        assertThat(entry.path("response").path("bodySize").asLong(), is(2L));
        assertThat(entry.path("response").has("_error"), is(false));
        assertThat(entry.path("response").path("content").path("text").asText(), equalTo("{}"));
        assertThat("no query", entry.path("request").path("queryString").toString(), equalTo("[]"));
    }

    @Test
    void everyStatusTheGatewaysAnswerWithHasTheTextDevToolsShowBesideIt() throws IOException {
        Map<Integer, String> texts = new java.util.LinkedHashMap<>();
        texts.put(200, "OK");
        texts.put(201, "Created");
        texts.put(204, "No Content");
        texts.put(400, "Bad Request");
        texts.put(401, "Unauthorized");
        texts.put(402, "Payment Required");
        texts.put(403, "Forbidden");
        texts.put(404, "Not Found");
        texts.put(405, "Method Not Allowed");
        texts.put(408, "Request Timeout");
        texts.put(409, "Conflict");
        texts.put(413, "Payload Too Large");
        texts.put(422, "Unprocessable Entity");
        texts.put(429, "Too Many Requests");
        texts.put(500, "Internal Server Error");
        texts.put(502, "Bad Gateway");
        texts.put(503, "Service Unavailable");
        texts.put(504, "Gateway Timeout");
        texts.put(418, "");
        List<Exchange> exchanges = new ArrayList<>();
        texts.keySet().forEach(status -> exchanges.add(answered("https://gateway.example/v1/x", status, List.of(), Map.of())));
        JsonNode entries = entries(exchanges.toArray(Exchange[]::new));
        Map<Integer, String> written = new java.util.LinkedHashMap<>();
        entries.forEach(entry -> written.put(entry.path("response").path("status").asInt(), entry.path("response").path("statusText").asText()));
        assertThat(written, equalTo(texts));
    }
}
