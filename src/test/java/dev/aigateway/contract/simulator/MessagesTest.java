package dev.aigateway.contract.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /v1/messages} (Anthropic Messages) over real HTTP. */
class MessagesTest extends SimulatedGatewayHttp {

    private static final String MESSAGE =
            "{\"model\":\"anthropic/claude-haiku-4.5\",\"max_tokens\":%d,%s\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Say pong.\"}]}]}";

    private static String message(int maxTokens, String extra) {
        return MESSAGE.formatted(maxTokens, extra);
    }

    private HttpResponse<String> post(String body, String... headers) throws Exception {
        return send("POST", "/v1/messages", body, headers);
    }

    /** The Anthropic envelope, exactly: {@code {"type":"error","error":{"type","message"}}} and nothing else. */
    private static void assertAnthropicError(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode(), equalTo(status));
        assertThat(contentType(response), startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.path("type").asText(), equalTo("error"));
        assertThat(body.path("error").path("type").asText(), equalTo(type));
        assertThat(body.path("error").path("message").isTextual(), equalTo(true));
        assertThat(body.size(), equalTo(2));
        assertThat(body.path("error").size(), equalTo(2));
    }

    @Test
    void theKeyIsAcceptedInXApiKeyOrAsBearer() throws Exception {
        assertThat(post(message(16, ""), "x-api-key", "vck_sim_healthy_test").statusCode(), equalTo(200));
        assertThat(post(message(16, ""), "Authorization", bearer("healthy")).statusCode(), equalTo(200));
    }

    @Test
    void noKeyOrAnUnknownKeyIs401InTheAnthropicEnvelope() throws Exception {
        assertAnthropicError(post(message(16, "")), 401, "authentication_error");
        assertAnthropicError(post(message(16, ""), "x-api-key", "vck_unknown_1"), 401, "authentication_error");
    }

    @Test
    void maxTokensIsRequiredAndCheckedBeforeTheTeam() throws Exception {
        HttpResponse<String> response = post(
                "{\"model\":\"anthropic/claude-haiku-4.5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "x-api-key", "vck_sim_team-blocked_test");
        assertAnthropicError(response, 400, "invalid_request_error");
        assertThat(json(response).at("/error/message").asText(), containsString("max_tokens"));
    }

    @Test
    void anUnknownModelIs404InTheAnthropicEnvelopeWithTheGatewaysType() throws Exception {
        HttpResponse<String> response = post(message(16, "").replace("anthropic/claude-haiku-4.5", "nobody/nothing"),
                "x-api-key", "vck_sim_healthy_test");
        assertAnthropicError(response, 404, "model_not_found");
        assertThat(json(response).at("/error/message").asText(), equalTo("Model 'nobody/nothing' not found"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "team-blocked,   403, access_denied,                  Forbidden.",
            "no-card,        403, customer_verification_required, AI Gateway requires a valid credit card on file",
            "no-credits,     402, insufficient_funds,             Insufficient funds. Please add credits",
            "rate-limited,   429, rate_limit_exceeded,            Free tier requests on this model are rate-limited",
            "quota-exceeded, 402, quota_for_entity_exceeded,      Quota limit exceeded",
            "outage,         503, service_unavailable_error,      Service temporarily unavailable",
    })
    void eachAccountGateKeepsTheGatewaysOwnEnvelope(String team, int status, String type, String message)
            throws Exception {
        HttpResponse<String> response = post(message(16, ""), "x-api-key", "vck_sim_" + team + "_test");
        assertThat(response.statusCode(), equalTo(status));
        assertThat(json(response).has("type"), equalTo(false));
        assertThat(json(response).at("/error/type").asText(), equalTo(type));
        assertThat(json(response).at("/error/message").asText(), startsWith(message));
    }

    @Test
    void theFirewallChallengeStaysHtml() throws Exception {
        HttpResponse<String> response = post(message(16, ""), "x-api-key", "vck_sim_firewall_test");
        assertThat(response.statusCode(), equalTo(403));
        assertThat(contentType(response), startsWith("text/html"));
        assertThat(response.headers().firstValue("x-vercel-mitigated").orElse(""), equalTo("challenge"));
        assertThat(response.body(), containsString("Vercel Security Checkpoint"));
    }

    @Test
    void aMessageHasTheAnthropicShapeWithTheGatewaysMetadata() throws Exception {
        HttpResponse<String> response = post(message(16, "\"system\":\"Be brief.\","), "x-api-key", "vck_sim_healthy_test");
        JsonNode body = json(response);
        assertThat(body.path("id").asText(), matchesPattern(GENERATION_ID));
        assertThat(body.path("type").asText(), equalTo("message"));
        assertThat(body.path("role").asText(), equalTo("assistant"));
        assertThat(body.path("model").asText(), equalTo("anthropic/claude-haiku-4.5"));
        assertThat(body.at("/content/0/type").asText(), equalTo("text"));
        assertThat(body.at("/content/0/text").asText(), equalTo("pong from the simulated gateway."));
        assertThat(body.path("stop_reason").asText(), equalTo("end_turn"));
        assertThat(body.path("stop_sequence").isNull(), equalTo(true));
        // "Say pong." is 6 tokens, "Be brief." another 6
        assertThat(body.at("/usage/input_tokens").asInt(), equalTo(12));
        assertThat(body.at("/usage/output_tokens").asInt(), equalTo(5));
        assertThat(body.at("/provider_metadata/gateway/generationId").asText(), equalTo(body.path("id").asText()));
        assertThat(body.at("/provider_metadata/gateway/cost").isTextual(), equalTo(true));
    }

    @Test
    void aShortMaxTokensStopsAtMaxTokens() throws Exception {
        JsonNode body = json(post(message(2, ""), "x-api-key", "vck_sim_healthy_test"));
        assertThat(body.path("stop_reason").asText(), equalTo("max_tokens"));
        assertThat(body.at("/usage/output_tokens").asInt(), equalTo(2));
        assertThat(body.at("/content/0/text").asText(), equalTo("pong from"));
    }

    @Test
    void aStreamIsAnthropicsNamedEventsInOrder() throws Exception {
        HttpResponse<String> response = post(message(3, "\"stream\":true,"), "x-api-key", "vck_sim_healthy_test");
        assertThat(response.statusCode(), equalTo(200));
        assertThat(contentType(response), startsWith("text/event-stream"));
        List<Event> events = events(response.body());
        assertThat(events.stream().map(Event::name).toList(), equalTo(List.of(
                "message_start", "content_block_start",
                "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop")));
        for (Event event : events) {
            assertThat(event.json().path("type").asText(), equalTo(event.name()));
        }
        JsonNode start = events.get(0).json().path("message");
        assertThat(start.path("id").asText(), matchesPattern(GENERATION_ID));
        assertThat(start.path("content").size(), equalTo(0));
        assertThat(start.path("stop_reason").isNull(), equalTo(true));
        assertThat(start.at("/usage/input_tokens").asInt(), equalTo(6));
        assertThat(events.get(1).json().at("/content_block/type").asText(), equalTo("text"));
        assertThat(events.get(1).json().at("/content_block/text").asText(), equalTo(""));
        StringBuilder text = new StringBuilder();
        for (Event delta : events.subList(2, 5)) {
            assertThat(delta.json().path("index").asInt(), equalTo(0));
            assertThat(delta.json().at("/delta/type").asText(), equalTo("text_delta"));
            text.append(delta.json().at("/delta/text").asText());
        }
        assertThat(text.toString(), equalTo("pong from the"));
        JsonNode messageDelta = events.get(6).json();
        assertThat(messageDelta.at("/delta/stop_reason").asText(), equalTo("max_tokens"));
        assertThat(messageDelta.at("/usage/output_tokens").asInt(), equalTo(3));
        assertThat(messageDelta.at("/provider_metadata/gateway/generationId").asText(), equalTo(start.path("id").asText()));
    }

    @Test
    void aGatedTeamsStreamIsRefusedBeforeAnyEventInTheGatewaysEnvelope() throws Exception {
        HttpResponse<String> response = post(message(3, "\"stream\":true,"), "x-api-key", "vck_sim_no-credits_test");
        assertThat(response.statusCode(), equalTo(402));
        assertThat(contentType(response), startsWith("application/json"));
        assertThat(response.body(), startsWith("{\"error\":{\"message\":\"Insufficient funds. Please add credits"));
    }
}
