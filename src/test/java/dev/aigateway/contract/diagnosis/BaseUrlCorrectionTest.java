package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.gateway.GatewayProfile;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The application's path corrected with the prefixes its profile's documented API base gives (links.apiBase:
 * each of its parts), on each gateway: the path the gateway serves, the base URL the client was given and the one
 * it needs.
 */
class BaseUrlCorrectionTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            // An Anthropic SDK given Vercel's base with /v1 (langchainjs#9435), an OpenAI one given the host.
            "vercel,     /v1/v1/messages,                   /v1/messages,             https://ai-gateway.vercel.sh/v1,        https://ai-gateway.vercel.sh",
            "vercel,     /chat/completions,                 /v1/chat/completions,     https://ai-gateway.vercel.sh,           https://ai-gateway.vercel.sh/v1",
            // An OpenAI SDK given OpenRouter's host alone, an Anthropic SDK given the host (its base is …/api, as
            // Claude Code's ANTHROPIC_BASE_URL), or given the documented base (/v1 of Vercel's paths is not OpenRouter's).
            "openrouter, /chat/completions,                 /api/v1/chat/completions, https://openrouter.ai,                  https://openrouter.ai/api/v1",
            "openrouter, /v1/messages,                      /api/v1/messages,         https://openrouter.ai,                  https://openrouter.ai/api",
            "openrouter, /api/v1/v1/messages,               /api/v1/messages,         https://openrouter.ai/api/v1,           https://openrouter.ai/api",
            "openrouter, /api/v1/api/v1/chat/completions,   /api/v1/chat/completions, https://openrouter.ai/api/v1,           https://openrouter.ai",
    })
    void aPathEndingLikeARouteIsCorrectedWithTheProfilesPrefixes(String gateway, String path, String corrected, String given,
                                                                  String client) {
        assertThat(BaseUrlCorrection.of(path, GatewayProfile.named(gateway)),
                equalTo(Optional.of(new BaseUrlCorrection(corrected, given, client))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"vercel, /v1/chat/completions", "openrouter, /api/v1/chat/completions", "openrouter, /api/v2/unheard"})
    void aServedPathOrOneLikeNoRouteHasNoCorrection(String gateway, String path) {
        assertThat(BaseUrlCorrection.of(path, GatewayProfile.named(gateway)), equalTo(Optional.empty()));
    }
}
