package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.HandMadeEnvironment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Facts the verdicts' texts quote and their rules read, from hand-made exchanges: a paid balance, where a redirect
 * points, how much of a broken stream arrived, the provider's own words, a corrected path's answer.
 */
class FactsMutationsTest {

    private static final Environment ENVIRONMENT = HandMadeEnvironment.mine().build();

    private static Exchange exchange(String scenario, String method, String path, Integer status, Map<String, String> headers, String body) {
        return Exchange.builder().sequence(1).scenario(scenario).startedAt(Instant.EPOCH).method(method)
                .url("https://gateway.example" + path).path(path).requestBody("{}").status(status).responseHeaders(headers)
                .responseBody(body).durationMs(10).requestId("fra1::iad1::abcde-1-0a").caller(Caller.TEAM_KEY).build();
    }

    private static Map<String, String> facts(Integer status, Map<String, String> headers, String body) {
        return Facts.of(exchange("s", "GET", "/v1/credits", status, headers, body), ENVIRONMENT);
    }

    @Test
    void aBalanceAboveTheFreeCreditsOnA200IsAPaidOne() {
        assertThat(facts(200, Map.of(), "{\"balance\":\"5.01\"}").get("paidBalance"), equalTo("true"));
        assertThat("the free credits themselves", facts(200, Map.of(), "{\"balance\":\"5\"}").get("paidBalance"), equalTo("false"));
        assertThat(facts(200, Map.of(), "{\"balance\":\"a lot\"}").get("paidBalance"), equalTo("false"));
        assertThat(facts(200, Map.of(), "{\"balance\":6}").get("paidBalance"), equalTo("false"));
        assertThat(facts(402, Map.of(), "{\"balance\":\"9\"}").get("paidBalance"), equalTo("false"));
        assertThat(facts(null, Map.of(), null).get("paidBalance"), equalTo("false"));
    }

    @Test
    void aRedirectsLocationIsItsHostAndPortWithTheSchemesDefault() {
        assertThat(facts(307, Map.of("location", "https://other.example/v1/credits"), "").get("location"), equalTo("other.example:443"));
        assertThat(facts(307, Map.of("location", "http://other.example/v1/credits"), "").get("location"), equalTo("other.example:80"));
        assertThat(facts(307, Map.of("location", "http://other.example:8080/x"), "").get("location"), equalTo("other.example:8080"));
        assertThat(facts(307, Map.of("location", " /v1/elsewhere "), "").get("location"), equalTo("/v1/elsewhere"));
        assertThat(facts(307, Map.of("location", "http://bad host/"), "").get("location"), equalTo("http://bad host/"));
    }

    @Test
    void theBaseUrlToUseIsTheOriginTheRequestWentTo() {
        Exchange exchange = Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method("GET")
                .url("http://127.0.0.1:8080/credits").path("/credits").status(404).responseBody("").durationMs(10)
                .caller(Caller.TEAM_KEY).build();
        assertThat(Facts.of(exchange, ENVIRONMENT).get("baseUrlToUse"),
                equalTo("http://127.0.0.1:8080" + ENVIRONMENT.profile().apiBasePath()));
    }

    @Test
    void aStreamCutByAnErrorEventSaysHowManyChunksArrivedAndTheirText() {
        String one = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n"
                + "data: {\"error\":{\"message\":\"upstream failed\",\"type\":\"provider_error\"}}\n\n";
        String two = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"}}]}\n\n"
                + "data: {\"error\":{\"message\":\"upstream failed\",\"type\":\"provider_error\"}}\n\n";
        Map<String, String> headers = Map.of("content-type", "text/event-stream");
        Map<String, String> oneChunk = Facts.of(exchange("s", "POST", "/v1/chat/completions", 200, headers, one), ENVIRONMENT);
        assertThat(oneChunk.get("streamBroken"), equalTo("true"));
        assertThat(oneChunk.get("streamProblem"), equalTo("carried an error event: \"upstream failed\""));
        assertThat(oneChunk.get("streamArrived"), equalTo("1 chunk arrived first, with the text \"Hi\""));
        assertThat(oneChunk.get("message"), equalTo("upstream failed"));
        Map<String, String> twoChunks = Facts.of(exchange("s", "POST", "/v1/chat/completions", 200, headers, two), ENVIRONMENT);
        assertThat(twoChunks.get("streamArrived"), equalTo("2 chunks arrived first, with the text \"Hi there\""));
    }

