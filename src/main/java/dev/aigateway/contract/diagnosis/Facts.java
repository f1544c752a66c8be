package dev.aigateway.contract.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.http.Exchange;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** An exchange as the facts the diagnosis rules read (see the header of {@code diagnosis/verdicts.yaml}). */
final class Facts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Facts() {}

    static Map<String, String> of(Exchange exchange, Environment environment) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("caller", exchange.caller());
        facts.put("method", exchange.method());
        facts.put("path", exchange.path() == null ? "" : exchange.path().replaceFirst("\\?.*", ""));
        JsonNode request = json(exchange.requestBody());
        String model = request.path("model").asText("");
        facts.put("model", model);
        facts.put("expectedModel", String.valueOf(!model.isEmpty()
                && (environment.expectedModels().contains(model) || environment.probe().model().equals(model))));
        facts.put("byok", String.valueOf(!request.at("/providerOptions/gateway/byok").isMissingNode()));
        facts.put("answered", String.valueOf(exchange.answered()));
        facts.put("failure", exchange.failure() == null ? "" : exchange.failure());
        facts.put("status", exchange.status() == null ? "" : String.valueOf(exchange.status()));
        facts.put("type", exchange.errorType() == null ? "" : exchange.errorType());
        JsonNode error = json(exchange.responseBody()).path("error");
        facts.put("message", error.isTextual() ? error.asText() : error.path("message").asText(""));
        facts.put("contentType", header(exchange, "content-type"));
        facts.put("mitigated", String.valueOf(!header(exchange, "x-vercel-mitigated").isEmpty()));
        boolean vercelId = exchange.answered() && exchange.vercelId() != null && !exchange.vercelId().isBlank();
        facts.put("vercelId", String.valueOf(vercelId));
        facts.put("fromGateway", String.valueOf(vercelId && facts.get("contentType").contains("json")));
        facts.put("complete", String.valueOf(exchange.answered() && exchange.failure() == null));
        facts.put("location", hostOf(header(exchange, "location")));
        facts.put("proxy", proxyFor(exchange.url()));
        return facts;
    }

    /** "host:port" of a Location header, or the header as it is when it names no host. */
    private static String hostOf(String location) {
        try {
            URI uri = URI.create(location.strip());
            if (uri.getHost() == null) {
                return location.strip();
            }
            return uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
        } catch (IllegalArgumentException notAUri) {
            return location.strip();
        }
    }

    /**
     * The proxy this JVM sends a request for {@code url} through ({@code https.proxyHost} and
     * {@code https.proxyPort}, or the {@code http.} ones), or "" when there is none or the host is loopback.
     */
    static String proxyFor(String url) {
        try {
            URI uri = URI.create(url);
            String host = uri.getHost() == null ? "" : uri.getHost();
            if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")) {
                return "";
            }
            String scheme = "https".equals(uri.getScheme()) ? "https" : "http";
            String proxyHost = System.getProperty(scheme + ".proxyHost", "");
            return proxyHost.isBlank() ? "" : proxyHost + ":" + System.getProperty(scheme + ".proxyPort", scheme.equals("https") ? "443" : "80");
        } catch (IllegalArgumentException | NullPointerException notAUrl) {
            return "";
        }
    }

    private static String header(Exchange exchange, String name) {
        return exchange.responseHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    private static JsonNode json(String text) {
        if (text == null || !text.strip().startsWith("{")) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text);
        } catch (Exception notJson) {
            return JSON.missingNode();
        }
    }
}
