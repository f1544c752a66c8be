package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
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
 * The team's key against itself: a 401 is invalid-key only when the gateway served the key nowhere in the run.
 * Where its key check answered 200, a 401 on inference is someone else's refusal (a provider's passed through,
 * a BYOK key), never "create a new key".
 */
class KeyLayerByComparisonTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "local            | /v1/credits     | {\"balance\":\"12.50\",\"total_used\":\"0.01\"} | /v1/chat/completions     | {\"error\":{\"message\":\"Incorrect API key provided: sk-FAKE****1234.\",\"type\":\"authentication_error\"}}",
            "local-openrouter | /api/v1/key     | {\"data\":{\"label\":\"sk-or-v1-FAK...123\",\"limit\":null,\"usage\":0.5}} | /api/v1/chat/completions | {\"error\":{\"message\":\"Provider returned error\",\"code\":401,\"metadata\":{\"provider_name\":\"OpenAI\",\"is_byok\":true,\"raw\":\"{\\\"error\\\":{\\\"message\\\":\\\"Incorrect API key provided\\\",\\\"code\\\":\\\"invalid_api_key\\\"}}\"}}}"})
    void a401AfterTheKeyWasServedIsNotInvalidKey(String env, String checkPath, String checkBody, String path, String refusal) {
        Environment environment = new EnvironmentLoader(ROOT, Map.of()).load(env);
        Exchange keyCheck = exchange(environment, 1, "GET", checkPath, null, 200, checkBody);
        Exchange refused = exchange(environment, 2, "POST", path, "{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":1}", 401, refusal);

        Verdict served = Diagnosis.load().diagnose(List.of(keyCheck, refused), 1, environment);
        assertThat(served.id(), not(equalTo("invalid-key")));

        Exchange keyRefused = exchange(environment, 1, "GET", checkPath, null, 401, refusal);
        assertThat("refused everywhere, the key is the cause",
                Diagnosis.load().diagnose(List.of(keyRefused, refused), 2, environment).id(), equalTo("invalid-key"));
    }

    private static Exchange exchange(Environment environment, int sequence, String method, String path, String body, int status,
                                     String answer) {
        String requestId = environment.profile().requestId().header();
        return Exchange.builder().sequence(sequence).scenario("s" + sequence).startedAt(Instant.EPOCH).method(method)
                .url("https://gateway.example" + path).path(path).requestBody(body).status(status)
                .responseHeaders(Map.of("content-type", "application/json", requestId, "iad1::" + sequence))
                .responseBody(answer).durationMs(5).requestId("iad1::" + sequence)
                .errorType(answer.contains("authentication_error") ? "authentication_error" : null).caller(Caller.TEAM_KEY)
                .build();
    }
}
