package dev.aigateway.contract.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aigateway.contract.captured.Captured;
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
                          Map<String, String> headers, String requestIdHeader, String requestIdForm, String catalogResource) {}

    private static final Speaks VERCEL = new Speaks("vck_replay_", "/v1/models", "/v1/credits", CREDITS, null, null,
            List.of("/v1/chat/completions", "/v1/messages"), UNKNOWN_KEY, NOT_FOUND, Map.of("server", "Vercel"),
            "x-vercel-id", "iad1::replay-%d-0a", "/simulator/__files/models.json");
    /** https://openrouter.ai/openapi.yaml: /key's record (shortened), /credits' 403 to an inference key; the 401 of an unknown key as captured. */
    private static final Speaks OPENROUTER = new Speaks("sk-or-v1-replay_", "/api/v1/models", "/api/v1/key",
            "{\"data\":{\"label\":\"sk-or-v1-rep...emo\",\"limit\":null,\"limit_remaining\":null,\"usage\":0.5,\"is_free_tier\":false}}",
            "/api/v1/credits", "{\"error\":{\"code\":403,\"message\":\"Only management keys can perform this operation\"}}",
            List.of("/api/v1/chat/completions", "/api/v1/messages"), "{\"error\":{\"message\":\"User not found.\",\"code\":401}}",
            "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}", Map.of("server", "cloudflare"), "cf-ray", "9a00000000%04d-IAD",
            "/simulator/openrouter/__files/models.json");

    private final Speaks speaks;

    private final HttpServer server;
    private final Map<String, Captured> answers;
    private final String catalog;
    private final AtomicInteger served = new AtomicInteger();

    private ReplayGateway(HttpServer server, List<Captured> answers, Speaks speaks) {
        this.server = server;
        this.speaks = speaks;
        this.answers = answers.stream().collect(Collectors.toMap(Captured::name, Function.identity()));
        this.catalog = resource(speaks.catalogResource());
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
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String kind = kindOf(exchange.getRequestMethod(), path);
            if (kind.equals("catalog")) {
                reply(exchange, 200, "application/json", catalog);
                return;
            }
            Optional<Captured> team = team(exchange.getRequestHeaders().getFirst("Authorization"));
            if (team.isEmpty()) {
                reply(exchange, 401, "application/json", speaks.unknownKey());
            } else if (team.get().on().contains(kind)
                    || team.get().on().contains("key") && (kind.equals("credits") || kind.equals("management"))) {
                Captured answer = team.get();
                reply(exchange, answer.status(), answer.eventStream() ? "text/event-stream" : "application/json", answer.answer());
            } else if (kind.equals("credits")) {
                reply(exchange, 200, "application/json", speaks.keyRecord());
            } else if (kind.equals("management")) {
                reply(exchange, 403, "application/json", speaks.creditsRefusal());
            } else {
                reply(exchange, 404, "application/json", speaks.notFound());
            }
        }
    }

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
    }
}
