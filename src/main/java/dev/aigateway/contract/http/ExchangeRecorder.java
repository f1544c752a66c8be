package dev.aigateway.contract.http;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import io.qameta.allure.attachment.DefaultAttachmentProcessor;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.qameta.allure.attachment.http.HttpResponseAttachment;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.http.ConnectionClosedException;
import org.apache.http.TruncatedChunkException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * The one filter every request passes: records the redacted {@link Exchange} in the run's log and
 * attaches the request and the response to the current Allure step, and hands the steps the redacted
 * answer. Every exchange is recorded whatever happens: one that gets no answer, or whose answer
 * breaks off or outlasts its deadline, with what arrived and why, and it fails with one sentence
 * naming the host instead of a stack of HTTP client frames. Requests go to one origin only.
 */
public final class ExchangeRecorder implements OrderedFilter {

    /** What an answer's recorded body keeps (the steps read all of it, up to limits.answerBytes). */
    static final int BODY_CAP = 64 * 1024;
    /**
     * A request body is recorded whole up to the answer cap, {@code limits.answerBytes}, and never less than its
     * default, 4 MiB: the application's request is replayed from the evidence, so it must be what was sent.
     */
    static final long REQUEST_BODY_CAP_AT_LEAST = Environment.Limits.DEFAULT_ANSWER_BYTES;
    // The words of the JDK's trust manager, and of the HTTP client's and the JDK's host name checks.
    private static final Pattern UNTRUSTED = Pattern.compile("PKIX path|unable to find valid certification path");
    private static final Pattern OTHER_HOST = Pattern.compile(
            "(?i)(didn't|doesn't|does not) match|no subject alternative (DNS )?names? matching|no name matching");
    private static final Pattern NOT_TLS = Pattern.compile("(?i)unrecognized SSL message|plaintext connection");

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
        long requestBodyCap = Math.max(answerBytes, REQUEST_BODY_CAP_AT_LEAST);
        // Redacted whole, then cut only when what was sent is over the cap: a secret across the cap is redacted as a
        // whole, and a body within it is recorded whole even where a placeholder is longer than its secret.
        String redactedBody = noted(redactor.redactNoting(sentBody), Exchange.Placeholder.BODY, placeholders);
        Long requestBodyCut = sentBytes > requestBodyCap ? sentBytes : null;
        String requestBody = requestBodyCut == null ? redactedBody : firstBytes(redactedBody, requestBodyCap);
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
            NoAnswer noAnswer = describe(failure, target, inFlight);
            String why = noAnswer.sentence();
            // An answer cut short by the run's own deadline, not by readMs: the run could not carry the
            // scenario out; the gateway did not fail it.
            boolean runDeadline = inFlight.expired() && inFlight.budgetMs() < readMs;
            if (noAnswer.tls()) {
                limits.handshakeFailed(host, noAnswer.inShort());
            } else if (!runDeadline && (inFlight.expired() || isSilence(failure) || neverSent)) {
                limits.silent(host, why);
            }
            limits.contacted(host);
            Integer status = inFlight.status();
            Map<String, String> headers = new LinkedHashMap<>();
            inFlight.headers().forEach((name, values) -> headers.put(name, redactor.redactHeader(name, String.join(", ", values))));
            byte[] arrived = inFlight.body();
            String partial = status == null ? null
                    : profile.withoutKeyEchoes(redactor.redact(cap(new String(arrived, StandardCharsets.UTF_8))));
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
            attach(exchange);
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
        String recordedBody = cap(responseBody);
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
        attach(exchange);
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

    private static boolean isSilence(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String cap(String body) {
        if (body == null || body.length() <= BODY_CAP) {
            return body;
        }
        return body.substring(0, BODY_CAP) + "\n[... " + (body.length() - BODY_CAP) + " more characters not recorded]";
    }

    /** {@code text} whole when its UTF-8 form is at most {@code cap} bytes, else its longest start that is (never half a character). */
    static String firstBytes(String text, long cap) {
        if (text == null || text.length() * 3L <= cap) {
            return text;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes > cap) {
                return text.substring(0, i);
            }
            i += Character.charCount(codePoint);
        }
        return text;
    }

    /** The gateway's error type, where its envelope keeps it. */
    private String errorType(String body) {
        return profile.envelopeOf(AnswerJson.object(body)).type();
    }

    /**
     * Why an exchange got no answer, in words and never in Java's: the {@code sentence} the run prints
     * once (what is wrong and, for TLS, the fix), and {@code inShort}, what the requests not sent to
     * the same host later repeat. {@code tls}: the handshake failed, the same way for every request.
     */
    record NoAnswer(String sentence, String inShort, boolean tls) {

        static NoAnswer of(String sentence) {
            return new NoAnswer(sentence, sentence, false);
        }

        static NoAnswer tls(String sentence, String inShort) {
            return new NoAnswer(sentence, inShort, true);
        }
    }

