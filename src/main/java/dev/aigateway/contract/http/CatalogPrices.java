package dev.aigateway.contract.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.math.BigDecimal;

/**
 * The most a chat completion can cost, from the prices of the gateway's catalog ({@code /v1/models},
 * US dollars per token): every byte of the request counted as an input token (a token is at least
 * one byte of text, and the JSON around the messages outweighs the chat template's few tokens), and
 * every output token {@code max_tokens} allows. A model the catalog does not list is priced as its
 * dearest listed model.
 */
public final class CatalogPrices {

    private static final ObjectMapper JSON = Json.ANSWERS;

    private CatalogPrices() {}

    /** As the default gateway's catalog lists its prices. */
    public static BigDecimal worstCaseUsd(String catalog, String model, Integer maxTokens, int requestBytes) {
        return worstCaseUsd(GatewayProfile.standard(), catalog, model, maxTokens, requestBytes);
    }

    /** Null when the catalog cannot be read, no price is listed, or the output is not bounded; read where {@code profile} says. */
    public static BigDecimal worstCaseUsd(GatewayProfile profile, String catalog, String model, Integer maxTokens,
                                          int requestBytes) {
        GatewayProfile.Catalog where = profile.catalog();
        if (catalog == null || maxTokens == null) {
            return null;
        }
        try {
            BigDecimal input = null;
            BigDecimal output = null;
            BigDecimal dearestInput = BigDecimal.ZERO;
            BigDecimal dearestOutput = BigDecimal.ZERO;
            for (JsonNode entry : JSON.readTree(catalog).at(where.entries())) {
                BigDecimal in = new BigDecimal(entry.at(where.inputPrice()).asText("0"));
                BigDecimal out = new BigDecimal(entry.at(where.outputPrice()).asText("0"));
                dearestInput = dearestInput.max(in);
                dearestOutput = dearestOutput.max(out);
                if (entry.at(where.id()).asText().equals(model)) {
                    input = in;
                    output = out;
                }
            }
            if (input == null) {
                input = dearestInput;
                output = dearestOutput;
            }
            if (input.signum() == 0 && output.signum() == 0) {
                return null;
            }
            return input.multiply(BigDecimal.valueOf(requestBytes)).add(output.multiply(BigDecimal.valueOf(maxTokens)));
        } catch (Exception unreadable) {
            return null;
        }
    }
}
