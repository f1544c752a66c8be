package dev.aigateway.contract.simulator;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/** {@code GET /v1/credits}: the team's balance and total used, as decimal strings. */
final class CreditsRoute implements SimulatedRoute {

    @Override
    public ResponseDefinition serve(RouteCall call) {
        return call.refusal("credits").orElseGet(() -> Replies.json(200, Replies.JSON.createObjectNode()
                .put("balance", call.team().credits().balance())
                .put("total_used", call.team().credits().totalUsed())));
    }
}
