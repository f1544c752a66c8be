package dev.aigateway.contract.simulator;

import static dev.aigateway.contract.http.MatchesSchema.matchesSchema;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route every simulated gateway profile lists ({@code gateways/gateways.yaml}, each profile's {@code routes:})
 * is served by its simulator: a request with a healthy simulated key, over HTTP to the simulator on 127.0.0.1,
 * gets the status {@code simulator/route-matrix.yaml} expects (200 unless it says otherwise), in the shape the
 * features check (our schema) and, where the gateway publishes one, the schema its OpenAPI file documents for it.
 * A route a profile adds without its simulator serving it, or without a line in the matrix, fails here.
 */
class SimulatedRouteMatrixTest {

    private static final ObjectMapper JSON = Json.DATA;
    private static final JsonNode MATRIX = read("simulator/route-matrix.yaml");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, SimulatedGateway> GATEWAYS = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> OPENAPI = new ConcurrentHashMap<>();

    @AfterAll
    static void stop() {
        GATEWAYS.values().forEach(SimulatedGateway::close);
    }

    /** Every (profile, route) pair of every profile that has a simulator. */
    static Stream<Arguments> everyRouteOfEverySimulatedProfile() {
        List<Arguments> pairs = new ArrayList<>();
        for (String name : GatewayProfile.names()) {
            GatewayProfile profile = GatewayProfile.named(name);
            if (profile.simulator() != null) {
                profile.routes().forEach(route -> pairs.add(Arguments.of(name, route.id())));
            }
        }
        return pairs.stream();
    }

    @Test
    void theMatrixCoversEverySimulatedProfile() {
        List<String> simulated = GatewayProfile.names().stream().filter(name -> GatewayProfile.named(name).simulator() != null).toList();
        assertThat(simulated, equalTo(List.of("vercel", "openrouter", "portkey", "litellm")));
        assertThat(everyRouteOfEverySimulatedProfile().count() >= 22, equalTo(true));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRouteOfEverySimulatedProfile")
    void theSimulatorServesTheRouteInItsDocumentedShape(String gateway, String routeId) throws Exception {
        GatewayProfile profile = GatewayProfile.named(gateway);
        GatewayProfile.RouteEntry route = profile.route(routeId).orElseThrow();
        JsonNode request = MATRIX.path("requests").path(routeId);
        JsonNode expected = MATRIX.path("answers").path(gateway).path(routeId);
        assertThat("simulator/route-matrix.yaml says how to call " + routeId, request.isMissingNode(), equalTo(false));
        assertThat("simulator/route-matrix.yaml says what " + gateway + " answers on " + routeId, expected.isMissingNode(), equalTo(false));

        HttpResponse<String> answer = send(gateway, route, request);

        String said = route.method() + " " + route.path() + " -> " + answer.statusCode() + " " + answer.body();
        assertThat(said, answer.statusCode(), equalTo(expected.path("status").asInt(200)));
        assertThat(said, answer.body(), matchesSchema(expected.path("schema").asText()));
        if (expected.path("openapi").asBoolean(false)) {
            String path = route.path().substring(MATRIX.path("answers").path(gateway).path("openapiPrefix").asText("").length());
            assertThat(said, violations(gateway, documented(path, route.method().toLowerCase(), answer.statusCode()), answer.body()), empty());
        }
    }

    /** The check can fail: a 200 that lacks what the route's schema requires is caught by both schemas. */
    @Test
    void anAnswerOutsideTheRoutesSchemaIsCaught() throws Exception {
        String bare = "{\"id\":\"gen-1\",\"object\":\"list\",\"data\":[],\"model\":\"openai/text-embedding-3-small\"}";
        assertThat(bare, not(matchesSchema("openrouter/embeddings")));
        assertThat(violations("openrouter", documented("/messages", "post", 200), "{\"id\":\"gen-1\",\"type\":\"message\"}"), not(empty()));
    }

    private static HttpResponse<String> send(String gateway, GatewayProfile.RouteEntry route, JsonNode request) throws Exception {
        SimulatedGateway simulator = GATEWAYS.computeIfAbsent(gateway, name -> SimulatedGateway.start(0, 0, GatewayProfile.named(name)));
        GatewayProfile profile = GatewayProfile.named(gateway);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + route.path()))
                .header("Authorization", "Bearer " + profile.simulator().teamKeyPrefix() + "healthy_FAKE_demo");
        request.path("headers").fields().forEachRemaining(header -> builder.header(header.getKey(), header.getValue().asText()));
        // The headers a gateway routes by, on every request to it (an environment's headers:).
        MATRIX.path("answers").path(gateway).path("headers").fields()
                .forEachRemaining(header -> builder.header(header.getKey(), header.getValue().asText()));
        if (request.has("body")) {
            builder.header("content-type", "application/json");
        }
        builder.method(route.method(), request.has("body") ? HttpRequest.BodyPublishers.ofString(request.get("body").toString())
                : HttpRequest.BodyPublishers.noBody());
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Violations of {@code body} against the schema at {@code pointer} of the gateway's vendored OpenAPI file. */
    private static List<String> violations(String gateway, String pointer, String body) throws Exception {
        ObjectNode schema = OPENAPI.computeIfAbsent(gateway, name -> read("gateways/" + name + "/openapi.yaml")).deepCopy();
        schema.put("$ref", pointer);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                .validate(JSON.readTree(body)).stream().map(Object::toString).toList();
    }

    private static String documented(String path, String method, int status) {
        return OpenRouterOpenApiTest.documented(path, method, status);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = SimulatedRouteMatrixTest.class.getClassLoader().getResourceAsStream(resource)) {
            return Json.YAML.readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
