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
 * The diagnosis fed OpenRouter's answers as published (src/test/resources/captured/openrouter/), with
 * the OpenRouter profile, in the run a user would make: a key it never issued checked on the key-check
 * route, the team's key checked there, the public catalog, then the answer on the route it was seen on.
 */
class OpenRouterCapturedBodiesTest {

    private static final GatewayProfile OPENROUTER = GatewayProfile.named("openrouter");
    static final Environment ENVIRONMENT = HandMadeEnvironment.mine().name("openrouter")
            .baseUrl("https://openrouter.ai").teamId("account").apiKey("sk-or-v1-FAKE").byok(null).gateway("openrouter").build();
    /** A key's record as /api/v1/key answers it (https://openrouter.ai/openapi.yaml, paths./key.get, shortened). */
    private static final String KEY = "{\"data\":{\"label\":\"sk-or-v1-au7...890\",\"limit\":null,\"limit_remaining\":null,"
            + "\"usage\":0.5,\"is_free_tier\":false}}";
    private static final String PROBE = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}],\"max_tokens\":1}";
    private final Diagnosis diagnosis = Diagnosis.load();

    /** The answers to the team's probes; those to an application's own request are met in OpenRouterReplayTest. */
    static Stream<String> captured() {
        return Captured.of("openrouter").stream().filter(answer -> !answer.toApplicationRequest()).map(Captured::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captured")
    void eachAnswerGetsItsVerdict(String name) {
        Captured answer = named(name);
        Verdict verdict = diagnosis.diagnose(runMeeting(answer), 1, ENVIRONMENT);
        assertThat(answer.source(), not(emptyString()));
        assertThat(name + " (" + answer.source() + ")", verdict.id(), equalTo(answer.verdict()));
        int captured = answer.on().contains("key") ? 2 : 4;
        assertThat("the exchanges that selected " + verdict.id(), verdict.evidence(), hasItem(captured));
    }

    @Test
    void theCasesOfTheIssueAreCoveredAndOnlyCapturesCountAsOpenRoutersWords() {
        List<Captured> all = Captured.of("openrouter");
        assertThat(all.size(), equalTo(33));
        assertThat(all.stream().filter(Captured::isCapture).map(Captured::verdict).distinct().sorted().toList(),
                equalTo(List.of("credits-below-request", "data-policy-no-provider", "gateway-outage", "insufficient-funds", "invalid-key", "model-unavailable-in-region", "provider-unavailable",
                        "quota-exceeded", "rate-limited", "request-rejected", "team-restricted")));
    }

    @Test
    void theVerdictQuotesOpenRoutersWordsAndTheProvidersOwn() {
        Verdict afford = diagnosis.diagnose(runMeeting(named("or-402-can-only-afford")), 1, ENVIRONMENT);
        assertThat(afford.meaning(), containsString("can only afford 10114"));
        Verdict workspace = diagnosis.diagnose(runMeeting(named("or-403-workspace-budget")), 1, ENVIRONMENT);
        assertThat(workspace.title(), equalTo("A workspace budget is used up (403)"));
        assertThat(workspace.meaning(), containsString("\"Workspace monthly budget of $500.00 exceeded. Contact your workspace admin.\""));
        Verdict provider = diagnosis.diagnose(runMeeting(named("or-502-provider-returned-error")), 1, ENVIRONMENT);
        assertThat(provider.meaning(), containsString("Anthropic answered 502 \"Provider returned error\""));
        assertThat(provider.meaning(), containsString("Overloaded"));
    }

    /** budgets[] of /key (https://openrouter.ai/docs/client-sdks/python/components/keybudget.md): only a layer at zero or less is named. */
    @Test
    void theBudgetThatBlocksTheKeyIsNamedFromItsRecord() {
        String spent = "{\"scope\":\"member\",\"limit_usd\":50,\"spend_usd\":50,\"remaining_usd\":0,\"reset_interval\":\"weekly\","
                + "\"resets_at\":\"2026-10-12T00:00:00.000Z\"}";
        String left = "{\"scope\":\"api_key\",\"limit_usd\":20,\"spend_usd\":2.5,\"remaining_usd\":17.5,\"reset_interval\":null,"
                + "\"resets_at\":null}";
        List<Exchange> blocked = runMeeting(named("or-403-key-limit-monthly"));
        blocked.set(1, exchange(2, Caller.TEAM_KEY, "GET", OPENROUTER.keyCheckRoute().path(), null, 200,
                "{\"data\":{\"limit\":null,\"limit_remaining\":null,\"budgets\":[" + left + "," + spent + "]}}", "application/json"));
        Verdict verdict = diagnosis.diagnose(blocked, 1, ENVIRONMENT);
        assertThat(verdict.id(), equalTo("quota-exceeded"));
        assertThat(verdict.meaning(), containsString("GET /api/v1/key names the budget that blocks the key: member (weekly),"
                + " 50 of 50 US dollars spent, resets 2026-10-12T00:00:00.000Z."));
        blocked.set(1, exchange(2, Caller.TEAM_KEY, "GET", OPENROUTER.keyCheckRoute().path(), null, 200,
                "{\"data\":{\"budgets\":[" + left + "]}}", "application/json"));
        assertThat(diagnosis.diagnose(blocked, 1, ENVIRONMENT).meaning(), not(containsString("names the budget")));
    }

    /**
     * "can only afford" is the key's cap when /key shows the key's limit cannot pay for the request (remaining zero
     * or less, or below the request's worst-case cost at the catalog's price), else the account's credits.
     */
    @Test
    void canOnlyAffordIsTheKeysCapWhenTheKeysRecordShowsItsLimitUsedUp() {
        List<Exchange> capped = runMeeting(named("or-402-key-limit-can-only-afford"));
        Verdict cap = diagnosis.diagnose(capped, 1, ENVIRONMENT);
        assertThat(cap.id(), equalTo("quota-exceeded"));
        assertThat(cap.meaning(), containsString("GET /api/v1/key shows the key's remaining limit: 0 US dollars."));
        assertThat(cap.nextSteps().get(0), containsString("https://openrouter.ai/settings/keys"));
        assertThat(cap.nextSteps().get(1), containsString("Do not buy credits"));
        // The same 402 with a key without a limit of its own: the account's credits.
        capped.set(1, exchange(2, Caller.TEAM_KEY, "GET", OPENROUTER.keyCheckRoute().path(), null, 200, KEY, "application/json"));
        assertThat(diagnosis.diagnose(capped, 1, ENVIRONMENT).id(), equalTo("credits-below-request"));
        // A limit left, against the request's cost: 32000 tokens at 0.0001 US dollars each is 3.2.
        String catalog = "{\"data\":[{\"id\":\"openai/gpt-4o-mini\",\"pricing\":{\"prompt\":\"0\",\"completion\":\"0.0001\"}}]}";
        capped.set(2, exchange(3, Caller.NO_KEY, "GET", OPENROUTER.path("models"), null, 200, catalog, "application/json"));
        capped.set(1, exchange(2, Caller.TEAM_KEY, "GET", OPENROUTER.keyCheckRoute().path(), null, 200,
                "{\"data\":{\"limit\":5,\"limit_remaining\":0.5}}", "application/json"));
        assertThat(diagnosis.diagnose(capped, 1, ENVIRONMENT).id(), equalTo("quota-exceeded"));
        capped.set(1, exchange(2, Caller.TEAM_KEY, "GET", OPENROUTER.keyCheckRoute().path(), null, 200,
                "{\"data\":{\"limit\":50,\"limit_remaining\":4}}", "application/json"));
        assertThat(diagnosis.diagnose(capped, 1, ENVIRONMENT).id(), equalTo("credits-below-request"));
    }

    /** A provider's own region refusal in metadata.raw is read as the provider's envelope, and quoted in its words. */
    @Test
    void aProvidersRegionRefusalInMetadataRawIsReadAsItsOwnEnvelope() {
        Verdict google = diagnosis.diagnose(runMeeting(named("or-400-provider-region-google")), 1, ENVIRONMENT);
        assertThat(google.id(), equalTo("model-unavailable-in-region"));
        assertThat(google.meaning(), containsString("routed openai/gpt-4o-mini to Google AI Studio"));
        assertThat(google.meaning(), containsString("\"User location is not supported for the API use. (400)\""));
        Verdict openai = diagnosis.diagnose(runMeeting(named("or-403-provider-region-openai")), 1, ENVIRONMENT);
        assertThat(openai.meaning(), containsString(
                "\"Country, region, or territory not supported (unsupported_country_region_territory, request_forbidden)\""));
        assertThat(openai.nextSteps().get(0), containsString("provider.ignore [\"OpenAI\"]"));
    }

    /** The refusal follows the request's own provider preferences when it sets one (profile dataPolicy:), else the account's. */
    @Test
    void aDataPolicyRefusalNamesTheRequestsFilterOrTheAccountsSetting() {
        Captured refusal = named("or-404-data-policy");
        Verdict account = diagnosis.diagnose(runMeeting(refusal), 1, ENVIRONMENT);
        assertThat(account.title(), equalTo("No provider meets your account's data policy (404 No endpoints matching your data policy)"));
        // The probes are served; the application's request, with provider.data_collection deny, is refused.
        List<Exchange> served = runMeeting(named("or-401-user-not-found"));
        served.set(1, exchange(2, Caller.TEAM_KEY, "GET", OPENROUTER.keyCheckRoute().path(), null, 200, KEY, "application/json"));
        served.set(3, exchange(4, Caller.TEAM_KEY, "POST", "/api/v1/chat/completions", PROBE, 200,
                "{\"id\":\"gen-1\",\"choices\":[]}", "application/json"));
        served.add(Exchange.builder().sequence(5).scenario(Facts.APPLICATION_REQUEST_SCENARIO + " 1")
                .startedAt(Instant.EPOCH).method("POST").url("https://openrouter.ai/api/v1/chat/completions")
                .path("/api/v1/chat/completions")
                .requestBody("{\"model\":\"mistralai/devstral-2512\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                        + "\"provider\":{\"data_collection\":\"deny\"}}")
                .status(404).responseHeaders(Map.of("content-type", "application/json", "cf-ray", "9a1b2c3d4e5f5-IAD"))
                .responseBody(refusal.answer()).durationMs(10).requestId("9a1b2c3d4e5f5-IAD").caller(Caller.TEAM_KEY).build());
        Verdict request = diagnosis.diagnose(served, 1, ENVIRONMENT);
        assertThat(request.id(), equalTo("data-policy-no-provider"));
        assertThat(request.title(), equalTo("No provider meets your request's data policy (provider.data_collection: deny)"));
        assertThat(request.nextSteps().get(0), containsString("drop provider.data_collection: deny from this request"));
    }

    @Test
    void theKeyLimitIsTheKeysOwnOnVercelToo() {
        // A fact rule, not a gateway's: the same words mean the same on any gateway.
        Environment vercel = HandMadeEnvironment.mine().name("vercel").baseUrl("https://ai-gateway.vercel.sh").build();
        assertThat(diagnosis.diagnose(onVercelsHost(runMeeting(named("or-403-key-limit-monthly"))), 1, vercel).id(), equalTo("quota-exceeded"));
        // Where the advice is OpenRouter's, the rule says so: a Vercel 401 gets Vercel's next steps.
        assertThat(diagnosis.diagnose(onVercelsHost(runMeeting(named("or-401-user-not-found"))), 1, vercel).nextSteps().toString(),
                containsString("AI_GATEWAY_API_KEY"));
    }

    /** A Vercel key pointed at OpenRouter's host (its profile's links): wrong-base-url, naming Vercel's documented base. */
    @Test
    void aVercelEnvironmentAtOpenRoutersHostIsAWrongBaseUrl() {
        Environment vercel = HandMadeEnvironment.mine().name("vercel").baseUrl("https://openrouter.ai").build();
        Verdict verdict = diagnosis.diagnose(runMeeting(named("or-401-user-not-found")), 1, vercel);
        assertThat(verdict.id(), equalTo("wrong-base-url"));
        assertThat(verdict.title(), equalTo("Wrong base URL (baseUrl points at OpenRouter, not the Vercel AI Gateway)"));
        assertThat(verdict.meaning(), containsString("Write baseUrl: https://ai-gateway.vercel.sh/v1 (the Vercel AI Gateway's documented API base"));
    }

    /** The same exchanges as a Vercel environment meets them, at its own host (at openrouter.ai its base URL would be wrong). */
    private static List<Exchange> onVercelsHost(List<Exchange> run) {
        return run.stream().map(exchange -> exchange.rebased("https://openrouter.ai", "https://ai-gateway.vercel.sh")).toList();
    }

    private static Captured named(String name) {
        return Captured.of("openrouter").stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** The run of a user whose OpenRouter answers {@code answer} on the route kinds it lists ({@code key}: the key check). */
    static List<Exchange> runMeeting(Captured answer) {
        String keyCheck = OPENROUTER.keyCheckRoute().path();
        List<Exchange> run = new ArrayList<>();
        run.add(exchange(1, Caller.NOT_ISSUED_KEY, "GET", keyCheck, null, 401,
                "{\"error\":{\"message\":\"User not found.\",\"code\":401}}", "application/json"));
        boolean keyRefused = answer.on().contains("key");
        run.add(exchange(2, Caller.TEAM_KEY, "GET", keyCheck, null, keyRefused ? answer.status() : 200,
                keyRefused ? answer.answer() : Captured.keyRecord("openrouter", answer.name()).orElse(KEY),
                keyRefused ? answer.answerType() : "application/json"));
        run.add(exchange(3, Caller.NO_KEY, "GET", OPENROUTER.path("models"), null, 200, "{\"data\":[]}", "application/json"));
        run.add(exchange(4, Caller.TEAM_KEY, answer.method(), answer.path(), answer.method().equals("GET") ? null : PROBE,
                answer.status(), answer.answer(), answer.answerType()));
        return run;
    }

    private static Exchange exchange(int sequence, Caller caller, String method, String path, String body, int status,
                                     String responseBody, String contentType) {
        String type = contentType.equals("application/json") ? OPENROUTER.envelopeOf(json(responseBody)).type() : null;
        return Exchange.builder().sequence(sequence).scenario("s").startedAt(Instant.EPOCH).method(method)
                .url("https://openrouter.ai" + path).path(path).requestBody(body).status(status)
                .responseHeaders(Map.of("content-type", contentType, "cf-ray", "9a1b2c3d4e5f" + sequence + "-IAD"))
                .responseBody(responseBody).durationMs(10).requestId("9a1b2c3d4e5f" + sequence + "-IAD").errorType(type)
                .caller(caller).build();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return Json.ANSWERS.readTree(text);
        } catch (Exception notJson) {
            return Json.ANSWERS.missingNode();
        }
    }
}
