package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.DataFiles;
import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.gateway.GatewayProfileException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where each gateway's other model is chosen from ({@code catalog.otherModel}): on LiteLLM the answer of
 * {@code /model_group/info} (model_group, mode, its costs as numbers), the cheapest of the route's mode, priced there
 * for the spend cap, the first listed of the mode when the proxy knows no price; on Portkey none, for every route; a profile that says
 * neither routes nor none, or both, is refused in one sentence.
 */
class OtherModelListingTest {

    private static final GatewayProfile LITELLM = GatewayProfile.named("litellm");
    private static final GatewayProfile PORTKEY = GatewayProfile.named("portkey");

    /** One model group as /model_group/info lists it; a null cost is written null. */
    private static String modelGroup(String name, String mode, String input, String output) {
        return "{\"model_group\":\"" + name + "\",\"providers\":[\"openai\"],\"mode\":\"" + mode
                + "\",\"input_cost_per_token\":" + input + ",\"output_cost_per_token\":" + output + "}";
    }

    @Test
    void onLiteLLMTheCheapestModelGroupOfTheRoutesModeFromModelGroupInfo() {
        String listing = "{\"data\":[" + String.join(",",
                modelGroup("anthropic/claude-haiku-4.5", "chat", "1e-06", "5e-06"),
                modelGroup("openai/text-embedding-3-small", "embedding", "2e-08", "0.0"),
                modelGroup("openai/gpt-4o-mini", "chat", "1.5e-07", "6e-07"),
                modelGroup("openai/gpt-5-nano", "chat", "5e-08", "4e-07")) + "]}";
        assertThat(LITELLM.catalog().otherModel().route(), equalTo("model-group-info"));
        assertThat(LITELLM.path("model-group-info"), equalTo("/model_group/info"));
        assertThat(CatalogPrices.cheapestOther(LITELLM, listing, "chat-completions", "anthropic/claude-haiku-4.5", 1, 80),
                equalTo(Optional.of("openai/gpt-5-nano")));
        assertThat(CatalogPrices.cheapestOther(LITELLM, listing, "messages", "openai/gpt-5-nano", 1, 80),
                equalTo(Optional.of("openai/gpt-4o-mini")));
        // Embeddings take an embedding model: here none other than the refused one.
        assertThat(CatalogPrices.cheapestOther(LITELLM, listing, "embeddings", "openai/text-embedding-3-small", 0, 80),
                equalTo(Optional.empty()));
        // The catalog of /v1/models (ids alone, no mode) offers nothing of a kind.
        assertThat(CatalogPrices.cheapestOther(LITELLM, "{\"data\":[{\"id\":\"openai/gpt-5-nano\",\"object\":\"model\"}]}",
                "chat-completions", "openai/gpt-4o-mini", 1, 80), equalTo(Optional.empty()));
        // Its worst case, as the spend cap reads it there: 80 bytes in at $0.00000005, one token out at $0.0000004.
        assertThat(CatalogPrices.worstCaseUsd(LITELLM.catalog().otherModel().listing(LITELLM.catalog()), listing, "openai/gpt-5-nano", 1, 80),
                org.hamcrest.Matchers.comparesEqualTo(new java.math.BigDecimal("0.0000044")));
    }

    @Test
    void onLiteLLMWithoutAnyKnownPriceTheFirstOtherModelOfTheModeListed() {
        String unpriced = "{\"data\":[" + String.join(",",
                modelGroup("my/embedder", "embedding", "null", "null"),
                modelGroup("my/refused", "chat", "null", "null"),
                modelGroup("my/first-chat", "chat", "0", "0"),
                modelGroup("my/second-chat", "chat", "null", "null")) + "]}";
        assertThat(CatalogPrices.cheapestOther(LITELLM, unpriced, "chat-completions", "my/refused", 1, 80),
                equalTo(Optional.of("my/first-chat")));
        assertThat(CatalogPrices.cheapestOther(LITELLM, unpriced, "embeddings", "my/other-embedder", 0, 80),
                equalTo(Optional.of("my/embedder")));
    }

    @Test
    void onPortkeyNoRouteIsTriedWhateverTheProvidersCatalogLists() {
        String catalog = "{\"data\":[{\"id\":\"openai/gpt-5-nano\",\"type\":\"language\",\"pricing\":{\"input\":\"0.00000005\",\"output\":\"0.0000004\"}}]}";
        assertThat(PORTKEY.catalog().otherModel().none().isBlank(), equalTo(false));
        for (Route route : Route.values()) {
            assertThat(route.id(), PORTKEY.catalog().otherModel().kindOf(route.id()), equalTo(Optional.empty()));
            assertThat(route.id(), CatalogPrices.cheapestOther(PORTKEY, catalog, route.id(), "openai/gpt-4o-mini", 1, 80),
                    equalTo(Optional.empty()));
        }
    }

    @Test
    void aProfileThatSaysNeitherRoutesNorNoneOrBothOrAnUnknownRouteIsRefusedInOneSentence() {
        String resource = "gateways/litellm.yaml";
        ObjectNode neither = DataFiles.read(resource).deepCopy();
        ((ObjectNode) neither.at("/catalog/otherModel")).remove("routes");
        assertThat(refusal(neither, resource), equalTo(resource
                + ": catalog.otherModel says neither routes: (the routes tried on another model) nor none: (why none is)"));
        ObjectNode both = DataFiles.read(resource).deepCopy();
        ((ObjectNode) both.at("/catalog/otherModel")).put("none", "no list");
        assertThat(refusal(both, resource), equalTo(resource + ": catalog.otherModel says both routes: and none:"));
        ObjectNode unknown = DataFiles.read(resource).deepCopy();
        ((ObjectNode) unknown.at("/catalog/otherModel")).put("route", "model-list");
        assertThat(refusal(unknown, resource), equalTo(resource + ": catalog.otherModel names route model-list, which routes lack"));
    }

    /** gateway.schema.json knows otherModel's own list and none: a misspelt field is named with those it knows. */
    @Test
    void theSchemaNamesOtherModelsFields() {
        String resource = "gateways/portkey.yaml";
        ObjectNode misspelt = DataFiles.read(resource).deepCopy();
        ((ObjectNode) misspelt.at("/catalog/otherModel")).put("nothing", "x");
        assertThat(refusal(misspelt, resource), equalTo(resource + ": unknown field \"catalog.otherModel.nothing\". Known fields of "
                + "catalog.otherModel: entries, guess, id, inputPrice, kind, none, outputPrice, route, routes, source."));
    }

    private static String refusal(ObjectNode profile, String resource) {
        return assertThrows(GatewayProfileException.class, () -> GatewayProfile.read(profile, resource)).getMessage();
    }
}
