package dev.aigateway.contract.simulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A known route asked with the wrong method answers 405 with an empty body, as the gateway does (maton). */
class RouteMethodsTest extends SimulatedGatewayHttp {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST,   /v1/models/openai/gpt-4o-mini",
            "GET,    /v1/embeddings",
            "GET,    /v1/messages",
            "DELETE, /v1/messages",
            "POST,   /v1/generation",
            "POST,   /v3/ai/config",
            "DELETE, /v4/ai/config",
            "GET,    /v3/ai/language-model",
            "GET,    /v4/ai/language-model",
    })
    void theWrongMethodIs405WithAnEmptyBody(String method, String path) throws Exception {
        HttpResponse<String> response = send(method, path, null, "Authorization", bearer("healthy"));
        assertThat(response.statusCode(), equalTo(405));
        assertThat(response.body(), equalTo(""));
    }
}