    @Test
    void theProvidersOwnEnvelopeIsReadAsItsMessageAndTypeAndPlainWordsAsTheyAre() {
        GatewayProfile profile = ENVIRONMENT.profile();
        assertThat(Facts.providerWords("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}", profile),
                equalTo("Incorrect API key provided (invalid_request_error)"));
        assertThat(Facts.providerWords("Country not supported", profile), equalTo("Country not supported"));
        assertThat(Facts.providerWords("{\"other\":1}", profile), equalTo("{\"other\":1}"));
        assertThat(Facts.providerWords(null, profile), equalTo(""));
    }

    private static Exchange sent(int sequence, String scenario, String path, Integer status, String failure) {
        return Exchange.builder().sequence(sequence).scenario(scenario).startedAt(Instant.EPOCH).method("POST")
                .url("https://gateway.example" + path).path(path).requestBody("{}").status(status)
                .responseHeaders(Map.of("content-type", "application/json")).responseBody("{}").durationMs(10)
                .requestId("fra1::iad1::abcde-1-0a").failure(failure).caller(Caller.TEAM_KEY).build();
    }

    @Test
    void aRouteServedElsewhereAndTheAnswerToTheCorrectedPathAreFactsOfTheWholeRun() {
        List<Map<String, String>> facts = Facts.ofRun(List.of(
                sent(1, "Base URL", "/v1/v1/messages", 404, null),
                sent(2, "Other", "/v1/messages", 500, null),
                sent(3, "Base URL", "/v1/messages", 403, null),
                sent(4, "Inference", "/v1/chat/completions", 200, null)), ENVIRONMENT);
        assertThat(facts.get(0).get("correctedPath"), equalTo("/v1/messages"));
        assertThat("the corrected path's answer in the same scenario, not another's", facts.get(0).get("correctedStatus"), equalTo("403"));
        assertThat(facts.get(1).get("correctedStatus"), equalTo(""));
        assertThat(facts.get(2).get("otherRouteServed"), equalTo("true"));
        assertThat("its own route served is no other", facts.get(3).get("otherRouteServed"), equalTo("false"));
        assertThat(facts.get(0).get("keyServed"), equalTo("true"));
    }

    @Test
    void anAnswerCutOffIsNotCompleteAndAStreamWithoutItsTerminatorSaysHowItEnded() {
        String chunk = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n";
        Map<String, String> headers = Map.of("content-type", "text/event-stream");
        Exchange ended = exchange("s", "POST", "/v1/chat/completions", 200, headers, chunk);
        Exchange cut = Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method("POST")
                .url("https://gateway.example/v1/chat/completions").path("/v1/chat/completions").requestBody("{}")
                .status(200).responseHeaders(headers).responseBody(chunk).durationMs(10).failure("connection reset")
                .caller(Caller.TEAM_KEY).build();
        assertThat(Facts.of(ended, ENVIRONMENT).get("complete"), equalTo("true"));
        assertThat(Facts.of(ended, ENVIRONMENT).get("streamProblem"), equalTo("ended without data: [DONE]"));
        assertThat(Facts.of(cut, ENVIRONMENT).get("complete"), equalTo("false"));
        assertThat(Facts.of(cut, ENVIRONMENT).get("streamProblem"), equalTo("was cut off without data: [DONE] (connection reset)"));
    }

    @Test
    void aFirewallsChallengeIsMitigatedAndAnEnvironmentWithoutAuthUsesAnApiKey() {
        assertThat(facts(403, Map.of("x-vercel-mitigated", "challenge"), "").get("mitigated"), equalTo("true"));
        assertThat(facts(403, Map.of(), "").get("mitigated"), equalTo("false"));
        assertThat(Facts.ofEnvironment(ENVIRONMENT).get("authKind"), equalTo("api-key"));
    }

