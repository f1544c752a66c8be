package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.DataFiles;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The simulated model catalog ({@code simulator/__files/models.json}): what exists and what it costs. */
final class Catalog {

    static final String RESOURCE = "simulator/__files/models.json";

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
        Map<String, Model> models = new LinkedHashMap<>();
        for (JsonNode model : DataFiles.read(RESOURCE).path("data")) {
            JsonNode pricing = model.path("pricing");
            models.put(model.path("id").asText(), new Model(model.path("id").asText(), model.path("type").asText(),
                    new BigDecimal(pricing.path("input").asText("0")),
                    new BigDecimal(pricing.path("output").asText("0")),
                    (ObjectNode) model));
        }
        return new Catalog(models);
    }

    Optional<Model> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    List<Model> all() {
        return List.copyOf(models.values());
    }
}
