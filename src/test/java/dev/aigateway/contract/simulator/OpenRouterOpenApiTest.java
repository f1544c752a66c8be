package dev.aigateway.contract.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.http.ServerSentEvents;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulated OpenRouter answers as OpenRouter's own OpenAPI file says (vendored in
 * src/test/resources/gateways/openrouter/openapi.yaml, its source and date beside it): every 200 body and
 * every error envelope matches the schema the route documents for that status, and each chunk of a stream
 * the documented chunk schema.
 */
class OpenRouterOpenApiTest {

    private static final ObjectMapper JSON = Json.DATA;
    private static JsonNode openApi;
    private static SimulatedGateway gateway;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        try (InputStream in = OpenRouterOpenApiTest.class.getClassLoader().getResourceAsStream("gateways/openrouter/openapi.yaml")) {
            openApi = Json.YAML.readTree(in);
        }
        gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("openrouter"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** Violations of {@code body} against the schema at {@code pointer} of the OpenAPI file; empty when it matches. */
    static List<String> violations(String pointer, String body) throws Exception {
        ObjectNode schema = openApi.deepCopy();
        schema.put("$ref", pointer);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                .validate(JSON.readTree(body)).stream().map(Object::toString).toList();
    }

    /** The schema a route documents for a status ({@code /key} and {@code 200}: its 200 body as JSON). */
    static String documented(String path, String method, int status) {
        return "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/responses/" + status
                + "/content/application~1json/schema";
    }

    private static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1" + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":1,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";
    }

    @ParameterizedTest(name = "{0} {1} as {2}: {4}")
    @CsvSource({
            "GET,  /models,           ,                                  ,                   200",
            "GET,  /key,              sk-or-v1-sim_healthy_demo,         ,                   200",
            "GET,  /key,              sk-or-v1-sim_key-limit_demo,       ,                   200",
            "GET,  /key,              ,                                  ,                   401",
            "GET,  /key,              sk-or-v1-never-issued,             ,                   401",
            "GET,  /credits,          sk-or-v1-sim_healthy_demo,         ,                   403",
            "POST, /chat/completions, sk-or-v1-sim_healthy_demo,         openai/gpt-4o-mini, 200",
            "POST, /chat/completions, sk-or-v1-sim_healthy_demo,         acme/fake-1.0,      400",
            "POST, /chat/completions, ,                                  openai/gpt-4o-mini, 401",
            "POST, /chat/completions, sk-or-v1-sim_no-credits_demo,      openai/gpt-4o-mini, 402",
            "POST, /chat/completions, sk-or-v1-sim_credits-below-request_demo, openai/gpt-4o-mini, 402",
            "POST, /chat/completions, sk-or-v1-sim_key-limit_demo,       openai/gpt-4o-mini, 403",
            "POST, /chat/completions, sk-or-v1-sim_region_demo,          openai/gpt-4o-mini, 403",
            "POST, /chat/completions, sk-or-v1-sim_data-policy_demo,     openai/gpt-4o-mini, 404",
            "POST, /chat/completions, sk-or-v1-sim_free-models-per-day_demo, openai/gpt-4o-mini, 429",
            "POST, /chat/completions, sk-or-v1-sim_provider-rate-limited_demo, openai/gpt-4o-mini, 429",
            "POST, /chat/completions, sk-or-v1-sim_outage_demo,          openai/gpt-4o-mini, 500",
            "POST, /chat/completions, sk-or-v1-sim_provider-error_demo,  openai/gpt-4o-mini, 502",
    })
    void everyAnswerMatchesTheSchemaItsRouteDocumentsForItsStatus(String method, String path, String key, String model,
                                                                   int status) throws Exception {
        HttpResponse<String> answer = send(method, path, key, model == null ? null : chat(model, false));
        assertThat(answer.body(), answer.statusCode(), equalTo(status));
        assertThat(answer.body(), violations(documented(path, method.toLowerCase(), status), answer.body()), empty());
    }

    @Test
    void everyChunkOfAStreamMatchesTheDocumentedChunk() throws Exception {
        for (String key : List.of("sk-or-v1-sim_healthy_demo", "sk-or-v1-sim_stream-error_demo")) {
            HttpResponse<String> answer = send("POST", "/chat/completions", key, chat("openai/gpt-4o-mini", true));
            assertThat(answer.statusCode(), equalTo(200));
            List<String> events = ServerSentEvents.data(answer.body());
            assertThat(answer.body(), events.size(), greaterThanOrEqualTo(2));
            for (String event : events) {
                if (!event.equals("[DONE]")) {
                    assertThat(event, violations("#/components/schemas/ChatStreamChunk", event), empty());
                }
            }
        }
    }

    /**
     * The Messages and Responses streams, event by event, as the OpenAPI file documents them (MessagesStreamEvents,
     * StreamEvents), from the first named event to the last, and the usage with its cost at the end.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/messages,  #/components/schemas/MessagesStreamEvents, message_start,    message_stop",
            "/responses, #/components/schemas/StreamEvents,         response.created, response.completed",
    })
    void everyEventOfAMessagesOrResponsesStreamMatchesTheDocumentedEvent(String path, String schema, String first, String last)
            throws Exception {
        String body = path.equals("/messages")
                ? "{\"model\":\"anthropic/claude-haiku-4.5\",\"max_tokens\":1,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}"
                : "{\"model\":\"openai/gpt-4o-mini\",\"max_output_tokens\":16,\"stream\":true,\"input\":\"ping\"}";
        HttpResponse<String> answer = send("POST", path, "sk-or-v1-sim_healthy_FAKE_demo", body);
        assertThat(answer.body(), answer.statusCode(), equalTo(200));
        List<ServerSentEvents.Event> events = ServerSentEvents.events(answer.body());
        assertThat(events.get(0).name(), equalTo(first));
        assertThat(events.get(events.size() - 1).name(), equalTo(last));
        for (ServerSentEvents.Event event : events) {
            assertThat(event.data(), violations(schema, event.data()), empty());
        }
        assertThat("the last usage carries the cost", answer.body().lastIndexOf("\"cost\":") > answer.body().lastIndexOf("event: "
                + (path.equals("/messages") ? "message_delta" : "response.output_item.done")), equalTo(true));
    }

    /** Anthropic's skin refuses a key OpenRouter never issued, and a request without one, in Anthropic's envelope. */
    @Test
    void theMessagesRouteRefusesAnUnknownKeyAsDocumented() throws Exception {
        String body = "{\"model\":\"anthropic/claude-haiku-4.5\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";
        for (String key : new String[] {"sk-or-v1-never-issued-FAKE", null}) {
            HttpResponse<String> answer = send("POST", "/messages", key, body);
            assertThat(answer.body(), answer.statusCode(), equalTo(401));
            assertThat(answer.body(), violations(documented("/messages", "post", 401), answer.body()), empty());
        }
    }

    /** The check can fail: a body without what the schema requires is caught. */
    @Test
    void aBodyOutsideTheSchemaIsCaught() throws Exception {
        assertThat(violations(documented("/chat/completions", "post", 200), "{\"id\":\"gen-1\",\"object\":\"chat.completion\"}"),
                org.hamcrest.Matchers.not(empty()));
        assertThat(violations(documented("/chat/completions", "post", 401), "{\"error\":{\"message\":\"User not found.\"}}"),
                org.hamcrest.Matchers.not(empty()));
    }
}
