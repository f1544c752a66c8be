package dev.aigateway.contract.portkey;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * What an OpenAI SDK given Portkey's base URL ({@code http://portkey/v1}) does to an OpenRouter client's paths, as a
 * forwarder on 127.0.0.1: a request to {@code /api/v1/<route>} (OpenRouter's paths, which the contract calls) goes to
 * {@code <target>/v1/<route>} (Portkey's), headers and body as sent, the answer streamed back as it comes. The run's
 * paths stay OpenRouter's, so the diagnosis reads its routes; what answers is Portkey's.
 */
final class PathRewrite implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PathRewrite(HttpServer server) {
        this.server = server;
    }

    /** Forwards {@code from} + rest to {@code target} + {@code to} + rest. */
    static PathRewrite start(String from, String target, String to) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        PathRewrite rewrite = new PathRewrite(server);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> rewrite.forward(exchange, from, target + to));
        server.start();
        return rewrite;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange, String from, String to) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String rewritten = (path.startsWith(from) ? to + path.substring(from.length()) : to + path) + (query == null ? "" : "?" + query);
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rewritten)).method(exchange.getRequestMethod(),
                    body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!NOT_FORWARDED.contains(header.getKey().toLowerCase())) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            HttpResponse<InputStream> answer;
            try {
                answer = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException | InterruptedException failed) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), exchange.getRequestMethod().equals("HEAD") ? -1 : 0);
            try (InputStream in = answer.body(); OutputStream out = exchange.getResponseBody()) {
                byte[] buffer = new byte[8192];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
