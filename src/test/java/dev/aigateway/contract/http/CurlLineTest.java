package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs each line in bash with curl replaced by a function that prints the arguments it receives. */
class CurlLineTest {

    private static final String KEY = "k123";
    private static final String FAKE_CURL = "curl(){ printf '%s\\0' \"$@\"; }; export AI_GATEWAY_API_KEY=" + KEY;
    private static final String CHAT_URL = "https://ai-gateway.vercel.sh/v1/chat/completions";

    @BeforeAll
    static void bashIsInstalled() {
        assumeTrue(Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "bash"))), "bash is not installed");
    }

    @Test
    void theKeyExpandsTheBodyArrivesByteForByteAndTheClientsOwnHeadersAreRepeated() throws Exception {
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"It's $5 \\\\ `date` $(id) \\\"quoted\\\"\nnext line!\"}]}";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer $AI_GATEWAY_API_KEY");
        headers.put("Content-Type", "application/json; charset=UTF-8");
        headers.put("Content-Length", "120");
        headers.put("Host", "ai-gateway.vercel.sh");
        headers.put("Connection", "Keep-Alive");
        headers.put("Accept-Encoding", "gzip,deflate");
        headers.put("User-Agent", "Apache-HttpClient/4.5.14 (Java/17)");
        String line = CurlLine.of(request("POST", CHAT_URL, headers, body));

        assertThat(line, containsString("-H \"Authorization: Bearer $AI_GATEWAY_API_KEY\""));
        assertThat(arguments(line), equalTo(List.of("-sS", "-i", "-X", "POST", CHAT_URL,
                "-H", "Authorization: Bearer " + KEY,
                "-H", "Content-Type: application/json; charset=UTF-8",
                "-H", "Accept-Encoding: gzip,deflate",
                "-H", "User-Agent: Apache-HttpClient/4.5.14 (Java/17)",
                "--compressed", "--data-binary", body)));
    }

    @Test
    void onlyThePlaceholderExpandsInAHeaderThatHasOne() throws Exception {
        String value = "say \"hi\" \\ `id` $(id) $5 $lower ${x} cost! $AI_GATEWAY_API_KEYsuffix";
        String line = CurlLine.of(request("GET", CHAT_URL, Map.of("x-note", value), null));

        assertThat(arguments(line), equalTo(List.of("-sS", "-i", "-X", "GET", CHAT_URL,
                "-H", "x-note: say \"hi\" \\ `id` $(id) $5 $lower ${x} cost! " + KEY + "suffix")));
    }

    @Test
    void aKeyInTheQueryStringExpandsToo() throws Exception {
        String line = CurlLine.of(request("GET", "https://gw.example/v1/models?key=$AI_GATEWAY_API_KEY&a=1", Map.of(), null));

        assertThat(arguments(line), equalTo(List.of("-sS", "-i", "-X", "GET", "https://gw.example/v1/models?key=k123&a=1")));
    }

    @Test
    void aCredentialWeCouldNotNameIsSentAsRecorded() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer [redacted]");
        headers.put("x-api-key", "[redacted PROVIDER-KEY] $AI_GATEWAY_API_KEY");
        String line = CurlLine.of(request("GET", CHAT_URL, headers, null));

        assertThat(arguments(line), equalTo(List.of("-sS", "-i", "-X", "GET", CHAT_URL,
                "-H", "Authorization: Bearer [redacted]",
                "-H", "x-api-key: [redacted PROVIDER-KEY] $AI_GATEWAY_API_KEY")));
    }

    @Test
    void aBodyStartingWithAtIsNotReadAsAFileName() throws Exception {
        String line = CurlLine.of(request("POST", CHAT_URL, Map.of(), "@/etc/passwd"));

        assertThat(arguments(line), equalTo(List.of("-sS", "-i", "-X", "POST", CHAT_URL, "--data-raw", "@/etc/passwd")));
    }

    @Test
    void survivesHistoryExpansionWhenPastedIntoAnInteractiveShell() throws Exception {
        String body = "{\"content\":\"hi!echo\"}";
        String line = CurlLine.of(request("POST", CHAT_URL,
                Map.of("Authorization", "Bearer $AI_GATEWAY_API_KEY!echo"), body));
        // bash expands history only in lines it reads after history is on, so the line comes on stdin.
        String script = "set -o history -o histexpand\necho earlier >/dev/null\n" + FAKE_CURL + "\n" + line + "\n";

        assertThat(run(List.of("bash", "-s"), script), equalTo(List.of("-sS", "-i", "-X", "POST", CHAT_URL,
                "-H", "Authorization: Bearer " + KEY + "!echo", "--data-binary", body)));
    }

    @Test
    void aNameSentTwiceIsRepeatedTwiceInTheOrderSent() throws Exception {
        List<Exchange.Header> headers = List.of(new Exchange.Header("Authorization", "Bearer $AI_GATEWAY_API_KEY"),
                new Exchange.Header("ai-gateway-auth-method", "oidc"), new Exchange.Header("x-a", "1"),
                new Exchange.Header("ai-gateway-auth-method", "api-key"));
        String line = CurlLine.of(keyWritten(Exchange.builder().sequence(1).scenario("scenario").startedAt(Instant.EPOCH)
                .method("GET").url(CHAT_URL).path(CHAT_URL).requestHeaders(headers).status(200).responseBody("")
                .durationMs(5).caller(Caller.TEAM_KEY).build()));

        assertThat(arguments(line), equalTo(List.of("-sS", "-i", "-X", "GET", CHAT_URL,
                "-H", "Authorization: Bearer " + KEY, "-H", "ai-gateway-auth-method: oidc", "-H", "x-a: 1",
                "-H", "ai-gateway-auth-method: api-key")));
    }

    private static Exchange request(String method, String url, Map<String, String> headers, String body) {
        List<Exchange.Header> lines = headers.entrySet().stream()
                .map(header -> new Exchange.Header(header.getKey(), header.getValue())).toList();
        return keyWritten(Exchange.builder().sequence(1).scenario("scenario").startedAt(Instant.EPOCH).method(method)
                .url(url).path(url).requestHeaders(lines).requestBody(body).status(200).responseBody("").durationMs(5)
                .caller(Caller.TEAM_KEY).build());
    }

    /** {@code exchange} as if the redactor had written every {@code $AI_GATEWAY_API_KEY} in its URL, headers and body. */
    private static Exchange keyWritten(Exchange exchange) {
        List<Exchange.Placeholder> written = new ArrayList<>();
        noteKey(exchange.url(), Exchange.Placeholder.URL, written);
        for (int i = 0; i < exchange.requestHeaders().size(); i++) {
            noteKey(exchange.requestHeaders().get(i).value(), Exchange.Placeholder.header(i), written);
        }
        noteKey(exchange.requestBody(), Exchange.Placeholder.BODY, written);
        return exchange.toBuilder().placeholders(List.copyOf(written)).build();
    }

    private static void noteKey(String text, String in, List<Exchange.Placeholder> written) {
        for (int at = text == null ? -1 : text.indexOf("$AI_GATEWAY_API_KEY"); at >= 0; at = text.indexOf("$AI_GATEWAY_API_KEY", at + 1)) {
            written.add(new Exchange.Placeholder(in, at, "AI_GATEWAY_API_KEY"));
        }
    }

    private static List<String> arguments(String line) throws IOException, InterruptedException {
        return run(List.of("bash", "-c", FAKE_CURL + "; " + line), "");
    }

    private static List<String> run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder(command).start();
        try (OutputStream input = bash.getOutputStream()) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat("bash failed: " + err, bash.waitFor(), equalTo(0));
        assertThat(err, equalTo(""));
        return Arrays.asList(out.split("\0"));
    }
}
