package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.Json;
import dev.aigateway.contract.captured.Captured;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.record.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The failure classes OpenRouter documents in fields of its envelope (the profile's errorFields): a moderation's
 * {@code metadata.reasons} and {@code flagged_input} (https://openrouter.ai/docs/api/reference/errors-and-debugging),
 * and a provider error on the account's own provider key, {@code metadata.is_byok}
 * (https://openrouter.ai/docs/guides/overview/auth/byok). The replayed bodies of captured/openrouter/
 * (or-403-moderation-flagged, or-401-byok-provider-key-rejected, or-400-byok-google-key-invalid) are met over a URL by
 * OpenRouterReplayTest and fed to the diagnosis by OpenRouterCapturedBodiesTest; here each is reworded (same status,
 * same fields, other words) and must keep its verdict, and the fields, not the words, must be what decides it.
 */
class OpenRouterDocumentedClassesTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));
    private static final Environment OPENROUTER = new EnvironmentLoader(ROOT, Map.of()).load("local-openrouter");
    private final Diagnosis diagnosis = Diagnosis.load();

    @ParameterizedTest(name = "{0} reworded: {1}")
    @CsvSource(delimiter = '|', value = {
            // moderation: the reasons decide, whatever the message says
            "or-403-moderation-flagged | {\"error\":{\"code\":403,\"message\":\"Blocked before reaching the model.\",\"metadata\":{\"reasons\":[\"violence\"],\"flagged_input\":\"...\",\"provider_name\":\"Amazon Bedrock\",\"model_slug\":\"anthropic/claude-3.5-haiku\"}}} | content-moderated",
            // a BYOK 401: the status and is_byok decide, whatever OpenRouter's and the provider's words
            "or-401-byok-provider-key-rejected | {\"error\":{\"code\":401,\"message\":\"Upstream refused.\",\"metadata\":{\"raw\":\"{\\\"error\\\":{\\\"message\\\":\\\"Nope.\\\"}}\",\"provider_name\":\"OpenAI\",\"is_byok\":true}}} | byok-key-rejected",
            // a BYOK 400: is_byok, then the provider's words must speak of the key, in any wording
            "or-400-byok-google-key-invalid | {\"error\":{\"code\":400,\"message\":\"Error from provider\",\"metadata\":{\"raw\":\"Authentication failed: the supplied key is revoked.\",\"provider_name\":\"Google AI Studio\",\"is_byok\":true}}} | byok-key-rejected",
            // the account's provider settings: the providers named decide, whatever the message says
            "or-404-no-allowed-providers | {\"error\":{\"code\":404,\"message\":\"Routing found nothing to send this to.\",\"metadata\":{\"available_providers\":[\"deepseek\"],\"requested_providers\":[\"xai\"]}}} | team-restricted"})
    void aRewordedBodyWithTheSameStatusAndFieldsKeepsItsVerdict(String name, String reworded, String verdict) {
        assertThat(name + " as replayed", diagnose(name, null).id(), equalTo(verdict));
        assertThat(name + " reworded", diagnose(name, reworded).id(), equalTo(verdict));
    }

    @Test
    void theFieldsDecideNotTheWords() {
        // A 403 in other words without the moderation's reasons is not a moderation; an older body in the moderation's
        // own words without its fields still is, by its words (second), with a title that names no reasons.
        assertThat(diagnose("or-403-moderation-flagged", "{\"error\":{\"code\":403,\"message\":\"Forbidden.\"}}").id(),
                not(equalTo("content-moderated")));
        Verdict words = diagnose("or-403-moderation-flagged", "{\"error\":{\"code\":403,\"message\":\"anthropic/claude-3.5-haiku requires moderation"
                + " on Amazon Bedrock. Your input was flagged for \\\"violence\\\".\"}}");
        assertThat(words.id(), equalTo("content-moderated"));
        assertThat(words.title(), equalTo("Your input was flagged by the model's moderation (403)"));
        // Older bodies without the fields: the words alone still name it (cline/cline#5449).
        assertThat(diagnose("or-404-no-allowed-providers", "{\"error\":{\"message\":\"No allowed providers are available for the selected model.\","
                + "\"code\":404}}").id(), equalTo("team-restricted"));
        // A 404 naming no provider lists and other words is not the account's provider settings.
        assertThat(diagnose("or-404-no-allowed-providers", "{\"error\":{\"message\":\"No endpoints found for deepseek/deepseek-chat.\",\"code\":404}}").id(),
                not(equalTo("team-restricted")));
        // The same provider 401 on OpenRouter's shared key (is_byok false) is not the account's own key; after the key
        // was served (/key 200) it is not invalid-key either.
        assertThat(diagnose("or-401-byok-provider-key-rejected", "{\"error\":{\"code\":401,\"message\":\"Provider returned error\","
                + "\"metadata\":{\"raw\":\"Incorrect API key provided\",\"provider_name\":\"OpenAI\",\"is_byok\":false}}}").id(),
                not(equalTo("byok-key-rejected")));
        // A BYOK 400 whose provider speaks of the request (Moonshot AI's token limit, as a public log quotes it) is the request's.
        assertThat(diagnose("or-400-byok-google-key-invalid", "{\"error\":{\"message\":\"Provider returned error\",\"code\":400,\"metadata\":{"
                + "\"raw\":\"{\\\"error\\\":{\\\"message\\\":\\\"Invalid request: Your request exceeded model token limit: 262144 (requested: 370653)\\\","
                + "\\\"type\\\":\\\"invalid_request_error\\\"}}\",\"provider_name\":\"Moonshot AI\",\"is_byok\":true}}}").id(),
                not(equalTo("byok-key-rejected")));
    }

    @Test
    void theVerdictsQuoteTheFieldsThatPlacedThem() {
        Verdict moderated = diagnose("or-403-moderation-flagged", null);
        assertThat(moderated.title(), equalTo("Your input was flagged by the model's moderation (403: violence, harassment/threatening)"));
        assertThat(moderated.meaning(), containsString("the flagged text, at most 100 characters: \"Say pong...or else\""));
        Verdict providers = diagnose("or-404-no-allowed-providers", null);
        assertThat(providers.title(), equalTo("Your account's provider settings leave openai/gpt-4o-mini no provider (404)"));
        assertThat(providers.meaning(), containsString("(serving it: deepseek, gmicloud, atlas-cloud, siliconflow, parasail, novita, together; allowed: xai)"));
        Verdict byok = diagnose("or-401-byok-provider-key-rejected", null);
        assertThat(byok.title(), equalTo("Your own provider key was refused by OpenAI (401, BYOK)"));
        assertThat(byok.meaning(), containsString("invalid_api_key"));
        assertThat(byok.nextSteps().get(0), containsString("https://openrouter.ai/settings/integrations"));
        assertThat(diagnose("or-400-byok-google-key-invalid", null).title(),
                equalTo("Your own provider key was refused by Google AI Studio (400, BYOK)"));
    }

    /**
     * A request over the model's context window, as the application's own request (the probes served): the captured
     * words (musistudio/claude-code-router#252, met over a URL in OpenRouterReplayTest), and reworded with the field
     * OpenRouter documents for it (metadata.error_type context_length_exceeded) and no word of a context, reach the
     * same verdict and title; a provider's token limit passed through on a BYOK attempt (Moonshot AI's words) too.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "captured | ",
            "reworded | {\"error\":{\"code\":400,\"message\":\"Too much for this endpoint.\",\"metadata\":{\"error_type\":\"context_length_exceeded\"}}}",
            "provider's words, BYOK | {\"error\":{\"message\":\"Provider returned error\",\"code\":400,\"metadata\":{\"raw\":\"{\\\"error\\\":{\\\"message\\\":\\\"Invalid request: Your request exceeded model token limit: 262144 (requested: 370653)\\\",\\\"type\\\":\\\"invalid_request_error\\\"}}\",\"provider_name\":\"Moonshot AI\",\"is_byok\":true}}}"})
    void aRequestOverTheContextWindowIsTheRequestsWhateverItsWords(String form, String body) {
        Captured captured = Captured.of("openrouter").stream().filter(c -> c.name().equals("or-400-context-length")).findFirst().orElseThrow();
        String answer = body == null ? captured.answer() : body;
        List<dev.aigateway.contract.record.Exchange> run = applicationRequestMeeting(
                "{\"model\":\"anthropic/claude-haiku-4.5\",\"max_tokens\":21333,\"messages\":[]}", 400, answer);
        Verdict verdict = diagnosis.diagnose(run, 1, OPENROUTER);
        assertThat(form + ": " + verdict.meaning(), verdict.id(), equalTo("request-rejected"));
        assertThat(verdict.title(), equalTo("Your request is longer than the model's context window (400)"));
        assertThat(verdict.evidence(), org.hamcrest.Matchers.hasItem(5));
    }

    /**
     * The probes served (a key never issued refused, the key check 200, the catalog, the smallest chat completion),
     * then the application's own request {@code request} answered {@code status} {@code answer}: its exchange is 5.
     */
    static List<dev.aigateway.contract.record.Exchange> applicationRequestMeeting(String request, int status, String answer) {
        List<dev.aigateway.contract.record.Exchange> run = OpenRouterCapturedBodiesTest.runMeeting(Captured.of("openrouter").stream()
                .filter(c -> c.name().equals("or-401-user-not-found")).findFirst().orElseThrow());
        run.set(1, dev.aigateway.contract.record.Exchange.builder().sequence(2).scenario("s")
                .startedAt(java.time.Instant.EPOCH).method("GET").url("https://openrouter.ai/api/v1/key").path("/api/v1/key")
                .status(200).responseHeaders(Map.of("content-type", "application/json", "cf-ray", "9a1b2c3d4e5f2-IAD"))
                .responseBody("{\"data\":{\"limit\":null,\"limit_remaining\":null}}").durationMs(10)
                .requestId("9a1b2c3d4e5f2-IAD").caller(dev.aigateway.contract.record.Caller.TEAM_KEY).build());
        run.set(3, dev.aigateway.contract.record.Exchange.builder().sequence(4).scenario("The smallest chat completion")
                .startedAt(java.time.Instant.EPOCH).method("POST").url("https://openrouter.ai/api/v1/chat/completions")
                .path("/api/v1/chat/completions").requestBody("{\"model\":\"anthropic/claude-haiku-4.5\",\"max_tokens\":1}")
                .status(200).responseHeaders(Map.of("content-type", "application/json", "cf-ray", "9a1b2c3d4e5f4-IAD"))
                .responseBody("{\"id\":\"gen-1\",\"choices\":[]}").durationMs(10).requestId("9a1b2c3d4e5f4-IAD")
                .caller(dev.aigateway.contract.record.Caller.TEAM_KEY).build());
        run.add(dev.aigateway.contract.record.Exchange.builder().sequence(5)
                .scenario(Facts.APPLICATION_REQUEST_SCENARIO + " 1").startedAt(java.time.Instant.EPOCH).method("POST")
                .url("https://openrouter.ai/api/v1/chat/completions").path("/api/v1/chat/completions").requestBody(request)
                .status(status).responseHeaders(Map.of("content-type", "application/json", "cf-ray", "9a1b2c3d4e5f5-IAD"))
                .responseBody(answer).durationMs(10).requestId("9a1b2c3d4e5f5-IAD")
                .errorType(OPENROUTER.profile().envelopeOf(json(answer)).type())
                .caller(dev.aigateway.contract.record.Caller.TEAM_KEY).build());
        return run;
    }

    /**
     * A capability none of the model's endpoints supports (OpenRouter's 404 "No endpoints found that support ..."): the
     * probes send none of it, so it is the application's request's. The variants' finding (without tools it is served)
     * places it; the words name the capability (tool use, bobrware/bobrchat#60; tool_choice, zed-industries/zed#36094;
     * image input, NousResearch/hermes-agent#23411) and give its title. Reworded, the variants' finding alone keeps it the
     * request's; the same words to a probe are not the request's.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tool use     | No endpoints found that support tool use. To learn more about provider routing, visit: https://openrouter.ai/docs/guides/routing/provider-selection | tools",
            "tool_choice  | No endpoints found that support the provided 'tool_choice' value. To learn more about provider routing, visit: https://openrouter.ai/docs/provider-routing | tool_choice",
            "image input  | No endpoints found that support image input | messages[0].content[1]"})
    void aCapabilityNoEndpointSupportsIsTheRequestsTitledWithIt(String form, String message, String trigger) {
        String answer = "{\"error\":{\"message\":\"" + message + "\",\"code\":404}}";
        String request = "{\"model\":\"qwen/qwen3-235b-a22b:free\",\"messages\":[],\"tools\":[]}";
        List<dev.aigateway.contract.record.Exchange> run = applicationRequestMeeting(request, 404, answer);
        Verdict words = diagnosis.diagnose(run, 1, OPENROUTER);
        assertThat(form + ", the words alone: " + words.meaning(), words.id(), equalTo("request-rejected"));
        assertThat(words.title(), equalTo("No endpoint of qwen/qwen3-235b-a22b:free supports what your request uses (404)"));
        assertThat(diagnosis.nameOf(diagnosis.ruleOf(run, Diagnosis.Scenarios.failed(1), OPENROUTER)), equalTo("request-rejected#4"));
        // With the variants' finding, the same rule, its finding quoted.
        String finding = "the gateway refuses `" + trigger + "`; without `" + trigger + "`, it is served";
        run.set(4, run.get(4).withFinding(finding, trigger));
        Verdict found = diagnosis.diagnose(run, 1, OPENROUTER);
        assertThat(found.title(), equalTo(words.title()));
        assertThat(found.meaning(), containsString(finding));
        // Reworded: the variants' finding alone keeps it the request's, no longer titled with a capability.
        List<dev.aigateway.contract.record.Exchange> reworded = applicationRequestMeeting(request, 404,
                "{\"error\":{\"message\":\"Nothing can run this as asked.\",\"code\":404}}");
        reworded.set(4, reworded.get(4).withFinding(finding, trigger));
        Verdict byVariants = diagnosis.diagnose(reworded, 1, OPENROUTER);
        assertThat(byVariants.id(), equalTo("request-rejected"));
        assertThat(byVariants.title(), not(equalTo(words.title())));
        // The same words answered to a probe (which sends no tools) are not the request's.
        assertThat(diagnose("or-404-no-allowed-providers", answer).id(), not(equalTo("request-rejected")));
    }

    /**
     * A withdrawn model in OpenRouter's 2026 envelope (its errors docs' model_deprecated example, replayed as
     * or-404-model-deprecated): once the comparison placed the 404 at the model, its availability code titles it and the
     * models it suggests are named; the code alone, with no comparison, places nothing at the model. The older envelope
     * (infiniflow/ragflow#2359) is placed by the same comparison, titled without a code.
     */
    @Test
    void aWithdrawnModelsAvailabilityCodeNamesItOnceTheComparisonPlacedIt() {
        List<dev.aigateway.contract.record.Exchange> run = OpenRouterCapturedBodiesTest.runMeeting(captured("or-404-model-deprecated"));
        Verdict verdict = diagnosis.diagnose(run, 1, OPENROUTER);
        assertThat(verdict.id(), equalTo("model-unavailable"));
        assertThat(verdict.title(), equalTo("openai/gpt-4o-mini was withdrawn (model_deprecated, 404)"));
        assertThat(verdict.nextSteps().get(0), containsString("(openai/gpt-4.1)"));
        Verdict alone = diagnosis.diagnose(new java.util.ArrayList<>(run.subList(0, 4)), 1, OPENROUTER);
        assertThat(alone.title(), not(containsString("withdrawn")));
        assertThat(diagnosis.nameOf(diagnosis.ruleOf(run.subList(0, 4), Diagnosis.Scenarios.failed(1), OPENROUTER)), not(equalTo("model-unavailable#1")));
        Verdict older = diagnosis.diagnose(OpenRouterCapturedBodiesTest.runMeeting(captured("or-404-no-endpoints-for-this-model")), 1, OPENROUTER);
        assertThat(older.id(), equalTo("model-unavailable"));
        assertThat(older.title(), equalTo("No endpoint serves openai/gpt-4o-mini on chat-completions (404)"));
    }

    /** The 2026 envelope's field for the same class (OpenRouter's errors docs: excluded_by require_parameters), in words no rule knows. */
    @Test
    void aCapabilityFilteredOutByRequireParametersIsTheRequestsByItsField() {
        String answer = "{\"error\":{\"message\":\"Routing constraints left nothing.\",\"error_type\":\"not_found\",\"http_status\":404,"
                + "\"availability\":{\"code\":\"constraint_filtered\",\"retryable\":false,\"requested_models\":[\"qwen/qwen3-235b-a22b:free\"],"
                + "\"excluded_by\":[\"require_parameters\"],\"docs_url\":\"https://openrouter.ai/docs/errors#constraint_filtered\"}}}";
        Verdict verdict = diagnosis.diagnose(applicationRequestMeeting("{\"model\":\"qwen/qwen3-235b-a22b:free\",\"messages\":[],"
                + "\"tools\":[],\"provider\":{\"require_parameters\":true}}", 404, answer), 1, OPENROUTER);
        assertThat(verdict.id(), equalTo("request-rejected"));
        assertThat(verdict.title(), equalTo("No endpoint of qwen/qwen3-235b-a22b:free supports what your request uses (404)"));
    }

    private static Captured captured(String name) {
        return Captured.of("openrouter").stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** The request's own provider.only leaves the model no provider (anomalyco/opencode#45995's words): the request's, not the account's. */
    @Test
    void aRequestsOwnProviderPreferenceIsTheRequests() {
        String answer = "{\"error\":{\"message\":\"No allowed providers are available for the selected model. Providers serving"
                + " xiaomi/mimo-v2.5-20260422: gmicloud, deepinfra, xiaomi, parasail, streamlake, novita, but your request's provider.only"
                + " preference permits only: tencent.\",\"code\":404}}";
        Verdict verdict = diagnosis.diagnose(applicationRequestMeeting("{\"model\":\"xiaomi/mimo-v2.5\",\"provider\":{\"only\":[\"tencent\"]},"
                + "\"messages\":[]}", 404, answer), 1, OPENROUTER);
        assertThat(verdict.id(), equalTo("request-rejected"));
        assertThat(verdict.title(), equalTo("Your request's provider preferences leave xiaomi/mimo-v2.5 no provider (404)"));
        // The same answer to the probes is the account's settings.
        assertThat(diagnose("or-404-no-allowed-providers", answer).id(), equalTo("team-restricted"));
    }

    /**
     * A fact rule, not a gateway's: on Vercel too, a request over the context window in the provider's words (OpenAI's, as
     * https://github.com/webtimemachine/wtm2/issues/579 quotes them) is the request's, with the context window's advice.
     */
    @Test
    void aRequestOverTheContextWindowIsTheRequestsOnVercelToo() {
        Environment vercel = new EnvironmentLoader(ROOT, Map.of()).load("local");
        String path = "/v1/chat/completions";
        dev.aigateway.contract.record.Exchange probe = dev.aigateway.contract.record.Exchange.builder().sequence(1)
                .scenario("The smallest chat completion").startedAt(java.time.Instant.EPOCH).method("POST")
                .url("https://ai-gateway.vercel.sh" + path).path(path)
                .requestBody("{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":1}").status(200)
                .responseHeaders(Map.of("content-type", "application/json", "x-vercel-id", "iad1::1"))
                .responseBody("{\"id\":\"gen_1\",\"choices\":[]}").durationMs(5).requestId("iad1::1")
                .caller(dev.aigateway.contract.record.Caller.TEAM_KEY).build();
        dev.aigateway.contract.record.Exchange refused = dev.aigateway.contract.record.Exchange.builder().sequence(2)
                .scenario(Facts.APPLICATION_REQUEST_SCENARIO + " 1").startedAt(java.time.Instant.EPOCH).method("POST")
                .url("https://ai-gateway.vercel.sh" + path).path(path)
                .requestBody("{\"model\":\"openai/gpt-4o\",\"messages\":[]}").status(400)
                .responseHeaders(Map.of("content-type", "application/json", "x-vercel-id", "iad1::2"))
                .responseBody("{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens. However, your messages resulted in 204308 tokens.\","
                        + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}")
                .durationMs(5).requestId("iad1::2").errorType("invalid_request_error")
                .caller(dev.aigateway.contract.record.Caller.TEAM_KEY).build();
        Verdict verdict = diagnosis.diagnose(List.of(probe, refused), 1, vercel);
        assertThat(verdict.id(), equalTo("request-rejected"));
        assertThat(verdict.title(), equalTo("Your request is longer than the model's context window (400)"));
    }

    /** The run of OpenRouterCapturedBodiesTest meeting the captured answer {@code name}, or, when given, {@code body} in its place. */
    private Verdict diagnose(String name, String body) {
        Captured captured = Captured.of("openrouter").stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        Captured answer = body == null ? captured : new Captured(captured.name(), captured.kind(), captured.source(), captured.route(),
                captured.on(), captured.status(), json(body), null, captured.verdict(), null, null);
        return diagnosis.diagnose(OpenRouterCapturedBodiesTest.runMeeting(answer), 1, OPENROUTER);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return Json.ANSWERS.readTree(text);
        } catch (Exception notJson) {
            throw new IllegalArgumentException(text, notJson);
        }
    }
}
