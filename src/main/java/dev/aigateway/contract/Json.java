package dev.aigateway.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The run's configured Jackson mappers, one per kind of text: every class reads and writes JSON or YAML
 * through one of these (or an {@code ObjectReader}/{@code ObjectWriter} derived from one), never a mapper
 * of its own (but request/FetchCall, whose JavaScript literals no shared mapper should accept; JsonTest keeps
 * the list). Configure them here only: they are shared by every thread of the run.
 */
public final class Json {

    /** The limits within which an answer from a gateway is read (http/AnswerJson names the one broken). */
    public static final int MAX_DEPTH = 1000;
    public static final int MAX_STRING_CHARS = 8 * 1024 * 1024;
    public static final long MAX_DOCUMENT_CHARS = 64L * 1024 * 1024;
    public static final int MAX_NAME_CHARS = 50_000;
    public static final int MAX_NUMBER_CHARS = 1000;

    /** Anything a gateway (or a file a user hands over) sent: read within the limits above. */
    public static final ObjectMapper ANSWERS = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxDocumentLength(MAX_DOCUMENT_CHARS)
                    .maxNameLength(MAX_NAME_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .build())
            .build());

    /** The project's own JSON: data files, request bodies, small messages. Unknown properties fail. */
    public static final ObjectMapper DATA = new ObjectMapper();

    /** The project's YAML: data files and environments. Unknown properties fail. */
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What the run writes for people and later runs: ISO dates and times, indented. */
    public static final ObjectMapper RECORDS = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}
}
