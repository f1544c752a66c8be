package dev.aigateway.contract.evidence;

import dev.aigateway.contract.diagnosis.OtherModel;
import dev.aigateway.contract.diagnosis.RouteServed;
import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each route did with the team's key in a run, for the closing block and summary.md:
 * "chat-completions served (200); messages refused (403 access_denied)". A route counts as served
 * when the gateway itself served any of its requests, as the verdict counts it (diagnosis/RouteServed),
 * and as refused otherwise (its first refusal is quoted). The same probe on another model, sent after a refusal
 * (diagnosis/OtherModel), is said beside its route's outcome, never counted as it.
 */
public final class RouteOutcomes {

    private RouteOutcomes() {}


    /** One phrase per route the team's key called, in the order first called; empty when none was. */
    public static List<String> of(List<Exchange> exchanges, GatewayProfile profile) {
        Map<Route, String> served = new LinkedHashMap<>();
        Map<Route, String> refused = new LinkedHashMap<>();
        Map<Route, String> onAnotherModel = new LinkedHashMap<>();
        for (Exchange exchange : exchanges) {
            Optional<Route> route = RouteServed.routeOf(exchange, profile);
            if (route.isEmpty() || exchange.caller() != Caller.TEAM_KEY || !exchange.answered()) {
                continue;
            }
            served.putIfAbsent(route.get(), null);
            refused.putIfAbsent(route.get(), null);
            if (OtherModel.SCENARIO.equals(exchange.scenario())) {
                // The same probe on another model, sent after the route's refusal: said beside it, never as the route's own.
                onAnotherModel.put(route.get(), "; the same probe on " + OtherModel.modelOf(exchange, profile) + ": "
                        + (OtherModel.servedBy(exchange, profile) ? "served" : "refused") + " (" + exchange.status() + ")");
            } else if (RouteServed.by(exchange, profile).isPresent()) {
                served.put(route.get(), "served (" + exchange.status() + ")");
            } else if (exchange.status() / 100 != 2 && refused.get(route.get()) == null
                    && !"model_not_found".equals(exchange.errorType())) {
                refused.put(route.get(), "refused (" + exchange.status()
                        + (exchange.errorType() == null ? "" : " " + exchange.errorType()) + ", #" + exchange.sequence() + ")");
            }
        }
        List<String> outcomes = new ArrayList<>();
        for (Route route : served.keySet()) {
            String outcome = served.get(route) != null ? served.get(route) : refused.get(route);
            if (outcome != null) {
                outcomes.add(route.id() + " " + outcome + onAnotherModel.getOrDefault(route, ""));
            }
        }
        return outcomes;
    }
}
