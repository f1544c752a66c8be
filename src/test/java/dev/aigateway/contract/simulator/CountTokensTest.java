package dev.aigateway.contract.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/messages/count_tokens} (https://docs.anthropic.com/en/api/messages-count-tokens) over real HTTP. */
class CountTokensTest extends SimulatedGatewayHttp {

    private static final String SHORT = "{\"model\":\"anthropic/claude-haiku-4.5\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}]}";
    private static final String LONGER = "{\"model\":\"anthropic/claude-haiku-4.5\",\"system\":\"You are terse.\",\"messages\":"
            + "[{\"role\":\"user\",\"content\":\"Say pong, and then say it again, twice, please.\"}]}";

    private HttpResponse<String> post(String body, String... headers) throws Exception {
        return send("POST", "/v1/messages/count_tokens", body, headers);
    }

    @Test
    void itCountsTheInputTokensWithoutMaxTokensAndMoreForALongerMessage() throws Exception {
        HttpResponse<String> small = post(SHORT, "x-api-key", "vck_sim_healthy_test");
        assertThat(small.statusCode(), equalTo(200));
        JsonNode count = json(small);
        assertThat(count.size(), equalTo(1));
        assertThat(count.path("input_tokens").isInt(), equalTo(true));
        int more = json(post(LONGER, "Authorization", bearer("healthy"))).path("input_tokens").asInt();
        assertThat(more, greaterThan(count.path("input_tokens").asInt()));
    }

    @Test
    void theKeyComesFirstAndABlockedTeamIsRefusedInAnthropicsEnvelope() throws Exception {
        HttpResponse<String> unknown = post(SHORT, "x-api-key", "vck_unknown_1");
        assertThat(unknown.statusCode(), equalTo(401));
        assertThat(json(unknown).path("type").asText(), equalTo("error"));
        assertThat(post(SHORT, "x-api-key", "vck_sim_team-blocked_test").statusCode(), equalTo(403));
        assertThat(post("{\"model\":\"anthropic/claude-haiku-4.5\"}", "x-api-key", "vck_sim_healthy_test").statusCode(), equalTo(400));
        assertThat(send("GET", "/v1/messages/count_tokens", null, "x-api-key", "vck_sim_healthy_test").statusCode(), equalTo(405));
    }
}
