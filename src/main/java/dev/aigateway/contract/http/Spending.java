package dev.aigateway.contract.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Spend;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Counts what a run cost ({@link Spend}) from its exchanges: which were sent, which were billable
 * (the gateway profile's billable routes, called with the team's key) and what each billable answer carried,
 * where the profile's {@code cost:} says its route keeps it (a JSON answer, a stream's events, a header).
 * A billable answer whose cost is not there, or is below zero, is of unknown cost.
 */
public final class Spending {

    private static final ObjectMapper JSON = Json.ANSWERS;

    private Spending() {}

    /** What one billable answer carried: US dollars (null when not known) and tokens. */
    public record Charge(BigDecimal usd, long tokens) {

        static final Charge UNKNOWN = new Charge(null, 0);

        public boolean known() {
            return usd != null;
        }
    }


    /** What a run cost, its billable routes and where their answers keep their cost as {@code profile} says. */
    public static Spend of(List<Exchange> exchanges, GatewayProfile profile) {
        int billable = 0;
        long tokens = 0;
        BigDecimal usd = BigDecimal.ZERO;
        List<String> unknown = new java.util.ArrayList<>();
        for (Exchange exchange : exchanges) {
            if (!isBillable(exchange, profile)) {
                continue;
            }
            billable++;
            Charge charge = chargeOf(exchange, profile);
            tokens += charge.tokens();
            if (charge.known()) {
                usd = usd.add(charge.usd());
            } else {
                unknown.add("#" + exchange.sequence() + " " + exchange.method() + " " + exchange.path());
            }
        }
        int sent = (int) exchanges.stream().filter(exchange -> !exchange.neverSent()).count();
        return new Spend(sent, billable, tokens, usd.stripTrailingZeros(), unknown.size(), unknown);
    }

    /**
     * What the answer of {@code exchange} carried, read where {@code profile}'s {@code cost:} says its route keeps
     * it: a JSON answer at {@code answer}, a stream at {@code stream} (the last event that carries a cost), else
     * the {@code header}. Unknown when the answer was lost (or broke off before its cost), the profile says
     * nowhere, or the cost is not there or below zero.
     */
    public static Charge chargeOf(Exchange exchange, GatewayProfile profile) {
        if (exchange.path() == null) {
            return Charge.UNKNOWN;
        }
        return profile.costOf(exchange.method(), exchange.path().replaceFirst("\\?.*", ""))
                .map(cost -> chargeOf(cost, exchange.responseHeaders(), exchange.responseBody()))
                .orElse(Charge.UNKNOWN);
    }

    /** What an answer ({@code headers}, {@code body}; null when none arrived) carried where {@code cost} says. */
    public static Charge chargeOf(GatewayProfile.Cost cost, Map<String, String> headers, String body) {
        Charge charge = Charge.UNKNOWN;
        try {
            if (body == null || body.isBlank()) {
                charge = Charge.UNKNOWN;
            } else if (body.strip().startsWith("{")) {
                charge = cost.answer() == null ? Charge.UNKNOWN : read(JSON.readTree(body), cost.answer());
            } else if (cost.stream() != null) {
                for (ServerSentEvents.Event event : ServerSentEvents.events(body)) {
                    if ((cost.stream().event() == null || cost.stream().event().equals(event.name()))
                            && event.data().startsWith("{")) {
                        Charge read = read(JSON.readTree(event.data()), cost.stream().reading());
                        charge = read.known() ? read : charge;
                    }
                }
            }
        } catch (Exception notJson) {
            charge = Charge.UNKNOWN;
        }
        if (!charge.known() && cost.header() != null && headers != null) {
            BigDecimal usd = headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(cost.header()))
                    .map(header -> amount(JSON.getNodeFactory().textNode(header.getValue().strip())))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            charge = new Charge(usd, charge.tokens());
        }
        return charge;
    }

    private static Charge read(JsonNode answer, GatewayProfile.Reading reading) {
        BigDecimal usd = reading.usd().stream().map(pointer -> amount(answer.at(pointer)))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        long tokens = reading.tokens().stream().mapToLong(pointer -> answer.at(pointer).asLong(0)).sum();
        return new Charge(usd, tokens);
    }

    /** A number, or a decimal string, of zero or more: a cost; anything else (a cost below zero included) is none. */
    static BigDecimal amount(JsonNode value) {
        BigDecimal amount;
        if (value.isNumber()) {
            amount = value.decimalValue();
        } else if (value.isTextual() && value.asText().matches("\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            amount = new BigDecimal(value.asText());
        } else {
            return null;
        }
        return amount.signum() < 0 ? null : amount;
    }

    /**
     * Inference sent with the team's key that the gateway served (2xx), or whose answer was lost (no
     * status, or a body that broke off): the gateway may have charged those too. A request whose
     * connection or TLS handshake failed never went out: it costs nothing. The billable routes are {@code profile}'s.
     */
    public static boolean isBillable(Exchange exchange, GatewayProfile profile) {
        boolean inference = exchange.caller() == Caller.TEAM_KEY && exchange.path() != null
                && profile.billable(exchange.method(), exchange.path().replaceFirst("\\?.*", ""));
        boolean served = exchange.status() != null && exchange.status() / 100 == 2;
        boolean lost = exchange.failure() != null && !exchange.neverSent()
                && (exchange.status() == null || exchange.status() / 100 == 2);
        return inference && (served || lost);
    }
}
