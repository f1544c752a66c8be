package dev.aigateway.contract.simulator;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.aigateway.contract.simulator.Teams.Team;
import java.util.Optional;

/** One request to a simulated route: the caller's team (null on a public route), the request, and the gateway's state. */
record RouteCall(Team team, Request request, Parameters parameters, GatewayState gateway) {

    /** What admits a validated inference request, or stops it: exactly one of the two is set. */
    record Admission(ResponseDefinition refusal, Catalog.Model model) {

        boolean refused() {
            return refusal != null;
        }
    }

    /**
     * The gates after request validation, in the gateway's order: the team's refusal (of this route
     * alone, {@code inference:<route>}, or of every inference route), then the model (404).
     */
    Admission admitInference(String modelId) {
        return admitInference(modelId, false);
    }

    /**
     * The same, for a request that asked to be streamed ({@code streaming}) or not: a refusal of this
     * route ({@code inference:<route>}) first, then of every inference route.
     */
    Admission admitInference(String modelId, boolean streaming) {
        Optional<ResponseDefinition> refused = team == null ? Optional.empty()
                : gateway.refusal(team, "inference:" + parameters.getString("route", ""), modelId, streaming)
                        .or(() -> gateway.refusal(team, "inference", modelId, streaming));
        if (refused.isPresent()) {
            return new Admission(refused.get(), null);
        }
        return gateway.catalog.find(modelId)
                .map(model -> new Admission(null, model))
                .orElseGet(() -> new Admission(gateway.profile.simulator().unknownModel() == null ? Replies.modelNotFound(modelId)
                        : Replies.of(gateway.profile.simulator().unknownModel(), modelId), null));
    }

    /** The team's refusal for this kind of route (credits, generation, config, inference), if one applies now. */
    Optional<ResponseDefinition> refusal(String kind) {
        return team == null ? Optional.empty() : gateway.refusal(team, kind);
    }
}
