package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.evidence.Har;
import dev.aigateway.contract.record.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The evidence is what went on the wire: for every auth kind, every route (and /v1/credits, /v1/models)
 * is sent through {@link GatewayClient} to a raw server on 127.0.0.1 that keeps the bytes of each
 * request head, and each head's header lines, in order, name and value, are compared with the recorded
 * exchange, the HAR entry and the curl line's {@code -H} options. No header name goes out twice.
 */
class SentAsRecordedTest {

    private static final String API_KEY = "vck_wire_0123456789abcdefghijklmnopqrstuv";
    private static final String ACCESS_TOKEN = "vca_wire_0123456789abcdefghijklmnopqrstuv";
    private static final String OIDC_TOKEN = jwt("{\"owner\":\"wire\",\"exp\":4102444800}");
    private static final String MODEL = "openai/gpt-4o-mini";
    /** What the curl line leaves to curl, which writes them the same from the URL and the body it is given. */
    private static final Set<String> CURL_SENDS_ITSELF = Set.of("host", "content-length", "connection");

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"api-key", "oidc", "access-token"})
    void everyRouteSendsTheRequestItsEvidenceShows(String kind) throws Exception {
        String variable = switch (kind) {
            case "oidc" -> "VERCEL_OIDC_TOKEN";
            case "access-token" -> "VERCEL_ACCESS_TOKEN";
            default -> "AI_GATEWAY_API_KEY";
        };
        String secret = switch (kind) {
            case "oidc" -> OIDC_TOKEN;
            case "access-token" -> ACCESS_TOKEN;
            default -> API_KEY;
        };
        try (RawServer server = new RawServer()) {
            Environment environment = environment(server.url(), kind, variable, secret);
            ExchangeLog log = new ExchangeLog();
            Redactor redactor = new Redactor(environment.secrets(), environment.profile());
            SharedAnswer catalog = new SharedAnswer();
            Credential team = Credential.teamKey(environment.apiKey());

            List<Consumer<GatewayClient>> routes = new ArrayList<>(List.of(
                    GatewayClient::modelCatalog,
                    client -> client.creditBalance(team),
                    client -> client.chatCompletion(team, ChatCompletionRequest.smallest(MODEL, 1)),
                    client -> client.message(team, AnthropicMessageRequest.smallest(MODEL)),
                    client -> client.response(team, ResponsesRequest.smallest(MODEL, 16)),
                    client -> client.embeddings(team, EmbeddingsRequest.smallest("openai/text-embedding-3-small"))));
            List<Route> aiSdk = List.of(Route.AI_SDK_V1, Route.AI_SDK_V3, Route.AI_SDK_V4);
            for (Route route : aiSdk) {
                String base = route.path(environment.profile()).substring(0, route.path(environment.profile()).lastIndexOf('/'));
                String version = route == Route.AI_SDK_V1 ? "v1" : route == Route.AI_SDK_V3 ? "v3" : "v4";
                routes.add(client -> client.languageModel(team, base, version, MODEL, route != Route.AI_SDK_V1,
                        LanguageModelCall.smallest(1)));
            }
            for (Consumer<GatewayClient> send : routes) {
                send.accept(new GatewayClient(environment, redactor, log.forScenario(), "wire " + kind, new RunLimits(60),
                        SpendGuard.NONE, catalog));
            }

            List<RawServer.Head> heads = server.heads();
            List<Exchange> exchanges = log.all();
            List<String> paths = exchanges.stream().map(Exchange::path).toList();
            assertThat(paths, equalTo(List.of("/v1/models", "/v1/credits", "/v1/chat/completions", "/v1/messages",
                    "/v1/responses", "/v1/embeddings", "/v1/ai/language-model", "/v3/ai/language-model",
                    "/v4/ai/language-model")));
            assertThat("one request reached the server per recorded exchange", heads.size(), equalTo(exchanges.size()));
            Path harFile = root.resolve("exchanges.har");
            Har.write(exchanges, "test", harFile);
            JsonNode entries = Json.DATA.readTree(harFile.toFile()).path("log").path("entries");

            for (int i = 0; i < heads.size(); i++) {
                RawServer.Head head = heads.get(i);
                Exchange exchange = exchanges.get(i);
                String which = kind + " " + exchange.method() + " " + exchange.path();
                assertThat(which, head.requestLine(), equalTo(exchange.method() + " " + exchange.path() + " HTTP/1.1"));
                // The server's bytes with the secret as the evidence writes it: the exchange must match them line for line.
                List<String> sent = head.lines().stream().map(line -> line.replace(secret, "$" + variable)).toList();
                assertThat(which + ": the secret never reaches the evidence", String.join("\n", lines(exchange)),
                        not(containsString(secret)));
                assertThat(which + ": recorded exchange", lines(exchange), equalTo(sent));
                assertThat(which + ": HAR entry", harLines(entries.get(i)), equalTo(sent));
                // The curl line run with the variable set to the secret: its -H options are the sent lines,
                // byte for byte, but for those curl writes itself.
                List<String> curlSends = head.lines().stream()
                        .filter(line -> !CURL_SENDS_ITSELF.contains(name(line).toLowerCase(Locale.ROOT))).toList();
                assertThat(which + ": curl line", curlHeaders(CurlLine.of(exchange), variable, secret), equalTo(curlSends));
                List<String> names = head.lines().stream().map(line -> name(line).toLowerCase(Locale.ROOT)).toList();
                assertThat(which + ": no header sent twice " + names, names.stream().distinct().count(), equalTo((long) names.size()));
                if (exchange.path().endsWith("/language-model")) {
                    assertThat(which, head.lines().stream().filter(line -> name(line).equalsIgnoreCase("ai-gateway-auth-method"))
                            .toList(), equalTo(List.of("ai-gateway-auth-method: " + ("oidc".equals(kind) ? "oidc" : "api-key"))));
                }
            }
        }
    }

    /** A name a request carries twice (as the OIDC AI SDK call once did) is recorded twice, in the order sent. */
    @Test
    void aNameSentTwiceIsRecordedTwiceWhereItWasSent() throws Exception {
        try (RawServer server = new RawServer()) {
            Environment environment = environment(server.url(), "api-key", "AI_GATEWAY_API_KEY", API_KEY);
            ExchangeLog log = new ExchangeLog();
            GatewayClient client = new GatewayClient(environment, new Redactor(environment.secrets(), Set.of()),
                    log.forScenario(), "twice", new RunLimits(60), SpendGuard.NONE, new SharedAnswer());
            client.request(Credential.teamKey(API_KEY)).header("x-twice", "first").header("x-between", "b")
                    .header("x-twice", "second").get(client.path("credits"));

            List<RawServer.Head> heads = server.heads();
            Exchange exchange = log.all().get(log.all().size() - 1);
            List<String> sent = heads.get(heads.size() - 1).lines().stream()
                    .map(line -> line.replace(API_KEY, "$AI_GATEWAY_API_KEY")).toList();
            assertThat(sent.stream().filter(line -> line.startsWith("x-twice: ")).toList(),
                    equalTo(List.of("x-twice: first", "x-twice: second")));
            assertThat(lines(exchange), equalTo(sent));
        }
    }

    private Environment environment(String url, String kind, String variable, String secret) throws IOException {
        String auth = switch (kind) {
            case "oidc" -> "auth:\n  kind: oidc\n";
            case "access-token" -> "auth:\n  kind: access-token\n  team: wire-team\n";
            default -> "";
        };
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/wire.yaml"), "description: A raw server on 127.0.0.1\n"
                + "baseUrl: " + url + "\nteamId: team_wire\napiKey: ${" + variable + "}\nallowBillable: true\nprobe:\n  model: " + MODEL + "\n"
                + auth);
        return new EnvironmentLoader(root, Map.of(variable, secret)).load("wire");
    }

    private static List<String> lines(Exchange exchange) {
        return exchange.requestHeaders().stream().map(header -> header.name() + ": " + header.value()).toList();
    }

    private static List<String> harLines(JsonNode entry) {
        List<String> lines = new ArrayList<>();
        entry.path("request").path("headers").forEach(header ->
                lines.add(header.path("name").asText() + ": " + header.path("value").asText()));
        return lines;
    }

    private static String name(String line) {
        return line.substring(0, line.indexOf(':'));
    }

    /** The -H values of {@code line} as bash hands them to curl, with {@code variable} exported as {@code secret}. */
    private static List<String> curlHeaders(String line, String variable, String secret) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "curl(){ printf '%s\\0' \"$@\"; }; " + line);
        builder.environment().put(variable, secret);
        Process bash = builder.redirectErrorStream(true).start();
        bash.getOutputStream().close();
        byte[] out = bash.getInputStream().readAllBytes();
        assertThat("bash ran the curl line", bash.waitFor(10, TimeUnit.SECONDS) && bash.exitValue() == 0, equalTo(true));
        List<String> arguments = Arrays.asList(new String(out, StandardCharsets.UTF_8).split("\0"));
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < arguments.size() - 1; i++) {
            if (arguments.get(i).equals("-H")) {
                headers.add(arguments.get(++i));
            }
        }
        return headers;
    }

    static String jwt(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJlLW9mLXRoZS13aXJl";
    }
}
