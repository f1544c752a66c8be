package dev.aigateway.contract.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.record.Exchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The run's exchanges as a HAR 1.2 log, which browser dev tools and HAR viewers open as they are. */
public final class Har {

    private static final ObjectMapper JSON = Json.RECORDS;
    private static final String HTTP_VERSION = "HTTP/1.1";
    private static final String UNKNOWN_MIME_TYPE = "application/octet-stream";

    private Har() {}

    /**
     * Writes {@code exchanges}, already redacted, to {@code file} as HAR 1.2. An exchange that got no
     * answer has status 0 and its failure in {@code response._error}, as browsers export a failed request.
     */
    public static void write(List<Exchange> exchanges, String creatorVersion, Path file) throws IOException {
        ObjectNode log = JSON.createObjectNode();
        log.put("version", "1.2");
        log.putObject("creator").put("name", "ai-gateway-contract").put("version", creatorVersion);
        ArrayNode entries = log.putArray("entries");
        for (Exchange exchange : exchanges) {
            entries.add(entry(exchange));
        }
        ObjectNode har = JSON.createObjectNode();
        har.set("log", log);
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), har);
    }

    private static ObjectNode entry(Exchange exchange) {
        ObjectNode entry = JSON.createObjectNode();
        // Dev tools expect milliseconds; an Instant may carry nanoseconds.
        entry.put("startedDateTime",
                DateTimeFormatter.ISO_INSTANT.format(exchange.startedAt().truncatedTo(ChronoUnit.MILLIS)));
        entry.put("time", exchange.durationMs());
        entry.set("request", request(exchange));
        entry.set("response", response(exchange));
        entry.putObject("cache");
        entry.putObject("timings").put("send", 0).put("wait", exchange.durationMs()).put("receive", 0);
        if (exchange.requestId() != null) {
            entry.put("_requestId", exchange.requestId());
        }
        // HAR 1.2's own comment field (http://www.softwareishard.com/blog/har-12-spec/#entries): what a variant changed, and what it found.
        String comment = exchange.variant() != null ? "variant of " + exchange.scenario() + ": " + exchange.variant()
                : exchange.requestFinding() != null ? exchange.scenario() + ": " + exchange.requestFinding() : null;
        if (exchange.requestBodyCut() != null) {
            comment = (comment == null ? "" : comment + "; ") + exchange.requestBodyCutNote();
        }
        if (comment != null) {
            entry.put("comment", comment);
        }
        return entry;
    }

    private static ObjectNode request(Exchange exchange) {
        ObjectNode request = JSON.createObjectNode();
        request.put("method", exchange.method());
        request.put("url", exchange.url());
        request.put("httpVersion", HTTP_VERSION);
        request.putArray("cookies");
        request.set("headers", headerLines(exchange.requestHeaders()));
        request.set("queryString", queryString(exchange.url()));
        if (exchange.requestBody() != null) {
            ObjectNode postData = request.putObject("postData")
                    .put("mimeType", contentType(exchange.requestHeaderMap()))
                    .put("text", exchange.requestBody());
            if (exchange.requestBodyCut() != null) {
                postData.put("comment", exchange.requestBodyCutNote());
            }
        }
        request.put("headersSize", -1);
        // A body recorded cut: the size of what was sent, of which postData.text is the start.
        request.put("bodySize", exchange.requestBodyCut() != null ? exchange.requestBodyCut() : byteCount(exchange.requestBody()));
        return request;
    }

    private static ObjectNode response(Exchange exchange) {
        ObjectNode response = JSON.createObjectNode();
        response.put("status", exchange.answered() ? exchange.status() : 0);
        response.put("statusText", exchange.answered() ? statusText(exchange.status()) : "");
        response.put("httpVersion", HTTP_VERSION);
        response.putArray("cookies");
        response.set("headers", headers(exchange.responseHeaders()));
        ObjectNode content = response.putObject("content");
        content.put("size", byteCount(exchange.responseBody()));
        content.put("mimeType", contentType(exchange.responseHeaders()));
        if (exchange.responseBody() != null) {
            content.put("text", exchange.responseBody());
        }
        response.put("redirectURL", "");
        response.put("headersSize", -1);
        response.put("bodySize", byteCount(exchange.responseBody()));
        if (!exchange.answered()) {
            response.put("_error", exchange.failure());
        }
        return response;
    }

    /** Every line as sent, in its order: a name sent twice is listed twice, as dev tools list it. */
    private static ArrayNode headerLines(List<Exchange.Header> headers) {
        ArrayNode list = JSON.createArrayNode();
        if (headers != null) {
            headers.forEach(header -> list.addObject().put("name", header.name()).put("value", header.value()));
        }
        return list;
    }

    private static ArrayNode headers(Map<String, String> headers) {
        ArrayNode list = JSON.createArrayNode();
        if (headers != null) {
            headers.forEach((name, value) -> list.addObject().put("name", name).put("value", value));
        }
        return list;
    }

    // Parsed by hand: a redacted URL may hold a placeholder such as "[redacted X]" that URI rejects.
    private static ArrayNode queryString(String url) {
        ArrayNode list = JSON.createArrayNode();
        int start = url.indexOf('?');
        if (start < 0) {
            return list;
        }
        int end = url.indexOf('#', start);
        String query = url.substring(start + 1, end < 0 ? url.length() : end);
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            list.addObject().put("name", decoded(name)).put("value", decoded(value));
        }
        return list;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text;
        }
    }

    private static String contentType(Map<String, String> headers) {
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase("content-type")) {
                    return header.getValue();
                }
            }
        }
        return UNKNOWN_MIME_TYPE;
    }

    private static long byteCount(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    // The exchange keeps no reason phrase (HTTP/2 has none); dev tools show one beside the status.
    private static String statusText(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
