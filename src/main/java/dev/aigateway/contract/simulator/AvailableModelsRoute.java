package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/ai/config}, {@code /v3/ai/config} and {@code /v4/ai/config}: the catalog as
 * {@code @ai-sdk/gateway}'s {@code getAvailableModels()} parses it, {@code specification.specificationVersion}
 * matching the path ({@code v2} for gateway 1.x and 2.x on {@code /v1/ai}, {@code v3} for 3.x, {@code v4}
 * for 4.x: the SDK accepts only its own literal; https://github.com/vercel/ai/blob/main/packages/gateway/src/gateway-fetch-metadata.ts). The SDK requires
 * both {@code input} and {@code output} in a {@code pricing}, so a model priced otherwise has none here.
 */
final class AvailableModelsRoute implements SimulatedRoute {

    private static final Pattern VERSION = Pattern.compile("^/(v\\d+)/ai/");

    @Override
    public ResponseDefinition serve(RouteCall call) {
        Matcher version = VERSION.matcher(URI.create(call.request().getUrl()).getPath());
        if (!version.find()) {
            throw new IllegalStateException("the config route's mapping must match /v<n>/ai/config only");
        }
        // /v1/ai serves @ai-sdk/gateway 1.x and 2.x, whose models are specification v2.
        String specificationVersion = version.group(1).equals("v1") ? "v2" : version.group(1);
        return call.refusal("config").orElseGet(() -> Replies.json(200, config(call.gateway().catalog, specificationVersion)));
    }

    private static ObjectNode config(Catalog catalog, String specificationVersion) {
        ObjectNode config = Replies.JSON.createObjectNode();
        ArrayNode models = config.putArray("models");
        for (Catalog.Model model : catalog.all()) {
            JsonNode entry = model.entry();
            ObjectNode sdkEntry = models.addObject()
                    .put("id", model.id())
                    .put("name", entry.path("name").asText(model.id()))
                    .put("description", entry.path("description").asText(null));
            JsonNode pricing = entry.path("pricing");
            if (pricing.path("input").isTextual() && pricing.path("output").isTextual()) {
                ObjectNode sdkPricing = sdkEntry.putObject("pricing")
                        .put("input", pricing.get("input").asText())
                        .put("output", pricing.get("output").asText());
                for (String cache : new String[] {"input_cache_read", "input_cache_write"}) {
                    if (pricing.path(cache).isTextual()) {
                        sdkPricing.put(cache, pricing.get(cache).asText());
                    }
                }
            }
            sdkEntry.putObject("specification")
                    .put("specificationVersion", specificationVersion)
                    .put("provider", model.creator())
                    .put("modelId", model.id());
            sdkEntry.put("modelType", model.type());
        }
        return config;
    }
}
