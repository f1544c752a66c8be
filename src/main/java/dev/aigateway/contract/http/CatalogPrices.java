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

    /**
     * Null when the catalog cannot be read, no price is listed, the model's price is below zero (OpenRouter lists
     * {@code -1} for a router such as openrouter/auto, whose price depends on the model it picks), or the output
     * is not bounded; read where {@code profile} says. A price below zero is not a price: it is never room under the cap.
     */
    public static BigDecimal worstCaseUsd(GatewayProfile profile, String catalog, String model, Integer maxTokens,
                                          int requestBytes) {
        return worstCaseUsd(profile.catalog(), catalog, model, maxTokens, requestBytes);
    }

    /**
     * As {@link #worstCaseUsd(GatewayProfile, String, String, Integer, int)}, read where {@code where} says: the
     * catalog, or the list the other model was chosen from ({@link GatewayProfile.OtherModel#listing}).
     */
    public static BigDecimal worstCaseUsd(GatewayProfile.Catalog where, String catalog, String model, Integer maxTokens,
                                          int requestBytes) {
        if (catalog == null || maxTokens == null || !where.priced()) {
            return null;
        }
        try {
            BigDecimal input = null;
            BigDecimal output = null;
            BigDecimal dearestInput = BigDecimal.ZERO;
            BigDecimal dearestOutput = BigDecimal.ZERO;
            boolean listed = false;
            for (JsonNode entry : JSON.readTree(catalog).at(where.entries())) {
                BigDecimal in = price(entry.at(where.inputPrice()));
                BigDecimal out = price(entry.at(where.outputPrice()));
                if (in != null && out != null) {
                    dearestInput = dearestInput.max(in);
                    dearestOutput = dearestOutput.max(out);
                }
                if (entry.at(where.id()).asText().equals(model)) {
                    listed = true;
                    input = in;
                    output = out;
                }
            }
            if (!listed) {
                input = dearestInput;
                output = dearestOutput;
            }
            if (input == null || output == null || input.signum() == 0 && output.signum() == 0) {
                return null;
            }
            return input.multiply(BigDecimal.valueOf(requestBytes)).add(output.multiply(BigDecimal.valueOf(maxTokens)));
        } catch (Exception unreadable) {
            return null;
        }
    }

    /**
     * The model a refused probe on route {@code routeId} is tried on once more: of the entries of the kind the route
     * takes ({@code catalog.otherModel}) in {@code catalog} (the text of its listing: the catalog, or the answer of
     * its route), other than {@code refused}, the cheapest priced one for the probe
     * ({@code requestBytes} in, at most {@code maxTokens} out, as {@link #worstCaseUsd} reads it; the first of equals);
     * when none is priced (no price, zero, below zero), the first other entry of the kind. Empty when the profile tries
     * no other model on that route, the catalog cannot be read or lists no other entry of the kind.
     */
    public static java.util.Optional<String> cheapestOther(GatewayProfile profile, String catalog, String routeId, String refused,
                                                           int maxTokens, int requestBytes) {
        GatewayProfile.OtherModel other = profile.catalog().otherModel();
        java.util.Optional<String> kind = other == null ? java.util.Optional.empty() : other.kindOf(routeId);
        if (catalog == null || kind.isEmpty()) {
            return java.util.Optional.empty();
        }
        GatewayProfile.Catalog where = other.listing(profile.catalog());
        java.util.regex.Pattern ofKind = java.util.regex.Pattern.compile(kind.get());
        String first = null;
        String cheapest = null;
        BigDecimal lowest = null;
        try {
            for (JsonNode entry : JSON.readTree(catalog).at(where.entries())) {
                String id = entry.at(where.id()).asText("");
                boolean itsKind = other.kind() == null || ofKind.matcher(entry.at(other.kind()).asText("")).matches();
                if (id.isEmpty() || id.equals(refused) || !itsKind) {
                    continue;
                }
                first = first == null ? id : first;
                BigDecimal in = where.priced() ? price(entry.at(where.inputPrice())) : null;
                BigDecimal out = where.priced() ? price(entry.at(where.outputPrice())) : null;
                if (in == null || out == null || in.signum() == 0 && out.signum() == 0) {
                    continue;
                }
                BigDecimal cost = in.multiply(BigDecimal.valueOf(requestBytes)).add(out.multiply(BigDecimal.valueOf(maxTokens)));
                if (lowest == null || cost.compareTo(lowest) < 0) {
                    lowest = cost;
                    cheapest = id;
                }
            }
        } catch (Exception unreadable) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(cheapest != null ? cheapest : first);
    }

    /** A price (missing: none, so zero); below zero or not a number, none: null. */
    private static BigDecimal price(JsonNode listed) {
        if (listed.isMissingNode() || listed.isNull()) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal price = new BigDecimal(listed.asText());
            return price.signum() < 0 ? null : price;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
