package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.gateway.GatewayProfile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which model the same probe is tried on after a refusal, as each profile's {@code catalog.otherModel} reads the
 * catalog: the cheapest priced entry of the route's kind for the probe, passing over the refused model, entries of
 * another kind, free ones and routers; the first other entry of the kind when none is priced.
 */
class CheapestOtherModelTest {

    private static final GatewayProfile VERCEL = GatewayProfile.named("vercel");
    private static final GatewayProfile OPENROUTER = GatewayProfile.named("openrouter");

    private static String vercelEntry(String id, String type, String input, String output) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"pricing\":"
                + (input == null ? "{}" : "{\"input\":\"" + input + "\",\"output\":\"" + output + "\"}") + "}";
    }

    private static String openRouterEntry(String id, String modality, String prompt, String completion) {
        return "{\"id\":\"" + id + "\",\"architecture\":{\"modality\":\"" + modality + "\"},\"pricing\":{\"prompt\":\""
                + prompt + "\",\"completion\":\"" + completion + "\"}}";
    }

    @Test
    void onVercelTheCheapestPricedLanguageModelOtherThanTheRefusedOne() {
        String catalog = "{\"data\":[" + String.join(",",
                vercelEntry("anthropic/claude-haiku-4.5", "language", "0.000001", "0.000005"),
                vercelEntry("openai/gpt-5-nano", "language", "0.00000005", "0.0000004"),
                vercelEntry("openai/text-embedding-3-small", "embedding", "0.00000002", "0"),
                vercelEntry("perplexity/sonar", "language", null, null),
                vercelEntry("openai/gpt-4o-mini", "language", "0.00000015", "0.0000006")) + "]}";
        assertThat(CatalogPrices.cheapestOther(VERCEL, catalog, "chat-completions", "anthropic/claude-haiku-4.5", 1, 80),
                equalTo(Optional.of("openai/gpt-5-nano")));
        // The refused model itself is never the other one.
        assertThat(CatalogPrices.cheapestOther(VERCEL, catalog, "chat-completions", "openai/gpt-5-nano", 1, 80),
                equalTo(Optional.of("openai/gpt-4o-mini")));
        // Embeddings take a model of their own kind only: here none other than the refused one.
        assertThat(CatalogPrices.cheapestOther(VERCEL, catalog, "embeddings", "openai/text-embedding-3-small", 0, 80),
                equalTo(Optional.empty()));
        // The AI SDK's language-model route takes a language model too (its model goes in a header).
        assertThat(CatalogPrices.cheapestOther(VERCEL, catalog, "ai-sdk-v3", "anthropic/claude-haiku-4.5", 1, 80),
                equalTo(Optional.of("openai/gpt-5-nano")));
        // A route the profile does not try (the token count, which runs no model) gets none.
        assertThat(CatalogPrices.cheapestOther(VERCEL, catalog, "messages-count-tokens", "anthropic/claude-haiku-4.5", 1, 80),
                equalTo(Optional.empty()));
    }

    @Test
    void theProbesOwnSizeDecidesBetweenACheapInputAndACheapOutput() {
        String catalog = "{\"data\":[" + String.join(",",
                vercelEntry("cheap/input", "language", "0.0000001", "0.00001"),
                vercelEntry("cheap/output", "language", "0.000001", "0.000001")) + "]}";
        assertThat(CatalogPrices.cheapestOther(VERCEL, catalog, "chat-completions", "x/refused", 1, 80),
                equalTo(Optional.of("cheap/input")));
        assertThat(CatalogPrices.cheapestOther(VERCEL, catalog, "chat-completions", "x/refused", 100, 80),
                equalTo(Optional.of("cheap/output")));
    }

    @Test
    void onOpenRouterAFreeVariantARouterAndAnImageModelArePassedOver() {
        String catalog = "{\"data\":[" + String.join(",",
                openRouterEntry("openai/gpt-4o-mini", "text+image->text", "0.00000015", "0.0000006"),
                openRouterEntry("meta-llama/llama-3.3-70b-instruct:free", "text->text", "0", "0"),
                openRouterEntry("openrouter/auto", "text->text", "-1", "-1"),
                openRouterEntry("google/gemini-image", "text->image", "0.00000001", "0.00000001"),
                openRouterEntry("anthropic/claude-haiku-4.5", "text->text", "0.000001", "0.000005")) + "]}";
        assertThat(CatalogPrices.cheapestOther(OPENROUTER, catalog, "chat-completions", "openai/gpt-4o-mini", 1, 80),
                equalTo(Optional.of("anthropic/claude-haiku-4.5")));
        // None priced but the refused one: the first other entry of the kind.
        String unpriced = "{\"data\":[" + String.join(",",
                openRouterEntry("openai/gpt-4o-mini", "text->text", "0.00000015", "0.0000006"),
                openRouterEntry("meta-llama/llama-3.3-70b-instruct:free", "text->text", "0", "0"),
                openRouterEntry("openrouter/auto", "text->text", "-1", "-1")) + "]}";
        assertThat(CatalogPrices.cheapestOther(OPENROUTER, unpriced, "chat-completions", "openai/gpt-4o-mini", 1, 80),
                equalTo(Optional.of("meta-llama/llama-3.3-70b-instruct:free")));
        assertThat(CatalogPrices.cheapestOther(OPENROUTER, "not json", "chat-completions", "openai/gpt-4o-mini", 1, 80),
                equalTo(Optional.empty()));
        assertThat(CatalogPrices.cheapestOther(OPENROUTER, null, "chat-completions", "openai/gpt-4o-mini", 1, 80),
                equalTo(Optional.empty()));
    }
}
