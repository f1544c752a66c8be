package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;

import dev.aigateway.contract.captured.Captured;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.HandMadeEnvironment;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Verdict;
import dev.aigateway.contract.request.ApplicationRequest;
import dev.aigateway.contract.request.RequestFile;
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

    static final Environment ENVIRONMENT = HandMadeEnvironment.mine().name("vercel")
            .baseUrl("https://ai-gateway.vercel.sh").byok(new Environment.Byok(Map.of(), "anthropic/claude-haiku-4.5", false, "claude-haiku-4-5")).build();
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
        int captured = answer.toApplicationRequest() ? 5 : answer.path().equals("/v1/credits") ? 2 : 4;
        assertThat("the exchanges that selected " + verdict.id(), verdict.evidence(), hasItem(captured));
    }

    /** The same answer met by a probe, not by the application's own request, is no request-level verdict. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("toApplicationRequests")
    void aRequestLevelAnswerToAProbeIsNoRequestLevelVerdict(String name) {
        Captured answer = Captured.named(name);
        List<Exchange> run = runMeeting(answer);
        Exchange refused = run.get(4);
        run.set(4, refused.toBuilder().scenario("Your team's key completes a chat").build());
        Verdict verdict = diagnosis.diagnose(run, 1, ENVIRONMENT);
        assertThat(name, verdict.id(), org.hamcrest.Matchers.not(org.hamcrest.Matchers.oneOf("request-rejected",
                "provider-rejected-request", "endpoint-unsupported-for-model")));
        // A probe's own path not served (/v1/v1/messages) is the environment's baseUrl, never the application's.
        if (verdict.id().equals("wrong-base-url")) {
            assertThat(name, verdict.meaning(), org.hamcrest.Matchers.startsWith("baseUrl puts"));
        }
    }

    static Stream<String> toApplicationRequests() {
        return Captured.all().stream().filter(Captured::toApplicationRequest)
                .filter(c -> !c.verdict().equals("data-policy-no-provider")).map(Captured::name);
    }

    /** An account verdict wins over a request-level one: the same run on a team whose credits are refused. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("toApplicationRequests")
    void anAccountVerdictWinsOverARequestLevelOne(String name) {
        List<Exchange> run = runMeeting(Captured.named(name));
        run.set(1, exchange(2, Caller.TEAM_KEY, "GET", "/v1/credits", null, 403,
                "{\"error\":{\"message\":\"Forbidden.\",\"type\":\"access_denied\"}}", false));
        assertThat(name, diagnosis.diagnose(run, 1, ENVIRONMENT).id(), equalTo("team-access-denied"));
    }

    /** Each request-level verdict names what it is about: the trigger, the provider, the corrected base URL, the sub-endpoint. */
    @org.junit.jupiter.api.Test
    void requestLevelVerdictsNameWhatTheyAreAbout() {
        assertThat(meaning("r1-max-tokens-21k"), org.hamcrest.Matchers.containsString(
                "must be under 21K for anthropic/claude-opus-5"));
        assertThat(meaning("r5-provider-rejected-thinking-signature"), org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString("anthropic (credential type byok)"),
                org.hamcrest.Matchers.containsString("\"messages.3.content.0: Invalid signature in thinking block\"")));
        assertThat(meaning("r3-v1-v1-messages-405"), org.hamcrest.Matchers.containsString(
                "it was https://ai-gateway.vercel.sh/v1, and it must be https://ai-gateway.vercel.sh."));
        assertThat(meaning("r4-count-tokens-anthropic-404"), org.hamcrest.Matchers.containsString(
                "The route /v1/messages itself"));
        assertThat(meaning("r2-zdr-request-flat"), org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString("for example/model-name"),
                org.hamcrest.Matchers.containsString("providerOptions.gateway.zeroDataRetention: true"),
                org.hamcrest.Matchers.containsString("Providers considered: provider-a, provider-b")));
        assertThat(meaning("r5-anthropic-envelope-passed-through"), org.hamcrest.Matchers.containsString(
                "the provider's own envelope (its request id req_011CSHoEeqs5C35K2UUqR7Fy): 404 not_found_error"));
        assertThat(meaning("r2-zdr-team-flat"), org.hamcrest.Matchers.containsString("team-wide Zero Data Retention"));
        assertThat(meaning("c5-google-503-resolved-provider"), org.hamcrest.Matchers.containsString("google (credential type unknown)"));
    }

    /**
     * A 4xx whose type says a server error (the SDK's GatewayInternalServerError "Unsupported file uri",
     * https://github.com/vercel/ai/issues/10349; its wire body was not published, so this one is ours)
     * is still the gateway's refusal of the request, not an outage.
     */
    @org.junit.jupiter.api.Test
    void aRefusalTypedAsAServerErrorIsStillTheRequestsRefusal() {
        Captured typedAsServer = new Captured("400-internal", "synthesized", "guess: a 400 typed internal_server_error",
                "POST /v1/chat/completions", List.of("request"), 400, dev.aigateway.contract.http.AnswerJson.object(
                "{\"error\":{\"message\":\"Unsupported file uri: https://files.example.com/a.png\",\"type\":\"internal_server_error\"}}"),
                null, "request-rejected", "r1.json", null);
        Verdict verdict = diagnosis.diagnose(runMeeting(typedAsServer), 1, ENVIRONMENT);
        assertThat(verdict.id(), equalTo("request-rejected"));
        assertThat(verdict.evidence(), hasItem(5));
    }

    private String meaning(String name) {
        return diagnosis.diagnose(runMeeting(Captured.named(name)), 1, ENVIRONMENT).meaning();
    }

    /**
     * The verdicts proven on the gateway's own words: those with at least one answer of kind capture.
     * The rest rest on a docs example or a body we wrote; the README says which.
     */
    @org.junit.jupiter.api.Test
    void onlyCapturesCountAsTheGatewaysWords() {
        assertThat(Captured.all().stream().filter(Captured::isCapture).map(Captured::verdict).distinct().sorted().toList(),
                equalTo(List.of("byok-requires-paid-credits", "card-required", "endpoint-unsupported-for-model", "free-credits-restricted",
                        "free-tier-model-restricted", "insufficient-funds", "oidc-token-expired", "provider-rejected-request",
                        "provider-unavailable", "quota-exceeded", "rate-limited", "request-rejected", "team-access-denied",
                        "team-restricted", "wrong-base-url")));
        assertThat(Captured.all().stream().filter(c -> !c.isCapture()).map(Captured::name).sorted().toList(),
                equalTo(List.of("c1-budget-project-402", "c1-quota-key-402", "c10-card-required", "c5-google-503-resolved-provider",
                        "f6-stream-error-event", "f8-model-unavailable-in-region", "r2-no-training-request-flat",
                        "r2-zdr-request-flat", "r2-zdr-team-flat", "r5-anthropic-envelope-passed-through", "v1-routing-rule-deny")));
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
        if (answer.toApplicationRequest()) {
            run.add(exchange(4, Caller.TEAM_KEY, "POST", "/v1/chat/completions", PROBE, 200, SERVED, false));
            ApplicationRequest request = RequestFile.read(REQUESTS + answer.request());
            assertThat(answer.name() + " answers " + request.source(), request.method() + " " + request.path(),
                    equalTo(answer.route()));
            Exchange sent = exchange(5, Caller.TEAM_KEY, request.method(), request.path(), request.body(), answer.status(),
                    answer.answer(), answer.eventStream());
            List<Exchange.Header> headers = request.headers().stream().map(h -> new Exchange.Header(h.name(), h.value())).toList();
            run.add(sent.toBuilder().scenario("Your application's request 1").requestHeaders(headers).build());
            return run;
        }
        run.add(exchange(4, Caller.TEAM_KEY, answer.method(), answer.path(), answer.method().equals("GET") ? null : PROBE,
                answer.status(), answer.answer(), answer.eventStream()));
        return run;
    }

    private static final String REQUESTS = "src/test/resources/requests/";
    private static final String SERVED = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"openai/gpt-4o-mini\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"pong\"},\"finish_reason\":\"length\"}]}";

    private static Exchange exchange(int sequence, Caller caller, String method, String path, String body, int status,
                                     String responseBody, boolean eventStream) {
        // As the run's recorder reads it: the profile's envelope, nested or flat.
        String type = dev.aigateway.contract.gateway.GatewayProfile.standard()
                .envelopeOf(dev.aigateway.contract.http.AnswerJson.object(responseBody)).type();
        return Exchange.builder().sequence(sequence).scenario("s").startedAt(Instant.EPOCH).method(method)
                .url("https://ai-gateway.vercel.sh" + path).path(path).requestBody(body).status(status)
                .responseHeaders(Map.of("content-type", eventStream ? "text/event-stream" : "application/json"))
                .responseBody(responseBody).durationMs(10).requestId("iad1::iad1::abcde-" + sequence + "-0a").errorType(type)
                .caller(caller).build();
    }
}
