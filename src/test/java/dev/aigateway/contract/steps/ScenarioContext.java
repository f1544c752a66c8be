package dev.aigateway.contract.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.http.Credential;
import dev.aigateway.contract.http.Exchange;
import dev.aigateway.contract.http.GatewayClient;
import dev.aigateway.contract.run.ContractRun;
import io.restassured.response.Response;
import java.util.List;

/** What one scenario knows: who it is calling as, and the gateway's last answer. Pico makes one per scenario. */
public class ScenarioContext {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        boolean parses;
        try {
            JSON.readTree(answer.asString());
            parses = type.contains("json");
        } catch (Exception notJson) {
            parses = false;
        }
        if (!parses) {
            Exchange last = last();
            throw new AssertionError("expected JSON from " + (last == null ? "the gateway" : last.method() + " " + last.path())
                    + ", got " + (type.contains("json") ? "text that is not JSON" : type) + " (" + answer.statusCode() + ")");
        }
        return answer;
    }

    private Exchange last() {
        List<Exchange> all = run.exchanges().all();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** The last exchange, redacted, as one line for assertion messages: "GET /v1/credits answered 403 access_denied". */
    String lastExchange() {
        Exchange last = last();
        if (last == null) {
            return "no exchange";
        }
        String body = last.responseBody() == null ? "" : last.responseBody().strip();
        if (body.length() > 300) {
            body = body.substring(0, 300) + "...";
        }
        return last.method() + " " + last.path() + " answered " + last.status() + ": " + body;
    }
}
