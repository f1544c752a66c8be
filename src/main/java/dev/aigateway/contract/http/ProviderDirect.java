package dev.aigateway.contract.http;

import static io.restassured.RestAssured.given;

import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.request.ApplicationRequest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Requests at a model's provider itself, with the user's own key, not through the gateway: the BYOK check that the
 * key works, and the application's request where the gateway refused it. Recorded as {@link Caller#PROVIDER_DIRECT}
 * by the gateway client's scenario, and held under the spend cap like its billable calls, though the provider bills them.
 */
public final class ProviderDirect {

    private final GatewayClient gateway;

    ProviderDirect(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /**
     * Anthropic's own Messages API, called directly with the user's BYOK key (not through the
     * gateway): the check that the key itself works. One token at most.
     */
    public Response anthropicMessage(String providerBaseUrl, String apiKey, String model) {
        gateway.catalogFirst();
        String json = GatewayClient.json(AnthropicMessageRequest.smallest(model));
        // Held under the spend cap like the gateway's billable calls (the provider's id is not the
        // catalog's, so it is priced as the dearest model), though the provider bills it, not the gateway.
        return gateway.gated("POST " + providerBaseUrl + "/v1/messages", model, 1, json, () -> {
            RequestSpecification request = given()
                    .config(gateway.config())
                    .baseUri(providerBaseUrl)
                    .urlEncodingEnabled(false)
                    .filter(gateway.recorder(Caller.PROVIDER_DIRECT, providerBaseUrl));
            RequestHeaders.anthropicDirect(apiKey, gateway.environment().profile()).forEach(header -> request.header(header.name(), header.value()));
            return request
                    .contentType(ContentType.JSON)
                    .body(json)
                    .post("/v1/messages");
        });
    }

    /**
     * The application's request, once, directly at its model's provider with the user's own key (not through the
     * gateway), as the BYOK check calls the provider: to {@code providerBaseUrl} with the same path, and the body's
     * model as the provider names it ({@code providerModel}); the key in {@code x-api-key} and as a Bearer token,
     * as Anthropic's Messages API and its OpenAI SDK compatibility read it (https://docs.anthropic.com/en/api/openai-sdk).
     * Held under the spend cap like the gateway's billable calls, though the provider bills it; marked {@code variant}.
     */
    public Response applicationRequest(String providerBaseUrl, String apiKey, ApplicationRequest application,
                                             String providerModel, String variant) {
        gateway.catalogFirst();
        String body = application.body().replace("\"model\":\"" + application.model() + "\"", "\"model\":\"" + providerModel + "\"");
        return gateway.gated("POST " + providerBaseUrl + application.path() + " (" + variant + ")", application.model(),
                application.maxTokens(), body, () -> {
            RequestSpecification request = given()
                    .config(gateway.config())
                    .baseUri(providerBaseUrl)
                    .urlEncodingEnabled(false)
                    .filter(gateway.recorder(Caller.PROVIDER_DIRECT, providerBaseUrl, variant));
            RequestHeaders.anthropicDirect(apiKey, gateway.environment().profile()).forEach(header -> request.header(header.name(), header.value()));
            return request.header("Authorization", "Bearer " + apiKey)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(application.path());
        });
    }
}
