package dev.aigateway.contract.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A simulated gateway on a dynamic loopback port for one test class, spoken to over real HTTP. Every
 * answer is checked for the edge's headers ({@code server: Vercel}, {@code x-vercel-id}), and after each
 * test no request may have gone unmatched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SimulatedGatewayHttp {

    static final ObjectMapper JSON = Json.DATA;
    static final String X_VERCEL_ID = "[a-z0-9]+::[a-z0-9]+::[a-z0-9]{5}-\\d{13}-[0-9a-f]{12}";
    static final String GENERATION_ID = "gen_[0-9A-HJKMNP-TV-Z]{26}";

    SimulatedGateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    /** One server-sent event: its {@code event:} name (null when it has none) and its data. */
    record Event(String name, String data) {

        JsonNode json() throws Exception {
            return JSON.readTree(data);
        }
    }

    @BeforeAll
    void start() {
        gateway = SimulatedGateway.start(0);
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @AfterEach
    void everyRequestMatchedAStub() {
        assertThat("requests no stub matched", gateway.unmatchedRequests(), empty());
    }

    static String bearer(String team) {
        return "Bearer vck_sim_" + team + "_test";
    }

    /** Sends a request; {@code headers} are name, value pairs. */
    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("server").orElse(""), equalTo("Vercel"));
        assertThat(response.headers().firstValue("x-vercel-id").orElse(""), matchesPattern(X_VERCEL_ID));
        return response;
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("content-type").orElse("");
    }

    /** The events of an SSE body; every event must end with a blank line, so a torn last event fails. */
    static List<Event> events(String body) {
        assertThat("an SSE body ends with a blank line", body.endsWith("\n\n"), equalTo(true));
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).stripLeading());
                }
            }
            events.add(new Event(name, data.toString()));
        }
        return events;
    }
}
