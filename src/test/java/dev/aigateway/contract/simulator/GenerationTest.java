package dev.aigateway.contract.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/generation?id=} over real HTTP: generations this simulator produced read back, flat errors. */
class GenerationTest extends SimulatedGatewayHttp {

    /** Never produced here: the docs' sample id. */
    private static final String UNKNOWN = "gen_01ARZ3NDEKTSV4RRFFQ69G5FAV";
    private static final List<String> NUMBERS = List.of("total_cost", "upstream_inference_cost", "usage", "latency",
            "generation_time", "native_tokens_prompt", "native_tokens_completion", "native_tokens_reasoning",
            "native_tokens_cached", "native_tokens_cache_creation", "billable_web_search_calls");

    private HttpResponse<String> lookUp(String query, String team) throws Exception {
        return send("GET", "/v1/generation" + query, null, "Authorization", bearer(team));
    }

    private JsonNode usageEvent(String generationId) throws Exception {
        HttpResponse<String> response = lookUp("?id=" + generationId, "healthy");
        assertThat(response.statusCode(), equalTo(200));
        JsonNode data = json(response).path("data");
        assertThat(json(response).size(), equalTo(1));
        assertThat(data.path("id").asText(), equalTo(generationId));
        for (String field : NUMBERS) {
            assertThat(field + " is a number", data.path(field).isNumber(), equalTo(true));
        }
        assertThat(data.path("created_at").asText(), matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertThat(data.path("is_byok").isBoolean(), equalTo(true));
        assertThat(data.path("streamed").isBoolean(), equalTo(true));
        assertThat(data.path("finish_reason").isTextual(), equalTo(true));
        return data;
    }

    @Test
    void aChatCompletionReadsBackWithItsTokensAndTheSameCostAsNumbers() throws Exception {
        JsonNode completion = json(send("POST", "/v1/chat/completions",
                "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}]}",
                "Authorization", bearer("healthy")));
        JsonNode data = usageEvent(completion.path("id").asText());
        assertThat(data.path("model").asText(), equalTo("openai/gpt-4o-mini"));
        assertThat(data.path("provider_name").asText(), equalTo("openai"));
        assertThat(data.path("native_tokens_prompt").asInt(), equalTo(completion.at("/usage/prompt_tokens").asInt()));
        assertThat(data.path("native_tokens_completion").asInt(), equalTo(completion.at("/usage/completion_tokens").asInt()));
        assertThat(data.path("total_cost").decimalValue().compareTo(completion.at("/usage/cost").decimalValue()), equalTo(0));
        assertThat(data.path("streamed").asBoolean(), equalTo(false));
        assertThat(data.path("finish_reason").asText(), equalTo("stop"));
    }

    @Test
    void aByokGenerationSaysSoAndWhatTheProviderBilledTheUsersKey() throws Exception {
        JsonNode completion = json(send("POST", "/v1/chat/completions",
                "{\"model\":\"anthropic/claude-haiku-4.5\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}],"
                        + "\"providerOptions\":{\"gateway\":{\"byok\":{\"anthropic\":[{\"apiKey\":\"sk-ant-sim-valid-test\"}]}}}}",
                "Authorization", bearer("healthy")));
        JsonNode data = usageEvent(completion.path("id").asText());
        assertThat(data.path("is_byok").asBoolean(), equalTo(true));
        assertThat(data.path("total_cost").decimalValue().signum(), equalTo(0));
        assertThat(data.path("upstream_inference_cost").decimalValue().compareTo(data.path("market_cost").decimalValue()), equalTo(0));
        assertThat(data.path("upstream_inference_cost").decimalValue().signum(), equalTo(1));
    }

    @Test
    void anEmbeddingReadsBackFromItsProviderMetadataId() throws Exception {
        JsonNode embedding = json(send("POST", "/v1/embeddings", "{\"model\":\"openai/text-embedding-3-small\",\"input\":\"hello\"}",
                "Authorization", bearer("healthy")));
        JsonNode data = usageEvent(embedding.at("/providerMetadata/gateway/generationId").asText());
        assertThat(data.path("model").asText(), equalTo("openai/text-embedding-3-small"));
        assertThat(data.path("native_tokens_completion").asInt(), equalTo(0));
        assertThat(data.path("total_cost").decimalValue().compareTo(
                new BigDecimal(embedding.at("/providerMetadata/gateway/cost").asText())), equalTo(0));
    }

    @Test
    void aStreamedMessageReadsBackAsStreamed() throws Exception {
        HttpResponse<String> stream = send("POST", "/v1/messages",
                "{\"model\":\"anthropic/claude-haiku-4.5\",\"max_tokens\":8,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "x-api-key", "vck_sim_healthy_test");
        String generationId = events(stream.body()).get(0).json().at("/message/id").asText();
        JsonNode data = usageEvent(generationId);
        assertThat(data.path("streamed").asBoolean(), equalTo(true));
        assertThat(data.path("model").asText(), equalTo("anthropic/claude-haiku-4.5"));
    }

    @Test
    void anIdThisGatewayNeverProducedIs404WithTheFlatBody() throws Exception {
        HttpResponse<String> response = lookUp("?id=" + UNKNOWN, "healthy");
        assertThat(response.statusCode(), equalTo(404));
        assertThat(response.body(), equalTo("{\"error\":\"Usage event not found\",\"id\":\"" + UNKNOWN
                + "\",\"message\":\"No usage event found with ID " + UNKNOWN + "\"}"));
    }

    @Test
    void aMissingOrMalformedIdIs400WithTheFlatBody() throws Exception {
        for (String query : new String[] {"", "?id=", "?other=1"}) {
            HttpResponse<String> response = lookUp(query, "healthy");
            assertThat(response.statusCode(), equalTo(400));
            assertThat(response.body(), equalTo("{\"error\":\"id is required\"}"));
        }
        for (String id : new String[] {"chatcmpl-123", "gen_123", "gen_01ARZ3NDEKTSV4RRFFQ69G5FAVX", "gen_01ARZ3NDEKTSV4RRFFQ69G5FAU"}) {
            HttpResponse<String> response = lookUp("?id=" + id, "healthy");
            assertThat(id, response.statusCode(), equalTo(400));
            assertThat(response.body(), equalTo("{\"error\":\"Invalid generation ID format. Expected format: gen_<ulid>\"}"));
        }
    }

    @Test
    void theKeyIsRequired() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/generation?id=" + UNKNOWN, null);
        assertThat(response.statusCode(), equalTo(401));
        assertThat(json(response).at("/error/type").asText(), equalTo("authentication_error"));
    }

    @Test
    void aBlockedTeamIsDeniedAndTheFirewallChallenges() throws Exception {
        HttpResponse<String> blocked = lookUp("?id=" + UNKNOWN, "team-blocked");
        assertThat(blocked.statusCode(), equalTo(403));
        assertThat(json(blocked).at("/error/type").asText(), equalTo("access_denied"));
        HttpResponse<String> firewall = lookUp("?id=" + UNKNOWN, "firewall");
        assertThat(firewall.statusCode(), equalTo(403));
        assertThat(contentType(firewall), startsWith("text/html"));
    }

    @Test
    void aTeamGatedOnInferenceCanStillLookUpGenerations() throws Exception {
        assertThat(lookUp("?id=" + UNKNOWN, "no-credits").statusCode(), equalTo(404));
    }
}
