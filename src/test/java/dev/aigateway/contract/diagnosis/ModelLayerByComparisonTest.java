package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
 * A 404 on a completion is placed by comparison, not by its words: when the same route answered a model that
 * does not exist otherwise, the route is served and the 404 is the model's (model-unavailable); when it answered
 * it the same, the route itself is not served (route-not-served). The OpenRouter bodies are public captures the
 * model-layer rule was not written from (it was written from chatboxai/chatbox#2743).
 */
class ModelLayerByComparisonTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            // https://github.com/infiniflow/ragflow/issues/2359
            "local-openrouter | /api/v1/chat/completions | {\"error\":{\"message\":\"No endpoints found for this model.\",\"code\":404},\"user_id\":\"user_2lBakZZi7xxxxxxxxxxbTJ4\"}",
            // https://github.com/lastmile-ai/mcp-agent/issues/237
            "local-openrouter | /api/v1/chat/completions | {\"error\":{\"message\":\"No endpoints found that support tool use. To learn more about provider routing, visit: https://openrouter.ai/docs/provider-routing\",\"code\":404}}",
            // https://github.com/vyancharuk/nodejs-api-boilerplate/issues/16 (the message as the issue quotes it)
            "local-openrouter | /api/v1/chat/completions | {\"error\":{\"message\":\"No endpoints found for nousresearch/hermes-3-llama-3.1-405b:free.\",\"code\":404}}",
            // Reworded, typeless, on Vercel: no rule knows these words.
            "local            | /v1/chat/completions     | {\"error\":{\"message\":\"This model has no deployment serving requests right now.\"}}"})
    void a404TheSameRouteToldApartFromAMissingModelIsTheModels(String env, String path, String body) {
        Environment environment = new EnvironmentLoader(ROOT, Map.of()).load(env);
        Exchange probe = exchange(environment, 1, path, environment.probe().model(), 404, body);
        Exchange unknown = unknownModel(environment, path);

        Verdict verdict = Diagnosis.load().diagnose(List.of(probe, unknown), 1, environment);
        assertThat(verdict.id(), equalTo("model-unavailable"));
        assertThat(verdict.meaning(), containsString("a model that does not exist got another answer"));

        Exchange sameAsProbe = exchange(environment, 2, path, Environment.Probe.MODEL_THAT_DOES_NOT_EXIST, 404, body);
        assertThat("answered alike, the route itself is not served",
                Diagnosis.load().diagnose(List.of(probe, sameAsProbe), 2, environment).id(), equalTo("route-not-served"));
    }

    /** The unknown model as each gateway refuses it (its profile's answers.unknownModel). */
    private static Exchange unknownModel(Environment environment, String path) {
        boolean typed = environment.profile().answers().unknownModel().status() == 404;
        return typed
                ? exchange(environment, 2, path, Environment.Probe.MODEL_THAT_DOES_NOT_EXIST, 404,
                        "{\"error\":{\"message\":\"Model not found\",\"type\":\"model_not_found\"}}")
                : exchange(environment, 2, path, Environment.Probe.MODEL_THAT_DOES_NOT_EXIST, 400,
                        "{\"error\":{\"message\":\"contract-probe/no-such-model is not a valid model ID\",\"code\":400}}");
    }

    private static Exchange exchange(Environment environment, int sequence, String path, String model, int status, String body) {
        String requestId = environment.profile().requestId().header();
        String type = body.contains("model_not_found") ? "model_not_found" : null;
        return Exchange.builder().sequence(sequence).scenario("The smallest chat completion").startedAt(Instant.EPOCH)
                .method("POST").url("https://gateway.example" + path).path(path)
                .requestBody("{\"model\":\"" + model + "\",\"max_tokens\":1}").status(status)
                .responseHeaders(Map.of("content-type", "application/json", requestId, "iad1::" + sequence))
                .responseBody(body).durationMs(5).requestId("iad1::" + sequence).errorType(type).caller(Caller.TEAM_KEY)
                .build();
    }
}
