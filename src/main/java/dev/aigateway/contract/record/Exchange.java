package dev.aigateway.contract.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to the gateway and what came back, already redacted. {@code status} is null when no
 * response arrived; {@code failure} then says why ("could not connect to HOST:PORT"). {@code caller}
 * is who the request claimed to be (written as its id: team-key, not-issued-key, no-key, provider-direct). {@code requestHeaders} are the
 * header lines the HTTP client wrote, every one in the order sent, a repeated name as often as it went out.
 * {@code requestId} is the gateway's request id (its profile names the header; run records written
 * before it was named so call it {@code vercelId}, and still read). {@code neverSent} is true when the connection or its TLS handshake failed before the request went
 * out: the gateway never saw it. {@code variant} is null for a request as its scenario sends it; for a variant of the
 * application's own request that the run sent to find what the gateway refuses in it, what it changed
 * ({@code stream: true}, {@code max_tokens: 10667}, {@code the probe's smallest request}). On the application's
 * request itself, once its variants settled it, {@code requestFinding} says in one sentence what the refusal follows
 * and {@code requestTrigger} names the field ({@code max_tokens}); both null otherwise.
 * {@code requestBodyCut} is null when {@code requestBody} is all of the body that was sent; when the body
 * was over the recording cap, it is the size of what was sent, in bytes, and {@code requestBody} holds
 * its first part only: no curl line repeats such a request. {@code placeholders} say where the redactor wrote
 * a placeholder ({@code $AI_GATEWAY_API_KEY}) into the request's URL, headers or body: a curl line expands
 * these and nothing else, not a {@code $HOME} the request itself held (null in records written before: none).
 */
public record Exchange(
        int sequence,
        String scenario,
        Instant startedAt,
        String method,
        String url,
        String path,
        @JsonDeserialize(using = HeaderLines.class) List<Header> requestHeaders,
        String requestBody,
        Integer status,
        Map<String, String> responseHeaders,
        String responseBody,
        long durationMs,
        String requestId,
        String generationId,
        String errorType,
        String failure,
        Caller caller,
        boolean neverSent,
        String variant,
        String requestFinding,
        String requestTrigger,
        Long requestBodyCut,
        List<Placeholder> placeholders) {

    /** A new exchange, every component named: none is set but those the caller names (see {@link Builder}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this exchange, to change some of its components. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Where the redactor wrote the placeholder of {@code variable}'s secret ({@code $AI_GATEWAY_API_KEY}) into the
     * request: {@code in} the {@value #URL}, the {@value #BODY} or {@code header N} (the value of the N-th of
     * {@code requestHeaders}, from 0), at char offset {@code at}.
     */
    public record Placeholder(String in, int at, String variable) {
        public static final String URL = "url";
        public static final String BODY = "body";

        public static String header(int index) {
            return "header " + index;
        }
    }

    /** One header line of a request, as sent (its secret redacted). */
    public record Header(String name, String value) {}

    /** The request's header lines as one map for readers that take one: a repeated name's values joined by ", " (RFC 9110 5.3). */
    public Map<String, String> requestHeaderMap() {
        Map<String, String> joined = new LinkedHashMap<>();
        if (requestHeaders != null) {
            requestHeaders.forEach(header -> joined.merge(header.name(), header.value(), (earlier, next) -> earlier + ", " + next));
        }
        return joined;
    }

    public boolean answered() {
        return status != null;
    }

    /** The same exchange as if sent to {@code baseUrl} instead of {@code from} (for curl lines against another host). */
    public Exchange rebased(String from, String baseUrl) {
        if (!url.startsWith(from)) {
            return this;
        }
        int shift = baseUrl.length() - from.length();
        List<Placeholder> moved = placeholders == null ? null : placeholders.stream()
                .map(p -> p.in().equals(Placeholder.URL) ? new Placeholder(p.in(), p.at() + shift, p.variable()) : p).toList();
        return toBuilder().url(baseUrl + url.substring(from.length())).placeholders(moved).build();
    }

    /** The same exchange with what its variants found: the sentence, and the field the refusal follows ("" when none). */
    public Exchange withFinding(String finding, String trigger) {
        return toBuilder().requestFinding(finding).requestTrigger(trigger).build();
    }

    /**
     * What a cut request body lacks, in one sentence ("the request body was 5242880 bytes; the first 4194304 are
     * recorded, so no curl line repeats it"); null when it was recorded whole.
     */
    public String requestBodyCutNote() {
        if (requestBodyCut == null) {
            return null;
        }
        int kept = requestBody == null ? 0 : requestBody.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return "the request body was " + requestBodyCut + " bytes, over the recording cap: only its first " + kept
                + " are recorded, so no curl line repeats it";
    }

    /**
     * Builds an exchange by naming its components: a new one starts with no request headers, no response
     * headers, and every other component null, 0 or false; {@link #toBuilder()} starts from an exchange.
     * The one place besides Jackson that calls the canonical constructor, so a new component is one edit here.
     */
    public static final class Builder {
        private int sequence;
        private String scenario;
        private Instant startedAt;
        private String method;
        private String url;
        private String path;
        private List<Header> requestHeaders = List.of();
        private String requestBody;
        private Integer status;
        private Map<String, String> responseHeaders = Map.of();
        private String responseBody;
        private long durationMs;
        private String requestId;
        private String generationId;
        private String errorType;
        private String failure;
        private Caller caller;
        private boolean neverSent;
        private String variant;
        private String requestFinding;
        private String requestTrigger;
        private Long requestBodyCut;
        private List<Placeholder> placeholders;

        private Builder() {}

        private Builder(Exchange exchange) {
            sequence = exchange.sequence;
            scenario = exchange.scenario;
            startedAt = exchange.startedAt;
            method = exchange.method;
            url = exchange.url;
            path = exchange.path;
            requestHeaders = exchange.requestHeaders;
            requestBody = exchange.requestBody;
            status = exchange.status;
            responseHeaders = exchange.responseHeaders;
            responseBody = exchange.responseBody;
            durationMs = exchange.durationMs;
            requestId = exchange.requestId;
            generationId = exchange.generationId;
            errorType = exchange.errorType;
            failure = exchange.failure;
            caller = exchange.caller;
            neverSent = exchange.neverSent;
            variant = exchange.variant;
            requestFinding = exchange.requestFinding;
            requestTrigger = exchange.requestTrigger;
            requestBodyCut = exchange.requestBodyCut;
            placeholders = exchange.placeholders;
        }

        public Builder sequence(int sequence) { this.sequence = sequence; return this; }
        public Builder scenario(String scenario) { this.scenario = scenario; return this; }
        public Builder startedAt(Instant startedAt) { this.startedAt = startedAt; return this; }
        public Builder method(String method) { this.method = method; return this; }
        public Builder url(String url) { this.url = url; return this; }
        public Builder path(String path) { this.path = path; return this; }
        public Builder requestHeaders(List<Header> requestHeaders) { this.requestHeaders = requestHeaders; return this; }
        public Builder requestBody(String requestBody) { this.requestBody = requestBody; return this; }
        public Builder status(Integer status) { this.status = status; return this; }
        public Builder responseHeaders(Map<String, String> responseHeaders) { this.responseHeaders = responseHeaders; return this; }
        public Builder responseBody(String responseBody) { this.responseBody = responseBody; return this; }
        public Builder durationMs(long durationMs) { this.durationMs = durationMs; return this; }
        public Builder requestId(String requestId) { this.requestId = requestId; return this; }
        public Builder generationId(String generationId) { this.generationId = generationId; return this; }
        public Builder errorType(String errorType) { this.errorType = errorType; return this; }
        public Builder failure(String failure) { this.failure = failure; return this; }
        public Builder caller(Caller caller) { this.caller = caller; return this; }
        public Builder neverSent(boolean neverSent) { this.neverSent = neverSent; return this; }
        public Builder variant(String variant) { this.variant = variant; return this; }
        public Builder requestFinding(String requestFinding) { this.requestFinding = requestFinding; return this; }
        public Builder requestTrigger(String requestTrigger) { this.requestTrigger = requestTrigger; return this; }
        public Builder requestBodyCut(Long requestBodyCut) { this.requestBodyCut = requestBodyCut; return this; }
        public Builder placeholders(List<Placeholder> placeholders) { this.placeholders = placeholders; return this; }

        public Exchange build() {
            return new Exchange(sequence, scenario, startedAt, method, url, path, requestHeaders, requestBody, status,
                    responseHeaders, responseBody, durationMs, requestId, generationId, errorType, failure, caller,
                    neverSent, variant, requestFinding, requestTrigger, requestBodyCut, placeholders);
        }
    }

    /**
     * Reads {@code requestHeaders} as written now (a list of name and value) and as run records written
     * before it was one (an object of name to value), so an older {@code run.json} still reads.
     */
    static final class HeaderLines extends JsonDeserializer<List<Header>> {

        @Override
        public List<Header> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            List<Header> headers = new ArrayList<>();
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                    String name = parser.currentName();
                    parser.nextToken();
                    headers.add(new Header(name, parser.getValueAsString()));
                }
                return headers;
            }
            for (Header header : context.readValue(parser, Header[].class)) {
                headers.add(header);
            }
            return headers;
        }
    }
}
