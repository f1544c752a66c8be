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
import org.junit.jupiter.params.provider.ValueSource;

/** The AI SDK native protocol ({@code @ai-sdk/gateway} 3.x on {@code /v3/ai}, 4.x on {@code /v4/ai}) over real HTTP. */
class AiSdkProtocolTest extends SimulatedGatewayHttp {

    private static final String PROMPT =
            "{\"prompt\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Say pong.\"}]}]%s}";

    /** What the SDK sends: its auth and protocol headers, the model id and whether it streams. */
    private HttpResponse<String> languageModel(String version, String team, String modelId, boolean streaming,
                                               String body) throws Exception {
        return send("POST", "/" + version + "/ai/language-model", body,
                "Authorization", bearer(team),
                "ai-gateway-protocol-version", "0.0.1",
                "ai-gateway-auth-method", "api-key",
                "ai-language-model-specification-version", version.substring(1),
                "ai-language-model-id", modelId,
                "ai-language-model-streaming", String.valueOf(streaming));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v3", "v4"})
    void theConfigListsTheCatalogWithTheSpecificationVersionOfItsPath(String version) throws Exception {
        HttpResponse<String> response = send("GET", "/" + version + "/ai/config", null, "Authorization", bearer("healthy"));
        assertThat(response.statusCode(), equalTo(200));
        JsonNode models = json(response).path("models");
        assertThat(models.size(), equalTo(json(send("GET", "/v1/models", null)).path("data").size()));
        for (JsonNode model : models) {
            assertThat(model.path("id").isTextual(), equalTo(true));
            assertThat(model.path("name").isTextual(), equalTo(true));
            assertThat(model.at("/specification/specificationVersion").asText(), equalTo(version));
            assertThat(model.at("/specification/modelId").asText(), equalTo(model.path("id").asText()));
            assertThat(model.at("/specification/provider").isTextual(), equalTo(true));
            if (model.has("pricing")) {
                assertThat(model.at("/pricing/input").isTextual(), equalTo(true));
                assertThat(model.at("/pricing/output").isTextual(), equalTo(true));
            }
        }
        JsonNode haiku = find(models, "anthropic/claude-haiku-4.5");
        assertThat(haiku.at("/pricing/input_cache_write").asText(), equalTo("0.00000125"));
        assertThat(haiku.path("modelType").asText(), equalTo("language"));
        // Only an input price (embedding) or none (sonar): the SDK's schema would refuse a pricing without output.
        assertThat(find(models, "openai/text-embedding-3-small").has("pricing"), equalTo(false));
        assertThat(find(models, "perplexity/sonar").has("pricing"), equalTo(false));
    }

    private static JsonNode find(JsonNode models, String id) {
        for (JsonNode model : models) {
            if (model.path("id").asText().equals(id)) {
                return model;
            }
        }
        throw new AssertionError(id + " is not in the config");
    }

    @Test
    void theConfigNeedsAKeyAndABlockedTeamIsDeniedIt() throws Exception {
        HttpResponse<String> anonymous = send("GET", "/v4/ai/config", null);
        assertThat(anonymous.statusCode(), equalTo(401));
        assertThat(json(anonymous).at("/error/type").asText(), equalTo("authentication_error"));
        HttpResponse<String> blocked = send("GET", "/v4/ai/config", null, "Authorization", bearer("team-blocked"));
        assertThat(blocked.statusCode(), equalTo(403));
        assertThat(json(blocked).at("/error/type").asText(), equalTo("access_denied"));
        assertThat(send("GET", "/v4/ai/config", null, "Authorization", bearer("no-credits")).statusCode(), equalTo(200));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v3", "v4"})
    void aGenerateResultIsTheSdksOwnShape(String version) throws Exception {
        HttpResponse<String> response = languageModel(version, "healthy", "openai/gpt-4o-mini", false, PROMPT.formatted(""));
        assertThat(response.statusCode(), equalTo(200));
        assertThat(contentType(response), startsWith("application/json"));
        JsonNode result = json(response);
        assertThat(result.at("/content/0/type").asText(), equalTo("text"));
        assertThat(result.at("/content/0/text").asText(), equalTo("pong from the simulated gateway."));
        assertThat(result.at("/finishReason/unified").asText(), equalTo("stop"));
        assertThat(result.at("/finishReason/raw").asText(), equalTo("stop"));
        // "Be brief." and "Say pong.": 6 tokens each
        assertThat(result.at("/usage/inputTokens/total").asInt(), equalTo(12));
        assertThat(result.at("/usage/outputTokens/total").asInt(), equalTo(5));
        assertThat(result.at("/usage/outputTokens/text").asInt(), equalTo(5));
        assertThat(result.at("/providerMetadata/gateway/generationId").asText(), matchesPattern(GENERATION_ID));
        assertThat(result.at("/providerMetadata/gateway/cost").isTextual(), equalTo(true));
        assertThat(result.path("warnings").isArray(), equalTo(true));
    }

    @Test
    void maxOutputTokensCutsTheReplyAndSaysLength() throws Exception {
        JsonNode result = json(languageModel("v4", "healthy", "openai/gpt-4o-mini", false, PROMPT.formatted(",\"maxOutputTokens\":2")));
        assertThat(result.at("/content/0/text").asText(), equalTo("pong from"));
        assertThat(result.at("/finishReason/unified").asText(), equalTo("length"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v3", "v4"})
    void aStreamIsSdkStreamPartsAsSseDataEndingWithFinish(String version) throws Exception {
        HttpResponse<String> response = languageModel(version, "healthy", "anthropic/claude-haiku-4.5", true,
                PROMPT.formatted(",\"maxOutputTokens\":3"));
        assertThat(response.statusCode(), equalTo(200));
        assertThat(contentType(response), startsWith("text/event-stream"));
        List<Event> events = events(response.body());
        List<String> types = new java.util.ArrayList<>();
        for (Event event : events) {
            assertThat("no event names on this protocol", event.name(), equalTo(null));
            types.add(event.json().path("type").asText());
        }
        assertThat(types, equalTo(List.of("stream-start", "response-metadata", "text-start",
                "text-delta", "text-delta", "text-delta", "text-end", "finish")));
        JsonNode metadata = events.get(1).json();
        assertThat(metadata.path("modelId").asText(), equalTo("anthropic/claude-haiku-4.5"));
        assertThat(metadata.path("timestamp").asText(), matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        StringBuilder text = new StringBuilder();
        for (Event delta : events.subList(3, 6)) {
            assertThat(delta.json().path("id").asText(), equalTo(events.get(2).json().path("id").asText()));
            text.append(delta.json().path("delta").asText());
        }
        assertThat(text.toString(), equalTo("pong from the"));
        JsonNode finish = events.get(7).json();
        assertThat(finish.at("/finishReason/unified").asText(), equalTo("length"));
        assertThat(finish.at("/usage/outputTokens/total").asInt(), equalTo(3));
        assertThat(finish.at("/providerMetadata/gateway/generationId").asText(), equalTo(metadata.path("id").asText()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "v4, team-blocked,   403, access_denied",
            "v3, team-blocked,   403, access_denied",
            "v4, no-card,        403, customer_verification_required",
            "v4, no-credits,     402, insufficient_funds",
            "v4, rate-limited,   429, rate_limit_exceeded",
            "v4, quota-exceeded, 402, quota_for_entity_exceeded",
            "v4, outage,         503, service_unavailable_error",
    })
    void eachGatedTeamGetsItsRefusalInTheGatewayEnvelope(String version, String team, int status, String type)
            throws Exception {
        for (boolean streaming : new boolean[] {false, true}) {
            HttpResponse<String> response = languageModel(version, team, "openai/gpt-4o-mini", streaming, PROMPT.formatted(""));
            assertThat(response.statusCode(), equalTo(status));
            assertThat(contentType(response), startsWith("application/json"));
            assertThat(json(response).at("/error/type").asText(), equalTo(type));
            assertThat(json(response).at("/error/message").isTextual(), equalTo(true));
        }
    }

    @Test
    void theFirewallChallengesWithHtml() throws Exception {
        HttpResponse<String> response = languageModel("v4", "firewall", "openai/gpt-4o-mini", false, PROMPT.formatted(""));
        assertThat(response.statusCode(), equalTo(403));
        assertThat(contentType(response), startsWith("text/html"));
        assertThat(response.body(), containsString("Vercel Security Checkpoint"));
    }

    @Test
    void anUnknownKeyIs401InTheGatewayEnvelope() throws Exception {
        HttpResponse<String> response = send("POST", "/v4/ai/language-model", PROMPT.formatted(""),
                "Authorization", "Bearer vck_unknown_1", "ai-language-model-id", "openai/gpt-4o-mini");
        assertThat(response.statusCode(), equalTo(401));
        assertThat(json(response).at("/error/type").asText(), equalTo("authentication_error"));
    }

    @Test
    void anUnknownModelIs404WithItsIdAsTheSdkReadsIt() throws Exception {
        HttpResponse<String> response = languageModel("v4", "healthy", "nobody/nothing", false, PROMPT.formatted(""));
        assertThat(response.statusCode(), equalTo(404));
        assertThat(json(response).at("/error/type").asText(), equalTo("model_not_found"));
        assertThat(json(response).at("/error/param/modelId").asText(), equalTo("nobody/nothing"));
    }

    @Test
    void aRequestWithoutPromptOrModelIs400BeforeTheTeamIsChecked() throws Exception {
        HttpResponse<String> noPrompt = languageModel("v4", "team-blocked", "openai/gpt-4o-mini", false, "{}");
        assertThat(noPrompt.statusCode(), equalTo(400));
        assertThat(json(noPrompt).at("/error/param").asText(), equalTo("prompt"));
        HttpResponse<String> noModel = send("POST", "/v4/ai/language-model", PROMPT.formatted(""),
                "Authorization", bearer("team-blocked"));
        assertThat(noModel.statusCode(), equalTo(400));
        assertThat(json(noModel).at("/error/type").asText(), equalTo("invalid_request_error"));
    }

    @Test
    void aStreamedGenerationReadsBackThroughV1Generation() throws Exception {
        List<Event> events = events(languageModel("v4", "healthy", "deepseek/deepseek-v3.2", true, PROMPT.formatted("")).body());
        String generationId = events.get(events.size() - 1).json().at("/providerMetadata/gateway/generationId").asText();
        HttpResponse<String> response = send("GET", "/v1/generation?id=" + generationId, null, "Authorization", bearer("healthy"));
        assertThat(response.statusCode(), equalTo(200));
        assertThat(json(response).at("/data/model").asText(), equalTo("deepseek/deepseek-v3.2"));
        assertThat(json(response).at("/data/streamed").asBoolean(), equalTo(true));
    }
}
