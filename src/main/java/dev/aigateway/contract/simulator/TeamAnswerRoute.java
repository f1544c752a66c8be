package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Optional;

/**
 * A route that serves a record of the team's account as data: {@code answers.<answer>} of its team in
 * {@code teams.yaml}, with 200, once the team's refusals of kind {@code on} (the answer's name when not
 * set) let it through. A team without that record gets the stub's {@code absent} answer ({@code status}
 * and {@code body}), as a key without the right gets its refusal.
 */
final class TeamAnswerRoute implements SimulatedRoute {

    @Override
    public ResponseDefinition serve(RouteCall call) {
        Parameters parameters = call.parameters();
        String answer = parameters.getString("answer");
        Optional<ResponseDefinition> refused = call.refusal(parameters.getString("on", answer));
        if (refused.isPresent()) {
            return refused.get();
        }
        return call.team().answer(answer).map(body -> Replies.json(200, body)).orElseGet(() -> {
            JsonNode absent = Replies.JSON.valueToTree(parameters.get("absent"));
            if (absent == null || !absent.has("status")) {
                throw new IllegalStateException("team " + call.team().name() + " has no answers." + answer
                        + " and the stub says no absent: answer");
            }
            return Replies.json(absent.path("status").asInt(), absent.path("body"));
        });
    }
}
