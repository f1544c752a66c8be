package dev.aigateway.contract.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.http.AnswerJson;
import dev.aigateway.contract.http.Credential;
import dev.aigateway.contract.http.GatewayClient;
import dev.aigateway.contract.http.ServerSentEvents;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.run.ContractRun;
import io.restassured.response.Response;
import java.util.List;

/** What one scenario knows: who it is calling as, and the gateway's last answer. Pico makes one per scenario. */
public class ScenarioContext {

    private static final ObjectMapper JSON = Json.ANSWERS;

    private final ContractRun run = CurrentRun.get();
    private GatewayClient client;
    private Credential credential = Credential.none();
    private Response response;
    private String byokKey;

    void begin(String scenario) {
        client = run.client(scenario);
    }

    Environment environment() {
        return run.environment();
    }

    /** What the gateway under test is: its request-id header, its envelope, its stream, its keys. */
    dev.aigateway.contract.gateway.GatewayProfile profile() {
        return run.environment().profile();
    }

    GatewayClient gateway() {
        return client;
    }

    Credential credential() {
        return credential;
    }

    ContractRun run() {
        return run;
    }

    void useByokKey(String key) {
        this.byokKey = key;
    }

    String byokKey() {
        if (byokKey == null) {
            throw new IllegalStateException("no BYOK key was chosen in this scenario");
        }
        return byokKey;
    }

    void callAs(Credential credential) {
        this.credential = credential;
    }

    void answered(Response response) {
        this.response = response;
    }

    Response response() {
        if (response == null) {
            throw new IllegalStateException("no request was sent in this scenario before checking its answer");
        }
        return response;
    }

    /**
     * The last answer, checked to be JSON before any step reads it: an HTML page or broken text fails
     * with one sentence ("expected JSON from GET /v1/credits, got text/html"), not a parser's trace.
     */
    Response jsonAnswer() {
        Response answer = response();
        String type = answer.contentType() == null || answer.contentType().isBlank() ? "no content type" : answer.contentType();
        String problem = AnswerJson.problem(answer.asString());
        if (problem != null || !type.contains("json")) {
            Exchange last = last();
            throw new AssertionError("expected JSON from " + (last == null ? "the gateway" : last.method() + " " + last.path())
                    + ", got " + (type.contains("json") || problem != null && problem.startsWith("JSON") ? problem : type)
                    + " (" + answer.statusCode() + ")");
        }
        return answer;
    }

    /**
     * The last answer is a stream of named events (Anthropic's, OpenAI Responses'): the first is
     * {@code first}, the last {@code last}, and each event's data has the event's name as its type.
     */
    void namedEventsRunFrom(String first, String last) {
        List<ServerSentEvents.Event> events = ServerSentEvents.events(response().asString());
        List<String> names = events.stream().map(ServerSentEvents.Event::name).toList();
        assertThat(lastExchange(), names.size(), greaterThanOrEqualTo(2));
        assertThat("the first event of " + names, names.get(0), equalTo(first));
        assertThat("the last event of " + names, names.get(names.size() - 1), equalTo(last));
        for (ServerSentEvents.Event event : events) {
            try {
                assertThat("the type of event " + event.name(), JSON.readTree(event.data()).path("type").asText(),
                        equalTo(event.name()));
            } catch (java.io.IOException notJson) {
                throw new AssertionError("event " + event.name() + " carries data that is not JSON");
            }
        }
    }

    /** This scenario's last exchange: other scenarios may be sending at the same time. */
    private Exchange last() {
        List<Exchange> all = client == null ? List.of() : client.exchanges();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /**
     * The last exchange, redacted, as one line for assertion messages. A refusal in the gateway's envelope
     * is quoted by its own message, in full, links included (what support reads first):
     * {@code POST /v1/chat/completions answered 402 insufficient_funds: "Insufficient funds. ... top up your credits."};
     * anything else by its body, cut at 300 characters.
     */
    String lastExchange() {
        Exchange last = last();
        if (last == null) {
            return "no exchange";
        }
        String message = dev.aigateway.contract.evidence.GatewayWords.message(last, profile());
        if (!message.isEmpty()) {
            return last.method() + " " + last.path() + " answered " + last.status()
                    + (last.errorType() == null ? "" : " " + last.errorType()) + ": \"" + message + "\"";
        }
        String body = last.responseBody() == null ? "" : last.responseBody().strip();
        if (body.length() > 300) {
            body = body.substring(0, 300) + "...";
        }
        return last.method() + " " + last.path() + " answered " + last.status() + ": " + body;
    }
}
