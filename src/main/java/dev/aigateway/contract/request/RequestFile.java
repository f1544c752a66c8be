package dev.aigateway.contract.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.request.ApplicationRequest.Header;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the application's own request from a file ({@code -Drequest=FILE}, {@code -Drequest=FILE#N}) in
 * the forms people have at hand, told apart by their content: a curl command line for a POSIX shell or
 * Windows' cmd ({@link CurlCommand}), PowerShell's {@code Invoke-WebRequest} ({@link PowerShellCommand}),
 * a {@code fetch(...)} call ({@link FetchCall}), as the browsers' "Copy as ..." writes each, a HAR 1.2 file
 * (entry N, or else its one entry on an inference path) or a JSON request {@code {"method","path","headers","body"}}. The host of the file's URL is remembered, never used.
 * Credentials are taken out ({@link Credentials}): register {@link ApplicationRequest#secrets()} with the
 * redactor and the secret scan before anything about the request is written. A file that cannot be
 * read is a {@link RequestFileException}: one sentence with the file, the line and what was expected.
 */
public final class RequestFile {

    /** The shared mapper's reader, keeping a body's numbers as written: 0.10 is sent as 0.10, not 0.1. */
    private static final ObjectReader JSON = Json.DATA.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(JsonNodeFactory.withExactBigDecimals(true));
    private static final Pattern ENTRY = Pattern.compile("(.+)#([^#/\\\\]*)");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Set<String> JSON_FIELDS = Set.of("method", "path", "url", "headers", "body");
    /** The forms read, for the one sentence a file in none of them gets. */
    static final String FORMS = "a curl command (bash or Windows cmd), PowerShell's Invoke-WebRequest, a fetch(...) call,"
            + " a HAR file or a JSON request {\"method\",\"path\",\"headers\",\"body\"}";

    private RequestFile() {}

    /** {@code FILE} or {@code FILE#N} (the N-th entry of a HAR file), as {@code -Drequest} gives it. */
    public static ApplicationRequest read(String argument) {
        return readFrom(Path.of(""), argument);
    }

    /**
     * As {@link #read(String)}, a relative {@code FILE} read from {@code root} (the project root, where
     * {@code requests:} files and {@code -Drequest} are found), and named as given.
     */
    public static ApplicationRequest readFrom(Path root, String argument) {
        Matcher entry = ENTRY.matcher(argument);
        if (entry.matches() && !Files.exists(root.resolve(argument))) {
            return read(root, Path.of(entry.group(1)), entry.group(2));
        }
        return read(root, Path.of(argument), null);
    }

    /** The request in {@code file}; {@code entry} picks a HAR entry (1-based) and is null otherwise. */
    public static ApplicationRequest read(Path file, String entry) {
        return read(Path.of(""), file, entry);
    }

    private static ApplicationRequest read(Path base, Path file, String entry) {
        String name = file.toString();
        String text = text(base, file, name);
        String start = text.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            JsonNode root = json(text, name);
            if (root.has("log")) {
                return Har.read(root, file, entry);
            }
            noEntry(name, entry, "a JSON request");
            return jsonRequest(root, text, file);
        }
        CurlCommand.Parsed command;
        if (PowerShellCommand.isPowerShell(text)) {
            noEntry(name, entry, "a PowerShell command");
            command = PowerShellCommand.parse(text, name);
        } else if (FetchCall.isFetch(text)) {
            noEntry(name, entry, "a fetch call");
            command = FetchCall.parse(text, name);
        } else {
            noEntry(name, entry, "a curl command");
            command = CurlCommand.parse(text, name);
        }
        Credentials credentials = new Credentials();
        command.fileSecrets().forEach((value, variable) -> credentials.register(variable.replaceFirst("^", "FILE "), value));
        return request(credentials, command.method(), command.url(), command.headers(), command.body(), file, null);
    }

    private static void noEntry(String name, String entry, String form) {
        if (entry != null) {
            throw new RequestFileException(name + "#" + entry + ": " + name + " is " + form
                    + ", which holds one request; #N picks an entry of a HAR file.");
        }
    }

    private static String text(Path root, Path given, String name) {
        Path file = root.resolve(given);
        if (Files.isDirectory(file)) {
            throw new RequestFileException(name + " is a folder; -Drequest names a file: " + FORMS + ".");
        }
        if (!Files.isRegularFile(file)) {
            throw new RequestFileException("No request file " + name + ": it does not exist"
                    + (given.isAbsolute() ? "." : " (relative to " + root.toAbsolutePath().normalize() + ")."));
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            // Windows PowerShell 5's "> request.ps1" writes UTF-16 with a byte order mark.
            boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                    || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
            String text = (utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new RequestFileException(name + " is not UTF-8 text; save it as UTF-8 (" + FORMS + ").");
        } catch (IOException e) {
            throw new RequestFileException(name + " cannot be read: " + e.getClass().getSimpleName().replaceAll("Exception$", "") + ".");
        }
    }

    static JsonNode json(String text, String name) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? name : name + " line " + at.getLineNr() + ", column " + at.getColumnNr();
            String original = String.valueOf(e.getOriginalMessage());
            String why = e instanceof JsonEOFException ? "the JSON ends before its brackets and quotes are closed"
                    : original.startsWith("Unexpected character") ? "not valid JSON here: " + original.split("\n")[0].replaceFirst(
                            "^Unexpected character \\((.*?)\\): (?:was )?expecting ", "$1 where it expected ")
                    : "not valid JSON here";
            throw new RequestFileException(where + ": " + why + ".");
        }
    }

    /** The JSON request form: {@code {"method","path","headers","body"}}. */
    private static ApplicationRequest jsonRequest(JsonNode root, String text, Path file) {
        String name = file.toString();
        if (!root.isObject()) {
            throw new RequestFileException(name + ": expected a JSON request {\"method\",\"path\",\"headers\",\"body\"} or a HAR file, and this JSON is a list.");
        }
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(field -> {
            if (!JSON_FIELDS.contains(field)) {
                unknown.add(field);
            }
        });
        boolean bareBody = !root.has("path") && !root.has("url") && (root.has("model") || root.has("messages") || root.has("input"));
        if (bareBody) {
            throw new RequestFileException(name + ": this looks like a request body alone; a JSON request is"
                    + " {\"method\":\"POST\",\"path\":\"/v1/chat/completions\",\"headers\":{...},\"body\":{...}} with this JSON as its body.");
        }
        if (!unknown.isEmpty()) {
            throw new RequestFileException(name + ", line " + lineOf(text, unknown.get(0)) + ": unknown field \"" + unknown.get(0)
                    + "\"; a JSON request has method, path, headers and body.");
        }
        JsonNode path = root.has("path") ? root.get("path") : root.get("url");
        if (path == null || !path.isTextual() || path.asText().isBlank()) {
            throw new RequestFileException(name + (path == null ? "" : ", line " + lineOf(text, root.has("path") ? "path" : "url"))
                    + ": expected \"path\", the request's path and query as text (\"/v1/chat/completions\") or its whole URL.");
        }
        JsonNode bodyNode = root.get("body");
        String body = bodyNode == null || bodyNode.isNull() ? null : bodyNode.isTextual() ? bodyNode.asText() : bodyNode.toString();
        JsonNode methodNode = root.get("method");
        if (methodNode != null && (!methodNode.isTextual() || !methodNode.asText().matches("[A-Za-z]+"))) {
            throw new RequestFileException(name + ", line " + lineOf(text, "method") + ": expected \"method\" as text such as \"POST\".");
        }
        String method = methodNode != null ? methodNode.asText().toUpperCase(Locale.ROOT) : body == null ? "GET" : "POST";
        List<Header> headers = new ArrayList<>();
        JsonNode headerNode = root.get("headers");
        if (headerNode != null && headerNode.isObject()) {
            for (Map.Entry<String, JsonNode> header : (Iterable<Map.Entry<String, JsonNode>>) headerNode::fields) {
                if (header.getValue().isContainerNode() || header.getValue().isNull()) {
                    throw new RequestFileException(name + ", line " + lineOf(text, header.getKey()) + ": header \"" + header.getKey()
                            + "\" has no text value; headers are {\"Name\": \"value\"}.");
                }
                headers.add(new Header(header.getKey(), header.getValue().asText()));
            }
        } else if (headerNode != null && headerNode.isArray()) {
            for (JsonNode header : headerNode) {
                if (!header.path("name").isTextual() || !header.path("value").isValueNode() || header.path("value").isNull()) {
                    throw new RequestFileException(name + ", line " + lineOf(text, "headers") + ": expected each header as"
                            + " {\"name\": \"...\", \"value\": \"...\"}.");
                }
                headers.add(new Header(header.get("name").asText(), header.get("value").asText()));
            }
        } else if (headerNode != null && !headerNode.isNull()) {
            throw new RequestFileException(name + ", line " + lineOf(text, "headers") + ": expected \"headers\" as an object"
                    + " {\"Name\": \"value\"} or a list of {\"name\", \"value\"}.");
        }
        return request(new Credentials(), method, path.asText(), headers, body, file, null);
    }

    /** The line of the first {@code "field"} in the text, for a sentence about it. */
    private static int lineOf(String text, String field) {
        int at = text.indexOf("\"" + field + "\"");
        return at < 0 ? 1 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Builds the request every form reads to: the URL's path and query, credentials out, a JSON body compact. */
    static ApplicationRequest request(Credentials credentials, String method, String url, List<Header> headers, String body,
                                      Path file, Integer entry) {
        String rest = url.strip().replaceFirst("#.*$", "");
        String host = null;
        String pathAndQuery;
        if (rest.startsWith("/")) {
            pathAndQuery = rest;
        } else {
            rest = SCHEME.matcher(rest).replaceFirst("");
            int end = rest.length();
            for (char stop : new char[] {'/', '?'}) {
                int at = rest.indexOf(stop);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            host = rest.substring(0, end);
            pathAndQuery = rest.substring(end);
            pathAndQuery = pathAndQuery.isEmpty() ? "/" : pathAndQuery.startsWith("?") ? "/" + pathAndQuery : pathAndQuery;
            int user = host.lastIndexOf('@');
            if (user >= 0) {
                credentials.userInfo(host.substring(0, user));
                host = host.substring(user + 1);
            }
            host = host.isEmpty() ? null : host;
        }
        List<Header> kept = credentials.headers(headers);
        String path = credentials.query(pathAndQuery);
        String sent = body == null ? null : body(credentials, body, file);
        List<Secret> secrets = credentials.secrets();
        return new ApplicationRequest(method, path, kept, sent, file, entry, host, credentials.replaced(), secrets);
    }

    /** A JSON body as compact JSON with its keys out; any other body as written, refused if it holds a key. */
    private static String body(Credentials credentials, String body, Path file) {
        String start = body.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            try {
                JsonNode tree = JSON.readTree(body);
                credentials.body(tree);
                return Json.DATA.writeValueAsString(tree);
            } catch (JsonProcessingException notJson) {
                // Sent as written: the application's own body, even when it is not valid JSON.
            }
        }
        for (String token : body.split("[\\s&=,:;\"'{}\\[\\]]+")) {
            if (KeyShapes.looksLikeKey(token)) {
                throw new RequestFileException(file + ": the body is not JSON and holds what looks like a key; take it out"
                        + " of the file (the environment's credential is the one sent).");
            }
        }
        return body;
    }
}
