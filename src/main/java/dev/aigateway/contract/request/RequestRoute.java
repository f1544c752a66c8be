package dev.aigateway.contract.request;

import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.util.Optional;

/**
 * Which of a gateway's routes a request's path calls, as its profile lists them: one of its {@code routes}
 * (a {@link Route} when the tool checks it), one of its {@code otherPaths} ({@code count_tokens}'s kin, the AI
 * SDK's other model kinds), or {@code unknown}. {@code inference} is true for a path that takes a model, the
 * ones a HAR entry is picked from and variants are sent on; {@code billable} for one the gateway may charge
 * for, which a path the profile does not know may be too: it is held like billable inference.
 *
 * @param id       the route's name: a route's or other path's id in the profile, or {@code unknown}
 * @param route    the route the tool checks, when it is one
 * @param billable whether a send to it passes the billable gates ({@code allowBillable}, the spend cap)
 */
public record RequestRoute(String id, Route route, boolean inference, boolean billable) {

    public static final String UNKNOWN = "unknown";

    /** The route of {@code pathAndQuery} (its query is ignored) on the gateway of {@code profile}; {@code unknown} for a path it does not list. */
    public static RequestRoute of(String pathAndQuery, GatewayProfile profile) {
        String path = pathAndQuery.replaceFirst("[?#].*$", "");
        Optional<GatewayProfile.RouteEntry> listed = profile.routeServing(path);
        if (listed.isPresent()) {
            GatewayProfile.RouteEntry entry = listed.get();
            // A route the engine posts to takes a model (count_tokens too, though it is not billed).
            return new RequestRoute(entry.id(), Route.named(entry.id()).orElse(null), "POST".equals(entry.method()),
                    entry.billable());
        }
        for (GatewayProfile.OtherPath other : profile.otherPaths()) {
            Optional<String> id = other.idOf(path);
            if (id.isPresent()) {
                return new RequestRoute(id.get(), null, other.billable(), other.billable());
            }
        }
        return new RequestRoute(UNKNOWN, null, false, true);
    }

    /** True when {@code pathAndQuery} takes a model on any gateway's profile: a HAR entry to pick, whichever gateway it was recorded on. */
    public static boolean inferenceOnAnyGateway(String pathAndQuery) {
        return GatewayProfile.names().stream().anyMatch(name -> of(pathAndQuery, GatewayProfile.named(name)).inference());
    }

    public boolean known() {
        return !UNKNOWN.equals(id);
    }
}
