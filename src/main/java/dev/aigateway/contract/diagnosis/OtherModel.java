package dev.aigateway.contract.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.http.AnswerJson;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The same probe on another model: after the scenarios, a probe the gateway itself refused is sent once more on
 * another model of its catalog (run/OtherModelWave), and the fact {@code otherModel} on the refused probe's
 * exchanges says what that model got. One definition of "a refused probe" for both.
 */
public final class OtherModel {

    /** The scenario the experiment's exchanges are recorded under, as the evidence and the HAR name it. */
    public static final String SCENARIO = "The same probe on another model";

    private OtherModel() {}

    /**
     * The route of {@code exchange} when it is a probe the gateway itself refused that the experiment tries on another
     * model: {@link #refusedOnAnyRoute}, on a route the profile's {@code catalog.otherModel} lists. Empty otherwise.
     */
    public static Optional<String> refusedProbe(Exchange exchange, GatewayProfile profile) {
        GatewayProfile.OtherModel other = profile.catalog().otherModel();
        return other == null ? Optional.empty() : refusedOnAnyRoute(exchange, profile).filter(route -> other.kindOf(route).isPresent());
    }

    /**
     * The route of {@code exchange} when it is a probe the gateway itself refused, whether or not the profile tries its
     * route on another model: the team's key, a contract scenario's own request (not the application's, not a variant,
     * not this experiment's), recorded whole, answered 4xx or 5xx by the gateway itself (its profile's ownAnswer), a
     * model named ({@link #modelOf}) that is not the one that does not exist, no BYOK key of its own, on a route of the
     * contract. Empty otherwise.
     */
    public static Optional<String> refusedOnAnyRoute(Exchange exchange, GatewayProfile profile) {
        String scenario = exchange.scenario() == null ? "" : exchange.scenario();
        if (exchange.caller() != Caller.TEAM_KEY || !exchange.answered() || exchange.status() < 400 || exchange.variant() != null
                || exchange.requestBodyCut() != null || scenario.equals(SCENARIO) || scenario.startsWith(Facts.APPLICATION_REQUEST_SCENARIO)
                || !RouteServed.fromGateway(exchange, profile)) {
            return Optional.empty();
        }
        String model = modelOf(exchange, profile);
        if (model.isEmpty() || model.equals(Environment.Probe.MODEL_THAT_DOES_NOT_EXIST)
                || profile.byok() != null && !AnswerJson.object(exchange.requestBody()).at(profile.byok().keys()).isMissingNode()) {
            return Optional.empty();
        }
        return RouteServed.routeOf(exchange, profile).map(Route::id);
    }

    /**
     * The model the request names: its body's {@code model}, else the header that names it where the body does not
     * ({@link #modelHeader}); "" when neither does.
     */
    public static String modelOf(Exchange exchange, GatewayProfile profile) {
        JsonNode model = AnswerJson.object(exchange.requestBody()).path("model");
        if (model.isTextual()) {
            return model.asText();
        }
        String header = modelHeader(profile);
        return header == null ? "" : exchange.requestHeaderMap().entrySet().stream().filter(named -> named.getKey().equalsIgnoreCase(header))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    /**
     * The request header that names the model on the routes whose body does not (the AI SDK's protocol: the profile's
     * {@code headers.aiSdk.modelId}), as {@link Facts} reads it; null when the profile has none.
     */
    public static String modelHeader(GatewayProfile profile) {
        return profile.headers() == null || profile.headers().aiSdk() == null ? null : profile.headers().aiSdk().modelId();
    }

    /**
     * {@code otherModel} on each refused probe ({@link #refusedProbe}) whose route the experiment tried on another
     * model: {@code served} when that model got a 2xx from the gateway itself (a stream: whole, unbroken, with the
     * gateway's own header), {@code same} when it was refused with the
     * same status, type and message (each request's own model id read as one word), {@code different} when refused
     * otherwise; empty when it was not tried or got no answer.
     */
    static void of(List<Exchange> exchanges, List<Map<String, String>> facts, GatewayProfile profile) {
        facts.forEach(fact -> fact.put("otherModel", ""));
        for (int tried = 0; tried < exchanges.size(); tried++) {
            Exchange other = exchanges.get(tried);
            if (!SCENARIO.equals(other.scenario()) || !other.answered()) {
                continue;
            }
            Map<String, String> answer = facts.get(tried);
            boolean served = servedBy(other, profile) && !Layer.failed(answer);
            for (int i = 0; i < exchanges.size(); i++) {
                Exchange probe = exchanges.get(i);
                Optional<String> route = refusedProbe(probe, profile);
                if (route.isEmpty() || !route.get().equals(answer.get("route")) || modelOf(probe, profile).equals(modelOf(other, profile))) {
                    continue;
                }
                Map<String, String> fact = facts.get(i);
                boolean same = fact.get("status").equals(answer.get("status")) && fact.get("type").equals(answer.get("type"))
                        && wordsOf(fact.get("message"), modelOf(probe, profile)).equals(wordsOf(answer.get("message"), modelOf(other, profile)));
                fact.put("otherModel", served ? "served" : same ? "same" : "different");
            }
        }
    }

    /**
     * True when the gateway itself answered {@code exchange} with a 2xx: its own JSON, or a stream with its own header
     * (a stream is not its JSON; whether it ended whole is the stream's facts').
     */
    public static boolean servedBy(Exchange exchange, GatewayProfile profile) {
        return exchange.answered() && exchange.status() / 100 == 2 && (RouteServed.fromGateway(exchange, profile)
                || RouteServed.header(exchange, "content-type").startsWith("text/event-stream")
                && !RouteServed.header(exchange, profile.ownAnswer().header()).isBlank());
    }

    /** A refusal's message with the request's own model id as one word, so that "{model} is refused" reads alike for both. */
    private static String wordsOf(String message, String model) {
        return model.isEmpty() ? message : message.replace(model, "{model}");
    }
}
