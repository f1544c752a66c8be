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
    void everyRouteTheToolChecksIsRecognisedByItsPathOnEveryGateway() {
        for (String gateway : GatewayProfile.names()) {
            GatewayProfile profile = GatewayProfile.named(gateway);
            for (Route route : Route.values()) {
                if (profile.route(route.id()).isEmpty()) {
                    continue;
                }
                String path = route.path(profile);
                RequestRoute recognised = RequestRoute.of(path, profile);
                assertThat(gateway + " " + path, recognised.id() + " " + recognised.route() + " " + recognised.inference()
                        + " " + recognised.billable(), equalTo(route.id() + " " + route + " true true"));
            }
        }
    }

    /** Each gateway's paths are read from its own profile: Vercel's and OpenRouter's, the AI SDK's kinds as vercel.yaml lists them. */
    @ParameterizedTest
    @CsvSource({
        "vercel, /v1/chat/completions?debug=1, chat-completions, true, true",
        "vercel, /v1/messages/count_tokens, messages-count-tokens, true, false",
        "vercel, /v3/ai/image-model, ai-sdk-v3-image-model, true, true",
        "vercel, /v1/ai/embedding-model, ai-sdk-v1-embedding-model, true, true",
        "vercel, /v4/ai/video-model/start, ai-sdk-v4-video-model-start, true, true",
        "vercel, /v4/ai/video-model/status, ai-sdk-v4-video-model-status, false, false",
        "vercel, /v3/ai/batch/results, ai-sdk-v3-batch-results, false, false",
        "vercel, /v4/ai/config, ai-sdk-v4-config, false, false",
        "vercel, /v1/models, models, false, false",
        "vercel, /v1/generation, generation, false, false",
        "vercel, /v1/v1/messages, unknown, false, true",
        "vercel, /v1/ai/v1/chat/completions, unknown, false, true",
        "vercel, /v2/ai/language-model, unknown, false, true",
        "vercel, /v1/chat/completions/, unknown, false, true",
        "vercel, /api/v1/chat/completions, unknown, false, true",
        "openrouter, /api/v1/chat/completions, chat-completions, true, true",
        "openrouter, /api/v1/messages?beta=true, messages, true, true",
        "openrouter, /api/v1/key, key, false, false",
        "openrouter, /api/v1/generation?id=gen-1, generation, false, false",
        "openrouter, /api/v1/rerank, rerank, true, true",
        "openrouter, /api/v1/presets/mine/chat/completions, preset-chat/completions, true, true",
        "openrouter, /v1/chat/completions, unknown, false, true",
        "openrouter, /api/v1/v1/chat/completions, unknown, false, true",
    })
    void aPathIsItsRouteOnItsGatewayOrUnknownAndPossiblyBillable(String gateway, String path, String id, boolean inference,
                                                                 boolean billable) {
        RequestRoute route = RequestRoute.of(path, GatewayProfile.named(gateway));
        assertThat(gateway + " " + path, route.id() + " " + route.inference() + " " + route.billable(),
                equalTo(id + " " + inference + " " + billable));
    }

    /** What the gate holds as billable, the run counts as billable: the other paths a profile lists included. */
    @Test
    void aBillableOtherPathIsCountedAsBillable() {
        GatewayProfile openRouter = GatewayProfile.named("openrouter");
        assertThat(openRouter.billable("POST", "/api/v1/rerank") + " " + openRouter.billable("GET", "/api/v1/generation")
                + " " + GatewayProfile.named("vercel").billable("POST", "/v3/ai/batch/start"), equalTo("true false true"));
    }

    @Test
    void aHarEntryIsInferenceOnWhicheverGatewayItWasRecordedOn() {
        assertThat(RequestRoute.inferenceOnAnyGateway("/api/v1/chat/completions") + " " + RequestRoute.inferenceOnAnyGateway("/v1/chat/completions")
                + " " + RequestRoute.inferenceOnAnyGateway("/api/v1/key"), equalTo("true true false"));
    }

    @Test
    void anUnknownPathIsKeptAsGiven() {
        ApplicationRequest request = RequestFile.read(RequestFileTest.REQUESTS.resolve("r3.json").toString());
        assertThat(request.pathAndQuery() + " " + request.route(GatewayProfile.standard()).id() + " "
                + request.route(GatewayProfile.standard()).known(), equalTo("/v1/v1/messages unknown false"));
    }
}
