package dev.aigateway.contract.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.http.ServerSentEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulated gateway over real HTTP on a dynamic loopback port. */
class SimulatedGatewayTest {

    private static final ObjectMapper JSON = Json.DATA;
    private static final String X_VERCEL_ID = "[a-z0-9]+::[a-z0-9]+::[a-z0-9]{5}-\\d{13}-[0-9a-f]{12}";
    private static final String CHAT = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}],\"max_tokens\":1%s}";
    private static SimulatedGateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        gateway = SimulatedGateway.start(0);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @AfterEach
    void everyRequestMatchedAStub() {
        assertThat("requests no stub matched", gateway.unmatchedRequests(), empty());
    }

    private HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            request.header("content-type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(gateway.baseUrl(), startsWith("http://127.0.0.1:"));
    }

    @Test
    void theCatalogIsPublicAndPricesAreStrings() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/models", null, null);
        assertThat(response.statusCode(), equalTo(200));
        JsonNode first = json(response).path("data").get(0);
        assertThat(first.path("pricing").path("input").isTextual(), equalTo(true));
        assertThat(response.headers().firstValue("server").orElse(""), equalTo("Vercel"));
        assertThat(response.headers().firstValue("x-vercel-id").orElse(""), matchesPattern(X_VERCEL_ID));
    }

    @Test
    void aHealthyTeamReadsItsBalanceAsDecimalStrings() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/credits", "vck_sim_healthy_anything", null);
        assertThat(response.statusCode(), equalTo(200));
        assertThat(json(response).path("balance").asText(), matchesPattern("\\d+\\.\\d+"));
        assertThat(json(response).path("total_used").isTextual(), equalTo(true));
    }

    @Test
    void anUnknownKeyOrNoKeyGets401InTheEnvelope() throws Exception {
        for (String key : new String[] {"vck_unknown_1", "vck_sim_no-such-team_x", null}) {
            HttpResponse<String> response = send("GET", "/v1/credits", key, null);
            assertThat(response.statusCode(), equalTo(401));
            assertThat(json(response).at("/error/type").asText(), equalTo("authentication_error"));
            assertThat(response.headers().firstValue("x-vercel-id").orElse(""), matchesPattern(X_VERCEL_ID));
        }
    }

    @Test
    void aBlockedTeamIsDeniedEvenItsBalanceButNotTheCatalog() throws Exception {
        HttpResponse<String> credits = send("GET", "/v1/credits", "vck_sim_team-blocked_demo", null);
        assertThat(credits.statusCode(), equalTo(403));
        assertThat(credits.body(), equalTo("{\"error\":{\"message\":\"Forbidden.\",\"type\":\"access_denied\"}}"));
        HttpResponse<String> chat = send("POST", "/v1/chat/completions", "vck_sim_team-blocked_demo", CHAT.formatted(""));
        assertThat(chat.statusCode(), equalTo(403));
        assertThat(send("GET", "/v1/models", null, null).statusCode(), equalTo(200));
    }

    @Test
    void theFreeTierRateLimitCarriesAFreshGenerationIdAndTheTopUpLink() throws Exception {
        HttpResponse<String> first = send("POST", "/v1/chat/completions", "vck_sim_rate-limited_test", CHAT.formatted(""));
        HttpResponse<String> second = send("POST", "/v1/chat/completions", "vck_sim_rate-limited_test", CHAT.formatted(""));
        String firstId = JSON.readTree(first.body()).path("generationId").asText();
        assertThat(firstId, org.hamcrest.Matchers.matchesPattern("gen_[0-9A-HJKMNP-TV-Z]{26}"));
        assertThat(second.body(), org.hamcrest.Matchers.not(containsString(firstId)));
        assertThat(first.body(), containsString("Upgrade to paid credits at https://vercel.com/d?to="));
    }

    /** What each simulated team answers on /v1/credits and on a valid chat completion (status, type or body marker). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "healthy,          200, ,                               200, ",
            "team-blocked,     403, access_denied,                  403, access_denied",
            "no-card,          200, ,                               403, customer_verification_required",
            "free-restricted,  200, ,                               403, no_providers_available",
            "no-credits,       200, ,                               402, insufficient_funds",
            "rate-limited,     200, ,                               429, rate_limit_exceeded",
            "quota-exceeded,   200, ,                               402, quota_for_entity_exceeded",
            "outage,           200, ,                               503, service_unavailable_error",
            "provider-unavailable, 200, ,                           503, 'providerAttempts\":[{\"provider\":\"openai\",\"credentialType\":\"system\",\"success\":false'",
            "firewall,         403, Vercel Security Checkpoint,     403, Vercel Security Checkpoint",
    })
    void eachTeamAnswersInItsOwnState(String team, int creditsStatus, String creditsMarker, int chatStatus,
                                      String chatMarker) throws Exception {
        String key = "vck_sim_" + team + "_test";
        HttpResponse<String> credits = send("GET", "/v1/credits", key, null);
        assertThat(credits.statusCode(), equalTo(creditsStatus));
        if (creditsMarker != null) {
            assertThat(credits.body(), containsString(creditsMarker));
        }
        HttpResponse<String> chat = send("POST", "/v1/chat/completions", key, CHAT.formatted(""));
        assertThat(chat.statusCode(), equalTo(chatStatus));
        if (chatMarker != null) {
            assertThat(chat.body(), containsString(chatMarker));
        }
        assertThat(chat.headers().firstValue("retry-after").isPresent(), equalTo(false));
    }

    @Test
    void aBalanceAtZeroReadsAsTheStringZero() throws Exception {
        assertThat(json(send("GET", "/v1/credits", "vck_sim_no-card_x", null)).path("balance").asText(), equalTo("0"));
        assertThat(json(send("GET", "/v1/credits", "vck_sim_no-credits_x", null)).path("balance").asText(), equalTo("0"));
    }

    @Test
    void theFirewallChallengesWithHtmlAndItsHeader() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/credits", "vck_sim_firewall_x", null);
        assertThat(response.headers().firstValue("content-type").orElse(""), startsWith("text/html"));
        assertThat(response.headers().firstValue("x-vercel-mitigated").orElse(""), equalTo("challenge"));
    }

    @Test
    void theFlakyTeamFailsItsFirstTwoInferenceRequestsOnly() throws Exception {
        try (SimulatedGateway fresh = SimulatedGateway.start(0)) {
            HttpClient client = HttpClient.newHttpClient();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(client.send(HttpRequest.newBuilder(URI.create(fresh.baseUrl() + "/v1/chat/completions"))
                        .header("Authorization", "Bearer vck_sim_flaky_x")
                        .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted(""))).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            assertThat(statuses, equalTo(List.of(503, 503, 200, 200)));
        }
    }

    @Test
    void theSlowTeamAnswersOnlyAfterItsDelay() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send("GET", "/v1/credits", "vck_sim_slow_x", null);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode(), equalTo(200));
        assertThat(elapsedMs >= 1500, equalTo(true));
    }

    @Test
    void theKeyIsCheckedBeforeTheRequestAndTheRequestBeforeTheTeam() throws Exception {
        assertThat(send("POST", "/v1/chat/completions", "vck_unknown_1", "{}").statusCode(), equalTo(401));
        HttpResponse<String> invalid = send("POST", "/v1/chat/completions", "vck_sim_team-blocked_demo", "{\"messages\":[]}");
        assertThat(invalid.statusCode(), equalTo(400));
        assertThat(json(invalid).at("/error/type").asText(), equalTo("invalid_request_error"));
        assertThat(json(invalid).at("/error/param").asText(), equalTo("model"));
    }

    @Test
    void aCompletionEchoesTheModelAndCountsTokensAndCost() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/chat/completions", "vck_sim_healthy_demo", CHAT.formatted(""));
        assertThat(response.statusCode(), equalTo(200));
        JsonNode body = json(response);
        assertThat(body.path("id").asText(), matchesPattern("gen_[0-9A-HJKMNP-TV-Z]{26}"));
        assertThat(body.path("generationId").asText(), equalTo(body.path("id").asText()));
        assertThat(body.path("model").asText(), equalTo("openai/gpt-4o-mini"));
        assertThat(body.at("/usage/completion_tokens").asInt(), equalTo(1));
        assertThat(body.at("/choices/0/finish_reason").asText(), equalTo("length"));
        // 6 prompt tokens at $0.00000015 and 1 completion token at $0.0000006, from the catalog
        assertThat(body.at("/usage/cost").decimalValue().toPlainString(), equalTo("0.0000015"));
        assertThat(body.at("/choices/0/message/provider_metadata/gateway/cost").asText(), equalTo("0.0000015"));
    }

    @Test
    void aStreamStartsWithTheRoleAndEndsWithUsageThenDone() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/chat/completions", "vck_sim_healthy_demo",
                CHAT.formatted(",\"stream\":true").replace("\"max_tokens\":1", "\"max_tokens\":3"));
        assertThat(response.headers().firstValue("content-type").orElse(""), startsWith("text/event-stream"));
        List<String> events = ServerSentEvents.data(response.body());
        assertThat(events.get(events.size() - 1), equalTo("[DONE]"));
        assertThat(JSON.readTree(events.get(0)).at("/choices/0/delta/role").asText(), equalTo("assistant"));
        assertThat(events.size(), greaterThan(4));
        for (String event : events.subList(0, events.size() - 2)) {
            assertThat(JSON.readTree(event).has("usage"), equalTo(false));
        }
        JsonNode last = JSON.readTree(events.get(events.size() - 2));
        assertThat(last.at("/usage/completion_tokens").asInt(), equalTo(3));
        assertThat(last.path("generationId").asText(), equalTo(JSON.readTree(events.get(0)).path("id").asText()));
    }

    /** The shape of a live recording (2026-09): role alone first, metadata inside the last delta, the fuller usage. */
    @Test
    void aStreamHasTheShapeOfALiveRecording() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/chat/completions", "vck_sim_healthy_demo",
                CHAT.formatted(",\"stream\":true,\"stream_options\":{\"include_usage\":true}"));
        List<String> events = ServerSentEvents.data(response.body());
        JsonNode first = JSON.readTree(events.get(0));
        assertThat(first.at("/choices/0/delta").toString(), equalTo("{\"role\":\"assistant\"}"));
        assertThat(first.path("system_fingerprint").isTextual(), equalTo(true));
        JsonNode last = JSON.readTree(events.get(events.size() - 2));
        assertThat(last.has("provider_metadata"), equalTo(false));
        assertThat(last.at("/choices/0/delta/provider_metadata/gateway/generationId").asText(), equalTo(first.path("id").asText()));
        assertThat(last.at("/usage/cost_details").isObject(), equalTo(true));
        assertThat(last.at("/usage/cache_creation_input_tokens").asInt(-1), equalTo(0));
        assertThat(last.at("/usage/gateway_cost").isNumber(), equalTo(true));
    }

    @Test
    void anUnknownModelIs404WithItsId() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/chat/completions", "vck_sim_healthy_demo",
                CHAT.formatted("").replace("openai/gpt-4o-mini", "nobody/nothing"));
        assertThat(response.statusCode(), equalTo(404));
        assertThat(json(response).at("/error/type").asText(), equalTo("model_not_found"));
        assertThat(json(response).at("/error/param/modelId").asText(), equalTo("nobody/nothing"));
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerAsTheGatewayDoes() throws Exception {
        HttpResponse<String> unknown = send("GET", "/v1/nothing-here", "vck_sim_healthy_demo", null);
        assertThat(unknown.statusCode(), equalTo(404));
        assertThat(json(unknown).at("/error/type").asText(), equalTo("not_found_error"));
        HttpResponse<String> wrongMethod = send("DELETE", "/v1/models", null, null);
        assertThat(wrongMethod.statusCode(), equalTo(405));
        assertThat(wrongMethod.body(), equalTo(""));
        HttpResponse<String> outside = send("GET", "/models", null, null);
        assertThat(outside.statusCode(), equalTo(404));
        assertThat(outside.headers().firstValue("content-type").orElse(""), containsString("text/html"));
        assertThat(outside.headers().map().keySet().stream().anyMatch(h -> h.toLowerCase().startsWith("matched-stub")),
                equalTo(false));
    }
}
