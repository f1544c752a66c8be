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

    /**
     * The key refused in new words exactly as a key never issued is (refused as the profile says such a key is), and served
     * nowhere: the key's. A gateway that refuses a key never issued otherwise compares nothing (HostileGatewayTest).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "local-openrouter"})
    void aKeyRefusedAsAKeyNeverIssuedIsTheKeysWhateverTheWords(String env) {
        Environment environment = load(env);
        String refusal = "{\"error\":{\"message\":\"Credential unrecognised by this deployment.\",\"code\":401}}";
        List<Exchange> run = List.of(
                exchange(environment, 1, Caller.NOT_ISSUED_KEY, "GET", keyCheck(environment), null, 401, refusal, "application/json"),
                exchange(environment, 2, Caller.TEAM_KEY, "GET", keyCheck(environment), null, 401, refusal, "application/json"),
                exchange(environment, 3, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 401, refusal, "application/json"));
        Verdict verdict = diagnosis.diagnose(run, 1, environment);
        assertThat(verdict.id(), equalTo("invalid-key"));
        assertThat(verdict.meaning(), containsString("Placed by: your key got 401 as a key never issued did (on " + keyCheck(environment)
                + "), and " + environment.profile().words().get("theGateway") + " served it nowhere in this run."));

        List<Exchange> refusedAlike = run.stream().map(e -> e.toBuilder().status(403).responseBody(refusal.replace("401", "403")).build()).toList();
        List<Map<String, String>> facts = Facts.ofRun(refusedAlike, environment);
        assertThat("a key never issued refused with 403 compares nothing", facts.get(1).get("layer"), emptyString());
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
        assertThat(verdict.meaning(), containsString("got 401 authentication_error, and it was served on GET " + keyCheck(environment) + " (200)."));
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

    /** A failure no other rule names gets its layer's verdict: each layer has one, quoting the gateway's words. */
    @Test
    void everyLayerHasAVerdictOfItsOwnQuotingTheGatewaysWords() {
        for (String layer : Layer.NAMES) {
            List<Diagnosis.Rule> own = diagnosis.verdicts().stream().filter(rule -> rule.when().size() == 1 && rule.when().get(0).some() != null
                    && rule.when().get(0).some().size() <= 2 && layer.equals(rule.when().get(0).some().get("layer"))).toList();
            assertThat(layer, own.size(), org.hamcrest.Matchers.greaterThanOrEqualTo(1));
            own.forEach(rule -> assertThat(layer + ": " + rule.id(), rule.meaning() + rule.title(),
                    containsString(layer.equals("network") ? "{failure}" : "{message}")));
        }
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

    /**
     * Only a failed exchange is placed: the application's request served, and a stream that ended with its terminator, get
     * no layer and no sentence, though the probes were served beside them.
     */
    @Test
    void aServedApplicationRequestAndAWholeStreamArePlacedNowhere() {
        Environment environment = load("local");
        Exchange application = exchange(environment, 4, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 200, SERVED, "application/json")
                .toBuilder().scenario("Your application's request 1").build();
        Exchange stream = exchange(environment, 5, Caller.TEAM_KEY, "POST", chat(environment), PROBE.replace("}", ",\"stream\":true}"), 200,
                "data: {\"choices\":[{\"delta\":{\"content\":\"po\"}}]}\n\ndata: [DONE]\n\n", "text/event-stream");
        List<Map<String, String>> facts = Facts.ofRun(keyServedThen(environment,
                exchange(environment, 3, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 200, SERVED, "application/json"), application, stream),
                environment);
        assertThat(facts.get(3).get("applicationRequest"), equalTo("true"));
        assertThat(facts.get(4).get("streamBroken"), equalTo("false"));
        for (Map<String, String> fact : facts.subList(1, facts.size())) {
            assertThat(fact.get("path"), fact.get("layer") + fact.get("placedBy") + fact.get("contradicts"), emptyString());
        }
    }

    /** A 200 that is not the gateway's own (a captive portal's page, a proxy's) is the answerer's, not a success. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "local-openrouter"})
    void aTwoHundredThatIsNotTheGatewaysOwnIsTheAnswerers(String env) {
        Environment environment = load(env);
        Exchange portal = Exchange.builder().sequence(1).scenario("s1").startedAt(Instant.EPOCH).method("GET")
                .url("https://gateway.example" + keyCheck(environment)).path(keyCheck(environment)).status(200)
                .responseHeaders(Map.of("content-type", "text/html")).responseBody("<html>Sign in to the hotel wifi</html>").durationMs(5)
                .caller(Caller.TEAM_KEY).build();
        Verdict verdict = diagnosis.diagnose(List.of(portal), 1, environment);
        assertThat(verdict.id(), equalTo("not-the-gateway"));
        assertThat(verdict.meaning(), containsString("Placed by: GET " + keyCheck(environment) + " got 200 in an answer that is not "
                + theGateway(environment) + "'s own (without its request-id header or its JSON)."));
    }

    /** An answer from another gateway's host is placed at the answerer by its host, whatever it says. */
    @Test
    void anAnswerFromAnotherGatewaysHostIsTheAnswerers() {
        Environment openRouter = load("local-openrouter");
        Exchange vercels = exchange(openRouter, 1, Caller.TEAM_KEY, "POST", chat(openRouter), PROBE, 401,
                "{\"error\":{\"message\":\"Who sent this?\",\"code\":401}}", "application/json")
                .toBuilder().url("https://ai-gateway.vercel.sh" + chat(openRouter)).build();
        Map<String, String> fact = Facts.ofRun(List.of(vercels), openRouter).get(0);
        assertThat(fact.get("layer"), equalTo("answerer"));
        assertThat(fact.get("placedBy"), equalTo("POST " + chat(openRouter) + " was answered by " + theGateway(load("local"))
                + " (its host or its request-id header), not by OpenRouter"));
    }

    /**
     * A path that is no route but ends like one: the base URL's, placed at the answerer for a probe and at the request for
     * the application's; the corrected path sent once and served says so.
     */
    @Test
    void aWrongBaseUrlIsTheAnswerersOrTheApplicationRequests() {
        Environment environment = load("local");
        String wrong = "/v1" + chat(environment);
        String notFound = "{\"error\":{\"message\":\"Not Found\",\"type\":\"not_found\"}}";
        Exchange probe = exchange(environment, 3, Caller.TEAM_KEY, "POST", wrong, PROBE, 404, notFound, "application/json");
        Map<String, String> alone = Facts.ofRun(keyServedThen(environment, probe), environment).get(2);
        assertThat(alone.get("correctedPath"), equalTo(chat(environment)));
        assertThat(alone.get("layer"), equalTo("answerer"));
        String placed = wrong + " is no route of " + theGateway(environment) + "'s but ends like its route " + chat(environment)
                + ": the base URL adds the wrong path";
        assertThat(alone.get("placedBy"), equalTo(placed));

        Exchange corrected = exchange(environment, 4, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 200, SERVED, "application/json")
                .toBuilder().scenario(probe.scenario()).build();
        Map<String, String> servedOnce = Facts.ofRun(keyServedThen(environment, probe, corrected), environment).get(2);
        assertThat(servedOnce.get("placedBy"), equalTo(placed + " (sent once to " + chat(environment) + ", the same request was served)"));

        Exchange application = probe.toBuilder().scenario("Your application's request 1").build();
        Verdict verdict = diagnosis.diagnose(keyServedThen(environment, application), 1, environment);
        assertThat(Facts.ofRun(keyServedThen(environment, application), environment).get(2).get("layer"), equalTo("request"));
        assertThat(verdict.meaning(), containsString("Placed by: " + placed + "."));
    }

    /** The gateway's own answer that began and broke off is the network's: what arrived is no refusal. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "local-openrouter"})
    void anAnswerCutOffIsTheNetworks(String env) {
        Environment environment = load(env);
        Exchange cut = exchange(environment, 3, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 200, "{\"id\":\"gen_1\",\"cho", "application/json")
                .toBuilder().failure("connection reset after 14 bytes (made up)").build();
        Verdict verdict = diagnosis.diagnose(keyServedThen(environment, cut), 1, environment);
        assertThat(verdict.id(), equalTo("unreachable"));
        assertThat(verdict.meaning(), containsString("Placed by: POST " + chat(environment)
                + " began to answer 200 and did not finish (connection reset after 14 bytes (made up))."));
    }

    /**
     * A BYOK request refused through the gateway: the same provider key asked directly places it, served there at the account,
     * refused there too at the provider; without the direct check, the key never issued compares.
     */
    @Test
    void aByokRefusalIsPlacedByTheProviderAskedDirectly() {
        Environment environment = load("local");
        String byok = "{\"model\":\"anthropic/claude-sonnet-4\",\"max_tokens\":1,\"providerOptions\":{\"gateway\":{\"byok\":"
                + "{\"anthropic\":[{\"apiKey\":\"sk-ant-FAKE\"}]}}}}";
        Exchange refused = exchange(environment, 3, Caller.TEAM_KEY, "POST", chat(environment), byok, 403,
                "{\"error\":{\"message\":\"Not allowed with this key today.\",\"type\":\"quota_wobble\"}}", "application/json");
        Exchange directServed = Exchange.builder().sequence(4).scenario("s4").startedAt(Instant.EPOCH).method("POST")
                .url("https://provider.example/v1/messages").path("/v1/messages").requestBody(PROBE).status(200)
                .responseHeaders(Map.of("content-type", "application/json")).responseBody("{\"id\":\"msg_1\"}").durationMs(5)
                .caller(Caller.PROVIDER_DIRECT).build();

        Map<String, String> served = Facts.ofRun(keyServedThen(environment, refused, directServed), environment).get(2);
        assertThat(served.get("byok"), equalTo("true"));
        assertThat(served.get("layer"), equalTo("account"));
        assertThat(served.get("placedBy"), equalTo("the provider served your own provider key directly (200), but through "
                + theGateway(environment) + " it got 403 quota_wobble"));
        Verdict verdict = diagnosis.diagnose(keyServedThen(environment, refused, directServed), 1, environment);
        assertThat("the provider's own 200 is the comparison, not an answer of the gateway's", verdict.id(), equalTo("account-refused"));
        assertThat(verdict.meaning(), containsString("Placed by: the provider served your own provider key directly (200)"));

        Exchange directRefused = directServed.toBuilder().status(401).responseBody("{\"error\":{\"message\":\"invalid x-api-key\"}}").build();
        Map<String, String> refusedToo = Facts.ofRun(keyServedThen(environment, refused, directRefused), environment).get(2);
        assertThat(refusedToo.get("layer"), equalTo("provider"));
        assertThat(refusedToo.get("placedBy"), equalTo("the provider refused your own provider key directly too (401), as it was refused through "
                + theGateway(environment)));

        Exchange directSilent = directServed.toBuilder().status(null).responseHeaders(Map.of()).responseBody(null)
                .failure("connect timed out (made up)").build();
        for (List<Exchange> run : List.of(keyServedThen(environment, refused), keyServedThen(environment, refused, directSilent))) {
            Map<String, String> compared = Facts.ofRun(run, environment).get(2);
            assertThat(compared.get("layer"), equalTo("account"));
            assertThat(compared.get("placedBy"), equalTo("your key got 403 quota_wobble where a key never issued got 401 authentication_error,"
                    + " and it was served on GET " + keyCheck(environment) + " (200)"));
        }
    }

    /**
     * Without a key never issued to compare, the key served elsewhere places a 402, 403 or 429 of a probe at the account; an
     * application's request refused so is not placed (the probes and it differ in more than one thing), and neither is a
     * refusal when nothing was served.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"402", "403", "429"})
    void aKeyServedElsewherePlacesAProbesRefusalAtTheAccount(String status) {
        Environment environment = load("local-openrouter");
        Exchange keyServed = exchange(environment, 1, Caller.TEAM_KEY, "GET", keyCheck(environment), null, 200, "{\"data\":{\"usage\":0}}",
                "application/json");
        Exchange refused = exchange(environment, 2, Caller.TEAM_KEY, "POST", chat(environment), PROBE, Integer.parseInt(status),
                "{\"error\":{\"message\":\"Not today.\",\"code\":" + status + "}}", "application/json");
        Map<String, String> probe = Facts.ofRun(List.of(keyServed, refused), environment).get(1);
        assertThat(probe.get("layer"), equalTo("account"));
        assertThat(probe.get("placedBy"), equalTo("your key was served on GET " + keyCheck(environment) + " (200), but POST "
                + chat(environment) + " got " + status));

        Exchange application = refused.toBuilder().scenario("Your application's request 1").build();
        Map<String, String> request = Facts.ofRun(List.of(keyServed, application), environment).get(1);
        assertThat(request.get("layer"), emptyString());
        assertThat(request.get("placedBy"), equalTo("the probes were served (GET " + keyCheck(environment) + " (200)), and your application's"
                + " request got " + status));

        Map<String, String> nothingServed = Facts.ofRun(List.of(refused), environment).get(0);
        assertThat(nothingServed.get("layer") + nothingServed.get("placedBy"), emptyString());
    }

    /** A 401 after the key was served, with no other model refused alike, refuses a credential behind the gateway's key check. */
    @Test
    void a401AfterTheKeyWasServedIsTheProviders() {
        Environment environment = load("local-openrouter");
        Exchange keyServed = exchange(environment, 1, Caller.TEAM_KEY, "GET", keyCheck(environment), null, 200, "{\"data\":{\"usage\":0}}",
                "application/json");
        Exchange refused = exchange(environment, 2, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 401,
                "{\"error\":{\"message\":\"Credential declined downstream.\",\"code\":401}}", "application/json");
        Map<String, String> fact = Facts.ofRun(List.of(keyServed, refused), environment).get(1);
        assertThat(fact.get("layer"), equalTo("provider"));
        assertThat(fact.get("placedBy"), equalTo("your key was served on GET " + keyCheck(environment) + " (200) in this run, so the 401 on "
                + chat(environment) + " refuses a credential behind OpenRouter's key check (a provider's key, your own provider key), not your key"));
    }

    /**
     * A key never issued refused 403 where the profile says 401, exactly as your key on the same path: the run contradicts the
     * profile. Not so when the key never issued got another status, another path, or an answer not the gateway's own, nor for
     * a status that is no key's refusal.
     */
    @Test
    void aKeyNeverIssuedRefusedAsYourKeyOtherwiseThanTheProfileSaysContradictsIt() {
        Environment environment = load("local-openrouter");
        String refusal = "{\"error\":{\"message\":\"Not here.\",\"code\":403}}";
        Exchange notIssued = exchange(environment, 1, Caller.NOT_ISSUED_KEY, "POST", chat(environment), PROBE, 403, refusal, "application/json");
        Exchange yours = exchange(environment, 2, Caller.TEAM_KEY, "POST", chat(environment), PROBE, 403, refusal, "application/json");
        assertThat(Facts.ofRun(List.of(notIssued, yours), environment).get(1).get("contradicts"), equalTo("a key never issued got 403 on "
                + chat(environment) + " as your key did, where OpenRouter answers a key it never issued 401: the run cannot tell your key,"
                + " or your account, from a key that does not exist"));
        List<Exchange> otherwise = List.of(
                notIssued.toBuilder().path(keyCheck(environment)).url("https://gateway.example" + keyCheck(environment)).build(),
                notIssued.toBuilder().status(402).responseBody(refusal.replace("403", "402")).build(),
                notIssued.toBuilder().responseHeaders(Map.of("content-type", "text/html")).requestId(null).responseBody("<html>403</html>").build());
        for (Exchange compared : otherwise) {
            assertThat(compared.path() + " " + compared.status(), Facts.ofRun(List.of(compared, yours), environment).get(1).get("contradicts"),
                    emptyString());
        }
        String limited = refusal.replace("403", "429");
        assertThat("a 429 is no key's refusal", Facts.ofRun(List.of(
                notIssued.toBuilder().status(429).responseBody(limited).build(),
                yours.toBuilder().status(429).responseBody(limited).build()), environment).get(1).get("contradicts"), emptyString());
    }

    /** The run's facts with {@code otherModel} set on the failed probe (#4), placed again, and its verdict. */
    private Verdict withOtherModel(List<Exchange> run, Environment environment, String otherModel) {
        List<Map<String, String>> facts = Facts.ofRun(run, environment);
        int failed = run.indexOf(run.stream().filter(e -> e.sequence() == 4).findFirst().orElseThrow());
        facts.get(failed).put("otherModel", otherModel);
        Layer.place(facts, environment.profile());
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

    private static String theGateway(Environment environment) {
        return environment.profile().words().get("theGateway");
    }

    private static Environment load(String env) {
        return new EnvironmentLoader(ROOT, Map.of()).load(env);
    }
}
