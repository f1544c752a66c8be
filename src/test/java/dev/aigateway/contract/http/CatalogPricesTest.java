package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.nullValue;

import dev.aigateway.contract.gateway.GatewayProfile;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A price below zero is not a price: the worst case is then unknown, never less than nothing. */
class CatalogPricesTest {

    /** OpenRouter lists its router models at -1 a token (openrouter/auto: the price of the model it picks). */
    private static final String CATALOG = "{\"data\":["
            + "{\"id\":\"openrouter/auto\",\"pricing\":{\"prompt\":\"-1\",\"completion\":\"-1\"}},"
            + "{\"id\":\"openai/gpt-4o-mini\",\"pricing\":{\"prompt\":\"0.00000015\",\"completion\":\"0.0000006\"}}]}";

    private static final GatewayProfile OPENROUTER = GatewayProfile.named("openrouter");

    @Test
    void aModelListedBelowZeroHasNoKnownWorstCase() {
        assertThat(CatalogPrices.worstCaseUsd(OPENROUTER, CATALOG, "openrouter/auto", 1, 100), nullValue());
    }

    @Test
    void aModelTheCatalogDoesNotListIsPricedAsTheDearestOfThePricesThatArePrices() {
        assertThat(CatalogPrices.worstCaseUsd(OPENROUTER, CATALOG, "acme/unlisted", 10, 100),
                comparesEqualTo(new BigDecimal("0.00000015").multiply(BigDecimal.valueOf(100))
                        .add(new BigDecimal("0.0000006").multiply(BigDecimal.TEN))));
        assertThat(CatalogPrices.worstCaseUsd(OPENROUTER, CATALOG, "openai/gpt-4o-mini", 10, 100),
                comparesEqualTo(new BigDecimal("0.000021")));
    }
}
