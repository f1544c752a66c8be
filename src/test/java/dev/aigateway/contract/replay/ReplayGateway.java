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
 * gateway would, with the simulator's catalog. Any other key gets 401. Every answer carries
 * {@code server: Vercel} and an {@code x-vercel-id}, as the real gateway's do.
 */
public final class ReplayGateway implements AutoCloseable {

    private static final String CREDITS = "{\"balance\":\"5\",\"total_used\":\"0\"}";
    private static final String UNKNOWN_KEY =
            "{\"error\":{\"message\":\"Invalid API key or token.\",\"type\":\"authentication_error\"}}";
    private static final String NOT_FOUND = "{\"error\":{\"message\":\"Not found\",\"type\":\"not_found_error\"}}";

    private final HttpServer server;
    private final Map<String, Captured> answers;
    private final String catalog;
    private final AtomicInteger served = new AtomicInteger();

    private ReplayGateway(HttpServer server, List<Captured> answers) {
        this.server = server;
        this.answers = answers.stream().collect(Collectors.toMap(Captured::name, Function.identity()));
        this.catalog = resource("/simulator/__files/models.json");
        server.createContext("/", this::serve);
        server.start();
    }

    public static ReplayGateway start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            return new ReplayGateway(server, Captured.all());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The key that meets the captured answer {@code name}. */
    public static String keyFor(String name) {
        return "vck_replay_" + name + "_demo";
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
                reply(exchange, 401, "application/json", UNKNOWN_KEY);
            } else if (team.get().on().contains(kind)) {
                Captured answer = team.get();
                reply(exchange, answer.status(), answer.eventStream() ? "text/event-stream" : "application/json", answer.answer());
            } else if (kind.equals("credits")) {
                reply(exchange, 200, "application/json", CREDITS);
            } else {
                reply(exchange, 404, "application/json", NOT_FOUND);
            }
        }
    }

    private static String kindOf(String method, String path) {
        if (method.equals("GET") && path.startsWith("/v1/models")) {
            return "catalog";
        }
        if (method.equals("GET") && path.equals("/v1/credits")) {
            return "credits";
        }
        return method.equals("POST") && (path.equals("/v1/chat/completions") || path.equals("/v1/messages"))
                ? "inference" : "other";
    }

    private Optional<Captured> team(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer vck_replay_")) {
            return Optional.empty();
        }
        String key = authorization.substring("Bearer vck_replay_".length());
        int end = key.lastIndexOf('_');
        return end < 0 ? Optional.empty() : Optional.ofNullable(answers.get(key.substring(0, end)));
    }

    private void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", contentType);
        exchange.getResponseHeaders().set("server", "Vercel");
        exchange.getResponseHeaders().set("x-vercel-id", "iad1::replay-" + served.incrementAndGet() + "-0a");
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
