package dev.aigateway.contract.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /v1/embeddings} over real HTTP. */
class EmbeddingsTest extends SimulatedGatewayHttp {

    private static final String MODEL = "openai/text-embedding-3-small";

    private HttpResponse<String> embed(String team, String body) throws Exception {
        return send("POST", "/v1/embeddings", body, "Authorization", bearer(team));
    }

    @Test
    void oneVectorPerInputInTheListShapeWithoutATopLevelId() throws Exception {
        HttpResponse<String> response = embed("healthy", "{\"model\":\"" + MODEL + "\",\"input\":[\"hello\",\"simulated world\"]}");
        assertThat(response.statusCode(), equalTo(200));
        JsonNode body = json(response);
        assertThat(body.path("object").asText(), equalTo("list"));
        assertThat(body.has("id"), equalTo(false));
        assertThat(body.path("model").asText(), equalTo(MODEL));
        assertThat(body.path("data").size(), equalTo(2));
        for (int i = 0; i < 2; i++) {
            JsonNode item = body.path("data").get(i);
            assertThat(item.path("object").asText(), equalTo("embedding"));
            assertThat(item.path("index").asInt(), equalTo(i));
            assertThat(item.path("embedding").size(), equalTo(1536));
            double norm = 0;
            for (JsonNode value : item.path("embedding")) {
                assertThat(value.isNumber(), equalTo(true));
                norm += value.asDouble() * value.asDouble();
            }
            assertThat(norm, closeTo(1.0, 1e-4));
        }
        assertThat(body.at("/providerMetadata/gateway/generationId").asText(), matchesPattern(GENERATION_ID));
        assertThat(body.at("/providerMetadata/gateway/routing/originalModelId").asText(), equalTo(MODEL));
    }

    @Test
    void theCostIsTheCatalogInputPriceTimesThePromptTokens() throws Exception {
        JsonNode body = json(embed("healthy", "{\"model\":\"" + MODEL + "\",\"input\":\"twelve chars\"}"));
        // 12 characters: 3 tokens at $0.00000002 each (models.json)
        assertThat(body.at("/usage/prompt_tokens").asInt(), equalTo(3));
        assertThat(body.at("/usage/total_tokens").asInt(), equalTo(3));
        JsonNode cost = body.at("/providerMetadata/gateway/cost");
        assertThat(cost.isTextual(), equalTo(true));
        assertThat(new BigDecimal(cost.asText()).compareTo(new BigDecimal("0.00000006")), equalTo(0));
    }

    @Test
    void theSameInputEmbedsTheSameAndDimensionsSetsTheLength() throws Exception {
        String request = "{\"model\":\"" + MODEL + "\",\"input\":[\"alpha\",\"beta\",\"alpha\"],\"dimensions\":32}";
        JsonNode first = json(embed("healthy", request)).path("data");
        JsonNode again = json(embed("healthy", request)).path("data");
        assertThat(first.get(0).path("embedding").size(), equalTo(32));
        assertThat(first.get(0).path("embedding"), equalTo(first.get(2).path("embedding")));
        assertThat(first.get(0).path("embedding"), equalTo(again.get(0).path("embedding")));
        assertThat(first.get(0).path("embedding"), not(equalTo(first.get(1).path("embedding"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"input\":\"x\"}                                     | model",
            "{\"model\":\"openai/text-embedding-3-small\"}         | input",
            "{\"model\":\"openai/text-embedding-3-small\",\"input\":[1,2]} | input",
    })
    void aMissingModelOrInputIs400BeforeTheTeamIsChecked(String body, String parameter) throws Exception {
        HttpResponse<String> response = embed("team-blocked", body);
        assertThat(response.statusCode(), equalTo(400));
        assertThat(json(response).at("/error/type").asText(), equalTo("invalid_request_error"));
        assertThat(json(response).at("/error/param").asText(), equalTo(parameter));
    }

    @Test
    void dimensionsOutOfRangeIs400() throws Exception {
        HttpResponse<String> response = embed("healthy", "{\"model\":\"" + MODEL + "\",\"input\":\"x\",\"dimensions\":0}");
        assertThat(response.statusCode(), equalTo(400));
        assertThat(json(response).at("/error/type").asText(), equalTo("invalid_request_error"));
    }

    @Test
    void anUnknownModelIs404AndALanguageModelIsRefused() throws Exception {
        HttpResponse<String> unknown = embed("healthy", "{\"model\":\"nobody/nothing\",\"input\":\"x\"}");
        assertThat(unknown.statusCode(), equalTo(404));
        assertThat(json(unknown).at("/error/type").asText(), equalTo("model_not_found"));
        assertThat(json(unknown).at("/error/param/modelId").asText(), equalTo("nobody/nothing"));
        HttpResponse<String> language = embed("healthy", "{\"model\":\"openai/gpt-4o-mini\",\"input\":\"x\"}");
        assertThat(language.statusCode(), equalTo(400));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "team-blocked, 403, access_denied",
            "no-card,      403, customer_verification_required",
            "no-credits,   402, insufficient_funds",
            "rate-limited, 429, rate_limit_exceeded",
            "outage,       503, service_unavailable_error",
    })
    void eachGatedTeamGetsItsRefusalInTheGatewayEnvelope(String team, int status, String type) throws Exception {
        HttpResponse<String> response = embed(team, "{\"model\":\"" + MODEL + "\",\"input\":\"x\"}");
        assertThat(response.statusCode(), equalTo(status));
        assertThat(json(response).at("/error/type").asText(), equalTo(type));
    }

    @Test
    void theFirewallChallengesWithHtml() throws Exception {
        HttpResponse<String> response = embed("firewall", "{\"model\":\"" + MODEL + "\",\"input\":\"x\"}");
        assertThat(response.statusCode(), equalTo(403));
        assertThat(contentType(response), startsWith("text/html"));
        assertThat(response.body(), containsString("Vercel Security Checkpoint"));
    }

    @Test
    void noKeyIs401() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/embeddings", "{\"model\":\"" + MODEL + "\",\"input\":\"x\"}");
        assertThat(response.statusCode(), equalTo(401));
        assertThat(json(response).at("/error/type").asText(), equalTo("authentication_error"));
    }
}
