package dev.aigateway.contract.simulator;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * One route of the simulated gateway, named by a stub mapping's {@code transformerParameters.route}.
 * It is called after the key was checked (unless the route is public), with the caller's team.
 */
interface SimulatedRoute {

    ResponseDefinition serve(RouteCall call);
}
