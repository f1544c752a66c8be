package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.evidence.EvidenceBundle;
import dev.aigateway.contract.evidence.Har;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The evidence holds the request body that went on the wire, whatever its size or text: each body is sent
 * through {@link GatewayClient} to a raw server on 127.0.0.1, and what the server received is compared with
 * the HAR entry and with what the curl line of summary.md sends when bash runs it against the same server.
 */
class RequestBodyAsSentTest {

    private static final String KEY = "vck_FAKEbody0123456789abcdefghijklmnopqrstu";
    private static final String MODEL = "openai/gpt-4o-mini";
    private static final Pattern EXPORT = Pattern.compile("^ {4}export ([A-Z_][A-Z0-9_]*)=\\.\\.\\.$", Pattern.MULTILINE);

    @TempDir
    Path root;

    @Test
    void aHundredKibibyteBodyIsInTheHarAsTheJsonThatWasSent() throws Exception {
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; prompt.length() < 100 * 1024; i++) {
            prompt.append("Clause ").append(i).append(": the tenant pays \"rent\" on time; été, naïve, 北京.\n");
        }
        String json = Json.DATA.writeValueAsString(Map.of("model", MODEL, "max_tokens", 16,
                "messages", List.of(Map.of("role", "user", "content", prompt.toString()))));
        try (RawServer server = new RawServer()) {
            Exchange exchange = send(server, json);
            byte[] received = posted(server).get(0);
            assertThat("the body went out whole", received.length > 100 * 1024, equalTo(true));

            JsonNode request = har(exchange).path("request");
            String recorded = request.path("postData").path("text").asText();
            assertThat("the HAR holds the JSON that was sent", Json.DATA.readTree(recorded),
                    equalTo(Json.DATA.readTree(received)));
            assertThat("byte for byte", recorded.getBytes(StandardCharsets.UTF_8), equalTo(received));
            assertThat(request.path("bodySize").asLong(), equalTo((long) received.length));
            assertThat(exchange.requestBodyCut(), nullValue());
        }
    }

    /**
     * A prompt full of what a shell reads (variables, command substitution, backticks, quotes, history's !)
     * arrives byte for byte when its curl line is run; the key, wherever the redactor wrote its placeholder
     * (the header, and the body when it carries the key), expands from the one variable summary.md says to export.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aPromptThatLooksLikeShellReplaysByteForByte(boolean keyInTheBody) throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v curl && command -v bash").start().waitFor() == 0,
                "curl or bash is not installed");
        String prompt = "echo $HOME ${HOME} $DONE $PATH_X $(id) `id` 'single' \"double\" back\\slash it's $5 wow!x !! "
                + "$AI_GATEWAY_API_KEYS_ARE_NOT_HERE\nnext line\ttab été"
                + (keyInTheBody ? " and my key " + KEY + "." : "");
        String json = Json.DATA.writeValueAsString(Map.of("model", MODEL, "max_tokens", 16,
                "messages", List.of(Map.of("role", "user", "content", prompt))));
        try (RawServer server = new RawServer()) {
            Exchange exchange = send(server, json);
            String line = CurlLine.of(exchange);
            assertThat(line, not(containsString(KEY)));

            ProcessBuilder bash = new ProcessBuilder("bash", "-c", line + " >/dev/null").redirectErrorStream(true);
            bash.environment().put("AI_GATEWAY_API_KEY", KEY);
            bash.environment().put("HOME", "/home/someone-else");
            bash.environment().put("DONE", "done-was-expanded");
            Process process = bash.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat("bash ran the curl line: " + output, process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0,
                    equalTo(true));

            List<byte[]> bodies = posted(server);
            assertThat("the curl line sent one request", bodies.size(), equalTo(2));
            assertThat("the replayed body, byte for byte", new String(bodies.get(1), StandardCharsets.UTF_8),
                    equalTo(new String(bodies.get(0), StandardCharsets.UTF_8)));
            assertThat(Arrays.equals(bodies.get(1), bodies.get(0)), equalTo(true));
            List<RawServer.Head> heads = server.heads();
            assertThat(heads.get(heads.size() - 1).lines(), hasItem("Authorization: Bearer " + KEY));

            assertThat("summary.md exports only the placeholder the redactor wrote", exports(summary(exchange)),
                    equalTo(List.of("AI_GATEWAY_API_KEY")));
        }
    }

    @Test
    void aBodyPastTheCapIsMarkedCutAndHasNoCurlLine() throws Exception {
        long cap = Environment.Limits.DEFAULT_ANSWER_BYTES;
        String json = "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + "x".repeat((int) cap) + "\"}]}";
        try (RawServer server = new RawServer()) {
            Exchange exchange = send(server, json);
            byte[] received = posted(server).get(0);
            assertThat(received.length, equalTo(json.length()));

            assertThat("the size of what was sent", exchange.requestBodyCut(), equalTo((long) received.length));
            assertThat("what is kept is the start of what was sent, up to the cap", exchange.requestBody(),
                    equalTo(json.substring(0, (int) cap)));
            String line = CurlLine.of(exchange);
            assertThat(line, startsWith("# not repeated here: the request body was " + received.length + " bytes"));
            assertThat(line, not(containsString("curl -")));
            assertThat(CurlLine.variables(exchange), equalTo(Set.of()));

            JsonNode entry = har(exchange);
            assertThat(entry.path("comment").asText(), containsString("the request body was " + received.length
                    + " bytes, over the recording cap: only its first " + cap + " are recorded"));
            assertThat(entry.path("request").path("postData").path("comment").asText(), equalTo(exchange.requestBodyCutNote()));
            assertThat(entry.path("request").path("bodySize").asLong(), equalTo((long) received.length));

            String summary = summary(exchange);
            assertThat(summary, containsString("(request body of " + received.length + " bytes, recorded cut)"));
            String reproduce = summary.substring(summary.indexOf("```sh\n"), summary.lastIndexOf("```"));
            assertThat(reproduce, not(containsString("curl -")));
            assertThat(reproduce, containsString("# not repeated here: the request body was " + received.length + " bytes"));
            assertThat("nothing to export for a line not offered", exports(summary), equalTo(List.of()));
        }
    }

    @Test
    void aBodyAtTheCapIsRecordedWholeAndACutNeverSplitsACharacter() {
        assertThat(RecordedBody.firstBytes("abc", 3), equalTo("abc"));
        assertThat(RecordedBody.firstBytes("abcd", 3), equalTo("abc"));
        // é is 2 bytes, 北 3, 😀 4 (a surrogate pair): the cut keeps whole characters only.
        assertThat(RecordedBody.firstBytes("aé", 2), equalTo("a"));
        assertThat(RecordedBody.firstBytes("aé", 3), equalTo("aé"));
        assertThat(RecordedBody.firstBytes("a北", 3), equalTo("a"));
        assertThat(RecordedBody.firstBytes("a😀b", 4), equalTo("a"));
        assertThat(RecordedBody.firstBytes("a😀b", 5), equalTo("a😀"));
    }

    /** Sends {@code json} as a chat completion's body through the run's client: its recorded exchange. */
    private Exchange send(RawServer server, String json) throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/body.yaml"), "description: A raw server on 127.0.0.1\n"
                + "baseUrl: " + server.url() + "\nteamId: team_body\napiKey: ${AI_GATEWAY_API_KEY}\nprobe:\n  model: " + MODEL + "\n");
        Environment environment = new EnvironmentLoader(root, Map.of("AI_GATEWAY_API_KEY", KEY)).load("body");
        ExchangeLog log = new ExchangeLog();
        GatewayClient client = new GatewayClient(environment, new Redactor(environment.secrets(), Set.of()),
                log.forScenario(), "body", new RunLimits(60), SpendGuard.NONE, new SharedAnswer());
        client.request(Credential.teamKey(KEY)).contentType(ContentType.JSON).body(json).post(client.path("chat-completions"));
        return log.all().get(log.all().size() - 1);
    }

    /** The bodies of the POST requests {@code server} received (the client asks for the catalog first), in order. */
    private static List<byte[]> posted(RawServer server) {
        List<RawServer.Head> heads = server.heads();
        List<byte[]> bodies = server.bodies();
        List<byte[]> posted = new java.util.ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            if (heads.get(i).requestLine().startsWith("POST ")) {
                posted.add(bodies.get(i));
            }
        }
        return posted;
    }

    private JsonNode har(Exchange exchange) throws Exception {
        Path file = root.resolve("exchanges.har");
        Har.write(List.of(exchange), "test", file);
        return Json.DATA.readTree(file.toFile()).path("log").path("entries").get(0);
    }

    /** summary.md of a run of this one exchange. */
    private String summary(Exchange exchange) throws Exception {
        RunRecord run = new RunRecord("body", "A raw server", exchange.url().replaceFirst("(//[^/]+).*", "$1"), "team_body",
                false, Instant.EPOCH, Instant.EPOCH, 1, 0, 0, 0, List.of(), List.of(exchange), null, List.of());
        Path reports = root.resolve("reports");
        EvidenceBundle.writeFiles(reports, run, null);
        return Files.readString(reports.resolve("evidence/summary.md"));
    }

    private static List<String> exports(String summary) {
        Matcher export = EXPORT.matcher(summary);
        List<String> variables = new java.util.ArrayList<>();
        while (export.find()) {
            variables.add(export.group(1));
        }
        return variables;
    }
}
