package dev.aigateway.contract.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of a gateway's answer: its error type and message, the upstream provider that
 * failed and that attempt's credential type, wherever the profile's {@link Pointers} say the gateway
 * keeps them (nested {@code {"error":{...}}} or flat {@code {"error":"..."}} envelopes alike).
 */
public final class Envelope {

    /**
     * JSON pointers (RFC 6901), in order of preference; the first that reaches a text wins. Optional,
     * null when the gateway has no such thing: {@code code} (a status inside the envelope, for an
     * error that arrives in a 200 stream), {@code providerName} (the failed provider named directly),
     * {@code providerMessage} (the provider's own words passed through), and the routing metadata's
     * {@code attempts} with the passed-through error's {@code passedThroughType} and {@code providerUrl};
     * {@code routingAttempts}, lists of provider attempts kept directly under the routing metadata
     * (not inside a model attempt), {@code attemptError} an attempt's own error text,
     * {@code resolvedProvider} the provider the routing chose and {@code attemptCount} how many provider
     * attempts it made (routing that names no attempt, only these), and {@code providerRequestId} the
     * request id of a provider's own envelope passed through (Anthropic's {@code request_id}); {@code providerHeader}
     * the response header that names the provider where the body does not (Portkey's {@code x-portkey-provider}).
     */
    public record Pointers(String error, List<String> type, List<String> message, String code, List<String> attempts,
                           String providerAttempts, String provider, String credentialType, String success,
                           List<String> providerName, List<String> providerMessage, String passedThroughType,
                           String providerUrl, List<String> routingAttempts, String attemptError,
                           List<String> resolvedProvider, List<String> attemptCount, List<String> providerRequestId,
                           String providerHeader, String source, String guess) implements GatewayProfile.Sourced {}

    private final Pointers pointers;
    private final JsonNode answer;

    private Envelope(Pointers pointers, JsonNode answer) {
        this.pointers = pointers;
        this.answer = answer;
    }

    /** {@code answer}, parsed by the caller (a missing node when it is not JSON). */
    static Envelope of(Pointers pointers, JsonNode answer) {
        return new Envelope(pointers, answer == null ? MissingNode.getInstance() : answer);
    }

    /** The parsed answer, a missing node when it is not a JSON object. */
    public JsonNode answer() {
        return answer;
    }

    /** The error type, or null (always null for an answer that carries no error, whatever its own {@code type}). */
    public String type() {
        return hasError() ? first(pointers.type()) : null;
    }

    /** The error message, or "". */
    public String message() {
        String message = first(pointers.message());
        return message == null ? "" : message;
    }

    /**
     * The status the envelope itself states (an error in a 200 stream keeps its own), a number or a text of three
     * digits ({@code "code":"401"}, as a gateway that writes it as text does), or null when it states none.
     */
    public Integer code() {
        JsonNode code = pointers.code() == null ? MissingNode.getInstance() : answer.at(pointers.code());
        if (code.isInt()) {
            return code.asInt();
        }
        return code.isTextual() && code.asText().matches("[1-5][0-9]{2}") ? Integer.valueOf(code.asText()) : null;
    }

    /**
     * The provider's own words passed through (OpenRouter's {@code metadata.raw}), else the error of the
     * first failed provider attempt in the routing metadata, or "".
     */
    public String providerMessage() {
        String raw = first(pointers.providerMessage());
        if (raw != null) {
            return raw;
        }
        for (JsonNode attempt : attempts()) {
            if (!attempt.at(pointers.success()).asBoolean(true) && pointers.attemptError() != null
                    && attempt.at(pointers.attemptError()).isTextual()) {
                return attempt.at(pointers.attemptError()).asText();
            }
        }
        return "";
    }

    /** The request id of a provider's own envelope passed through (Anthropic's {@code req_...}), or "". */
    public String providerRequestId() {
        String id = first(pointers.providerRequestId());
        return id == null ? "" : id;
    }

    /** True when the answer carries an error at all (an event of a stream that broke). */
    public boolean hasError() {
        return !answer.at(pointers.error()).isMissingNode();
    }

    /**
     * The upstream provider that failed, as the answer names it: the first failed attempt in the
     * routing metadata, else the provider the envelope names, else the host of a provider error passed
     * through, else, for an error whose routing names no attempt but counts at least one, the provider
     * the routing resolved to; empty when it names none.
     */
    public String failedProvider() {
        for (JsonNode attempt : attempts()) {
            if (!attempt.at(pointers.success()).asBoolean(true)) {
                return attempt.at(pointers.provider()).asText("");
            }
        }
        String named = first(pointers.providerName());
        if (named != null && !named.isBlank()) {
            return named;
        }
        JsonNode url = pointers.providerUrl() == null ? MissingNode.getInstance() : answer.at(pointers.providerUrl());
        if (pointers.passedThroughType() != null && pointers.passedThroughType().equals(type()) || url.isTextual()) {
            try {
                String host = url.asText("").isEmpty() ? null : URI.create(url.asText()).getHost();
                return host == null ? "an upstream provider" : host;
            } catch (IllegalArgumentException notAUrl) {
                return "an upstream provider";
            }
        }
        String resolved = first(pointers.resolvedProvider());
        if (hasError() && resolved != null && !resolved.isBlank() && attempted()) {
            return resolved;
        }
        return "";
    }

    /** True when the routing metadata counts at least one provider attempt. */
    private boolean attempted() {
        for (String pointer : pointers.attemptCount() == null ? List.<String>of() : pointers.attemptCount()) {
            if (answer.at(pointer).asInt(0) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The credential type of the first failed provider attempt (system or byok), "unknown" when the answer does not say. */
    public String failedCredentialType() {
        for (JsonNode attempt : attempts()) {
            if (!attempt.at(pointers.success()).asBoolean(true)) {
                return attempt.at(pointers.credentialType()).asText("unknown");
            }
        }
        return "unknown";
    }

    private List<JsonNode> attempts() {
        List<JsonNode> attempts = new ArrayList<>();
        for (String list : pointers.attempts() == null ? List.<String>of() : pointers.attempts()) {
            for (JsonNode modelAttempt : answer.at(list)) {
                modelAttempt.at(pointers.providerAttempts()).forEach(attempts::add);
            }
        }
        for (String list : pointers.routingAttempts() == null ? List.<String>of() : pointers.routingAttempts()) {
            answer.at(list).forEach(attempts::add);
        }
        return attempts;
    }

    private String first(List<String> candidates) {
        for (String pointer : candidates == null ? List.<String>of() : candidates) {
            JsonNode value = answer.at(pointer);
            if (value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }
}
