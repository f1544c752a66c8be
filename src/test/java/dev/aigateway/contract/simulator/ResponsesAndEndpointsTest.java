package dev.aigateway.contract.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/responses} (OpenResponses), {@code POST /v1/ai/language-model} (the protocol of
 * {@code @ai-sdk/gateway} 1.x and 2.x) and {@code GET /v1/models/{creator}/{model}/endpoints}, over real HTTP.
 */
class ResponsesAndEndpointsTest extends SimulatedGatewayHttp {

    private static final String RESPONSE = "{\"model\":\"openai/gpt-4o-mini\",\"input\":\"Say pong.\",\"max_output_tokens\":16%s}";

    @Test
    void aResponseIsCompletedWithAGenerationIdOneMessageAndUsage() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/responses", RESPONSE.formatted(""),
                "Authorization", bearer("healthy"), "content-type", "application/json");
        JsonNode body = json(response);
        assertThat(response.statusCode(), equalTo(200));
        assertThat(body.path("id").asText(), matchesPattern(GENERATION_ID));
        assertThat(List.of(body.path("object").asText(), body.path("status").asText(), body.path("error").isNull()),
                equalTo(List.of("response", "completed", true)));
        assertThat(body.at("/output/0/content/0/type").asText(), equalTo("output_text"));
        assertThat(body.at("/usage/total_tokens").asInt(), equalTo(body.at("/usage/input_tokens").asInt()
                + body.at("/usage/output_tokens").asInt()));
    }

    @Test
    void aStreamedResponseIsNamedEventsFromCreatedToCompletedNumberedInOrder() throws Exception {
        String body = send("POST", "/v1/responses", RESPONSE.formatted(",\"stream\":true"),
                "Authorization", bearer("healthy"), "content-type", "application/json").body();
        List<Event> events = events(body);
        assertThat(events.get(0).name(), equalTo("response.created"));
        assertThat(events.get(events.size() - 1).name(), equalTo("response.completed"));
        for (int i = 0; i < events.size(); i++) {
            JsonNode data = JSON.readTree(events.get(i).data());
            assertThat(data.path("type").asText(), equalTo(events.get(i).name()));
            assertThat(data.path("sequence_number").asInt(), equalTo(i));
        }
        assertThat(JSON.readTree(events.get(events.size() - 1).data()).at("/response/usage/output_tokens").asInt(),
                equalTo(events.stream().filter(e -> e.name().equals("response.output_text.delta")).toList().size()));
    }

    @Test
    void aResponseWithoutInputIs400AndABlockedTeamIs403() throws Exception {
        HttpResponse<String> noInput = send("POST", "/v1/responses", "{\"model\":\"openai/gpt-4o-mini\"}",
                "Authorization", bearer("healthy"), "content-type", "application/json");
        assertThat(noInput.statusCode(), equalTo(400));
        assertThat(json(noInput).at("/error/param").asText(), equalTo("input"));
        HttpResponse<String> blocked = send("POST", "/v1/responses", RESPONSE.formatted(""),
                "Authorization", bearer("team-blocked"), "content-type", "application/json");
        assertThat(blocked.statusCode(), equalTo(403));
        assertThat(json(blocked).at("/error/type").asText(), equalTo("access_denied"));
    }

    @Test
    void theV1ProtocolStreamsLanguageModelV2PartsWithAPlainFinishReasonAndFlatUsage() throws Exception {
        String body = send("POST", "/v1/ai/language-model",
                "{\"prompt\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Say pong.\"}]}],\"maxOutputTokens\":1}",
                "Authorization", bearer("healthy"), "content-type", "application/json",
                "ai-language-model-id", "openai/gpt-4o-mini", "ai-language-model-specification-version", "2",
                "ai-language-model-streaming", "true").body();
        List<Event> events = events(body);
        JsonNode finish = JSON.readTree(events.get(events.size() - 1).data());
        assertThat(JSON.readTree(events.get(0).data()).path("type").asText(), equalTo("stream-start"));
        assertThat(finish.path("type").asText(), equalTo("finish"));
        assertThat(finish.path("finishReason").asText(), equalTo("length"));
        assertThat(finish.at("/usage/outputTokens").asInt(), equalTo(1));
        assertThat(finish.at("/usage/totalTokens").asInt(), equalTo(finish.at("/usage/inputTokens").asInt() + 1));
    }

    @Test
    void theV1ConfigListsModelsOfSpecificationV2() throws Exception {
        JsonNode config = json(send("GET", "/v1/ai/config", null, "Authorization", bearer("healthy")));
        assertThat(config.at("/models/0/specification/specificationVersion").asText(), equalTo("v2"));
    }

    @Test
    void aModelsEndpointsArePublicWithDataAnObjectAndPromptCompletionPricing() throws Exception {
        JsonNode catalogPricing = json(send("GET", "/v1/models/openai/gpt-4o-mini", null)).path("pricing");
        HttpResponse<String> response = send("GET", "/v1/models/openai/gpt-4o-mini/endpoints", null);
        JsonNode data = json(response).path("data");
        assertThat(response.statusCode(), equalTo(200));
        assertThat(data.isObject(), equalTo(true));
        assertThat(data.at("/endpoints/0/pricing/prompt").asText(), equalTo(catalogPricing.path("input").asText()));
        assertThat(data.at("/endpoints/0/pricing/completion").asText(), equalTo(catalogPricing.path("output").asText()));
        assertThat(send("GET", "/v1/models/nobody/nothing/endpoints", null).statusCode(), equalTo(404));
    }
}
