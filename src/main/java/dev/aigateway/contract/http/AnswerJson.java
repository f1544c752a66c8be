package dev.aigateway.contract.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * How the run reads a gateway's answers as JSON: with explicit limits, so that an answer built to
 * exhaust the parser is refused and named for what it is ("JSON nested deeper than 1000 levels"),
 * not taken for text that is not JSON.
 */
public final class AnswerJson {

    public static final int MAX_DEPTH = 1000;
    public static final int MAX_STRING_CHARS = 8 * 1024 * 1024;
    public static final long MAX_DOCUMENT_CHARS = 64L * 1024 * 1024;
    private static final int MAX_NAME_CHARS = 50_000;
    private static final int MAX_NUMBER_CHARS = 1000;

    /** The mapper for anything a gateway sent. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxDocumentLength(MAX_DOCUMENT_CHARS)
                    .maxNameLength(MAX_NAME_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .build())
            .build());

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
            return "JSON nested deeper than " + MAX_DEPTH + " levels";
        }
        if (message.contains("String value length")) {
            return "JSON with a string longer than " + MAX_STRING_CHARS + " characters";
        }
        if (message.contains("Document length")) {
            return "a JSON document longer than " + MAX_DOCUMENT_CHARS + " characters";
        }
        if (message.contains("Name length")) {
            return "JSON with a property name longer than " + MAX_NAME_CHARS + " characters";
        }
        if (message.contains("Number value length")) {
            return "JSON with a number longer than " + MAX_NUMBER_CHARS + " digits";
        }
        return "JSON over the run's parsing limits";
    }
}
