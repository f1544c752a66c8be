package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When the variants of the application's request found what its refusal follows, the verdict is request-level
 * whatever the status, the type or the words: a refusal in words no rule knows, with no error type (as
 * OpenRouter's usually are), or with a status no request rule lists, is placed by the comparison. The bodies
 * are reworded on purpose: no rule was written from them.
 */
class RequestPlacedByVariantsTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));

    @ParameterizedTest(name = "{0}: {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "local            | /v1/chat/completions     | 400 | {\"error\":{\"message\":\"Thinking budget exceeds the permitted window for this deployment.\"}}",
            "local            | /v1/chat/completions     | 422 | {\"error\":{\"message\":\"Unprocessable: the temperature and top_p cannot be combined.\",\"type\":\"unprocessable_entity\"}}",
            "local-openrouter | /api/v1/chat/completions | 400 | {\"error\":{\"message\":\"Reasoning is mandatory for this endpoint and cannot be disabled.\",\"code\":400}}",
            "local-openrouter | /api/v1/chat/completions | 413 | {\"error\":{\"message\":\"Prompt payload too large for the selected route.\",\"code\":413}}"})
    void aRefusalTheVariantsPlacedIsRequestRejectedWhateverItsWords(String env, String path, int status, String body) {
        Environment environment = new EnvironmentLoader(ROOT, Map.of()).load(env);
        String host = "https://gateway.example";
        String requestId = environment.profile().requestId().header();
        Exchange probe = Exchange.builder().sequence(1).scenario("The smallest chat completion").startedAt(Instant.EPOCH)
                .method("POST").url(host + path).path(path)
                .requestBody("{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":1}").status(200)
                .responseHeaders(Map.of("content-type", "application/json", requestId, "iad1::probe"))
                .responseBody("{\"id\":\"gen_1\",\"choices\":[{\"message\":{\"content\":\"Hi\"}}]}").durationMs(5)
                .requestId("iad1::probe").caller(Caller.TEAM_KEY).build();
        Exchange refused = Exchange.builder().sequence(2).scenario("Your application's request 1").startedAt(Instant.EPOCH)
                .method("POST").url(host + path).path(path)
                .requestBody("{\"model\":\"openai/gpt-4o-mini\",\"reasoning\":{\"enabled\":false},\"temperature\":0.2}")
                .status(status).responseHeaders(Map.of("content-type", "application/json", requestId, "iad1::refused"))
                .responseBody(body).durationMs(5).requestId("iad1::refused").caller(Caller.TEAM_KEY).build()
                .withFinding("the gateway refuses the request with `reasoning`; without it, it is served", "reasoning");

        Verdict verdict = Diagnosis.load().diagnose(List.of(probe, refused), 1, environment);

        assertThat(verdict.id(), equalTo("request-rejected"));
        assertThat(verdict.meaning(), containsString("the variants of your request, each changing one"));
        assertThat(verdict.meaning(), containsString("the fix is in the request (reasoning)"));

        // Without the variants' finding, the probe served on the same route places it at the request, and says so.
        Verdict byProbe = Diagnosis.load().diagnose(List.of(probe, refused.withFinding("", "")), 1, environment);
        assertThat(byProbe.id(), equalTo("request-rejected"));
        assertThat(byProbe.meaning(), containsString("Placed by: the probe on " + path + " was served (200, openai/gpt-4o-mini)"));
        assertThat(byProbe.meaning(), not(containsString("the variants")));
        // On another model than the probe's, the model may be the cause: the probe does not place it at the request.
        Exchange otherModel = refused.withFinding("", "").toBuilder()
                .requestBody("{\"model\":\"moonshotai/kimi-k2.6\",\"reasoning\":{\"enabled\":false}}").build();
        assertThat(Diagnosis.load().diagnose(List.of(probe, otherModel), 1, environment).meaning(), not(containsString("Placed by: the probe on")));
        // Nor the probe: the refusal is not placed at the request.
        Verdict alone = Diagnosis.load().diagnose(List.of(refused.withFinding("", "")), 1, environment);
        assertThat("without the variants or the probe, nothing places it at the request", alone.id(), not(equalTo("request-rejected")));
    }
}
