package dev.aigateway.contract.portkey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated Portkey (gateway: portkey, simulator/portkey/) proven against the real one: the same requests go to
 * {@code @portkey-ai/gateway} 1.15.2 (src/test/portkey, on 127.0.0.1) in front of the simulated gateway, and to the
 * simulated Portkey, and each pair of answers must agree on the status, the body (the same text, or for answers whose
 * text names a port or a time, the same envelope: its fields and the start of its message) and the x-portkey-*
 * headers. Each simulated setup's key stands for the state the real chain is put in: an outage team, a closed port
 * as custom host (no provider reachable), a provider host that answers an HTML page, one slower than request_timeout.
 */
class PortkeySimulatedMatchesRealTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";
    private static final String PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
            + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private static PortkeyGateway real;
    private static SimulatedGateway provider;
    private static SimulatedGateway simulated;
    private static WireMockServer pages;
    private static int closedPort;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        real = PortkeyGateway.start();
        provider = SimulatedGateway.start(0);
        simulated = SimulatedGateway.start(0, 0, GatewayProfile.named("portkey"));
        pages = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        pages.start();
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (real != null) {
            real.close();
        }
        for (AutoCloseable server : new AutoCloseable[] {provider, simulated}) {
            if (server != null) {
                server.close();
            }
        }
        if (pages != null) {
            pages.stop();
        }
    }

    /** One answer: status, body, and the x-portkey-* headers (name to value). */
    private record Answer(int status, String body, Map<String, String> portkeyHeaders) {}

    private static Answer send(String baseUrl, String method, String path, String key, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> portkey = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> {
            if (name.toLowerCase().startsWith("x-portkey-")) {
                portkey.put(name.toLowerCase(), String.join(",", values));
            }
        });
        return new Answer(answer.statusCode(), answer.body(), portkey);
    }

    /** The routing headers toward {@code customHost} (the real one needs it; the simulated one ignores it), with a trace id. */
    private static Map<String, String> routed(String customHost, String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-portkey-provider", "openai");
        headers.put("x-portkey-custom-host", customHost);
        headers.put("x-portkey-trace-id", "trace-FAKE-compare");
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    /** The real and the simulated answer to the same request ({@code realKey} and {@code simulatedKey} name the same state). */
    private static List<Answer> both(String method, String path, String realKey, String simulatedKey, Map<String, String> realHeaders,
                                     Map<String, String> simulatedHeaders, String body) throws Exception {
        return List.of(send(real.baseUrl(), method, path, realKey, realHeaders, body),
                send(simulated.baseUrl(), method, path, simulatedKey, simulatedHeaders, body));
    }

    private static void sameAnswer(String what, List<Answer> answers) {
        assertThat(what + ": status", answers.get(1).status(), equalTo(answers.get(0).status()));
        assertThat(what + ": body", answers.get(1).body(), equalTo(answers.get(0).body()));
        assertThat(what + ": x-portkey-* headers", answers.get(1).portkeyHeaders(), equalTo(answers.get(0).portkeyHeaders()));
    }

    /** The same status, headers and envelope (every field's path), and a message that starts alike ({@code prefix}). */
    private static void sameEnvelope(String what, List<Answer> answers, String pointer, String prefix) throws Exception {
        assertThat(what + ": status", answers.get(1).status(), equalTo(answers.get(0).status()));
        assertThat(what + ": x-portkey-* headers", answers.get(1).portkeyHeaders(), equalTo(answers.get(0).portkeyHeaders()));
        JsonNode realBody = JSON.readTree(answers.get(0).body());
        JsonNode simulatedBody = JSON.readTree(answers.get(1).body());
        assertThat(what + ": envelope", paths(simulatedBody, ""), equalTo(paths(realBody, "")));
        assertThat(what + ": real message", realBody.at(pointer).asText(), startsWith(prefix));
        assertThat(what + ": simulated message", simulatedBody.at(pointer).asText(), startsWith(prefix));
    }

    private static TreeSet<String> paths(JsonNode node, String at) {
        TreeSet<String> paths = new TreeSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                paths.add(at + "/" + field.getKey());
                paths.addAll(paths(field.getValue(), at + "/" + field.getKey()));
            });
        }
        return paths;
    }

    @Test
    void portkeysOwnRoutingRefusalsAreTheRealOnesWordForWord() throws Exception {
        String host = provider.baseUrl() + "/v1";
        List<Map<String, String>> cases = new ArrayList<>();
        cases.add(Map.of("x-portkey-trace-id", "trace-FAKE-compare"));
        cases.add(Map.of("x-portkey-provider", "opneai", "x-portkey-custom-host", host));
        cases.add(Map.of("x-portkey-config", "{\"retry\":{\"attempts\":2}}", "x-portkey-custom-host", host));
        cases.add(Map.of("x-portkey-config", "{nope", "x-portkey-custom-host", host));
        for (Map<String, String> headers : cases) {
            sameAnswer("POST with " + headers.keySet(), both("POST", "/v1/chat/completions", "vck_sim_healthy_demo",
                    "sk-pk-sim_healthy_demo", headers, headers, CHAT));
            sameAnswer("GET /v1/credits with " + headers.keySet(), both("GET", "/v1/credits", "vck_sim_healthy_demo",
                    "sk-pk-sim_healthy_demo", headers, headers, null));
        }
    }

    @Test
    void theProvidersAnswersRelayedOrRewrittenAreTheRealOnes() throws Exception {
        Map<String, String> headers = routed(provider.baseUrl() + "/v1");
        sameAnswer("an unknown key on GET /v1/credits (passed through)",
                both("GET", "/v1/credits", "vck_FAKE_unknown", "sk-FAKE-unknown", headers, headers, null));
        sameAnswer("no key on GET /v1/credits", both("GET", "/v1/credits", null, null, headers, headers, null));
        sameAnswer("an unknown key on chat completions (rewritten)",
                both("POST", "/v1/chat/completions", "vck_FAKE_unknown", "sk-FAKE-unknown", headers, headers, CHAT));
        sameAnswer("an unknown model", both("POST", "/v1/chat/completions", "vck_sim_healthy_demo", "sk-pk-sim_healthy_demo",
                headers, headers, CHAT.replace("openai/gpt-4o-mini", "no-such/model")));
        sameAnswer("the provider's outage", both("POST", "/v1/chat/completions", "vck_sim_outage_demo",
                "sk-pk-sim_provider-outage_demo", headers, headers, CHAT));
        sameAnswer("the provider's rate limit", both("POST", "/v1/chat/completions", "vck_sim_rate-limited_demo",
                "sk-pk-sim_rate-limited_demo", headers, headers, CHAT));
        sameAnswer("the balance", both("GET", "/v1/credits", "vck_sim_healthy_demo", "sk-pk-sim_healthy_demo", headers, headers, null));
        List<Answer> served = both("POST", "/v1/chat/completions", "vck_sim_healthy_demo", "sk-pk-sim_healthy_demo", headers, headers, CHAT);
        assertThat("a completion: status", served.get(1).status(), equalTo(served.get(0).status()));
        assertThat("a completion: x-portkey-* headers", served.get(1).portkeyHeaders(), equalTo(served.get(0).portkeyHeaders()));
    }

    @Test
    void aFailedConnectionAPageAndATimeoutAreWrappedAsTheRealOnesAre() throws Exception {
        sameEnvelope("no provider listening", both("POST", "/v1/chat/completions", "vck_sim_healthy_demo", "sk-pk-sim_upstream-down_demo",
                routed("http://127.0.0.1:" + closedPort + "/v1"), routed("http://127.0.0.1:8080/v1"), CHAT),
                "/html-message", "Message: fetch failed Cause: Error: connect ECONNREFUSED 127.0.0.1:");
        pages.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(PAGE)));
        sameAnswer("an HTML page", both("POST", "/v1/chat/completions", "vck_sim_healthy_demo", "sk-pk-sim_upstream-html_demo",
                routed(pages.baseUrl() + "/v1"), routed(pages.baseUrl() + "/v1"), CHAT));
        pages.resetAll();
        pages.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody("{}")));
        sameEnvelope("past request_timeout", both("POST", "/v1/chat/completions", "vck_sim_healthy_demo", "sk-pk-sim_timeout_demo",
                routed(pages.baseUrl() + "/v1", "x-portkey-config", "{\"request_timeout\":500}"),
                routed(pages.baseUrl() + "/v1", "x-portkey-config", "{\"request_timeout\":10000}"), CHAT),
                "/error/message", "Request exceeded the timeout sent in the request: ");
    }
}
