package dev.aigateway.contract.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import java.io.IOException;

/**
 * How the run reads a gateway's answers as JSON: with explicit limits, so that an answer built to
 * exhaust the parser is refused and named for what it is ("JSON nested deeper than 1000 levels"),
 * not taken for text that is not JSON.
 */
public final class AnswerJson {

    private static final ObjectMapper MAPPER = Json.ANSWERS;

    private AnswerJson() {}

    /** {@code text} as a JSON tree when it is a JSON object within the limits, else a missing node. */
    public static com.fasterxml.jackson.databind.JsonNode object(String text) {
        if (text == null || !text.strip().startsWith("{")) {
            return MAPPER.missingNode();
        }
        try {
            return MAPPER.readTree(text);
        } catch (Exception notJson) {
            return MAPPER.missingNode();
        }
    }

    /**
     * What is wrong with {@code text} as JSON: null when it parses within the limits, else which limit
     * it breaks ("JSON nested deeper than 1000 levels"), or "text that is not JSON".
     */
    public static String problem(String text) {
        if (text == null) {
            return "no body";
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() == null) {
                return "text that is not JSON";
            }
            parser.skipChildren();
            return parser.nextToken() == null ? null : "text that is not JSON";
        } catch (StreamConstraintsException overLimit) {
            return overLimit(overLimit);
        } catch (IOException notJson) {
            return "text that is not JSON";
        }
    }

    /** The limit {@code text} breaks as JSON ("JSON nested deeper than 1000 levels"), or null (within them, or not JSON at all). */
    public static String overLimit(String text) {
        String problem = problem(text);
        return problem == null || problem.equals("text that is not JSON") || problem.equals("no body") ? null : problem;
    }

    private static String overLimit(StreamConstraintsException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("nesting depth")) {
            return "JSON nested deeper than " + Json.MAX_DEPTH + " levels";
        }
        if (message.contains("String value length")) {
            return "JSON with a string longer than " + Json.MAX_STRING_CHARS + " characters";
        }
        if (message.contains("Document length")) {
            return "a JSON document longer than " + Json.MAX_DOCUMENT_CHARS + " characters";
        }
        if (message.contains("Name length")) {
            return "JSON with a property name longer than " + Json.MAX_NAME_CHARS + " characters";
        }
        if (message.contains("Number value length")) {
            return "JSON with a number longer than " + Json.MAX_NUMBER_CHARS + " digits";
        }
        return "JSON over the run's parsing limits";
    }
}
