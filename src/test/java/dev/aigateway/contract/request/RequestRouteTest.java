package dev.aigateway.contract.request;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.gateway.GatewayProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestRouteTest {

    @Test
    void everyRouteTheToolChecksIsRecognisedByItsPath() {
        for (Route route : Route.values()) {
            String path = route.path(GatewayProfile.standard());
            RequestRoute recognised = RequestRoute.of(path);
            assertThat(path, recognised.id() + " " + recognised.route() + " " + recognised.inference(),
                    equalTo(route.id() + " " + route + " true"));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "/v1/chat/completions?debug=1, chat-completions, true",
        "/v1/messages/count_tokens, messages-count-tokens, true",
        "/v3/ai/image-model, ai-sdk-v3-image-model, true",
        "/v1/ai/embedding-model, ai-sdk-v1-embedding-model, true",
        "/v4/ai/video-model/start, ai-sdk-v4-video-model-start, true",
        "/v4/ai/config, ai-sdk-v4-config, false",
        "/v1/models, models, false",
        "/v1/v1/messages, unknown, false",
        "/v1/ai/v1/chat/completions, unknown, false",
        "/v2/ai/language-model, unknown, false",
        "/v1/chat/completions/, unknown, false",
    })
    void aPathIsItsRouteOrUnknown(String path, String id, boolean inference) {
        RequestRoute route = RequestRoute.of(path);
        assertThat(path, route.id() + " " + route.inference(), equalTo(id + " " + inference));
    }

    @Test
    void anUnknownPathIsKeptAsGiven() {
        ApplicationRequest request = RequestFile.read(RequestFileTest.REQUESTS.resolve("r3.json").toString());
        assertThat(request.pathAndQuery() + " " + request.route().id() + " " + request.route().known(),
                equalTo("/v1/v1/messages unknown false"));
    }
}
