package dev.aigateway.contract.http;

import java.time.Instant;
import java.util.Map;

/**
 * One request to the gateway and what came back, already redacted. {@code status} is null when no
 * response arrived; {@code failure} then says why ("could not connect to HOST:PORT"). {@code caller}
 * is who the request claimed to be: team-key, not-issued-key or no-key. {@code neverSent} is true when
 * the connection or its TLS handshake failed before the request went out: the gateway never saw it.
 */
public record Exchange(
        int sequence,
        String scenario,
        Instant startedAt,
        String method,
        String url,
        String path,
        Map<String, String> requestHeaders,
        String requestBody,
        Integer status,
        Map<String, String> responseHeaders,
        String responseBody,
        long durationMs,
        String vercelId,
        String generationId,
        String errorType,
        String failure,
        String caller,
        boolean neverSent) {

    /** An exchange whose request went out. */
    public Exchange(int sequence, String scenario, Instant startedAt, String method, String url, String path,
                    Map<String, String> requestHeaders, String requestBody, Integer status, Map<String, String> responseHeaders,
                    String responseBody, long durationMs, String vercelId, String generationId, String errorType,
                    String failure, String caller) {
        this(sequence, scenario, startedAt, method, url, path, requestHeaders, requestBody, status, responseHeaders,
                responseBody, durationMs, vercelId, generationId, errorType, failure, caller, false);
    }

    public boolean answered() {
        return status != null;
    }

    /** The same exchange as if sent to {@code baseUrl} instead of {@code from} (for curl lines against another host). */
    public Exchange rebased(String from, String baseUrl) {
        return new Exchange(sequence, scenario, startedAt, method, url.replace(from, baseUrl), path, requestHeaders,
                requestBody, status, responseHeaders, responseBody, durationMs, vercelId, generationId, errorType,
                failure, caller, neverSent);
    }
}
