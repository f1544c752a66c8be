package dev.aigateway.contract.diagnosis;

import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.util.Map;
import java.util.Optional;

/**
 * What "the gateway served a route" means, once: the team's key got a 2xx on one of the profile's
 * routes, and the answer was the gateway's own (its profile's {@code ownAnswer} rule), not a proxy's.
 * The verdict's facts ({@code routeServed}, {@code otherRouteServed}, {@code fromGateway}) and the
 * closing block's route outcomes (evidence/RouteOutcomes) both read it, so they cannot disagree.
 */
public final class RouteServed {

    private RouteServed() {}

    /** The route of {@code profile} that serves the exchange's path (its query apart), if any. */
    public static Optional<Route> routeOf(Exchange exchange, GatewayProfile profile) {
        return Route.servingPath(pathOf(exchange), profile);
    }

    /** The route the gateway itself served to the team's key in {@code exchange}; empty when it did not. */
    public static Optional<Route> by(Exchange exchange, GatewayProfile profile) {
        boolean served = exchange.caller() == Caller.TEAM_KEY && exchange.answered() && exchange.status() / 100 == 2
                && fromGateway(exchange, profile);
        return served ? routeOf(exchange, profile) : Optional.empty();
    }

    /** True when the gateway itself answered: the profile's own header (or its request id) and content type. */
    public static boolean fromGateway(Exchange exchange, GatewayProfile profile) {
        GatewayProfile.OwnAnswer own = profile.ownAnswer();
        boolean ownHeader = own.header().equalsIgnoreCase(profile.requestId().header()) ? carriesRequestId(exchange)
                : exchange.answered() && !header(exchange, own.header()).isBlank();
        return ownHeader && header(exchange, "content-type").contains(own.contentType()) && own.bodySays(exchange.responseBody());
    }

    /** True when an answer came with the gateway's request id. */
    static boolean carriesRequestId(Exchange exchange) {
        return exchange.answered() && exchange.requestId() != null && !exchange.requestId().isBlank();
    }

    static String pathOf(Exchange exchange) {
        return exchange.path() == null ? "" : exchange.path().replaceFirst("\\?.*", "");
    }

    static String header(Exchange exchange, String name) {
        return exchange.responseHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }
}
