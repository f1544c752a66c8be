package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.HandMadeEnvironment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every verdict of {@code diagnosis/verdicts.yaml}, on every gateway profile, reads filled: each
 * {@code {fact}} its title, meaning, next steps and references name is a fact the diagnosis has when it
 * chooses that verdict (of the exchange that selected it, when the verdict cites one; of the environment,
 * the profile's words and the run's scenarios always), so no reader ever sees a {@code {placeholder}}.
 */
class VerdictTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");

    @Test
    void everyFactEveryVerdictNamesIsOneTheDiagnosisHasOnEveryGateway() {
        List<String> unfilled = new ArrayList<>();
        for (String gateway : GatewayProfile.names()) {
            for (Diagnosis.Rule rule : Diagnosis.load().verdicts()) {
                unfilled.addAll(unfilled(rule, environment(gateway)));
            }
        }
        assertThat("placeholders no fact fills", unfilled, empty());
    }

    @Test
    void aVerdictNamingAFactNoGatewayHasIsCaught() {
        Diagnosis.Rule healthy = Diagnosis.load().verdicts().stream().filter(rule -> rule.id().equals("healthy")).findFirst().orElseThrow();
        Diagnosis.Rule typo = new Diagnosis.Rule("healthy", "guess: made up here", healthy.when(), "Healthy on {gatewayTitel}",
                "{held}", List.of(), List.of("Ask {support}, quote {status}."), null);
        assertThat(unfilled(typo, environment(GatewayProfile.defaultName())), equalTo(List.of(
                "vercel, verdict healthy: {gatewayTitel}", "vercel, verdict healthy: {status}")));
    }

    @Test
    void theVerdictsAHealthyAndAnUnexplainedRunGetReadFilledOnEveryGateway() {
        for (String gateway : GatewayProfile.names()) {
            Environment environment = environment(gateway);
            for (int failed : new int[] {0, 1}) {
                Verdict verdict = Diagnosis.load().diagnose(List.of(credits(environment)),
                        new Diagnosis.Scenarios(failed, List.of("A funded team reads its balance"), Map.of(), Map.of(), true), environment);
                String texts = String.join("\n", Stream.concat(Stream.of(verdict.title(), verdict.meaning()),
                        verdict.nextSteps().stream()).toList());
                assertThat(gateway + " " + verdict.id(), texts, not(containsString("{")));
                assertThat(gateway + " " + verdict.id(), verdict.id(), equalTo(failed == 0 ? "healthy" : "answer-off-contract"));
                if (failed == 0) {
                    assertThat(gateway + " " + verdict.id(), texts, containsString("A funded team reads its balance"));
                }
            }
        }
    }

    /**
     * Every verdict but the healthy ones and unclassified names the comparison that placed it: diagnosed on its examples
     * (each captured body of both gateways, in the run a user makes, and a run built here for each verdict no capture
     * reaches), its meaning ends with "Placed by: ..." and something after it; and every such verdict of the rules is
     * reached by some example.
     */
    @Test
    void everyVerdictNamesTheComparisonThatPlacedIt() {
        Map<String, Verdict> examples = new java.util.LinkedHashMap<>();
        Diagnosis diagnosis = Diagnosis.load();
        for (dev.aigateway.contract.captured.Captured answer : dev.aigateway.contract.captured.Captured.all()) {
            examples.put(answer.name(), diagnosis.diagnose(CapturedBodiesTest.runMeeting(answer), 1, CapturedBodiesTest.ENVIRONMENT));
        }
        Environment openRouter = OpenRouterCapturedBodiesTest.ENVIRONMENT;
        for (dev.aigateway.contract.captured.Captured answer : dev.aigateway.contract.captured.Captured.of("openrouter")) {
            List<Exchange> run = new ArrayList<>(OpenRouterCapturedBodiesTest.runMeeting(answer));
            if (answer.status() == 404) {
                // As the run sends it: a model that does not exist, on the same route.
                run.add(exchange(openRouter, 5, Caller.TEAM_KEY, "POST", answer.path(), "{\"model\":\"" + Environment.Probe.MODEL_THAT_DOES_NOT_EXIST
                        + "\"}", 400, "{\"error\":{\"message\":\"contract-probe/no-such-model is not a valid model ID\",\"code\":400}}"));
            }
            examples.put(answer.name(), diagnosis.diagnose(run, 1, openRouter));
        }
        Environment vercel = CapturedBodiesTest.ENVIRONMENT;
        String chat = "/v1/chat/completions";
        String probe = "{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":1}";
        String unknown = "{\"model\":\"" + Environment.Probe.MODEL_THAT_DOES_NOT_EXIST + "\",\"max_tokens\":1}";
        Exchange notIssued = exchange(vercel, 1, Caller.NOT_ISSUED_KEY, "GET", "/v1/credits", null, 401,
                "{\"error\":{\"message\":\"Invalid API key or token.\",\"type\":\"authentication_error\"}}");
        Exchange credits = exchange(vercel, 2, Caller.TEAM_KEY, "GET", "/v1/credits", null, 200, "{\"balance\":\"5\",\"total_used\":\"0\"}");
        Exchange served = exchange(vercel, 3, Caller.TEAM_KEY, "POST", chat, probe, 200, "{\"choices\":[]}");
        examples.put("unanswered", diagnosis.diagnose(List.of(Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH)
                .method("GET").url("https://gateway.example/v1/credits").path("/v1/credits").durationMs(5).failure("connect timed out")
                .caller(Caller.TEAM_KEY).neverSent(true).build()), 1, vercel));
        String byok = "{\"model\":\"anthropic/claude-haiku-4.5\",\"providerOptions\":{\"gateway\":{\"byok\":{\"anthropic\":[{\"apiKey\":\"$ANTHROPIC_API_KEY\"}]}}}}";
        examples.put("byok credit gate", diagnosis.diagnose(List.of(notIssued, credits,
                exchange(vercel, 4, Caller.TEAM_KEY, "POST", chat, byok, 402, "{\"error\":{\"message\":\"A positive credit balance is required\",\"type\":\"insufficient_funds\"}}"),
                exchange(vercel, 5, Caller.PROVIDER_DIRECT, "POST", "/v1/messages", "{}", 200, "{\"type\":\"message\"}")), 1, vercel));
        String notFound = "{\"error\":{\"message\":\"Not found\",\"type\":\"not_found_error\"}}";
        examples.put("route not served", diagnosis.diagnose(List.of(notIssued, credits, served,
                exchange(vercel, 4, Caller.TEAM_KEY, "POST", "/v1/responses", probe, 404, notFound),
                exchange(vercel, 5, Caller.TEAM_KEY, "POST", "/v1/responses", unknown, 404, notFound)), 1, vercel));
        examples.put("route refused", diagnosis.diagnose(List.of(notIssued, credits, served,
                exchange(vercel, 4, Caller.TEAM_KEY, "POST", "/v1/messages", probe, 403, "{\"error\":{\"message\":\"Not on this route.\"}}")), 1, vercel));
        examples.put("model refused", diagnosis.diagnose(List.of(notIssued, credits,
                exchange(vercel, 4, Caller.TEAM_KEY, "POST", chat, probe, 404, "{\"error\":{\"message\":\"Retired.\"}}"),
                exchange(vercel, 5, Caller.TEAM_KEY, "POST", chat, unknown, 404, "{\"error\":{\"message\":\"Model not found\",\"type\":\"model_not_found\"}}")),
                1, vercel));
        examples.put("account refused", diagnosis.diagnose(List.of(notIssued, credits,
                exchange(vercel, 4, Caller.TEAM_KEY, "POST", chat, probe, 403, "{\"error\":{\"message\":\"Paused.\"}}")), 1, vercel));
        examples.put("provider refused", diagnosis.diagnose(List.of(notIssued, credits, exchange(vercel, 4, Caller.TEAM_KEY, "POST", chat, probe, 409,
                "{\"type\":\"error\",\"error\":{\"type\":\"busy\",\"message\":\"Later.\"},\"request_id\":\"req_FAKE2\"}")), 1, vercel));
        Environment oidc = vercel.toBuilder().apiKey("token_FAKE").auth(new Environment.Auth("oidc", "team_1", Instant.EPOCH)).build();
        examples.put("oidc expired", diagnosis.diagnose(List.of(credits), 1, oidc));
        // Portkey's own routing refusal, before any routing: 400 {"status":"failure"}, no x-portkey-* header.
        Environment portkey = environment("portkey");
        examples.put("portkey routing refused", diagnosis.diagnose(List.of(Exchange.builder().sequence(1).scenario("s1").startedAt(Instant.EPOCH)
                .method("POST").url("http://127.0.0.1:8787" + chat).path(chat).requestBody(probe).status(400)
                .responseHeaders(Map.of("content-type", "application/json"))
                .responseBody("{\"status\":\"failure\",\"message\":\"Either x-portkey-config or x-portkey-provider header is required\"}")
                .durationMs(5).caller(Caller.TEAM_KEY).build()), 1, portkey));

        // Nothing of the key refused, yet a scenario's check failed: the check placed it.
        examples.put("answer off contract", diagnosis.diagnose(List.of(notIssued, credits, served), new Diagnosis.Scenarios(1, List.of(),
                Map.of(), Map.of(), true, Map.of("The routing metadata shows the byok attempt", "Expected: \"byok\" but: was \"system\"")), vercel));
        // A run that left every comparison out (a tag chose one scenario): the probe's 400 has nothing to be compared with.
        examples.put("unplaced", diagnosis.diagnose(List.of(exchange(vercel, 1, Caller.TEAM_KEY, "POST", chat, probe, 400,
                "{\"error\":{\"message\":\"Odd.\"}}")), 1, vercel));

        Set<String> unplaced = Set.of("healthy", "healthy-no-inference", "incomplete", "unclassified");
        List<String> missing = new ArrayList<>();
        examples.forEach((name, verdict) -> {
            int at = verdict.meaning().indexOf(" Placed by: ");
            if (!unplaced.contains(verdict.id()) && (at < 0 || verdict.meaning().substring(at + " Placed by: ".length()).length() < 10)) {
                missing.add(name + " (" + verdict.id() + "): " + verdict.meaning());
            }
        });
        assertThat("verdicts whose text does not say what placed them", missing, empty());
        Set<String> reached = new HashSet<>();
        examples.values().forEach(verdict -> reached.add(verdict.id()));
        List<String> neverReached = Diagnosis.load().verdicts().stream().map(Diagnosis.Rule::id).distinct()
                .filter(id -> !unplaced.contains(id) && !reached.contains(id)).toList();
        assertThat("verdicts no example reaches", neverReached, empty());
    }

    private static Exchange exchange(Environment environment, int sequence, Caller caller, String method, String path, String body,
                                     int status, String answer) {
        String requestId = environment.profile().requestId().header();
        return Exchange.builder().sequence(sequence).scenario("s" + sequence).startedAt(Instant.EPOCH).method(method)
                .url("https://gateway.example" + path).path(path).requestBody(body).status(status)
                .responseHeaders(Map.of("content-type", "application/json", requestId, "iad1::" + sequence)).responseBody(answer)
                .durationMs(5).requestId("iad1::" + sequence)
                .errorType(environment.profile().envelopeOf(dev.aigateway.contract.http.AnswerJson.object(answer)).type()).caller(caller).build();
    }

    /** "gateway, verdict id: {name}" for each placeholder of {@code rule}'s texts that no fact fills. */
    private static List<String> unfilled(Diagnosis.Rule rule, Environment environment) {
        Set<String> facts = new HashSet<>(Facts.ofEnvironment(environment).keySet());
        facts.addAll(Diagnosis.Scenarios.failed(0).facts().keySet());
        // An unmatched {message} is dropped.
        facts.add("message");
        boolean citesAnExchange = rule.when().stream().anyMatch(condition -> condition.some() != null || condition.someOf() != null);
        if (citesAnExchange) {
            facts.addAll(Facts.ofRun(List.of(credits(environment)), environment).get(0).keySet());
        }
        List<String> texts = new ArrayList<>(List.of(rule.title(), rule.meaning()));
        texts.addAll(rule.nextSteps() == null ? List.of() : rule.nextSteps());
        texts.addAll(rule.references() == null ? List.of() : rule.references());
        List<String> unfilled = new ArrayList<>();
        for (String text : texts) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                if (!facts.contains(placeholder.group(1))) {
                    unfilled.add(environment.profile().name() + ", verdict " + rule.id() + ": " + placeholder.group());
                }
            }
        }
        return unfilled;
    }

    private static Environment environment(String gateway) {
        return HandMadeEnvironment.mine().name(gateway).gateway(gateway).build();
    }

    /** The team's key reading its balance on the gateway's key-check route, answered 200. */
    private static Exchange credits(Environment environment) {
        GatewayProfile profile = environment.profile();
        String path = profile.keyCheckRoute().path();
        Map<String, String> headers = new java.util.HashMap<>(Map.of("content-type", "application/json", profile.requestId().header(), "id-1"));
        headers.put(profile.ownAnswer().header(), "id-1");
        return Exchange.builder().sequence(1).scenario("A funded team reads its balance").startedAt(Instant.EPOCH)
                .method("GET").url("https://gateway.example" + path).path(path).status(200)
                .responseHeaders(headers)
                .responseBody("{}").durationMs(10).requestId("id-1").caller(Caller.TEAM_KEY).build();
    }
}
