package dev.aigateway.contract.evidence;

import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.http.AnswerJson;
import dev.aigateway.contract.record.Exchange;

/**
 * The gateway's own words in a refusal: the message of its envelope, where its profile says the
 * envelope keeps it (nested or flat), in full, so that
 * a top-up or add-card link it carries reaches the user and support as it was sent.
 */
public final class GatewayWords {

    private GatewayWords() {}

    /**
     * The refusal's message, whole, read from the envelope of the gateway of {@code profile}; empty for a success, a
     * body that is not JSON, or an envelope without one.
     */
    public static String message(Exchange exchange, GatewayProfile profile) {
        if (exchange.status() == null || exchange.status() < 400) {
            return "";
        }
        return profile.envelopeOf(AnswerJson.object(exchange.responseBody())).message();
    }
}
