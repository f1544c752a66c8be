package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.DataFiles;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated model catalog ({@code simulator/__files/models.json}, and {@code embeddings-models.json} where the
 * gateway lists its embedding models apart): what exists and what it costs.
 */
final class Catalog {

    static final String RESOURCE = "simulator/__files/models.json";
    /** The embedding models, beside {@code models.json}, where the gateway's catalog lists them apart. */
    static final String EMBEDDING_MODELS = "embeddings-models.json";

    /** One model; {@code entry} is its catalog entry as {@code GET /v1/models} lists it. */
    record Model(String id, String type, BigDecimal inputPrice, BigDecimal outputPrice, ObjectNode entry) {

        /** The creator in {@code creator/model}, which is also the provider that serves it here. */
        String creator() {
            return id.substring(0, id.indexOf('/'));
        }

        BigDecimal cost(int promptTokens, int completionTokens) {
            return inputPrice.multiply(BigDecimal.valueOf(promptTokens))
                    .add(outputPrice.multiply(BigDecimal.valueOf(completionTokens)))
                    .stripTrailingZeros();
        }
    }

    private final Map<String, Model> models;

    private Catalog(Map<String, Model> models) {
        this.models = models;
    }

    static Catalog load() {
        return load(dev.aigateway.contract.gateway.GatewayProfile.standard());
    }

    /** The catalog of {@code profile}'s simulator ({@code __files/models.json} in its data folder), read with the profile's catalog pointers. */
    static Catalog load(dev.aigateway.contract.gateway.GatewayProfile profile) {
        dev.aigateway.contract.gateway.GatewayProfile.Catalog shape = profile.catalog();
        Map<String, Model> models = new LinkedHashMap<>();
        read(DataFiles.read(profile.simulator().folder() + "/__files/models.json"), shape, "language", models);
        // A gateway that lists its embedding models apart (OpenRouter's /embeddings/models) keeps them in a file of their own.
        String embeddings = profile.simulator().folder() + "/__files/" + EMBEDDING_MODELS;
        if (Catalog.class.getClassLoader().getResource(embeddings) != null) {
            read(DataFiles.read(embeddings), shape, "embedding", models);
        }
        // A catalog that lists no prices: what each model costs is the simulator's own data (simulator.prices).
        if (!shape.priced() && profile.simulator().prices() != null) {
            profile.simulator().prices().forEach((id, price) -> models.computeIfPresent(id, (same, model) ->
                    new Model(id, model.type(), price.input(), price.output(), model.entry())));
        }
        return new Catalog(models);
    }

    /** The entries of {@code catalog}, each of its own {@code type} or else {@code type}. */
    private static void read(JsonNode catalog, dev.aigateway.contract.gateway.GatewayProfile.Catalog shape, String type,
                             Map<String, Model> into) {
        for (JsonNode model : catalog.at(shape.entries())) {
            String id = model.at(shape.id()).asText();
            into.put(id, new Model(id, model.path("type").asText(type),
                    shape.priced() ? new BigDecimal(model.at(shape.inputPrice()).asText("0")) : BigDecimal.ZERO,
                    shape.priced() ? new BigDecimal(model.at(shape.outputPrice()).asText("0")) : BigDecimal.ZERO,
                    (ObjectNode) model));
        }
    }

    Optional<Model> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    List<Model> all() {
        return List.copyOf(models.values());
    }
}
