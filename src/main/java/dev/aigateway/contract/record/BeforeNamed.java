package dev.aigateway.contract.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.DataFiles;

/**
 * Files written before runs named their gateway (run records, verdict history lines), as {@code beforeNamed:} of
 * {@code gateways/gateways.yaml} says: the gateway they were all run on, and the field that kept the request id then.
 */
public final class BeforeNamed {

    private static final JsonNode DATA = DataFiles.read("gateways/gateways.yaml").path("beforeNamed");
    /** The gateway of a record that names none. */
    public static final String GATEWAY = DATA.path("gateway").asText();
    /** The request id's former field name. */
    static final String REQUEST_ID_FIELD = DATA.path("requestIdField").asText();

    private BeforeNamed() {}

    /** {@code entry} (an exchange, a history line) with a request id kept under its former name moved to {@code requestId}. */
    public static JsonNode renamed(JsonNode entry) {
        if (entry instanceof ObjectNode fields && fields.has(REQUEST_ID_FIELD)) {
            JsonNode id = fields.remove(REQUEST_ID_FIELD);
            if (!fields.has("requestId")) {
                fields.set("requestId", id);
            }
        }
        return entry;
    }
}
