package dev.aigateway.contract.simulator;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URI;

/**
 * {@code GET /v1/models/{creator}/{model}}, public: the model's catalog entry in the same rich shape
 * as in the list (maton's live tests, not the docs' OpenAI-style four fields), or 404 {@code model_not_found}.
 */
final class ModelEntryRoute implements SimulatedRoute {

    private static final String PREFIX = "/v1/models/";

    @Override
    public ResponseDefinition serve(RouteCall call) {
        String modelId = URI.create(call.request().getUrl()).getPath().substring(PREFIX.length());
        return call.gateway().catalog.find(modelId)
                .map(model -> Replies.json(200, model.entry()))
                .orElseGet(() -> Replies.modelNotFound(modelId));
    }
}
