package dev.aigateway.contract.captured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One answer of the real gateway as published ({@code src/test/resources/captured/<name>.json}, see
 * the README there): what kind of source it is, where it comes from, the route it was captured on, the
 * route kinds that answer it in a replay, its status and exact body, and the verdict a run that meets
 * it must get; for an answer to the application's own request, {@code refusedWhen}: which requests the source
 * shows refused (tests on the body, read by the replay; none: every request on its route and model). Only a {@code capture} counts as the gateway's own words; a {@code docs} example and a
 * {@code synthesized} body (written by us where no capture exists) test the diagnosis all the same.
 */
public record Captured(String name, String kind, String source, String route, List<String> on, int status, JsonNode body,
                       String text, String verdict, String request, JsonNode refusedWhen, String contentType) {

    /** An answer without a content type of its own: JSON, or an event stream when it is {@code text}. */
    public Captured(String name, String kind, String source, String route, List<String> on, int status, JsonNode body,
                    String text, String verdict, String request, JsonNode refusedWhen) {
        this(name, kind, source, route, on, status, body, text, verdict, request, refusedWhen, null);
    }

    /** The kinds of source an answer can have: seen from the live gateway, a docs example, or written by us. */
    public static final List<String> KINDS = List.of("capture", "docs", "synthesized");

    public boolean isCapture() {
        return "capture".equals(kind);
    }

    private static final ObjectMapper JSON = Json.ANSWERS;

    /** The exact answer: the JSON body as captured, the captured text (an event stream), or "" when it had no body. */
    public String answer() {
        return text != null ? text : body == null || body.isNull() ? "" : body.toString();
    }

    /**
     * True for an answer to the application's own request ({@code request}: the request file, under
     * src/test/resources/requests/, that it answered), not to a probe: a run meets it only when it sends
     * that request, and its probes are served.
     */
    public boolean toApplicationRequest() {
        return request != null;
    }

    public boolean eventStream() {
        return text != null && answerType().startsWith("text/event-stream");
    }

    /** The answer's content type: its own {@code contentType} (an HTML page), else an event stream for {@code text}, else JSON. */
    public String answerType() {
        return contentType != null ? contentType : text != null ? "text/event-stream" : "application/json";
    }

    public String method() {
        return route.substring(0, route.indexOf(' '));
    }

    public String path() {
        return route.substring(route.indexOf(' ') + 1);
    }

    /** Every captured answer of the default gateway (Vercel's), by file name. */
    public static List<Captured> all() {
        return all("");
    }

    /** Every captured answer of the gateway whose answers are in {@code captured/<gateway>/}, by file name. */
    public static List<Captured> of(String gateway) {
        return all("/" + gateway);
    }

    private static List<Captured> all(String subfolder) {
        try (Stream<Path> files = Files.list(folder().resolve(subfolder.isEmpty() ? "." : subfolder.substring(1)))) {
            List<Captured> all = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.add(read(file));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code keyRecord} of the answer {@code name} in {@code captured/<gateway>/}: what the key-check route answers
     * beside it (200), where the verdict reads it too (the key's limit used up); empty when the file has none, and
     * the key check then answers as a healthy key's.
     */
    public static java.util.Optional<String> keyRecord(String gateway, String name) {
        try {
            JsonNode record = JSON.readTree(folder().resolve(gateway).resolve(name + ".json").toFile()).get("keyRecord");
            return record == null || record.isNull() ? java.util.Optional.empty() : java.util.Optional.of(record.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateways whose answers are captured: Vercel's in captured/, each other's in captured/<gateway>/. */
    public static final List<String> GATEWAYS = List.of("vercel", "openrouter");

    /** Every captured answer of {@code gateway}, one of {@link #GATEWAYS}. */
    public static List<Captured> ofGateway(String gateway) {
        return gateway.equals("vercel") ? all() : of(gateway);
    }

    /** What a rule can be to an answer: written from it, or tested on it while not written from it. */
    public static final List<String> ROLES = List.of("written-from", "held-out");

    /**
     * The verdict rule an answer meets ({@code rule}: its id, then {@code #n}, its place among the rules of that id in
     * diagnosis/verdicts.yaml, when several give it) and what the answer is to that rule ({@code role}: one of
     * {@link #ROLES}); the file's {@code rule} and {@code role}.
     */
    public record Split(String rule, String role) {}

    public static Split split(String gateway, String name) {
        try {
            JsonNode node = JSON.readTree(folder().resolve(gateway.equals("vercel") ? "." : gateway).resolve(name + ".json").toFile());
            return new Split(node.path("rule").asText(""), node.path("role").asText(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Captured named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no captured answer " + name));
    }

    private static Captured read(Path file) throws IOException {
        JsonNode node = JSON.readTree(file.toFile());
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        List<String> on = new ArrayList<>();
        node.path("on").forEach(kind -> on.add(kind.asText()));
        String kind = node.path("kind").asText();
        if (!KINDS.contains(kind)) {
            throw new IllegalStateException("captured/" + file.getFileName() + ": kind is \"" + kind + "\", not one of " + KINDS);
        }
        return new Captured(name, kind, node.path("source").asText(), node.path("route").asText(), List.copyOf(on),
                node.path("status").asInt(), node.get("body"), node.hasNonNull("text") ? node.get("text").asText() : null,
                node.path("verdict").asText(), node.hasNonNull("request") ? node.get("request").asText() : null,
                node.get("refusedWhen"), node.hasNonNull("contentType") ? node.get("contentType").asText() : null);
    }

    private static Path folder() {
        try {
            return Path.of(Captured.class.getResource("/captured").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