    @Test
    void anAnswerFromAnotherGatewaysHostIsThatGatewaysInItsOwnWords() {
        Exchange toOpenRouter = Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method("GET")
                .url("https://openrouter.ai/api/v1/credits").path("/api/v1/credits").status(401)
                .responseHeaders(Map.of("content-type", "application/json")).responseBody("{}").durationMs(10)
                .caller(Caller.TEAM_KEY).build();
        assertThat(Facts.otherGateway(toOpenRouter, ENVIRONMENT.profile()), equalTo("OpenRouter"));
        assertThat(Facts.otherGateway(exchange("s", "GET", "/v1/credits", 401, Map.of(), "{}"), ENVIRONMENT.profile()), equalTo(""));
    }

    @Test
    void aHeaderIsFoundByItsNameWhateverItsPlaceAndCase() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("server", "cloudflare");
        headers.put("X-Vercel-Mitigated", "challenge");
        Exchange answer = exchange("s", "GET", "/v1/credits", 403, headers, "");
        assertThat(RouteServed.header(answer, "x-vercel-mitigated"), equalTo("challenge"));
        assertThat(RouteServed.header(answer, "content-type"), equalTo(""));
    }

    /**
     * Another gateway told by its request-id header where its profile sources that header (Vercel's x-vercel-id), in its own
     * words; never when this gateway's own header is there too, nor by a header another profile only guesses at (OpenRouter's
     * cf-ray, any Cloudflare site's).
     */
    @Test
    void anotherGatewaysSourcedRequestIdHeaderAloneNamesIt() {
        GatewayProfile openRouter = load("local-openrouter").profile();
        assertThat(Facts.otherGateway(exchange("s", "POST", "/api/v1/chat/completions", 401, Map.of("x-vercel-id", "iad1::FAKE1"), "{}"),
                openRouter), equalTo("the Vercel AI Gateway"));
        assertThat("its own cf-ray too: the answer is OpenRouter's", Facts.otherGateway(exchange("s", "POST", "/api/v1/chat/completions", 401,
                Map.of("x-vercel-id", "iad1::FAKE1", "cf-ray", "8f0a-FRA"), "{}"), openRouter), equalTo(""));
        assertThat("a cf-ray alone names no OpenRouter", Facts.otherGateway(exchange("s", "GET", "/v1/credits", 401,
                Map.of("cf-ray", "8f0a-FRA"), "{}"), ENVIRONMENT.profile()), equalTo(""));
    }

    /**
     * Portkey's provider header names the provider of a refusal (4xx or 5xx) whose body names none; the body's own provider
     * comes first; a success, no answer, or a profile without such a header names none.
     */
    @Test
    void theProviderHeaderNamesTheProviderOfARefusalWhoseBodyNamesNone() {
        Environment portkey = load("local-portkey");
        Map<String, String> header = Map.of("content-type", "application/json", "x-portkey-provider", "anthropic");
        String plain = "{\"error\":{\"message\":\"Request timed out\",\"type\":\"timeout\"}}";
        for (int status : new int[] {400, 408, 502}) {
            assertThat(status + "", Facts.of(exchange("s", "POST", "/v1/chat/completions", status, header, plain), portkey).get("failedProvider"),
                    equalTo("anthropic"));
        }
        assertThat(Facts.of(exchange("s", "POST", "/v1/chat/completions", 200, header, "{\"id\":\"chatcmpl-1\"}"), portkey).get("failedProvider"),
                equalTo(""));
        assertThat(Facts.of(exchange("s", "POST", "/v1/chat/completions", 399, header, plain), portkey).get("failedProvider"), equalTo(""));
        assertThat(Facts.of(exchange("s", "POST", "/v1/chat/completions", null, Map.of(), null), portkey).get("failedProvider"), equalTo(""));
        String named = "{\"error\":{\"message\":\"openai error: Model 'x' not found\",\"type\":\"model_not_found\"},\"provider\":\"openai\"}";
        assertThat(Facts.of(exchange("s", "POST", "/v1/chat/completions", 404, header, named), portkey).get("failedProvider"), equalTo("openai"));
        assertThat("Vercel's profile names no provider header", Facts.of(exchange("s", "POST", "/v1/chat/completions", 408, header, plain),
                ENVIRONMENT).get("failedProvider"), equalTo(""));
    }

    /**
     * A 402 under a key's own limit: the limit is used up when what remains is less than the request's worst case at the
     * catalog's price (the tokens the refusal says were requested, else the request's max_tokens); a limit exactly equal to
     * it still affords the request.
     */
    @Test
    void aKeyLimitIsUsedUpBelowTheRequestsWorstCaseNotAtIt() {
        Environment openRouter = load("local-openrouter");
        String catalog = "{\"data\":[{\"id\":\"openai/gpt-4o-mini\",\"pricing\":{\"prompt\":\"0.00000015\",\"completion\":\"0.0000006\"}}]}";
        // 1000 tokens at $0.0000006: $0.0006 at worst.
        assertThat(usedUp(openRouter, catalog, "0.0006", "Insufficient credits."), equalTo("false"));
        assertThat(usedUp(openRouter, catalog, "0.0005", "Insufficient credits."), equalTo("true"));
        assertThat("the tokens the refusal names, not max_tokens", usedUp(openRouter, catalog, "0.0006",
                "This request requires more credits. You requested up to 2000 tokens, but can only afford 1000."), equalTo("true"));
        assertThat(usedUp(openRouter, catalog, "0", "Insufficient credits."), equalTo("true"));
    }

    private static String usedUp(Environment environment, String catalog, String remaining, String message) {
        GatewayProfile profile = environment.profile();
        String keyPath = profile.route(profile.credits().balanceRoute()).orElseThrow().path();
        String modelsPath = profile.route("models").orElseThrow().path();
        Map<String, String> json = Map.of("content-type", "application/json", "cf-ray", "8f0a-FRA");
        List<Exchange> run = List.of(
                Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method("GET").url("https://gateway.example" + modelsPath)
                        .path(modelsPath).status(200).responseHeaders(json).responseBody(catalog).durationMs(5).requestId("8f0a-FRA")
                        .caller(Caller.TEAM_KEY).build(),
                Exchange.builder().sequence(2).scenario("s").startedAt(Instant.EPOCH).method("GET").url("https://gateway.example" + keyPath)
                        .path(keyPath).status(200).responseHeaders(json).responseBody("{\"data\":{\"limit_remaining\":" + remaining + "}}")
                        .durationMs(5).requestId("8f0a-FRA").caller(Caller.TEAM_KEY).build(),
                Exchange.builder().sequence(3).scenario("s").startedAt(Instant.EPOCH).method("POST").url("https://gateway.example/api/v1/chat/completions")
                        .path("/api/v1/chat/completions").requestBody("{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":1000}").status(402)
                        .responseHeaders(json).responseBody("{\"error\":{\"message\":\"" + message + "\",\"code\":402}}").durationMs(5)
                        .requestId("8f0a-FRA").caller(Caller.TEAM_KEY).build());
        Map<String, String> refused = Facts.ofRun(run, environment).get(2);
        assertThat(new java.math.BigDecimal(refused.get("keyLimitRemaining")).compareTo(new java.math.BigDecimal(remaining)), equalTo(0));
        return refused.get("keyLimitUsedUp");
    }

    /** An environment's OIDC token is what the verdicts name (authKind oidc) and its expiry the one its claim reads. */
    @Test
    void anEnvironmentsOidcTokenIsItsAuthKindWithItsExpiry() {
        Map<String, String> facts = Facts.ofEnvironment(load("local-oidc"));
        assertThat(facts.get("authKind"), equalTo("oidc"));
        assertThat(facts.get("tokenExpiresAt"), equalTo("2100-01-01T00:00:00Z"));
        assertThat(facts.get("tokenExpired"), equalTo("false"));
    }

    private static Environment load(String name) {
        return new dev.aigateway.contract.environment.EnvironmentLoader(
                java.nio.file.Path.of(System.getProperty("contract.root", ".")), Map.of()).load(name);
    }
}
