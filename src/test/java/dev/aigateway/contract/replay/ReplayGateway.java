package dev.aigateway.contract.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aigateway.contract.captured.Captured;
import dev.aigateway.contract.http.AnswerJson;
import dev.aigateway.contract.request.RequestFile;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A stand-alone gateway on 127.0.0.1 that replays the captured answers of the real one
 * (src/test/resources/captured/), nothing computed: a key {@code vck_replay_<name>_<anything>} meets
 * the answer {@code <name>} on the route kinds it lists; elsewhere it answers as a healthy team's
 * gateway would, with the simulator's catalog (the simulated OpenRouter's for OpenRouter). Any other key gets 401. Every answer carries
 * {@code server: Vercel} and an {@code x-vercel-id}, as the real gateway's do.
 * An answer to the application's own request ({@link Captured#toApplicationRequest()}) is replayed only to
 * the requests its source shows refused: its method and path, its model, and its {@code refusedWhen}
 * ({@link RefusedWhen}: R1 only unstreamed above 21,333 tokens; an answer to the probes with a {@code refusedWhen}, a
 * withdrawn model's, only to the requests it names); every other request of such a key (the
 * probes, the variants that find what the refusal follows) is served by a healthy team of the embedded
 * simulator behind it, as for a team whose application alone is refused. The request's model, when that simulator
 * does not list it (the request files' anthropic/claude-sonnet-4.5, the docs' example/model-name), is served by a
 * listed one standing for it, of the same creator when there is one, and the answer names the model asked for.
 * {@link #openRouter()} replays OpenRouter's (captured/openrouter/) the same way, on its profile's
 * paths: keys {@code sk-or-v1-replay_<name>_<anything>}, {@code cf-ray} on every answer, the key
 * check {@code /api/v1/key}, and {@code /api/v1/credits} refused to an inference key as documented.
 */
public final class ReplayGateway implements AutoCloseable {

    private static final String CREDITS = "{\"balance\":\"5\",\"total_used\":\"0\"}";
    private static final String UNKNOWN_KEY =
            "{\"error\":{\"message\":\"Invalid API key or token.\",\"type\":\"authentication_error\"}}";
    private static final String NOT_FOUND = "{\"error\":{\"message\":\"Not found\",\"type\":\"not_found_error\"}}";

    /** How one gateway answers around the replayed answer. */
    private record Speaks(String keyPrefix, String catalogPath, String keyCheckPath, String keyRecord, String creditsPath,
                          String creditsRefusal, List<String> inferencePaths, String unknownKey, String notFound,
                          Map<String, String> headers, String requestIdHeader, String requestIdForm, String catalogResource,
                          String gateway, String healthyKey) {}

    private static final Speaks VERCEL = new Speaks("vck_replay_", "/v1/models", "/v1/credits", CREDITS, null, null,
            List.of("/v1/chat/completions", "/v1/messages"), UNKNOWN_KEY, NOT_FOUND, Map.of("server", "Vercel"),
            "x-vercel-id", "iad1::replay-%d-0a", "/simulator/__files/models.json", "vercel", "vck_sim_healthy_replay");
    /** https://openrouter.ai/openapi.yaml: /key's record (shortened), /credits' 403 to an inference key; the 401 of an unknown key as captured. */
    private static final Speaks OPENROUTER = new Speaks("sk-or-v1-replay_", "/api/v1/models", "/api/v1/key",
            "{\"data\":{\"label\":\"sk-or-v1-rep...emo\",\"limit\":null,\"limit_remaining\":null,\"usage\":0.5,\"is_free_tier\":false}}",
            "/api/v1/credits", "{\"error\":{\"code\":403,\"message\":\"Only management keys can perform this operation\"}}",
            List.of("/api/v1/chat/completions", "/api/v1/messages"), "{\"error\":{\"message\":\"User not found.\",\"code\":401}}",
            "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}", Map.of("server", "cloudflare"), "cf-ray", "9a00000000%04d-IAD",
            "/simulator/openrouter/__files/models.json", "openrouter", "sk-or-v1-sim_healthy_replay");

    private final Speaks speaks;

    private final HttpServer server;
    private final Map<String, Captured> answers;
    private final Map<String, String> keyRecords;
    private final String catalog;
    /** The language models the catalog lists, in its order. */
    private final List<String> listed;
    private final AtomicInteger served = new AtomicInteger();
    private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The model of each application's request an answer is replayed to, by answer name ("" when it names none). */
    private final Map<String, String> requestModels;
    private final SimulatedGateway healthy;
    private final HttpClient http = HttpClient.newHttpClient();

    private ReplayGateway(HttpServer server, List<Captured> answers, Speaks speaks) {
        this.server = server;
        this.speaks = speaks;
        this.answers = answers.stream().collect(Collectors.toMap(Captured::name, Function.identity()));
        // The key check's own answer beside a captured one, where the file gives it (OpenRouter's /key with the key's limit used up).
        this.keyRecords = new java.util.HashMap<>();
        if (speaks == OPENROUTER) {
            answers.forEach(answer -> Captured.keyRecord("openrouter", answer.name()).ifPresent(record -> keyRecords.put(answer.name(), record)));
        }
        this.catalog = resource(speaks.catalogResource());
        java.util.List<String> ids = new java.util.ArrayList<>();
        AnswerJson.object(catalog).path("data").forEach(model -> {
            if (model.path("type").asText("language").equals("language")) {
                ids.add(model.path("id").asText());
            }
        });
        this.listed = List.copyOf(ids);
        this.requestModels = answers.stream().filter(Captured::toApplicationRequest).collect(Collectors.toMap(Captured::name,
                answer -> java.util.Objects.requireNonNullElse(RequestFile.read(REQUESTS + answer.request()).model(), "")));
        this.healthy = requestModels.isEmpty() && answers.stream().allMatch(answer -> answer.refusedWhen() == null) ? null
                : SimulatedGateway.start(0, 0, dev.aigateway.contract.gateway.GatewayProfile.named(speaks.gateway()));
        server.createContext("/", this::serve);
        server.start();
    }

    public static ReplayGateway start() {
        return start(Captured.all(), VERCEL);
    }

    /** The replay of OpenRouter's answers (captured/openrouter/). */
    public static ReplayGateway openRouter() {
        return start(Captured.of("openrouter"), OPENROUTER);
    }

    private static ReplayGateway start(List<Captured> answers, Speaks speaks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            return new ReplayGateway(server, answers, speaks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request this gateway received, as it came: its method and URL, its headers, its body, one text each. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** The key that meets the captured answer {@code name}. */
    public static String keyFor(String name) {
        return VERCEL.keyPrefix() + name + "_demo";
    }

    /** The key that meets OpenRouter's captured answer {@code name}. */
    public static String openRouterKeyFor(String name) {
        return OPENROUTER.keyPrefix() + name + "_demo";
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n" + exchange.getRequestHeaders().entrySet()
                    + "\n" + new String(body, StandardCharsets.UTF_8));
            String path = exchange.getRequestURI().getPath();
            String kind = kindOf(exchange.getRequestMethod(), path);
            if (kind.equals("catalog")) {
                reply(exchange, 200, "application/json", catalog);
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String apiKey = exchange.getRequestHeaders().getFirst("x-api-key");
            Optional<Captured> team = team(authorization != null ? authorization : apiKey == null ? null : "Bearer " + apiKey);
            if (team.isPresent() && team.get().toApplicationRequest()) {
                Captured answer = team.get();
                if (answer.route().equals(exchange.getRequestMethod() + " " + path) && asksFor(exchange, body, requestModels.get(answer.name()))
                        && RefusedWhen.holds(answer.refusedWhen(), AnswerJson.object(new String(body, StandardCharsets.UTF_8)))) {
                    reply(exchange, answer.status(), answer.answerType(), answer.answer());
                } else {
                    servedByHealthyTeam(exchange, body, requestModels.get(answer.name()));
                }
            } else if (team.isEmpty()) {
                reply(exchange, 401, "application/json", speaks.unknownKey());
            } else if (kind.equals("inference") && team.get().on().contains(kind) && team.get().refusedWhen() != null
                    && !RefusedWhen.holds(team.get().refusedWhen(), AnswerJson.object(new String(body, StandardCharsets.UTF_8)))) {
                // An answer to a probe that refuses some requests only (a withdrawn model): every other one is served.
                servedByHealthyTeam(exchange, body, "");
            } else if (team.get().on().contains(kind)
                    || team.get().on().contains("key") && (kind.equals("credits") || kind.equals("management"))) {
                Captured answer = team.get();
                reply(exchange, answer.status(), answer.answerType(), answer.answer());
            } else if (kind.equals("credits")) {
                reply(exchange, 200, "application/json", keyRecords.getOrDefault(team.get().name(), speaks.keyRecord()));
            } else if (kind.equals("management")) {
                reply(exchange, 403, "application/json", speaks.creditsRefusal());
            } else {
                reply(exchange, 404, "application/json", speaks.notFound());
            }
        }
    }

    /** True when the request asks for {@code model} (in its body's {@code model} or the AI SDK's model header), or names none. */
    private static boolean asksFor(HttpExchange exchange, byte[] body, String model) {
        if (model.isEmpty()) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("ai-language-model-id");
        return model.equals(header) || model.equals(AnswerJson.object(new String(body, StandardCharsets.UTF_8)).path("model").asText(""));
    }

    /**
     * The same request answered by a healthy team of the embedded simulator, with that team's key; when it asks for
     * {@code requestModel} (the application's request's) and the simulator does not list it, a listed model stands
     * for it. Any other model is passed as it is, so the probe of a model that does not exist still gets its 404.
     */
    private void servedByHealthyTeam(HttpExchange exchange, byte[] body, String requestModel) throws IOException {
        com.fasterxml.jackson.databind.JsonNode json = AnswerJson.object(new String(body, StandardCharsets.UTF_8));
        String headerModel = exchange.getRequestHeaders().getFirst("ai-language-model-id");
        String asked = json.path("model").isTextual() ? json.path("model").asText() : headerModel;
        String standIn = asked == null || !asked.equals(requestModel) || listed.contains(asked) ? null : standInFor(asked);
        if (standIn != null && json.path("model").isTextual()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("model", standIn);
            body = json.toString().getBytes(StandardCharsets.UTF_8);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(healthy.baseUrl() + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + speaks.healthyKey());
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, standIn != null && value.equals(asked) ? standIn : value));
            }
        });
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String served = standIn == null ? answer.body() : answer.body().replace("\"" + standIn + "\"", "\"" + asked + "\"");
            reply(exchange, answer.statusCode(), answer.headers().firstValue("content-type").orElse("application/json"), served);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A model the simulated catalog lists, standing for {@code model}: the first of the same creator, else the first. */
    private String standInFor(String model) {
        String creator = model.contains("/") ? model.substring(0, model.indexOf('/') + 1) : model;
        return listed.stream().filter(id -> id.startsWith(creator)).findFirst().orElse(listed.get(0));
    }

    /** The request headers the healthy team reads beside its key. */
    private static final java.util.Set<String> FORWARDED = java.util.Set.of("content-type", "accept", "anthropic-version",
            "ai-gateway-protocol-version", "ai-gateway-auth-method", "ai-language-model-specification-version",
            "ai-language-model-id", "ai-language-model-streaming");

    private static final String REQUESTS = "src/test/resources/requests/";

    /** The route kind: catalog, credits (the key check), management (a management key's route), inference, other. */
    private String kindOf(String method, String path) {
        if (method.equals("GET") && path.startsWith(speaks.catalogPath())) {
            return "catalog";
        }
        if (method.equals("GET") && path.equals(speaks.keyCheckPath())) {
            return "credits";
        }
        if (method.equals("GET") && path.equals(speaks.creditsPath())) {
            return "management";
        }
        return method.equals("POST") && speaks.inferencePaths().contains(path) ? "inference" : "other";
    }

    private Optional<Captured> team(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer " + speaks.keyPrefix())) {
            return Optional.empty();
        }
        String key = authorization.substring(("Bearer " + speaks.keyPrefix()).length());
        int end = key.lastIndexOf('_');
        return end < 0 ? Optional.empty() : Optional.ofNullable(answers.get(key.substring(0, end)));
    }

    private void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", contentType);
        speaks.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set(speaks.requestIdHeader(), String.format(speaks.requestIdForm(), served.incrementAndGet()));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ReplayGateway.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (healthy != null) {
            healthy.close();
        }
    }
}
