package dev.aigateway.contract.http;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one filter every request passes: records the redacted {@link Exchange} in the run's log and
 * attaches the request and the response to the current Allure step, and hands the steps the redacted
 * answer. Every exchange is recorded whatever happens: one that gets no answer, or whose answer
 * breaks off or outlasts its deadline, with what arrived and why, and it fails with one sentence
 * naming the host instead of a stack of HTTP client frames. Requests go to one origin only.
 */
public final class ExchangeRecorder implements OrderedFilter {

    private final Redactor redactor;
    private final ExchangeLog log;
    private final String scenario;
    private final Caller caller;
    private final RunLimits limits;
    private final String origin;
    private final int readMs;
    private final long answerBytes;
    private final GatewayProfile profile;
    private final String variant;

    /**
     * Records under {@code scenario} the exchanges of {@code caller}; sends only to {@code origin}
     * (scheme, host and port of the environment's gateway, or of the provider a direct check calls),
     * within the run's {@code limits}, {@code readMs} for a whole answer and {@code answerBytes} of its body;
     * the request id, generation id and error type as the gateway's {@code profile} says where they are.
     */
    public ExchangeRecorder(Redactor redactor, ExchangeLog log, String scenario, Caller caller, RunLimits limits,
                            String origin, int readMs, long answerBytes, GatewayProfile profile) {
        this(redactor, log, scenario, caller, limits, origin, readMs, answerBytes, profile, null);
    }

    /** As above, each exchange marked as the variant of the application's request that changed {@code variant} (null: none). */
    public ExchangeRecorder(Redactor redactor, ExchangeLog log, String scenario, Caller caller, RunLimits limits,
                            String origin, int readMs, long answerBytes, GatewayProfile profile, String variant) {
        this.variant = variant;
        this.profile = profile;
        this.answerBytes = answerBytes;
        this.redactor = redactor;
        this.log = log;
        this.scenario = scenario;
        this.caller = caller;
        this.limits = limits;
        this.origin = origin;
        this.readMs = readMs;
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        URI target = URI.create(request.getURI());
        String host = hostOf(target);
        if (!origin.equals(originOf(target))) {
            throw new IllegalStateException("refusing to send " + request.getMethod() + " to " + host
                    + ": credentials go only to " + origin);
        }
        limits.beforeSending(host);
        int sequence = log.nextSequence();
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        // What the filter holds, recorded as is when no connection was made; once one is, what the client wrote.
        List<Exchange.Header> requestHeaders = new ArrayList<>();
        for (Header header : request.getHeaders()) {
            requestHeaders.add(new Exchange.Header(header.getName(), header.getValue()));
        }
        SentHeaders.clear();
        // Where the redactor writes a placeholder into the request: the only text its curl line expands.
        List<Exchange.Placeholder> placeholders = new ArrayList<>();
        String url = noted(redactor.redactNoting(request.getURI()), Exchange.Placeholder.URL, placeholders);
        String path = redactor.redact(target.getRawQuery() == null ? target.getRawPath()
                : target.getRawPath() + "?" + target.getRawQuery());
        String sentBody = request.getBody() == null ? null : request.getBody().toString();
        long sentBytes = sentBody == null ? 0 : sentBody.getBytes(StandardCharsets.UTF_8).length;
        long requestBodyCap = Math.max(answerBytes, RecordedBody.REQUEST_BODY_CAP_AT_LEAST);
        // Redacted whole, then cut only when what was sent is over the cap: a secret across the cap is redacted as a
        // whole, and a body within it is recorded whole even where a placeholder is longer than its secret.
        String redactedBody = noted(redactor.redactNoting(sentBody), Exchange.Placeholder.BODY, placeholders);
        Long requestBodyCut = sentBytes > requestBodyCap ? sentBytes : null;
        String requestBody = requestBodyCut == null ? redactedBody : RecordedBody.firstBytes(redactedBody, requestBodyCap);
        if (requestBodyCut != null) {
            placeholders.removeIf(placeholder -> placeholder.in().equals(Exchange.Placeholder.BODY)
                    && placeholder.at() + placeholder.variable().length() + 1 > requestBody.length());
        }
        Response response = null;
        String rawBody = null;
        Exception failure = null;
        InFlight inFlight = InFlight.open(limits.budgetMs(readMs), answerBytes);
        try {
            response = context.next(request, responseSpec);
            rawBody = response.asString();
        } catch (Exception e) {
            failure = e;
        } finally {
            inFlight.close();
        }
        List<Exchange.Header> sent = SentHeaders.take();
        requestHeaders = redacted(sent == null ? requestHeaders : sent, placeholders);
        List<Exchange.Placeholder> written = List.copyOf(placeholders);
        if (failure != null) {
            boolean neverSent = !inFlight.sent();
            NoAnswer noAnswer = NoAnswer.describe(failure, target, inFlight);
            String why = noAnswer.sentence();
            // An answer cut short by the run's own deadline, not by readMs: the run could not carry the
            // scenario out; the gateway did not fail it.
            boolean runDeadline = inFlight.expired() && inFlight.budgetMs() < readMs;
            if (noAnswer.tls()) {
                limits.handshakeFailed(host, noAnswer.inShort());
            } else if (!runDeadline && (inFlight.expired() || NoAnswer.isSilence(failure) || neverSent)) {
                limits.silent(host, why);
            }
            limits.contacted(host);
            Integer status = inFlight.status();
            Map<String, String> headers = new LinkedHashMap<>();
            inFlight.headers().forEach((name, values) -> headers.put(name, redactor.redactHeader(name, String.join(", ", values))));
            byte[] arrived = inFlight.body();
            String partial = status == null ? null
                    : profile.withoutKeyEchoes(redactor.redact(RecordedBody.cap(new String(arrived, StandardCharsets.UTF_8))));
            String said = status == null ? why
                    : "the answer (" + status + ") broke off after " + arrived.length + " bytes of its body: " + why;
            Exchange exchange = Exchange.builder().sequence(sequence).scenario(scenario).startedAt(startedAt)
                    .method(request.getMethod()).url(url).path(path).requestHeaders(requestHeaders).requestBody(requestBody)
                    .status(status).responseHeaders(headers).responseBody(partial).durationMs(elapsedMs(start))
                    .requestId(first(headers, profile.requestId().header()))
                    .generationId(profile.generationIdOf(headers, partial)).errorType(errorType(partial)).failure(said)
                    .caller(caller).neverSent(neverSent)
                    .variant(variant == null ? null : redactor.redact(variant))
                    .requestBodyCut(requestBodyCut).placeholders(written == null ? null : List.copyOf(written))
                    .build();
            log.add(exchange);
            ExchangeAttachment.attach(exchange);
            if (runDeadline) {
                throw new Skipped("the run reached its deadline (timeouts.runSeconds: " + limits.runSeconds() + ") while "
                        + request.getMethod() + " " + path + " was still answering");
            }
            throw new GatewayUnreachableException(redactor.redact(said));
        }
        String unread = unread(inFlight, response, rawBody);
        if (unread != null && unread.startsWith("a decompression bomb")) {
            limits.notAskedAgain(host, "sent a decompression bomb earlier in this run");
        }
        limits.contacted(host);
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        List<Header> redactedHeaders = new ArrayList<>();
        for (Header header : response.getHeaders()) {
            String value = redactor.redactHeader(header.getName(), header.getValue());
            redactedHeaders.add(new Header(header.getName(), value));
            responseHeaders.merge(header.getName(), value, (earlier, next) -> earlier + ", " + next);
        }
        String responseBody = profile.withoutKeyEchoes(redactor.redact(rawBody));
        String recordedBody = RecordedBody.cap(responseBody);
        Exchange exchange = Exchange.builder().sequence(sequence).scenario(scenario).startedAt(startedAt)
                .method(request.getMethod()).url(url).path(path).requestHeaders(requestHeaders).requestBody(requestBody)
                .status(response.getStatusCode()).responseHeaders(responseHeaders).responseBody(recordedBody)
                .durationMs(elapsedMs(start))
                .requestId(redactor.redact(response.getHeader(profile.requestId().header())))
                .generationId(profile.generationIdOf(responseHeaders, recordedBody))
                .errorType(unread == null ? errorType(recordedBody) : null)
                .failure(unread == null ? null
                        : redactor.redact("the answer (" + response.getStatusCode() + ") from " + host + " is " + unread))
                .caller(caller)
                .variant(variant == null ? null : redactor.redact(variant))
                .requestBodyCut(requestBodyCut).placeholders(written == null ? null : List.copyOf(written))
                .build();
        log.add(exchange);
        ExchangeAttachment.attach(exchange);
        if (exchange.failure() != null) {
            throw new GatewayUnreachableException(exchange.failure());
        }
        // What the steps assert on is the redacted answer, so no assertion message can carry a secret the server echoed.
        return new ResponseBuilder().clone(response).setHeaders(new Headers(redactedHeaders))
                .setStatusLine(redactor.redact(response.getStatusLine())).setBody(responseBody).build();
    }

