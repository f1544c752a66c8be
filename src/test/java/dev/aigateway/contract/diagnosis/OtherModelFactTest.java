package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fact {@code otherModel} from what the same probe on another model got, on each gateway: served, same (the
 * model's own id in the message read as one word), different (another status, type or message), and empty on the
 * probe when it was not tried, on the experiment's own exchange, on another route and on the model that does not exist.
 */
class OtherModelFactTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));

    @ParameterizedTest(name = "{0}: {3} {4} -> {5}")
    @CsvSource(delimiter = '|', value = {
            "local            | /v1/chat/completions     | {\"error\":{\"message\":\"Not for {model}.\",\"type\":\"forbidden\"}} | 200 | {\"id\":\"gen_1\"} | served",
            "local            | /v1/chat/completions     | {\"error\":{\"message\":\"Not for {model}.\",\"type\":\"forbidden\"}} | 403 | {\"error\":{\"message\":\"Not for {model}.\",\"type\":\"forbidden\"}} | same",
            "local            | /v1/chat/completions     | {\"error\":{\"message\":\"Not for {model}.\",\"type\":\"forbidden\"}} | 403 | {\"error\":{\"message\":\"Not for {model}.\",\"type\":\"access_denied\"}} | different",
            "local            | /v1/chat/completions     | {\"error\":{\"message\":\"Not for {model}.\",\"type\":\"forbidden\"}} | 402 | {\"error\":{\"message\":\"Not for {model}.\",\"type\":\"forbidden\"}} | different",
            "local-openrouter | /api/v1/chat/completions | {\"error\":{\"message\":\"No endpoints found for {model}.\",\"code\":404}} | 200 | {\"id\":\"gen-1\"} | served",
            "local-openrouter | /api/v1/chat/completions | {\"error\":{\"message\":\"No endpoints found for {model}.\",\"code\":404}} | 404 | {\"error\":{\"message\":\"No endpoints found for {model}.\",\"code\":404}} | same",
            "local-openrouter | /api/v1/chat/completions | {\"error\":{\"message\":\"No endpoints found for {model}.\",\"code\":404}} | 404 | {\"error\":{\"message\":\"No endpoints found for this model.\",\"code\":404}} | different",
            "local-openrouter | /api/v1/chat/completions | {\"error\":{\"message\":\"{model} takes no max_tokens of 1.\",\"code\":400}} | 200 | {\"id\":\"gen-1\"} | served",
    })
    void theOtherModelsAnswerIsTheFactOnTheRefusedProbeAlone(String env, String path, String refusal, int otherStatus,
                                                            String otherBody, String fact) {
        Environment environment = new EnvironmentLoader(ROOT, Map.of()).load(env);
        String probe = "openai/gpt-4o-mini";
        String other = "anthropic/claude-haiku-4.5";
        List<Exchange> exchanges = new ArrayList<>();
        exchanges.add(exchange(environment, 1, "The smallest chat completion", path, probe, status(refusal),
                refusal.replace("{model}", probe)));
        exchanges.add(exchange(environment, 2, "A model that does not exist", path, Environment.Probe.MODEL_THAT_DOES_NOT_EXIST, 400,
                "{\"error\":{\"message\":\"no such model\",\"code\":400}}"));
        exchanges.add(exchange(environment, 3, "The smallest chat completion, streamed", path, probe, status(refusal),
                refusal.replace("{model}", probe)));

        List<Map<String, String>> before = Facts.ofRun(exchanges, environment);
        assertThat("not tried: empty", before.stream().map(f -> f.get("otherModel")).toList(), equalTo(List.of("", "", "")));

        exchanges.add(exchange(environment, 4, OtherModel.SCENARIO, path, other, otherStatus, otherBody.replace("{model}", other)));
        List<Map<String, String>> facts = Facts.ofRun(exchanges, environment);
        assertThat(facts.stream().map(f -> f.get("otherModel")).toList(), equalTo(List.of(fact, "", fact, "")));
    }

    /** The closing block's Routes line says what the other model got beside the route's own refusal, never as it. */
    @org.junit.jupiter.api.Test
    void theRoutesLineSaysTheOtherModelsAnswerBesideTheRefusal() {
        Environment environment = new EnvironmentLoader(ROOT, Map.of()).load("local");
        String refusal = "{\"error\":{\"message\":\"Not for you.\",\"type\":\"forbidden\"}}";
        List<Exchange> exchanges = List.of(
                exchange(environment, 1, "The smallest chat completion", "/v1/chat/completions", "anthropic/claude-haiku-4.5", 403, refusal),
                exchange(environment, 2, OtherModel.SCENARIO, "/v1/chat/completions", "openai/gpt-5-nano", 200, "{\"id\":\"gen_1\"}"));
        assertThat(dev.aigateway.contract.evidence.RouteOutcomes.of(exchanges, environment.profile()), equalTo(List.of(
                "chat-completions refused (403 forbidden, #1); the same probe on openai/gpt-5-nano: served (200)")));
    }

    /**
     * Only a contract scenario's own probe is tried on another model: the application's request refused on the same route keeps
     * no otherModel fact (its refusal is the request's to find, by its variants), and a route the catalog names no other model
     * for (OpenRouter's embeddings) is not tried at all.
     */
    @org.junit.jupiter.api.Test
    void neitherTheApplicationsRequestNorARouteWithoutAnotherModelIsTried() {
        Environment environment = new EnvironmentLoader(ROOT, Map.of()).load("local");
        String refusal = "{\"error\":{\"message\":\"Not for you.\",\"type\":\"forbidden\"}}";
        Exchange probe = exchange(environment, 1, "The smallest chat completion", "/v1/chat/completions", "openai/gpt-4o-mini", 403, refusal);
        Exchange application = exchange(environment, 2, "Your application's request 1", "/v1/chat/completions", "openai/gpt-4o-mini", 403, refusal);
        Exchange other = exchange(environment, 3, OtherModel.SCENARIO, "/v1/chat/completions", "openai/gpt-5-nano", 200, "{\"id\":\"gen_1\"}");
        List<Map<String, String>> facts = Facts.ofRun(List.of(probe, application, other), environment);
        assertThat(facts.stream().map(f -> f.get("otherModel")).toList(), equalTo(List.of("served", "", "")));
        assertThat(OtherModel.refusedProbe(probe, environment.profile()), equalTo(java.util.Optional.of("chat-completions")));
        assertThat(OtherModel.refusedProbe(application, environment.profile()), equalTo(java.util.Optional.empty()));

        Environment openRouter = new EnvironmentLoader(ROOT, Map.of()).load("local-openrouter");
        Exchange embeddings = exchange(openRouter, 4, "An embedding", "/api/v1/embeddings", "openai/text-embedding-3-small", 403,
                "{\"error\":{\"message\":\"Not for you.\",\"code\":403}}");
        assertThat(RouteServed.routeOf(embeddings, openRouter.profile()).orElseThrow().id(), equalTo("embeddings"));
        assertThat("OpenRouter's catalog names no other model for embeddings", OtherModel.refusedProbe(embeddings, openRouter.profile()),
                equalTo(java.util.Optional.empty()));
    }

    /**
     * The route served only on another model, after the probe's refusal there, is no other route served: a refusal on
     * another route is not "refused on that route only" because of it.
     */
    @org.junit.jupiter.api.Test
    void aRouteServedOnlyOnAnotherModelIsNoOtherRouteServed() {
        Environment environment = new EnvironmentLoader(ROOT, Map.of()).load("local");
        String refusal = "{\"error\":{\"message\":\"Not for you.\",\"type\":\"forbidden\"}}";
        List<Exchange> exchanges = List.of(
                exchange(environment, 1, "The smallest chat completion", "/v1/chat/completions", "openai/gpt-4o-mini", 403, refusal),
                exchange(environment, 2, "The smallest message", "/v1/messages", "openai/gpt-4o-mini", 403, refusal),
                exchange(environment, 3, OtherModel.SCENARIO, "/v1/chat/completions", "openai/gpt-5-nano", 200, "{\"id\":\"gen_1\"}"));
        List<Map<String, String>> facts = Facts.ofRun(exchanges, environment);
        assertThat(facts.get(1).get("otherRouteServed"), equalTo("false"));
        assertThat(Diagnosis.load().diagnose(exchanges, 2, environment).id(), org.hamcrest.Matchers.not(equalTo("route-refused")));
    }

    /** The status a refusal body says (its code, else 403 for Vercel's typed envelope). */
    private static int status(String body) {
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"code\":(\\d+)").matcher(body);
        return code.find() ? Integer.parseInt(code.group(1)) : 403;
    }

    private static Exchange exchange(Environment environment, int sequence, String scenario, String path, String model,
                                     int status, String body) {
        String requestId = environment.profile().ownAnswer().header();
        String type = dev.aigateway.contract.http.AnswerJson.object(body).at("/error/type").asText(null);
        return Exchange.builder().sequence(sequence).scenario(scenario).startedAt(Instant.EPOCH).method("POST")
                .url("https://gateway.example" + path).path(path)
                .requestBody("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}],\"max_tokens\":1}")
                .status(status).responseHeaders(Map.of("content-type", "application/json", requestId, "iad1::" + sequence))
                .responseBody(body).durationMs(5).requestId("iad1::" + sequence).errorType(type).caller(Caller.TEAM_KEY).build();
    }
}
