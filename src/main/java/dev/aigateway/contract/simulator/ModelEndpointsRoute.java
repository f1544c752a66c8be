package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URI;

/**
 * {@code GET /v1/models/{creator}/{model}/endpoints}, public: the model's per-provider endpoints
 * (as captured live in https://github.com/vercel/ai/blob/main/packages/gateway/src/__fixtures__/issue-15894-deepseek-v3.2-catalog.json
 * and https://github.com/maton-ai/api-gateway-skill/blob/HEAD/providers/kiro/.kiro/powers/api-gateway/references/vercel-ai-gateway/README.md): {@code data} is an object,
 * not a list, and pricing says {@code prompt} and {@code completion} where the catalog says
 * {@code input} and {@code output}. One endpoint, the creator's own, at the catalog's prices. An
 * unknown model is 404 {@code model_not_found}.
 */
final class ModelEndpointsRoute implements SimulatedRoute {

    private static final String PREFIX = "/v1/models/";
    private static final String SUFFIX = "/endpoints";

    @Override
    public ResponseDefinition serve(RouteCall call) {
        String path = URI.create(call.request().getUrl()).getPath();
        String modelId = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        return call.gateway().catalog.find(modelId)
                .map(model -> Replies.json(200, endpoints(model)))
                .orElseGet(() -> Replies.modelNotFound(modelId));
    }

    private static ObjectNode endpoints(Catalog.Model model) {
        JsonNode entry = model.entry();
        ObjectNode body = Replies.JSON.createObjectNode();
        ObjectNode data = body.putObject("data")
                .put("id", model.id())
                .put("name", entry.path("name").asText(model.id()))
                .put("created", entry.path("created").asLong(0))
                .put("description", entry.path("description").asText(""));
        ObjectNode architecture = data.putObject("architecture").putNull("tokenizer").putNull("instruct_type");
        architecture.set("input_modalities", entry.path("modalities").path("input"));
        architecture.set("output_modalities", entry.path("modalities").path("output"));
        ObjectNode endpoint = data.putArray("endpoints").addObject()
                .put("name", model.creator() + " | " + model.id())
                .put("model_name", entry.path("name").asText(model.id()))
                .put("provider_name", model.creator())
                .putNull("quantization")
                .put("status", 0);
        ObjectNode pricing = endpoint.putObject("pricing")
                .put("prompt", entry.path("pricing").path("input").asText("0"))
                .put("completion", entry.path("pricing").path("output").asText("0"))
                .put("request", "0")
                .put("discount", 0);
        if (entry.path("pricing").path("input_cache_read").isTextual()) {
            pricing.put("input_cache_read", entry.path("pricing").path("input_cache_read").asText());
        }
        endpoint.putArray("supported_parameters");
        return body;
    }
}
