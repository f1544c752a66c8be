package dev.aigateway.contract.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aigateway.contract.request.ApplicationRequest.Header;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code fetch(url, options)} call as the browsers' "Copy as fetch" and "Copy as Node.js fetch" write
 * it: the URL and the options are JSON ({@code JSON.stringify} in Chromium DevTools,
 * front_end/panels/network/NetworkLogView.ts, {@code generateFetchCall}; Firefox writes {@code await fetch(...)}).
 * Written by hand, unquoted names, single quotes, comments and trailing commas are read too; an expression
 * ({@code JSON.stringify(...)}, a variable) is not, and gets one sentence.
 */
final class FetchCall {

    /** A fetch call opening a statement ({@code const response = await fetch(}), after comments. */
    private static final String CALL_OPENS = "(?:(?:const|let|var)\\s+[A-Za-z_$][\\w$]*\\s*=\\s*)?(?:await\\s+)?fetch\\s*\\(";
    private static final Pattern CALL = Pattern.compile("(?:^|[;\\n])\\s*" + CALL_OPENS);
    private static final Pattern FIRST = Pattern.compile("\\A(?:\\s|//[^\\n]*\\n|/\\*.*?\\*/)*" + CALL_OPENS, Pattern.DOTALL);
    private static final JsonMapper LENIENT = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                            JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                            JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                    .build())
            .build();

    private FetchCall() {}

    /** Whether {@code text} opens with a fetch call. */
    static boolean isFetch(String text) {
        return FIRST.matcher(text).find();
    }

    /** The request of the one fetch call in {@code text}. */
    static CurlCommand.Parsed parse(String text, String file) {
        Matcher calls = CALL.matcher(text);
        int count = 0;
        while (calls.find()) {
            count++;
        }
        if (count > 1) {
            throw new RequestFileException(file + " holds " + count + " fetch calls; keep only the one your application sends.");
        }
        Matcher first = FIRST.matcher(text);
        first.find();
        String arguments = "[" + text.substring(first.end());
        JsonNode url;
        JsonNode options = null;
        try (JsonParser parser = LENIENT.createParser(arguments)) {
            parser.nextToken();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw new RequestFileException(file + " line " + line(text, first.end()) + ": fetch's first argument is"
                        + " read as a quoted URL (\"https://...\"), and this one is not.");
            }
            url = LENIENT.readTree(parser);
            JsonToken next = parser.nextToken();
            if (next == JsonToken.START_OBJECT) {
                options = LENIENT.readTree(parser);
            } else if (next != JsonToken.END_ARRAY) {
                throw new RequestFileException(file + " line " + line(text, first.end()) + ": fetch's options are read as"
                        + " an object {\"method\", \"headers\", \"body\"}, and these are not.");
            }
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            int offset = at == null ? 0 : (int) Math.max(0, at.getCharOffset() - 1);
            throw new RequestFileException(file + " line " + line(text, first.end() + offset) + ": fetch's options are read"
                    + " as written by \"Copy as fetch\" (quoted text, numbers, objects); an expression such as"
                    + " JSON.stringify(...) or a variable is not, so paste the value it makes.");
        } catch (IOException e) {
            throw new RequestFileException(file + " cannot be read as a fetch call.");
        }
        List<Header> headers = new ArrayList<>();
        String method = "GET";
        String body = null;
        if (options != null) {
            JsonNode headerNode = options.path("headers");
            if (headerNode.isObject()) {
                for (Map.Entry<String, JsonNode> header : (Iterable<Map.Entry<String, JsonNode>>) headerNode::fields) {
                    headers.add(new Header(header.getKey(), header.getValue().asText()));
                }
            } else if (headerNode.isArray()) {
                for (JsonNode pair : headerNode) {
                    headers.add(new Header(pair.path(0).asText(), pair.path(1).asText()));
                }
            }
            // The browser form gives the referrer as an option; the browser sends it as a header.
            JsonNode referrer = options.path("referrer");
            if (referrer.isTextual() && !referrer.asText().isEmpty() && !referrer.asText().equals("about:client")
                    && headers.stream().noneMatch(header -> header.name().equalsIgnoreCase("referer"))) {
                headers.add(new Header("Referer", referrer.asText()));
            }
            JsonNode bodyNode = options.path("body");
            if (bodyNode.isTextual()) {
                body = bodyNode.asText();
            } else if (bodyNode.isContainerNode()) {
                throw new RequestFileException(file + ": fetch's body is an object here, which fetch would send as"
                        + " \"[object Object]\"; write it as text (\"body\": \"{...}\") as the application sends it.");
            }
            JsonNode methodNode = options.path("method");
            method = methodNode.isTextual() ? methodNode.asText().toUpperCase(Locale.ROOT) : "GET";
        }
        return new CurlCommand.Parsed(method, url.asText(), headers, body, new LinkedHashMap<>());
    }

    private static int line(String text, int offset) {
        int end = Math.min(offset, text.length());
        return (int) text.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
    }
}
