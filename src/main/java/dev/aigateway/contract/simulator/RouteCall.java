package dev.aigateway.contract.simulator;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.aigateway.contract.simulator.Teams.Team;
import java.util.Optional;

/** One request to a simulated route: the caller's team (null on a public route), the request, and the gateway's state. */
record RouteCall(Team team, Request request, Parameters parameters, GatewayState gateway) {

    /** The team's refusal for this kind of route (credits, generation, config, inference), if one applies now. */
    Optional<ResponseDefinition> refusal(String kind) {
        return team == null ? Optional.empty() : gateway.refusal(team, kind);
    }
}
