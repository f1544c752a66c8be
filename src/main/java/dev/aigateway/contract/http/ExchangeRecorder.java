package dev.aigateway.contract.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.attachment.DefaultAttachmentProcessor;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.qameta.allure.attachment.http.HttpResponseAttachment;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one filter every request passes: records the redacted {@link Exchange} in the run's log and
 * attaches the request and the response to the current Allure step. A request that gets no answer
 * is recorded too, and fails with a message naming the host instead of a stack of HTTP client frames.
 */
public final class ExchangeRecorder implements OrderedFilter {

    static final int BODY_CAP = 64 * 1024;
    private static final Pattern GENERATION_ID = Pattern.compile("gen_[0-9A-HJKMNP-TV-Z]{26}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Redactor redactor;
    private final ExchangeLog log;
    private final String scenario;
    private final String caller;

    public ExchangeRecorder(Redactor redactor, ExchangeLog log, String scenario, String caller) {
        this.redactor = redactor;
        this.log = log;
        this.scenario = scenario;
        this.caller = caller;
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        for (Header header : request.getHeaders()) {
            requestHeaders.put(header.getName(), redactor.redactHeader(header.getName(), header.getValue()));
        }
        String url = redactor.redact(request.getURI());
        String path = URI.create(request.getURI()).getRawPath();
        String query = URI.create(request.getURI()).getRawQuery();
        String requestBody = redactor.redact(cap(request.getBody() == null ? null : request.getBody().toString()));
        int sequence = log.nextSequence();
        Response response;
        try {
            response = context.next(request, responseSpec);
        } catch (Exception e) {
            String failure = describe(e, URI.create(request.getURI()));
            Exchange exchange = new Exchange(sequence, scenario, startedAt, request.getMethod(), url,
                    redactor.redact(query == null ? path : path + "?" + query), requestHeaders, requestBody, null,
                    Map.of(), null, elapsedMs(start), null, null, null, failure, caller);
            log.add(exchange);
            attach(exchange);
            throw new GatewayUnreachableException(failure);
        }
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            responseHeaders.merge(header.getName(), redactor.redactHeader(header.getName(), header.getValue()),
                    (first, next) -> first + ", " + next);
        }
        String responseBody = redactor.redact(cap(response.asString()));
        Exchange exchange = new Exchange(sequence, scenario, startedAt, request.getMethod(), url,
                redactor.redact(query == null ? path : path + "?" + query), requestHeaders, requestBody,
                response.getStatusCode(), responseHeaders, responseBody, elapsedMs(start),
                response.getHeader("x-vercel-id"), generationId(responseBody), errorType(responseBody), null, caller);
        log.add(exchange);
        attach(exchange);
        return response;
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

    static String generationId(String body) {
        if (body == null) {
            return null;
        }
        Matcher matcher = GENERATION_ID.matcher(body);
        return matcher.find() ? matcher.group() : null;
    }

    /** The gateway's error type: {@code error.type} in the OpenAI and Anthropic envelopes, or a flat {@code error}. */
    static String errorType(String body) {
        if (body == null || !body.trim().startsWith("{")) {
            return null;
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.isTextual()) {
                return error.asText();
            }
            return error.path("type").isTextual() ? error.path("type").asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    static String describe(Throwable failure, URI target) {
        String host = target.getHost() + ":" + (target.getPort() > 0 ? target.getPort()
                : "https".equals(target.getScheme()) ? 443 : 80);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "could not connect to " + host + " (" + cause.getMessage() + ")";
            }
            if (cause instanceof UnknownHostException) {
                return "could not resolve " + target.getHost() + " (DNS lookup failed)";
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer from " + host + " in time (" + cause.getMessage() + ")";
            }
            if (cause instanceof SSLException) {
                return "TLS handshake with " + host + " failed (" + cause.getMessage() + ")";
            }
        }
        return "no response from " + host + " (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")";
    }

    private static void attach(Exchange exchange) {
        DefaultAttachmentProcessor processor = new DefaultAttachmentProcessor();
        HttpRequestAttachment.Builder request = HttpRequestAttachment.Builder
                .create("Request: " + exchange.method() + " " + exchange.path(), exchange.url())
                .setMethod(exchange.method())
                .setHeaders(exchange.requestHeaders());
        if (exchange.requestBody() != null) {
            request.setBody(exchange.requestBody());
        }
        processor.addAttachment(request.build(), new FreemarkerAttachmentRenderer("http-request.ftl"));
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
