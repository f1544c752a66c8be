package dev.aigateway.contract.http;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.environment.Environment;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The gateway's routes, as the contract uses them. Each call builds a fresh request specification
 * from the environment (no static REST Assured state) and passes the exchange recorder.
 */
public final class GatewayClient {

    public static final String MODELS = "/v1/models";
    public static final String CREDITS = "/v1/credits";
    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Environment environment;
    private final ExchangeRecorder recorder;
    private final RestAssuredConfig config;

    public GatewayClient(Environment environment, ExchangeRecorder recorder) {
        this.environment = environment;
        this.recorder = recorder;
        this.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", environment.timeouts().connectMs())
                .setParam("http.socket.timeout", environment.timeouts().readMs()));
    }

    public RequestSpecification request(Credential credential) {
        RequestSpecification request = given()
                .config(config)
                .baseUri(environment.baseUrl())
                .urlEncodingEnabled(false)
                .filter(recorder);
        if (credential.apiKey() != null) {
            request.header("Authorization", "Bearer " + credential.apiKey());
        }
        return request;
    }

    public Response get(String path, Credential credential) {
        return request(credential).get(path);
    }

    public Response creditBalance(Credential credential) {
        return get(CREDITS, credential);
    }

    public Response modelCatalog() {
        return get(MODELS, Credential.none());
    }

    public Response chatCompletion(Credential credential, ChatCompletionRequest body) {
        return request(credential)
                .contentType(ContentType.JSON)
                .body(json(body))
                .post(CHAT_COMPLETIONS);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body cannot be written as JSON", e);
        }
    }
}
