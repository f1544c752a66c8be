package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.Json;
import dev.aigateway.contract.captured.Captured;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.HandMadeEnvironment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagnosis fed LiteLLM proxy answers as published (src/test/resources/captured/litellm/), with the LiteLLM
 * profile, in the run a user would make: a key it never issued checked on /key/info, the team's key checked there,
 * the catalog read with the key, then the answer on the route it was seen on (or, where the source shows the proxy
 * refusing the key everywhere, on each of those).
 */
class LiteLLMCapturedBodiesTest {

    private static final GatewayProfile LITELLM = GatewayProfile.named("litellm");
    private static final Environment ENVIRONMENT = HandMadeEnvironment.mine().name("litellm")
            .baseUrl("https://litellm.example.com").teamId(null).apiKey("sk-FAKE-x").byok(null).gateway("litellm").build();
    private static final String KEY_INFO = "{\"key\":\"0000\",\"info\":{\"key_name\":\"sk-...FAKE\",\"spend\":0.5,\"max_budget\":null,"
            + "\"team_id\":\"team_1\"}}";
    private static final String NOT_ISSUED = "{\"error\":{\"message\":\"Authentication Error, Invalid proxy server token passed.\","
            + "\"type\":\"token_not_found_in_db\",\"param\":\"key\",\"code\":\"401\"}}";
    private static final String PROBE = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}],\"max_tokens\":1}";
    private final Diagnosis diagnosis = Diagnosis.load();

    static Stream<String> captured() {
        return Captured.of("litellm").stream().map(Captured::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captured")
    void eachAnswerGetsItsVerdict(String name) {
        Captured answer = named(name);
        Verdict verdict = diagnosis.diagnose(runMeeting(answer), 1, ENVIRONMENT);
        assertThat(answer.source(), not(emptyString()));
        assertThat(name + " (" + answer.source() + ")", verdict.id(), equalTo(answer.verdict()));
        assertThat("the exchanges that selected " + verdict.id(), verdict.evidence(), hasItem(answer.on().contains("key-info") ? 2 : 4));
        // The advice is the proxy's: its administrator, not Vercel's or OpenRouter's support.
        assertThat(name, String.join(" ", verdict.nextSteps()), containsString("LiteLLM proxy"));
    }

    /** The statuses that moved between versions: the same verdict at 400 and 429 (a budget), 401 and 403 (model access). */
    @Test
    void theStatusesThatMovedBetweenVersionsGiveOneVerdictEach() {
        assertThat(Captured.of("litellm").size(), equalTo(9));
        assertThat(verdictOf("ll-400-budget-exceeded-auth-error"), equalTo(verdictOf("ll-429-user-budget-exceeded")));
        assertThat(verdictOf("ll-401-key-model-access-denied"), equalTo(verdictOf("ll-403-key-model-access-denied")));
        // A 401 that names a provider's exception is the proxy's provider key, not the user's virtual key.
        assertThat(verdictOf("ll-401-openai-invalid-api-key"), equalTo("provider-unavailable"));
        assertThat(verdictOf("ll-401-token-not-found-in-db"), equalTo("invalid-key"));
    }

    private String verdictOf(String name) {
        return diagnosis.diagnose(runMeeting(named(name)), 1, ENVIRONMENT).id();
    }

    private static Captured named(String name) {
        return Captured.of("litellm").stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** The run of a user whose proxy answers {@code answer} on the route kinds it lists ({@code key-info}, {@code models}). */
    static List<Exchange> runMeeting(Captured answer) {
        String keyCheck = LITELLM.keyCheckRoute().path();
        List<Exchange> run = new ArrayList<>();
        run.add(exchange(1, Caller.NOT_ISSUED_KEY, "GET", keyCheck, null, 401, NOT_ISSUED, "application/json"));
        boolean keyRefused = answer.on().contains("key-info");
        run.add(exchange(2, Caller.TEAM_KEY, "GET", keyCheck, null, keyRefused ? answer.status() : 200,
                keyRefused ? answer.answer() : KEY_INFO, "application/json"));
        boolean modelsRefused = answer.on().contains("models");
        run.add(exchange(3, Caller.TEAM_KEY, "GET", LITELLM.path("models"), null, modelsRefused ? answer.status() : 200,
                modelsRefused ? answer.answer() : "{\"data\":[{\"id\":\"openai/gpt-4o-mini\",\"object\":\"model\"}],\"object\":\"list\"}",
                "application/json"));
        run.add(exchange(4, Caller.TEAM_KEY, answer.method(), answer.path(), answer.method().equals("GET") ? null : PROBE,
                answer.status(), answer.answer(), answer.answerType()));
        return run;
    }

    private static Exchange exchange(int sequence, Caller caller, String method, String path, String body, int status,
                                     String responseBody, String contentType) {
        String type = contentType.equals("application/json") ? LITELLM.envelopeOf(json(responseBody)).type() : null;
        String callId = "00000000-0000-4000-8000-00000000000" + sequence;
        return Exchange.builder().sequence(sequence).scenario("s").startedAt(Instant.EPOCH).method(method)
                .url("https://litellm.example.com" + path).path(path).requestBody(body).status(status)
                .responseHeaders(Map.of("content-type", contentType, "x-litellm-call-id", callId))
                .responseBody(responseBody).durationMs(10).requestId(callId).errorType(type).caller(caller).build();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return Json.ANSWERS.readTree(text);
        } catch (Exception notJson) {
            return Json.ANSWERS.missingNode();
        }
    }
}
