package dev.aigateway.contract.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /v1/models/{creator}/{model}} over real HTTP. */
class ModelEntryTest extends SimulatedGatewayHttp {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openai/gpt-4o-mini", "openai/text-embedding-3-small", "perplexity/sonar"})
    void oneModelIsTheSameRichEntryAsInTheListWithoutAKey(String modelId) throws Exception {
        JsonNode listed = null;
        for (JsonNode entry : json(send("GET", "/v1/models", null)).path("data")) {
            if (entry.path("id").asText().equals(modelId)) {
                listed = entry;
            }
        }
        HttpResponse<String> response = send("GET", "/v1/models/" + modelId, null);
        assertThat(response.statusCode(), equalTo(200));
        assertThat(contentType(response), startsWith("application/json"));
        assertThat(json(response), equalTo(listed));
        assertThat(json(response).path("pricing").isObject(), equalTo(true));
    }

    @Test
    void aBlockedTeamStillReadsAModelBecauseTheRouteIsPublic() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/models/openai/gpt-4o-mini", null,
                "Authorization", bearer("team-blocked"));
        assertThat(response.statusCode(), equalTo(200));
    }

    @Test
    void anUnknownModelIs404ModelNotFoundNamingIt() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/models/nobody/nothing", null);
        assertThat(response.statusCode(), equalTo(404));
        assertThat(response.body(), equalTo(
                "{\"error\":{\"message\":\"Model 'nobody/nothing' not found\",\"type\":\"model_not_found\",\"param\":{\"modelId\":\"nobody/nothing\"}}}"));
    }
}
