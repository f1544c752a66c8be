package dev.aigateway.contract.run;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.diagnosis.OtherModel;
import dev.aigateway.contract.diagnosis.RouteServed;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.http.AnswerJson;
import dev.aigateway.contract.http.CatalogPrices;
import dev.aigateway.contract.http.Credential;
import dev.aigateway.contract.http.GatewayClient;
import dev.aigateway.contract.record.Exchange;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The run's one extra wave, after the scenarios and only after a failure: each route whose probe the gateway itself
 * refused ({@link OtherModel#refusedProbe}) and that served the team's key nowhere in the run gets the same probe once
 * more on another model of the catalog the run already read, or of the list the profile's {@code catalog.otherModel}
 * names (read once, with the team's key), as {@link CatalogPrices#cheapestOther} chooses it: at most one send a route,
 * {@value #MAX_SENDS} in all, each through the gates every billable send passes ({@code allowBillable}, the deadline,
 * the spend cap at that model's worst case). Its exchanges are recorded under {@link OtherModel#SCENARIO}, each marked
 * with the model it tried; a healthy run sends nothing here. A gateway whose profile says there is no list to choose
 * from ({@code none}) gets nothing sent, and each refused route a line saying so.
 */
final class OtherModelWave {

    /** The most sends of one wave, whatever the number of refused routes. */
    static final int MAX_SENDS = 3;

    private OtherModelWave() {}

    /**
     * Sends the wave through {@code client} (a client of {@link OtherModel#SCENARIO}) for the refused probes among
     * {@code exchanges}; what each send could not do (a gate refused it, no other model) is one line of the answer,
     * which is empty when nothing was due.
     */
    static List<String> send(Environment environment, List<Exchange> exchanges, GatewayClient client) {
        GatewayProfile.OtherModel otherModel = environment.profile().catalog().otherModel();
        if (otherModel != null && otherModel.none() != null) {
            // The gateway has no list of its own to choose from: each refused route says so, and nothing is sent.
            return refusedRoutes(exchanges, environment.profile(), OtherModel::refusedOnAnyRoute).values().stream()
                    .map(probe -> probe.method() + " " + probe.path() + ": no other model to try, " + otherModel.none()).toList();
        }
        Map<String, Exchange> refused = refusedRoutes(exchanges, environment.profile());
        List<String> notSent = new ArrayList<>();
        if (refused.isEmpty()) {
            return notSent;
        }
        Credential team = Credential.teamKey(environment.apiKey());
        String catalog = catalogText(client, otherModel, team);
        int sent = 0;
        for (Map.Entry<String, Exchange> entry : refused.entrySet()) {
            String route = entry.getKey();
            Exchange probe = entry.getValue();
            String model = OtherModel.modelOf(probe, environment.profile());
            int maxTokens = route.equals(Route.EMBEDDINGS.id()) ? 0 : environment.probe().maxTokens();
            Optional<String> other = CatalogPrices.cheapestOther(environment.profile(), catalog, route, model, maxTokens,
                    probe.requestBody().getBytes(StandardCharsets.UTF_8).length);
            if (other.isEmpty()) {
                notSent.add(probe.method() + " " + probe.path() + (catalog != null ? ": the catalog lists no other model for it"
                        : ": the list of models to choose from (" + (otherModel.route() == null ? "the catalog"
                        : "GET " + environment.profile().path(otherModel.route())) + ") did not answer 200"));
                continue;
            }
            if (sent == MAX_SENDS) {
                notSent.add(probe.method() + " " + probe.path() + ": not sent, " + MAX_SENDS + " were");
                continue;
            }
            sent++;
            try {
                client.sameProbeOn(team, route, probe, other.get(), catalog,
                        "the same probe on " + other.get() + " instead of " + model);
            } catch (Skipped gate) {
                notSent.add(probe.method() + " " + probe.path() + " on " + other.get() + ": " + Skipped.reasonOf(gate.getMessage()));
            } catch (RuntimeException noAnswer) {
                // Recorded as its exchange (no answer, and why); the run goes on to its record.
                notSent.add(probe.method() + " " + probe.path() + " on " + other.get() + ": " + noAnswer.getMessage());
            }
        }
        return notSent;
    }

    /**
     * Each route with a refused probe and no 2xx for the team's key anywhere in the run, in the order first refused,
     * with the probe to send again: its first unstreamed refused probe, else its first.
     */
    static Map<String, Exchange> refusedRoutes(List<Exchange> exchanges, GatewayProfile profile) {
        return refusedRoutes(exchanges, profile, OtherModel::refusedProbe);
    }

    /** As {@link #refusedRoutes(List, GatewayProfile)}, a refused probe's route as {@code refusedOn} reads it. */
    private static Map<String, Exchange> refusedRoutes(List<Exchange> exchanges, GatewayProfile profile,
                                                       BiFunction<Exchange, GatewayProfile, Optional<String>> refusedOn) {
        Set<String> served = exchanges.stream().flatMap(exchange -> RouteServed.by(exchange, profile).stream())
                .map(Route::id).collect(Collectors.toSet());
        Map<String, Exchange> refused = new LinkedHashMap<>();
        exchanges.stream().sorted(Comparator.comparingInt(Exchange::sequence)).forEach(exchange ->
                refusedOn.apply(exchange, profile).filter(route -> !served.contains(route)).ifPresent(route -> {
                    Exchange kept = refused.get(route);
                    if (kept == null || streamed(kept, profile) && !streamed(exchange, profile)) {
                        refused.put(route, exchange);
                    }
                }));
        return refused;
    }

    /** The body's {@code stream}, or on the AI SDK's protocol its streaming header. */
    private static boolean streamed(Exchange exchange, GatewayProfile profile) {
        GatewayProfile.AiSdk sdk = profile.headers() == null ? null : profile.headers().aiSdk();
        return AnswerJson.object(exchange.requestBody()).path("stream").asBoolean(false) || sdk != null
                && exchange.requestHeaderMap().entrySet().stream().anyMatch(header -> header.getKey().equalsIgnoreCase(sdk.streaming())
                && header.getValue().equals("true"));
    }

    /**
     * The list the other model is chosen from, when it answered 200 (null otherwise): the catalog the run already
     * asked for, or the answer of the route {@code otherModel} names, asked for now with the team's key.
     */
    private static String catalogText(GatewayClient client, GatewayProfile.OtherModel otherModel, Credential team) {
        try {
            Response catalog = otherModel.route() == null ? client.modelCatalog() : client.get(client.path(otherModel.route()), team);
            return catalog.statusCode() == 200 ? catalog.asString() : null;
        } catch (RuntimeException noCatalog) {
            return null;
        }
    }
}