    /** {@code headers} redacted, each placeholder written into the N-th one's value noted in {@code placeholders}. */
    private List<Exchange.Header> redacted(List<Exchange.Header> headers, List<Exchange.Placeholder> placeholders) {
        List<Exchange.Header> redacted = new ArrayList<>();
        for (Exchange.Header header : headers) {
            String in = Exchange.Placeholder.header(redacted.size());
            redacted.add(new Exchange.Header(header.name(), noted(redactor.redactHeaderNoting(header.name(), header.value()), in, placeholders)));
        }
        return redacted;
    }

    /** The text of {@code redacted}, noting in {@code placeholders} where in it ({@code in}: url, body, header N) each was written. */
    private static String noted(Redactor.Redacted redacted, String in, List<Exchange.Placeholder> placeholders) {
        redacted.placeholders().forEach(placeholder -> placeholders.add(new Exchange.Placeholder(in, placeholder.at(), placeholder.variable())));
        return redacted.text();
    }

    /**
     * Why the steps do not get this answer: its body was cut (over {@code limits.answerBytes}, a
     * decompression bomb), or it is JSON over the parser's limits; null when they do.
     */
    private static String unread(InFlight inFlight, Response response, String body) {
        String cut = inFlight.cut();
        if (cut != null) {
            return cut;
        }
        String overLimit = String.valueOf(response.getContentType()).contains("json") ? AnswerJson.overLimit(body) : null;
        return overLimit == null ? null : overLimit + ", which the run does not read";
    }

    /** "https://host:443": what a credential may be sent to. */
    public static String originOf(URI uri) {
        return uri.getScheme() + "://" + hostOf(uri);
    }

    static String hostOf(URI target) {
        return target.getHost() + ":" + (target.getPort() > 0 ? target.getPort()
                : "https".equals(target.getScheme()) ? 443 : 80);
    }

    private static String first(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The gateway's error type, where its envelope keeps it. */
    private String errorType(String body) {
        return profile.envelopeOf(AnswerJson.object(body)).type();
    }
}
