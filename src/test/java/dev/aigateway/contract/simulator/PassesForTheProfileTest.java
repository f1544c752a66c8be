package dev.aigateway.contract.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulated gateway passes for the gateway its profile describes, and for no other: given a profile
 * whose identity is not Vercel's (another request-id header, server, generation-id prefix, stream
 * terminator and access-token team header), every one of them is what it answers with. The edge
 * headers go out in the profile's order.
 */
class PassesForTheProfileTest {

    private static final ObjectMapper JSON = Json.DATA;
    private static final String CHAT = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}],"
            + "\"max_tokens\":1%s}";
    private final HttpClient http = HttpClient.newHttpClient();

    /** The default profile with every fact of the simulator's identity changed. */
    private static GatewayProfile elsewhere() throws Exception {
        ObjectNode profile = JSON.valueToTree(GatewayProfile.standard());
        ((ObjectNode) profile.get("requestId")).put("header", "x-request-id");
        ((ObjectNode) profile.get("generationId")).put("pattern", "run_[0-9A-HJKMNP-TV-Z]{26}");
        ((ObjectNode) profile.get("stream")).put("terminator", "[END]");
        ((ObjectNode) profile.get("headers")).put("accessTokenTeam", "x-team");
        ObjectNode simulator = (ObjectNode) profile.get("simulator");
        simulator.put("generationIdPrefix", "run_");
        simulator.putObject("edgeHeaders").put("server", "Elsewhere").put("x-request-id", "req-{hex:8}-{epochMs}");
        return JSON.treeToValue(profile, GatewayProfile.class);
    }

    private HttpResponse<String> send(WireMockServer server, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyFactOfItsIdentityComesFromTheProfile() throws Exception {
        WireMockServer server = new WireMockServer(SimulatedGateway.options(elsewhere(), Teams.load()).dynamicPort());
        server.start();
        try {
            HttpResponse<String> reply = send(server, "POST", "/v1/chat/completions", CHAT.formatted(""),
                    "Authorization", "Bearer vck_sim_healthy_test", "content-type", "application/json");
            assertThat(reply.statusCode(), equalTo(200));
            assertThat(reply.headers().firstValue("server").orElse(""), equalTo("Elsewhere"));
            assertThat(reply.headers().firstValue("x-request-id").orElse(""), matchesPattern("req-[0-9a-f]{8}-\\d{13}"));
            assertThat(reply.headers().map().keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList(),
                    not(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("x-vercel"))));
            String id = JSON.readTree(reply.body()).path("id").asText();
            assertThat(id, matchesPattern("run_[0-9A-HJKMNP-TV-Z]{26}"));

            HttpResponse<String> readBack = send(server, "GET", "/v1/generation?id=" + id, null,
                    "Authorization", "Bearer vck_sim_healthy_test");
            assertThat(readBack.statusCode(), equalTo(200));
            HttpResponse<String> foreignId = send(server, "GET", "/v1/generation?id=gen_01ARZ3NDEKTSV4RRFFQ69G5FAV", null,
                    "Authorization", "Bearer vck_sim_healthy_test");
            assertThat(foreignId.body(), equalTo("{\"error\":\"Invalid generation ID format. Expected format: run_<ulid>\"}"));

            HttpResponse<String> stream = send(server, "POST", "/v1/chat/completions", CHAT.formatted(",\"stream\":true"),
                    "Authorization", "Bearer vck_sim_healthy_test", "content-type", "application/json");
            assertThat(stream.body(), org.hamcrest.Matchers.endsWith("}\n\ndata: [END]\n\n"));

            HttpResponse<String> byTeamHeader = send(server, "GET", "/v1/credits", null,
                    "Authorization", "Bearer vca_sim_demo_access_token", "x-team", "healthy");
            assertThat(byTeamHeader.statusCode(), equalTo(200));
            HttpResponse<String> byOldHeader = send(server, "GET", "/v1/credits", null,
                    "Authorization", "Bearer vca_sim_demo_access_token", "x-vercel-ai-gateway-team", "healthy");
            assertThat(byOldHeader.statusCode(), equalTo(401));
            assertThat("requests no stub matched", server.findAllUnmatchedRequests(), empty());
        } finally {
            server.stop();
        }
    }

    @Test
    void theEdgeHeadersGoOutInTheProfilesOrderAfterTheAnswersOwn() throws Exception {
        Map<String, String> edge = GatewayProfile.standard().simulator().edgeHeaders();
        try (SimulatedGateway gateway = SimulatedGateway.start(0);
             Socket socket = new Socket("127.0.0.1", gateway.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> names = new ArrayList<>();
            List<String> edgeSent = new ArrayList<>();
            in.readLine();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
                names.add(name);
                if (edge.containsKey(name)) {
                    edgeSent.add(name);
                }
            }
            assertThat(edgeSent, equalTo(List.copyOf(edge.keySet())));
            assertThat("the answer's own content-type comes before the edge's headers",
                    names.indexOf("content-type") < names.indexOf(edgeSent.get(0)), equalTo(true));
        }
    }

    @Test
    void aDrawnValueIsDrawnAfreshAndTextIsKeptAsWritten() {
        EdgeHeaders headers = new EdgeHeaders(Map.of("x-id", "a{b}::{alnum:5}-{hex:3}{hex:2}.{epochMs}", "x-fixed", "MISS"));
        long before = System.currentTimeMillis();
        String first = headers.next("x-id");
        String second = headers.next("x-id");
        long after = System.currentTimeMillis();
        assertThat(first, matchesPattern("a\\{b}::[a-z0-9]{5}-[0-9a-f]{5}\\.\\d{13}"));
        assertThat(first, not(equalTo(second)));
        long epochMs = Long.parseLong(first.substring(first.lastIndexOf('.') + 1));
        assertThat(epochMs >= before && epochMs <= after, equalTo(true));
        assertThat(headers.next("X-Fixed"), equalTo("MISS"));
        assertThat(headers.next("x-absent"), equalTo(null));
    }

    @Test
    void aSimulatedIdIsTheDefaultProfilesPrefixAndAUlid() throws Exception {
        GatewayProfile profile = GatewayProfile.standard();
        GatewayState state = new GatewayState(profile, Teams.load(), Catalog.load());
        String id = state.newGenerationId();
        assertThat(id, matchesPattern(profile.generationId().pattern()));
        assertThat(id.startsWith(profile.simulator().generationIdPrefix()), equalTo(true));
        assertThat(Ulid.endOf(id).length(), equalTo(Ulid.LENGTH));
        assertThat(state.isGenerationId(id.toLowerCase(Locale.ROOT)), equalTo(true));
        assertThat(state.isGenerationId(id + "0"), equalTo(false));
    }
}