    static NoAnswer describe(Throwable failure, URI target, InFlight inFlight) {
        if (inFlight != null && inFlight.expired()) {
            return NoAnswer.of("no complete answer from " + hostOf(target) + " within " + inFlight.budgetMs() + " ms");
        }
        return describe(failure, target, inFlight == null || inFlight.sent());
    }

    /** {@code sent}: the request went out (so the TLS handshake, if any, was over). */
    static NoAnswer describe(Throwable failure, URI target, boolean sent) {
        String host = hostOf(target);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
                return NoAnswer.of("could not connect to " + host + " (" + cause.getMessage() + ")");
            }
            if (cause instanceof UnknownHostException) {
                return NoAnswer.of("could not resolve " + target.getHost() + " (DNS lookup failed)");
            }
            if (cause instanceof SocketTimeoutException) {
                return NoAnswer.of("no answer from " + host + " in time (" + cause.getMessage() + ")");
            }
            if (cause instanceof SSLException || !sent && "https".equals(target.getScheme())
                    && (cause instanceof SocketException || cause instanceof EOFException)) {
                return tlsFailure(failure, host);
            }
            if (cause instanceof SocketException || cause instanceof ConnectionClosedException
                    || cause instanceof TruncatedChunkException) {
                return NoAnswer.of("the connection to " + host + " broke (" + cause.getMessage() + ")");
            }
        }
        return NoAnswer.of("no response from " + host + " (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")");
    }

    /** What is wrong with the handshake, read from the whole chain of causes; the JDK's and the client's words stay out. */
    private static NoAnswer tlsFailure(Throwable failure, String host) {
        StringBuilder said = new StringBuilder();
        boolean untrusted = false;
        boolean expired = false;
        boolean notYetValid = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            said.append(' ').append(cause.getMessage());
            untrusted |= cause instanceof CertPathBuilderException;
            expired |= cause instanceof CertificateExpiredException;
            notYetValid |= cause instanceof CertificateNotYetValidException;
        }
        String words = said.toString();
        if (expired) {
            return NoAnswer.tls("the certificate of " + host + " has expired: the server must renew it"
                    + " (or, if it has, this machine's clock is wrong)", "its certificate has expired");
        }
        if (notYetValid) {
            return NoAnswer.tls("the certificate of " + host + " is not valid yet: check this machine's clock",
                    "its certificate is not valid yet");
        }
        if (untrusted || UNTRUSTED.matcher(words).find()) {
            return NoAnswer.tls("the certificate of " + host + " is not trusted by this Java (self-signed, or signed by a CA"
                    + " it does not know, as a proxy that opens TLS does): pass that CA with -Djavax.net.ssl.trustStore=FILE",
                    "its certificate is not trusted by this Java");
        }
        if (OTHER_HOST.matcher(words).find()) {
            return NoAnswer.tls("the certificate of " + host + " is for another host name: check the host in baseUrl,"
                    + " or whether a proxy answers for it", "its certificate is for another host");
        }
        if (NOT_TLS.matcher(words).find()) {
            return NoAnswer.tls(host + " does not speak TLS though baseUrl says https: check the scheme and the port"
                    + " in baseUrl", "it does not speak TLS");
        }
        return NoAnswer.tls(host + " closed the connection during the TLS handshake, before any certificate (a host that"
                + " does not serve this name, a firewall or proxy that blocks it, or a server that accepts none of this"
                + " Java's TLS versions): try curl -v https://" + host
                + " from the same machine", "it closed the connection during the handshake");
    }

    private static void attach(Exchange exchange) {
        DefaultAttachmentProcessor processor = new DefaultAttachmentProcessor();
        String name = "Request" + (exchange.variant() == null ? "" : " (variant: " + exchange.variant() + ")") + ": "
                + exchange.method() + " " + exchange.path()
                + (exchange.requestBodyCut() == null ? "" : " (" + exchange.requestBodyCutNote() + ")");
        // Our curl line, not the one Allure's builder writes (quotes unescaped, no placeholder expanded); none for a
        // body recorded cut. Allure's attachment keeps one value a name: a name sent twice shows both values, joined.
        String curl = exchange.requestBodyCut() == null ? CurlLine.of(exchange) : null;
        HttpRequestAttachment request = new HttpRequestAttachment(name, exchange.url(), exchange.method(),
                exchange.requestBody(), curl, exchange.requestHeaderMap(), Map.of(), Map.of());
        processor.addAttachment(request, new FreemarkerAttachmentRenderer("http-request.ftl"));
        HttpResponseAttachment.Builder response = HttpResponseAttachment.Builder
                .create(exchange.answered()
                        ? "Response: " + exchange.status() + (exchange.errorType() == null ? "" : " " + exchange.errorType())
                        : "No response: " + exchange.failure())
                .setUrl(exchange.url())
                .setHeaders(exchange.responseHeaders())
                .setBody(exchange.answered() ? exchange.responseBody() : exchange.failure());
        if (exchange.answered()) {
            response.setResponseCode(exchange.status());
        }
        processor.addAttachment(response.build(), new FreemarkerAttachmentRenderer("http-response.ftl"));
    }
}
