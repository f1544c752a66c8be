package dev.aigateway.contract.http;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.request.ApplicationRequest;
import dev.aigateway.contract.request.RequestRoute;
import io.restassured.config.DecoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The gateway's routes, as the contract uses them. Each call builds a fresh request specification
 * from the environment (no static REST Assured state) and passes the exchange recorder.
 */
public final class GatewayClient {

    private static final ObjectMapper JSON = Json.DATA;

    private final Environment environment;
    private final Redactor redactor;
    private final ExchangeLog log;
    private final String scenario;
    private final RunLimits limits;
    private final SendGate gate;
    private final SharedAnswer catalog;
    private final RestAssuredConfig config;

    /**
     * A client whose exchanges are recorded, redacted, in {@code log} under {@code scenario}, within
     * the run's {@code limits}. Redirects are not followed: a credential never leaves for another host.
     */
    public GatewayClient(Environment environment, Redactor redactor, ExchangeLog log, String scenario, RunLimits limits) {
        this(environment, redactor, log, scenario, limits, SpendGuard.NONE, new SharedAnswer());
    }

    /**
     * A client whose billable requests first reserve their worst-case cost with {@code spendGuard}, and
     * which reads the model catalog from {@code catalog}, shared with the run's other scenarios.
     */
    public GatewayClient(Environment environment, Redactor redactor, ExchangeLog log, String scenario, RunLimits limits,
                         SpendGuard spendGuard, SharedAnswer catalog) {
        this.environment = environment;
        this.redactor = redactor;
        this.log = log;
        this.scenario = scenario;
        this.limits = limits;
        this.gate = new SendGate(environment, spendGuard, limits);
        this.catalog = catalog;
        this.config = RestAssuredConfig.config()
                .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                // Decoded below REST Assured, in BoundedAnswer, where an answer that inflates without end is cut.
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders())
                .httpClient(HttpClientConfig.httpClientConfig()
                        .httpClientFactory(InFlight::newClient)
                        .setParam("http.connection.timeout", environment.timeouts().connectMs())
                        .setParam("http.socket.timeout", environment.timeouts().readMs()));
    }

    /** The exchanges this client sent (its scenario's), in the order they were sent. */
    public java.util.List<Exchange> exchanges() {
        return log.all();
    }

    /** A request as {@code credential} on an OpenAI-compatible route, /v1/credits or /v1/models. */
    public RequestSpecification request(Credential credential) {
        return request(credential, RequestHeaders.OPENAI);
    }

    /** The path of the gateway's route {@code id} (models, credits, chat-completions, ...), from its profile. */
    public String path(String id) {
        return environment.profile().path(id);
    }

    /** Its credential, protocol and environment headers come from {@link RequestHeaders} alone: nothing here adds another. */
    private RequestSpecification request(Credential credential, RequestHeaders.Protocol protocol) {
        return request(credential, protocol, null);
    }

    /** As {@link #request(Credential, RequestHeaders.Protocol)}, its exchange marked {@code variant} (null: none). */
    private RequestSpecification request(Credential credential, RequestHeaders.Protocol protocol, String variant) {
        catalogFirst();
        RequestSpecification request = given()
                .config(config)
                .baseUri(environment.baseUrl())
                .urlEncodingEnabled(false)
                .filter(recorder(credential.caller(), environment.baseUrl(), variant));
        RequestHeaders.of(credential, environment.auth(), protocol, environment.profile()).forEach(header -> request.header(header.name(), header.value()));
        RequestHeaders.environment(environment).forEach(header -> request.header(header.name(), header.value()));
        return request;
    }

    public Response get(String path, Credential credential) {
        return Retries.of(() -> request(credential).get(path));
    }

    /** The balance, on the route the profile reads it from (Vercel's /v1/credits, OpenRouter's /api/v1/key). */
    public Response creditBalance(Credential credential) {
        return get(path(environment.profile().credits().balanceRoute()), credential);
    }

    /** The gateway's check of a key that spends nothing: its profile's key-check route. */
    public Response keyCheck(Credential credential) {
        return get(environment.profile().keyCheckRoute().path(), credential);
    }

    /**
     * The catalog, asked for once per run: every scenario that needs it reads the same answer. Without a key, or
     * with the team's where the profile says only a valid key may read it.
     */
    public Response modelCatalog() {
        Credential reader = environment.profile().catalog().keyed() ? Credential.teamKey(environment.apiKey()) : Credential.none();
        try {
            return catalog.get(this, () -> get(path("models"), reader));
        } catch (GatewayUnreachableException noAnswer) {
            if (!catalog.sentBy(this)) {
                // For the scenarios that only read the answer: not sent, like any request to a host that did not answer.
                limits.beforeSending(gatewayHost());
            }
            throw noAnswer;
        }
    }

    private String gatewayHost() {
        return ExchangeRecorder.hostOf(URI.create(environment.baseUrl()));
    }

    /** With the team's key, a billable request: sent only once its worst-case cost fits under the spend cap. */
    public Response chatCompletion(Credential credential, ChatCompletionRequest body) {
        String json = json(body);
        return billable(credential, "POST " + path("chat-completions"), body.model(), body.maxTokens(), json,
                () -> Retries.of(() -> request(credential)
                .contentType(ContentType.JSON)
                .body(json)
                .post(path("chat-completions"))));
    }

    /**
     * Inference with the team's key ({@code what}: "POST /v1/chat/completions"): sent only once the gates admit
     * it ({@link #gated}); with another key the gateway bills nothing, and it is sent as is.
     */
    private Response billable(Credential credential, String what, String model, Integer maxTokens, String json,
                              Supplier<Response> send) {
        return credential.caller() == Caller.TEAM_KEY ? gated(what, model, maxTokens, json, send) : send.get();
    }

    /**
     * Every billable send passes here, and only here ({@link SendGate}): {@code send} runs once the environment
     * allows billable calls, the run is within its deadline and the worst-case cost of {@code json} ({@code model},
     * at most {@code maxTokens} out) is held under the spend cap; the hold lasts until its answer is recorded.
     */
    Response gated(String what, String model, Integer maxTokens, String json, Supplier<Response> send) {
        return gated(what, () -> CatalogPrices.worstCaseUsd(environment.profile(), catalogText(), model, maxTokens,
                json.getBytes(StandardCharsets.UTF_8).length), send);
    }

    /** As {@link #gated(String, String, Integer, String, Supplier)}, the worst case as {@code worstCaseUsd} reads it. */
    private Response gated(String what, Supplier<java.math.BigDecimal> worstCaseUsd, Supplier<Response> send) {
        try (SpendGuard.Reservation reserved = gate.admit(what, worstCaseUsd)) {
            return send.get();
        }
    }

    /** {@code POST /v1/messages}: Anthropic's Messages API on the gateway, the key as a Bearer token. */
    public Response message(Credential credential, AnthropicMessageRequest body) {
        String json = json(body);
        return billable(credential, "POST " + path("messages"), body.model(), body.maxTokens(), json,
                () -> Retries.of(() -> request(credential, RequestHeaders.ANTHROPIC)
                .contentType(ContentType.JSON)
                .body(json)
                .post(path("messages"))));
    }

    /**
     * {@code POST /v1/messages/count_tokens}: Anthropic's token count on the gateway, as Claude Code calls it
     * every turn; it runs no model, so it is not held under the spend cap.
     */
    public Response countTokens(Credential credential, CountTokensRequest body) {
        String json = json(body);
        return Retries.of(() -> request(credential, RequestHeaders.ANTHROPIC).contentType(ContentType.JSON).body(json)
                .post(path("messages-count-tokens")));
    }

    /** {@code POST /v1/responses}: OpenResponses, what the OpenAI SDK's {@code responses.create} calls. */
    public Response response(Credential credential, ResponsesRequest body) {
        String json = json(body);
        return billable(credential, "POST " + path("responses"), body.model(), body.maxOutputTokens(), json,
                () -> Retries.of(() -> request(credential).contentType(ContentType.JSON).body(json).post(path("responses"))));
    }

    /** {@code POST /v1/embeddings}. */
    public Response embeddings(Credential credential, EmbeddingsRequest body) {
        String json = json(body);
        return billable(credential, "POST " + path("embeddings"), body.model(), 0, json,
                () -> Retries.of(() -> request(credential).contentType(ContentType.JSON).body(json).post(path("embeddings"))));
    }

    /**
     * {@code POST <base>/language-model}, as {@code @ai-sdk/gateway} sends it: the model, the
     * specification version and streaming in headers, the protocol version and auth method too
     * ({@link RequestHeaders.AiSdk}).
     */
    public Response languageModel(Credential credential, String base, String specificationVersion, String modelId,
                                  boolean streaming, LanguageModelCall body) {
        String json = json(body);
        RequestHeaders.Protocol protocol = new RequestHeaders.AiSdk(specificationVersion, modelId, streaming);
        return billable(credential, "POST " + base + "/language-model", modelId, body.maxOutputTokens(), json,
                () -> Retries.of(() -> request(credential, protocol)
                .contentType(ContentType.JSON)
                .body(json)
                .post(base + "/language-model")));
    }

    /**
     * A probe the gateway refused ({@code probe}, as sent on route {@code routeId}), once more on {@code model}: the same
     * body to the same path, as {@code credential}, with the route's protocol headers, the model changed where the probe
     * named it: the body's {@code model}, or, on the AI SDK's protocol (no model in the body), its model header
     * ({@code headers.aiSdk.modelId}), the probe's specification version and streaming kept. Past the same gates as every
     * billable send, its worst case at {@code model}'s price in {@code listing}, the text it was chosen from (null: the
     * catalog; read where {@code catalog.otherModel} says), the body's max_tokens, max_output_tokens or
     * maxOutputTokens out, else none on embeddings and the probe's max_tokens elsewhere. Sent once, not retried on a
     * 5xx (the probe itself was); its exchange marked {@code variant}.
     */
    public Response sameProbeOn(Credential credential, String routeId, Exchange probe, String model, String listing, String variant) {
        ObjectNode body;
        try {
            body = (ObjectNode) JSON.readTree(probe.requestBody());
        } catch (JsonProcessingException | ClassCastException notAnObject) {
            throw new IllegalArgumentException("the probe's body is not a JSON object", notAnObject);
        }
        GatewayProfile.AiSdk sdk = environment.profile().headers() == null ? null : environment.profile().headers().aiSdk();
        String specification = sdk == null ? null : sentHeader(probe, sdk.specificationVersion());
        boolean inHeader = !body.has("model") && sdk != null && sentHeader(probe, sdk.modelId()) != null && specification != null;
        if (!inHeader) {
            body.put("model", model);
        }
        String json = body.toString();
        JsonNode bound = body.has("max_tokens") ? body.get("max_tokens")
                : body.has("max_output_tokens") ? body.get("max_output_tokens") : body.path("maxOutputTokens");
        Integer maxTokens = bound.canConvertToInt() ? bound.intValue()
                : routeId.equals("embeddings") ? 0 : environment.probe().maxTokens();
        RequestHeaders.Protocol protocol = inHeader
                ? new RequestHeaders.AiSdk(specification, model, "true".equals(sentHeader(probe, sdk.streaming())))
                : routeId.equals("messages") ? RequestHeaders.ANTHROPIC : RequestHeaders.OPENAI;
        String path = path(routeId);
        GatewayProfile.Catalog where = environment.profile().catalog();
        Supplier<java.math.BigDecimal> worstCase = () -> CatalogPrices.worstCaseUsd(where.otherModel() == null ? where
                : where.otherModel().listing(where), listing == null ? catalogText() : listing, model, maxTokens,
                json.getBytes(StandardCharsets.UTF_8).length);
        return gated("POST " + path + " (" + variant + ")", worstCase,
                () -> request(credential, protocol, variant).contentType(ContentType.JSON).body(json).post(path));
    }

    /** The value of the header {@code name} the recorded {@code exchange} was sent with, or null. */
    private static String sentHeader(Exchange exchange, String name) {
        return name == null ? null : exchange.requestHeaderMap().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }

    /**
     * The application's own request ({@code -Drequest}), as its file gives it: to the environment's
     * {@code baseUrl}, with the file's headers and the credential headers {@link RequestHeaders} builds for
     * {@code credential} (the file's own were taken out when it was read). A request that runs a model is
     * billable: its worst case, for its model and its output bound, is reserved under the spend cap first.
     */
    public Response applicationRequest(Credential credential, ApplicationRequest application) {
        return applicationRequest(credential, application, null);
    }

    /**
     * As {@link #applicationRequest(Credential, ApplicationRequest)}, its exchange marked as the variant that
     * changed {@code variant} (null: the request itself), sent to find what the gateway refuses in it.
     */
    public Response applicationRequest(Credential credential, ApplicationRequest application, String variant) {
        String body = application.body();
        RequestRoute route = application.route(environment.profile());
        Supplier<Response> send = () -> Retries.of(() -> {
            // The file's headers, then the credential's; the file's own credentials were taken out when it was read.
            RequestSpecification sent = given().config(config.encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                            .defaultContentCharset(StandardCharsets.UTF_8)
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .baseUri(environment.baseUrl())
                    .urlEncodingEnabled(false)
                    .filter(recorder(credential.caller(), environment.baseUrl(), variant));
            // The environment's headers: replace the file's of the same name.
            application.headers().stream().filter(header -> environment.headers().keySet().stream().noneMatch(header.name()::equalsIgnoreCase))
                    .forEach(header -> sent.header(header.name(), header.value()));
            RequestHeaders.forApplication(credential, environment.auth(), route.id().startsWith("ai-sdk-"),
                    environment.profile()).forEach(header -> sent.header(header.name(), header.value()));
            RequestHeaders.environment(environment).forEach(header -> sent.header(header.name(), header.value()));
            if (body != null) {
                sent.body(body);
            }
            return sent.request(application.method(), application.pathAndQuery());
        });
        catalogFirst();
        if (!route.billable()) {
            return send.get();
        }
        // A path the profile does not list may run a model too: held like one that does, never waved through.
        String what = application.method() + " " + application.path() + (variant == null ? "" : " (" + variant + ")")
                + (route.known() ? "" : ", a path " + environment.profile().title() + " does not list,");
        return billable(credential, what, application.model(), application.maxTokens(), body == null ? "" : body, send);
    }

    /**
     * The run's first request is the gateway's public catalog, which carries no key. Every other
     * request waits for the first one to a host anyway, and billable ones for the catalog's prices, so
     * asked first it keeps a run to two waves of requests, not three (src/bench/verify-speed.sh). When
     * it gets no answer, the scenario that sent it fails with why, and the others are not sent.
     */
    void catalogFirst() {
        if (catalog.sentBy(this)) {
            return;
        }
        try {
            modelCatalog();
        } catch (RuntimeException noAnswer) {
            if (catalog.sentBy(this)) {
                throw noAnswer;
            }
            // Not this scenario's request: its own goes on, and is not sent if the host did not answer.
        }
    }

    /** The catalog's text for pricing, or null when it did not answer 200. */
    private String catalogText() {
        try {
            Response answer = modelCatalog();
            return answer.statusCode() == 200 ? answer.asString() : null;
        } catch (GatewayUnreachableException | dev.aigateway.contract.Skipped noAnswer) {
            if (catalog.sentBy(this)) {
                // This scenario's own request got no answer: it fails with why, as any first request would.
                throw noAnswer;
            }
            return null;
        }
    }

    /** Requests not through the gateway, at the provider itself with the user's own key, recorded and gated like this client's. */
    public ProviderDirect provider() {
        return new ProviderDirect(this);
    }

    ExchangeRecorder recorder(Caller caller, String baseUrl) {
        return recorder(caller, baseUrl, null);
    }

    ExchangeRecorder recorder(Caller caller, String baseUrl, String variant) {
        return new ExchangeRecorder(redactor, log, scenario, caller, limits,
                ExchangeRecorder.originOf(URI.create(baseUrl)), environment.timeouts().readMs(),
                environment.limits().answerBytes(), environment.profile(), variant);
    }

    /** Puts {@code exchange} in the place of the recorded one of the same number (a finding added to it). */
    public void replace(Exchange exchange) {
        log.replace(exchange);
    }

    /** The scenario whose exchanges this client records. */
    public String scenario() {
        return scenario;
    }

    /** The HTTP client's settings every request of this client's scenario is sent with. */
    RestAssuredConfig config() {
        return config;
    }

    /** The environment this client sends to. */
    public Environment environment() {
        return environment;
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body cannot be written as JSON", e);
        }
    }
}
