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
    /**
     * A mapper of its own, not one of {@code Json}'s: a hand-written call's arguments are JavaScript literals
     * (unquoted names, single quotes, trailing commas, comments), which the shared mappers rightly refuse.
     */
    private static final JsonMapper LENIENT = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                            JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                            JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                    .build())
            .build();

    private static final String NOT_LITERAL = "fetch's options are read as \"Copy as fetch\" writes them or as literals"
            + " (text, numbers, objects, `templates`, JSON.stringify({...}), process.env.NAME); a variable or another"
            + " expression is not, so paste the value it makes.";

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
        String arguments = "[" + literals(text.substring(first.end()), file, text, first.end());
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
            throw new RequestFileException(file + " line " + line(text, first.end() + offset) + ": " + NOT_LITERAL);
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

    /**
     * The arguments of a hand-written call as JSON: a {@code `template`} and {@code JSON.stringify(literal)} become the
     * text they make, {@code process.env.NAME} the reference {@code ${process.env.NAME}}; each keeps its line breaks
     * after it, so that a line named in a sentence is the file's.
     */
    private static String literals(String js, String file, String whole, int base) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = js.length();
        while (i < n) {
            char c = js.charAt(i);
            if (c == '"' || c == '\'') {
                int end = skipQuoted(js, i, c);
                out.append(js, i, end);
                i = end;
            } else if (js.startsWith("//", i) || js.startsWith("/*", i)) {
                int end = js.startsWith("//", i) ? js.indexOf('\n', i) : js.indexOf("*/", i) + 2;
                end = end < i ? n : end;
                out.append(js, i, end);
                i = end;
            } else if (c == '`') {
                int end = skipQuoted(js, i, '`');
                String content = js.substring(i + 1, Math.max(i + 1, end - 1));
                out.append(quoted(template(content))).append(breaks(content));
                i = end;
            } else if (js.startsWith("JSON.stringify(", i)) {
                int open = i + "JSON.stringify".length();
                int close = closing(js, open);
                if (close < 0) {
                    throw new RequestFileException(file + " line " + line(whole, base + i) + ": " + NOT_LITERAL);
                }
                String inner = js.substring(open + 1, close);
                String literal = firstArgument(inner);
                try {
                    out.append(quoted(LENIENT.readTree(literals(literal, file, whole, base + open + 1)).toString()));
                } catch (JsonProcessingException notLiteral) {
                    throw new RequestFileException(file + " line " + line(whole, base + i) + ": " + NOT_LITERAL);
                }
                out.append(breaks(inner));
                i = close + 1;
            } else if (js.startsWith("process.env.", i) && (i == 0 || !Character.isJavaIdentifierPart(js.charAt(i - 1)))) {
                int end = i + "process.env.".length();
                while (end < n && Character.isJavaIdentifierPart(js.charAt(end))) {
                    end++;
                }
                out.append(quoted("${" + js.substring(i, end) + "}"));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where a string opened at {@code open} by {@code quote} ends (after its closing quote), {@code \\} escapes skipped. */
    private static int skipQuoted(String js, int open, char quote) {
        int i = open + 1;
        while (i < js.length() && js.charAt(i) != quote) {
            i += js.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, js.length());
    }

    /** The {@code )} that closes the {@code (} at {@code open}, strings and brackets skipped; -1 when there is none. */
    private static int closing(String js, int open) {
        int depth = 0;
        for (int i = open; i < js.length(); i++) {
            char c = js.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipQuoted(js, i, c) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                return c == ')' ? i : -1;
            }
        }
        return -1;
    }

    /** {@code JSON.stringify(value, null, 2)}'s value. */
    private static String firstArgument(String arguments) {
        int depth = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipQuoted(arguments, i, c) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return arguments.substring(0, i);
            }
        }
        return arguments;
    }

    /** A template's text: its escapes read, its {@code ${...}} kept as written. */
    private static String template(String content) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\\' && i + 1 < content.length()) {
                char e = content.charAt(++i);
                text.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static String quoted(String text) {
        try {
            return LENIENT.writeValueAsString(text);
        } catch (JsonProcessingException cannot) {
            throw new IllegalStateException(cannot);
        }
    }

    private static String breaks(String text) {
        return "\n".repeat((int) text.chars().filter(c -> c == '\n').count());
    }

    private static int line(String text, int offset) {
        int end = Math.min(offset, text.length());
        return (int) text.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
    }
}
