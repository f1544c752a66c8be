package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;

import dev.aigateway.contract.captured.Captured;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagnosis fed the exact bodies the real gateway was seen to send (src/test/resources/captured/),
 * in the run a user would make: an unknown key's 401, the team's balance, the public catalog, then the
 * captured answer on the route it was captured on.
 */
class CapturedBodiesTest {

    private static final Environment ENVIRONMENT = new Environment("vercel", "test", "https://ai-gateway.vercel.sh",
            "team_1", "vck_x", true, List.of("openai/gpt-4o-mini"), new Environment.Probe("openai/gpt-4o-mini", 1, "openai/text-embedding-3-small"), true,
            new Environment.Timeouts(1000, 1000, 60), null,
            new Environment.Byok(Map.of(), "anthropic/claude-haiku-4.5", false, "claude-haiku-4-5"), BigDecimal.ONE, List.of(),
            dev.aigateway.contract.environment.Route.DEFAULT);
    private static final String CREDITS = "{\"balance\":\"5\",\"total_used\":\"0\"}";
    private static final String PROBE = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}],\"max_tokens\":1}";
    private final Diagnosis diagnosis = Diagnosis.load();

    static Stream<String> captured() {
        return Captured.all().stream().map(Captured::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captured")
    void eachCapturedAnswerGetsItsVerdict(String name) {
        Captured answer = Captured.named(name);
        Verdict verdict = diagnosis.diagnose(runMeeting(answer), 1, ENVIRONMENT);
        assertThat(answer.source(), not(emptyString()));
        assertThat(name + " (" + answer.source() + ")", verdict.id(), equalTo(answer.verdict()));
        int captured = answer.path().equals("/v1/credits") ? 2 : 4;
        assertThat("the exchanges that selected " + verdict.id(), verdict.evidence(), hasItem(captured));
    }

    /**
     * The verdicts proven on the gateway's own words: those with at least one answer of kind capture.
     * The rest rest on a docs example or a body we wrote; the README says which.
     */
    @org.junit.jupiter.api.Test
    void onlyCapturesCountAsTheGatewaysWords() {
        assertThat(Captured.all().stream().filter(Captured::isCapture).map(Captured::verdict).distinct().sorted().toList(),
                equalTo(List.of("byok-requires-paid-credits", "free-credits-restricted", "free-tier-model-restricted",
                        "insufficient-funds", "oidc-token-expired", "provider-unavailable", "quota-exceeded", "rate-limited",
                        "team-access-denied", "team-restricted")));
        assertThat(Captured.all().stream().filter(c -> !c.isCapture()).map(Captured::name).sorted().toList(),
                equalTo(List.of("c1-budget-project-402", "c1-quota-key-402", "c10-card-required", "f6-stream-error-event",
                        "f8-model-unavailable-in-region")));
    }

    @org.junit.jupiter.api.Test
    void aProvidersFailureNamesTheProviderAndTheCredentialType() {
        Verdict xai = diagnosis.diagnose(runMeeting(Captured.named("c5-f7-xai-503")), 1, ENVIRONMENT);
        assertThat(xai.meaning(), org.hamcrest.Matchers.containsString("xai (credential type system) answered \"Service temporarily unavailable"));
        Verdict zai = diagnosis.diagnose(runMeeting(Captured.named("f7-zai-429")), 1, ENVIRONMENT);
        assertThat(zai.meaning(), org.hamcrest.Matchers.containsString("api.z.ai (credential type unknown)"));
    }

    /** The run of a user whose gateway answers {@code answer} on the route kinds it lists. */
    static List<Exchange> runMeeting(Captured answer) {
        List<Exchange> run = new ArrayList<>();
        run.add(exchange(1, Caller.NOT_ISSUED_KEY, "GET", "/v1/credits", null, 401,
                "{\"error\":{\"message\":\"Invalid API key or token.\",\"type\":\"authentication_error\"}}", false));
        boolean creditsRefused = answer.on().contains("credits");
        run.add(exchange(2, Caller.TEAM_KEY, "GET", "/v1/credits", null, creditsRefused ? answer.status() : 200,
                creditsRefused ? answer.answer() : CREDITS, false));
        run.add(exchange(3, Caller.NO_KEY, "GET", "/v1/models", null, 200, "{\"object\":\"list\",\"data\":[]}", false));
        run.add(exchange(4, Caller.TEAM_KEY, answer.method(), answer.path(), answer.method().equals("GET") ? null : PROBE,
                answer.status(), answer.answer(), answer.eventStream()));
        return run;
    }

    private static Exchange exchange(int sequence, Caller caller, String method, String path, String body, int status,
                                     String responseBody, boolean eventStream) {
        String type = null;
        try {
            type = new com.fasterxml.jackson.databind.ObjectMapper().readTree(responseBody).path("error").path("type").asText(null);
        } catch (Exception notJson) {
            // an event stream has no error type of its own
        }
        return new Exchange(sequence, "s", Instant.EPOCH, method, "https://ai-gateway.vercel.sh" + path, path, List.of(),
                body, status, Map.of("content-type", eventStream ? "text/event-stream" : "application/json"), responseBody,
                10, "iad1::iad1::abcde-" + sequence + "-0a", null, type, null, caller);
    }
}
