package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.http.AnswerJson;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failure is placed in a layer by the run's comparisons, not by its words: each body below is worded as no rule
 * was written from (made up here, most without an error type, as OpenRouter's usually are), and still reaches its
 * layer's verdict, whose meaning ends with the comparison that placed it. Where the comparisons disagree, the run
 * is unclassified. {@code otherModel}, the other-model experiment's fact, is set by hand on the run's facts.
 */
class LayerTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));
    private static final String PROBE = "{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":1}";
    private static final String SERVED = "{\"id\":\"gen_1\",\"choices\":[{\"message\":{\"content\":\"pong\"}}]}";
    private final Diagnosis diagnosis = Diagnosis.load();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "local-openrouter"})
    void noAnswerIsTheNetworksWhateverTheClientSays(String env) {
        Environment environment = load(env);
        Exchange silent = Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method("GET")
                .url("https://gateway.example" + keyCheck(environment)).path(keyCheck(environment)).durationMs(5)
                .failure("the line went quiet after 12 bytes (made up)").caller(Caller.TEAM_KEY).build();
        Verdict verdict = diagnosis.diagnose(List.of(silent), 1, environment);
        assertThat(verdict.id(), equalTo("unreachable"));
        assertThat(verdict.meaning(), containsString("Placed by: the request went out and no answer came (the line went quiet"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "local-openrouter"})
    void anAnswerThatIsNotTheGatewaysOwnIsTheAnswerers(String env) {
        Environment environment = load(env);
        Exchange teapot = exchange(environment, 1, Caller.TEAM_KEY, "GET", keyCheck(environment), null, 418,
                "I am a teapot, not your gateway.", "text/plain");
        Verdict verdict = diagnosis.diagnose(List.of(teapot), 1, environment);
        assertThat(verdict.id(), equalTo("not-the-gateway"));
        assertThat(verdict.meaning(), containsString("Placed by: GET " + keyCheck(environment) + " got 418 in an answer that is not"));
    }

    /** A gateway that refused unknown keys with 403 in new words: refused as a key never issued, served nowhere. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "local-openrouter"})
    void aKeyRefusedAsAKeyNeverIssuedIsTheKeysWhateverTheStatus(String env) {
        Environment environment = load(env);
        String refusal = "{\"error\":{\"message\":\"Credential unrecognised by this deployment.\",\"code\":403}}";
        List<Exchange> run = List.of(
                exchange(environment, 1, Caller.NOT_ISSUED_KEY, "GET", keyCheck(environment), null, 403, refusal, "application/json"),
                exchange(environment, 2, Caller.TEAM_KEY, "GET", keyCheck(environment), null, 403, refusal, "application/json"),
                exchange(environment, 3, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 403, refusal, "application/json"));
        Verdict verdict = diagnosis.diagnose(run, 1, environment);
        assertThat(verdict.id(), equalTo("invalid-key"));
        assertThat(verdict.meaning(), containsString("Credential unrecognised by this deployment."));
        assertThat(verdict.meaning(), containsString("Placed by: your key got 403 as a key never issued did (on " + keyCheck(environment)
                + "), and " + environment.profile().words().get("theGateway") + " served it nowhere in this run."));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "local-openrouter"})
    void aKnownKeyRefusedInNewWordsIsTheAccounts(String env) {
        Environment environment = load(env);
        List<Exchange> run = keyServedThen(environment, exchange(environment, 4, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 403,
                "{\"error\":{\"message\":\"Organisation paused pending a compliance review.\",\"code\":403}}", "application/json"));
        Verdict verdict = diagnosis.diagnose(run, 1, environment);
        assertThat(verdict.id(), equalTo("account-refused"));
        assertThat(verdict.meaning(), containsString("\"Organisation paused pending a compliance review.\""));
        assertThat(verdict.meaning(), containsString("Placed by: your key got 403 where a key never issued got 401"));
    }

    /** The other-model experiment's three outcomes on the same refusal: model, account, account. */
    @Test
    void anotherModelServedPlacesTheRefusalAtTheModelRefusedAlikeAtTheAccount() {
        Environment environment = load("local-openrouter");
        List<Exchange> run = keyServedThen(environment, exchange(environment, 4, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 403,
                "{\"error\":{\"message\":\"Reserved for enterprise tiers.\",\"code\":403}}", "application/json"));
        Verdict served = withOtherModel(run, environment, "served");
        assertThat(served.id(), equalTo("model-unavailable"));
        assertThat(served.meaning(), containsString("Placed by: another catalog model was served where openai/gpt-4o-mini got 403."));
        Verdict same = withOtherModel(run, environment, "same");
        assertThat(same.id(), equalTo("account-refused"));
        assertThat(same.meaning(), containsString("and another catalog model was refused the same way."));
        assertThat(withOtherModel(run, environment, "different").meaning(), containsString("and another catalog model was refused too."));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "local-openrouter"})
    void aRouteThatToldAMissingModelApartPlacesANewly404AtTheModel(String env) {
        Environment environment = load(env);
        boolean typed = environment.profile().answers().unknownModel().status() == 404;
        List<Exchange> run = keyServedThen(environment,
                exchange(environment, 4, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 404,
                        "{\"error\":{\"message\":\"That model was retired from every host last week.\"}}", "application/json"),
                exchange(environment, 5, Caller.TEAM_KEY, "POST", chat(environment),
                        "{\"model\":\"" + Environment.Probe.MODEL_THAT_DOES_NOT_EXIST + "\",\"max_tokens\":1}", typed ? 404 : 400,
                        typed ? "{\"error\":{\"message\":\"Model not found\",\"type\":\"model_not_found\"}}"
                                : "{\"error\":{\"message\":\"not a valid model ID\",\"code\":400}}", "application/json"));
        Verdict verdict = diagnosis.diagnose(run, 1, environment);
        assertThat(verdict.id(), equalTo("model-unavailable"));
        assertThat(verdict.meaning(), containsString("Placed by: on " + chat(environment) + " a model that does not exist got another answer"));
    }

    @Test
    void aProviderNamedOrItsOwnEnvelopePlacesTheRefusalAtTheProvider() {
        Environment openRouter = load("local-openrouter");
        Verdict named = diagnosis.diagnose(keyServedThen(openRouter, exchange(openRouter, 4, Caller.TEAM_KEY, "POST", chat(openRouter), PROBE, 409,
                "{\"error\":{\"message\":\"Upstream declined.\",\"code\":409,\"metadata\":{\"provider_name\":\"Acme Cloud\","
                        + "\"raw\":\"{\\\"error\\\":{\\\"message\\\":\\\"quota wobble in the east\\\"}}\"}}}", "application/json")), 1, openRouter);
        assertThat(named.id(), equalTo("provider-refused"));
        assertThat(named.meaning(), containsString("quota wobble in the east"));
        assertThat(named.meaning(), containsString("Placed by: POST /api/v1/chat/completions got 409, and the answer names Acme Cloud as the provider that failed."));

        Environment vercel = load("local");
        Verdict envelope = diagnosis.diagnose(keyServedThen(vercel, exchange(vercel, 4, Caller.TEAM_KEY, "POST", chat(vercel), PROBE, 409,
                "{\"type\":\"error\",\"error\":{\"type\":\"busy_elsewhere\",\"message\":\"Try a quieter hour.\"},\"request_id\":\"req_FAKE1\"}",
                "application/json")), 1, vercel);
        assertThat(envelope.id(), equalTo("provider-refused"));
        assertThat(envelope.meaning(), containsString("Placed by: POST /v1/chat/completions got 409 busy_elsewhere, and the answer is the"
                + " provider's own envelope (its request id req_FAKE1)."));
    }

    /** Found by the variants, the refusal is the request's whatever its status: not insufficient-funds, not an outage. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local:500", "local-openrouter:402", "local-openrouter:500"})
    void aTriggerTheVariantsFoundIsTheRequestsWhateverTheStatus(String envAndStatus) {
        Environment environment = load(envAndStatus.split(":")[0]);
        int status = Integer.parseInt(envAndStatus.split(":")[1]);
        Exchange refused = exchange(environment, 4, Caller.TEAM_KEY, "POST", chat(environment),
                "{\"model\":\"openai/gpt-4o-mini\",\"tools\":[{\"type\":\"function\"}]}", status,
                "{\"error\":{\"message\":\"Hiccup while weighing the tool list.\",\"code\":" + status + "}}", "application/json");
        Exchange application = refused.toBuilder().scenario("Your application's request 1").build()
                .withFinding("the gateway refuses the request with `tools`; without it, it is served", "tools");
        List<Exchange> run = new ArrayList<>(keyServedThen(environment,
                exchange(environment, 3, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 200, SERVED, "application/json")));
        run.add(application);
        Verdict verdict = diagnosis.diagnose(run, 1, environment);
        assertThat(verdict.id(), equalTo("request-rejected"));
        assertThat(verdict.meaning(), containsString("Placed by: the variants of your request, each changing one thing, found what the refusal follows (tools)."));
    }

    /** The key refused exactly as a key never issued, yet served in the same run: no layer holds, and no rule decides by words. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "local-openrouter"})
    void aKeyRefusedAsNeverIssuedYetServedIsUnclassified(String env) {
        Environment environment = load(env);
        String refusal = "{\"error\":{\"message\":\"Who are you, again?\",\"code\":401}}";
        List<Exchange> run = List.of(
                exchange(environment, 1, Caller.NOT_ISSUED_KEY, "GET", keyCheck(environment), null, 401, refusal, "application/json"),
                exchange(environment, 2, Caller.TEAM_KEY, "GET", keyCheck(environment), null, 200, "{\"data\":{\"usage\":0}}", "application/json"),
                exchange(environment, 3, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 401, refusal, "application/json"));
        Verdict verdict = diagnosis.diagnose(run, 1, environment);
        assertThat(verdict.id(), equalTo("unclassified"));
        assertThat(verdict.title(), equalTo("Unclassified (the run's comparisons disagree)"));
        assertThat(verdict.meaning(), containsString("your key got 401 on " + chat(environment) + " exactly as a key never issued did on "
                + keyCheck(environment) + ", yet"));
        assertThat(verdict.evidence(), equalTo(List.of(3)));
    }

    /**
     * A route that answers the probe's model as it answers a model that does not exist looks unserved; another catalog model
     * served on it says the route is served and this model is not: model-unavailable, not route-not-served.
     */
    @Test
    void anotherModelServedWhereTheRouteLooksUnservedIsTheModels() {
        Environment environment = load("local");
        String notFound = "{\"error\":{\"message\":\"Nothing lives here.\"}}";
        List<Exchange> run = keyServedThen(environment,
                exchange(environment, 4, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 404, notFound, "application/json"),
                exchange(environment, 5, Caller.TEAM_KEY, "POST", chat(environment),
                        "{\"model\":\"" + Environment.Probe.MODEL_THAT_DOES_NOT_EXIST + "\",\"max_tokens\":1}", 404, notFound, "application/json"));
        assertThat("without the other model, the route is not served", diagnosis.diagnose(run, 1, environment).id(), equalTo("route-not-served"));
        Verdict verdict = withOtherModel(run, environment, "served");
        assertThat(verdict.id(), equalTo("model-unavailable"));
        assertThat(verdict.meaning(), containsString("Placed by: another catalog model was served where openai/gpt-4o-mini got 404, the same"
                + " answer as a model that does not exist got there."));
    }

    @Test
    void aHealthyExchangeIsPlacedNowhere() {
        Environment environment = load("local");
        List<Map<String, String>> facts = Facts.ofRun(keyServedThen(environment,
                exchange(environment, 3, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 200, SERVED, "application/json")), environment);
        facts.forEach(fact -> {
            assertThat(fact.get("path"), fact.get("placedBy"), emptyString());
            assertThat(fact.get("layer"), emptyString());
        });
        assertThat("the never-issued key's own 401 is the comparison, not a failure", facts.get(0).get("caller"), equalTo("not-issued-key"));
    }

    /** The run's facts with {@code otherModel} set on the failed probe (#4), placed again, and its verdict. */
    private Verdict withOtherModel(List<Exchange> run, Environment environment, String otherModel) {
        List<Map<String, String>> facts = Facts.ofRun(run, environment);
        int failed = run.indexOf(run.stream().filter(e -> e.sequence() == 4).findFirst().orElseThrow());
        facts.get(failed).put("otherModel", otherModel);
        Layer.place(facts, environment.profile().words().get("theGateway"));
        assertThat(facts.get(failed).get("otherModel"), equalTo(otherModel));
        assertThat(facts.get(failed).get("placedBy") + facts.get(failed).get("contradicts"), not(emptyString()));
        return diagnosis.choose(run, facts, Diagnosis.Scenarios.failed(1), environment);
    }

    /** A key never issued refused with 401 on the key check, the team's key served there, the public catalog, then {@code more}. */
    private static List<Exchange> keyServedThen(Environment environment, Exchange... more) {
        List<Exchange> run = new ArrayList<>(List.of(
                exchange(environment, 1, Caller.NOT_ISSUED_KEY, "GET", keyCheck(environment), null, 401,
                        "{\"error\":{\"message\":\"Invalid API key or token.\",\"type\":\"authentication_error\",\"code\":401}}", "application/json"),
                exchange(environment, 2, Caller.TEAM_KEY, "GET", keyCheck(environment), null, 200, "{\"data\":{\"usage\":0}}", "application/json")));
        run.addAll(List.of(more));
        return run;
    }

    private static Exchange exchange(Environment environment, int sequence, Caller caller, String method, String path, String body,
                                     int status, String answer, String contentType) {
        String requestId = environment.profile().requestId().header();
        String type = contentType.equals("application/json") ? environment.profile().envelopeOf(AnswerJson.object(answer)).type() : null;
        return Exchange.builder().sequence(sequence).scenario("s" + sequence).startedAt(Instant.EPOCH).method(method)
                .url("https://gateway.example" + path).path(path).requestBody(body).status(status)
                .responseHeaders(Map.of("content-type", contentType, requestId, "iad1::" + sequence)).responseBody(answer).durationMs(5)
                .requestId("iad1::" + sequence).errorType(type).caller(caller).build();
    }

    private static String keyCheck(Environment environment) {
        return environment.profile().keyCheckRoute().path();
    }

    private static String chat(Environment environment) {
        return environment.profile().route("chat-completions").orElseThrow().path();
    }

    private static Environment load(String env) {
        return new EnvironmentLoader(ROOT, Map.of()).load(env);
    }
}
