package dev.aigateway.contract.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.captured.Captured;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profile loader, and the one envelope reader on every form of envelope and on the captured bodies. */
class GatewayProfileTest {

    private static final ObjectMapper JSON = Json.DATA;
    private final GatewayProfile vercel = GatewayProfile.standard();
    private final GatewayProfile openRouter = GatewayProfile.named("openrouter");

    @Test
    void theDefaultProfileIsVercelsWithTodaysFacts() {
        assertThat(GatewayProfile.names().subList(0, 2), equalTo(List.of("vercel", "openrouter")));
        assertThat(vercel.name(), equalTo("vercel"));
        assertThat(vercel.requestId().header(), equalTo("x-vercel-id"));
        assertThat(vercel.stream().terminator(), equalTo("[DONE]"));
        assertThat(vercel.credits().freeUsd().toPlainString(), equalTo("5"));
        assertThat(vercel.keys().notIssued(), equalTo("vck_not_issued_by_the_gateway_0000000000"));
        assertThat(vercel.path("credits"), equalTo("/v1/credits"));
        assertThat(vercel.routeServing("/v4/ai/language-model").map(GatewayProfile.RouteEntry::id).orElse(""),
                equalTo("ai-sdk-v4"));
    }

    @Test
    void everyRouteAnEnvironmentCanNameHasAPathOnTheDefaultGateway() {
        for (dev.aigateway.contract.environment.Route route : dev.aigateway.contract.environment.Route.values()) {
            assertThat(route.id(), dev.aigateway.contract.environment.Route.servingPath(route.path(vercel), vercel)
                    .orElse(null), equalTo(route));
        }
    }

    @Test
    void anUnknownGatewayIsRefusedWithTheProfilesThatExist() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> GatewayProfile.named("no-such-gateway"));
        assertThat(refusal.getMessage(), equalTo("unknown gateway \"no-such-gateway\". Gateways that exist: "
                + String.join(", ", GatewayProfile.names()) + "."));
        assertThat(refusal.getMessage().startsWith("unknown gateway \"no-such-gateway\". Gateways that exist: vercel, openrouter"),
                equalTo(true));
    }

    @Test
    void inferenceIsBillableTheCatalogAndCreditsAreNot() {
        assertThat(vercel.billable("POST", "/v1/chat/completions"), equalTo(true));
        assertThat(vercel.billable("POST", "/v2/ai/embedding-model"), equalTo(true));
        assertThat(vercel.billable("GET", "/v1/chat/completions"), equalTo(false));
        assertThat(vercel.billable("GET", "/v1/credits"), equalTo(false));
        assertThat(vercel.billable("POST", "/v1/models"), equalTo(false));
    }

    @Test
    void theNestedEnvelopeGivesTypeAndMessage() throws Exception {
        Envelope envelope = read("{\"error\":{\"message\":\"Forbidden.\",\"type\":\"access_denied\"}}");
        assertThat(envelope.type(), equalTo("access_denied"));
        assertThat(envelope.message(), equalTo("Forbidden."));
        assertThat(envelope.hasError(), equalTo(true));
    }

    @Test
    void theFlatEnvelopesTextIsBothTypeAndMessage() throws Exception {
        Envelope envelope = read("{\"error\":\"Invalid generation ID format\"}");
        assertThat(envelope.type(), equalTo("Invalid generation ID format"));
        assertThat(envelope.message(), equalTo("Invalid generation ID format"));
    }

    /** https://vercel.com/docs/ai-gateway/security-and-compliance/zdr: the flat envelope keeps its type top-level. */
    @Test
    void theFlatEnvelopesTopLevelTypeIsItsType() throws Exception {
        Envelope envelope = read("{\"error\":\"No ZDR (Zero Data Retention) providers available for model: m. Providers considered: a\","
                + "\"type\":\"no_providers_available\",\"statusCode\":400}");
        assertThat(envelope.type(), equalTo("no_providers_available"));
        assertThat(envelope.message(), equalTo("No ZDR (Zero Data Retention) providers available for model: m. Providers considered: a"));
        assertThat(read("{\"type\":\"message\",\"content\":[]}").type(), nullValue());
    }

    @Test
    void aSuccessOrATextHasNoEnvelope() throws Exception {
        Envelope success = read("{\"balance\":\"1.00\"}");
        assertThat(success.type(), nullValue());
        assertThat(success.message(), equalTo(""));
        assertThat(success.hasError(), equalTo(false));
        Envelope html = vercel.envelopeOf(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        assertThat(html.type(), nullValue());
        assertThat(html.failedProvider(), equalTo(""));
        assertThat(html.failedCredentialType(), equalTo("unknown"));
    }

    @Test
    void everyCapturedRefusalReadsItsOwnTypeAndMessage() {
        int read = 0;
        for (Captured captured : Captured.all()) {
            JsonNode body = captured.body();
            if (body == null || !body.path("error").isObject()) {
                continue;
            }
            Envelope envelope = vercel.envelopeOf(body);
            assertThat(captured.name(), envelope.type(), equalTo(body.at("/error/type").asText(null)));
            assertThat(captured.name(), envelope.message(), equalTo(body.at("/error/message").asText("")));
            read++;
        }
        assertThat("captured refusals read", read >= 15, equalTo(true));
    }

    @Test
    void theRoutingMetadataNamesTheFailedProviderAndItsCredential() {
        Envelope xai = vercel.envelopeOf(Captured.named("c5-f7-xai-503").body());
        assertThat(xai.failedProvider(), equalTo("xai"));
        assertThat(xai.failedCredentialType(), equalTo("system"));
        assertThat(vercel.generationIdIn(Captured.named("c5-f7-xai-503").body().toString()),
                equalTo("gen_01KXGJG3XC3MJ511VVF87ZSBTC"));
    }

    @Test
    void aProviderErrorPassedThroughNamesTheProvidersHost() {
        Envelope zai = vercel.envelopeOf(Captured.named("f7-zai-429").body());
        assertThat(zai.type(), equalTo("AI_APICallError"));
        assertThat(zai.failedProvider(), equalTo("api.z.ai"));
        assertThat(zai.failedCredentialType(), equalTo("unknown"));
    }

    @Test
    void eachProfileNamesTheRouteThatChecksTheKeyWithoutSpending() {
        assertThat(vercel.keyCheckRoute().path(), equalTo("/v1/credits"));
        assertThat(openRouter.keyCheckRoute().path(), equalTo("/api/v1/key"));
        assertThat(openRouter.billable(openRouter.keyCheckRoute().method(), openRouter.keyCheckRoute().path()), equalTo(false));
        assertThat(openRouter.billable("POST", "/api/v1/chat/completions"), equalTo(true));
        // A path OpenRouter's profile does not know is held billable, as the send gate holds it (failing closed)...
        assertThat(openRouter.billable("POST", "/v1/chat/completions"), equalTo(true));
        assertThat(openRouter.billable("POST", "/v4/ai/language-model"), equalTo(true));
        // ...but a GET to it, and a non-billable route it lists, are not.
        assertThat(openRouter.billable("GET", "/v1/chat/completions"), equalTo(false));
        assertThat(openRouter.billable("GET", "/api/v1/models"), equalTo(false));
    }

    @Test
    void openRoutersEnvelopeKeepsTheStatusInsideAndMayHaveNoType() throws Exception {
        Envelope funds = openRouter.envelopeOf(JSON.readTree(
                "{\"error\":{\"message\":\"Insufficient credits.\",\"code\":402,\"metadata\":{\"provider_name\":null}},\"user_id\":\"user_1\"}"));
        assertThat(funds.type(), nullValue());
        assertThat(funds.message(), equalTo("Insufficient credits."));
        assertThat(funds.code(), equalTo(402));
        assertThat(funds.failedProvider(), equalTo(""));
        Envelope typed = openRouter.envelopeOf(JSON.readTree(
                "{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\",\"metadata\":{\"error_type\":\"rate_limit_exceeded\"}}}"));
        assertThat(typed.type(), equalTo("rate_limit_exceeded"));
        assertThat(vercel.envelopeOf(JSON.readTree("{\"error\":{\"code\":402,\"message\":\"m\",\"type\":\"t\"}}")).code(), nullValue());
        // A code written as text is the status when it is one, and none when it is a name.
        assertThat(openRouter.envelopeOf(JSON.readTree("{\"error\":{\"code\":\"401\",\"message\":\"m\"}}")).code(), equalTo(401));
        assertThat(openRouter.envelopeOf(JSON.readTree("{\"error\":{\"code\":\"invalid_api_key\"}}")).code(), nullValue());
        assertThat(openRouter.envelopeOf(JSON.readTree("{\"error\":{\"code\":\"4010\"}}")).code(), nullValue());
    }

    @Test
    void openRoutersProviderErrorNamesTheProviderAndItsOwnWords() throws Exception {
        Envelope provider = openRouter.envelopeOf(JSON.readTree("{\"error\":{\"code\":502,\"message\":\"Provider returned error\","
                + "\"metadata\":{\"raw\":\"upstream overloaded\",\"provider_name\":\"Anthropic\",\"is_byok\":false}}}"));
        assertThat(provider.failedProvider(), equalTo("Anthropic"));
        assertThat(provider.providerMessage(), equalTo("upstream overloaded"));
        assertThat(vercel.envelopeOf(JSON.readTree("{\"error\":{\"message\":\"m\",\"metadata\":{\"provider_name\":\"x\"}}}"))
                .failedProvider(), equalTo(""));
    }

    @Test
    void theGenerationIdIsTakenFromTheProfilesHeaderElseFromTheBody() {
        assertThat(openRouter.generationIdOf(java.util.Map.of("x-generation-id", "gen-1764000000-AbC123"), "{}"),
                equalTo("gen-1764000000-AbC123"));
        assertThat(openRouter.generationIdOf(java.util.Map.of("x-generation-id", "not an id"), "{\"id\":\"gen-abc123\"}"),
                equalTo("gen-abc123"));
        assertThat(vercel.generationIdOf(java.util.Map.of("x-generation-id", "gen_01KXGJG3XC3MJ511VVF87ZSBTC"), "{}"), nullValue());
    }

    private Envelope read(String body) throws Exception {
        return vercel.envelopeOf(JSON.readTree(body));
    }
    /** LiteLLM's profile: a key's SHA-256 is a form of it (keys.forms), and the balance its budget less its spend. */
    @Test
    void aProfileNamesTheKeysHashAsASecretFormAndABalanceAsALimitLessItsSpend() throws Exception {
        GatewayProfile litellm = GatewayProfile.named("litellm");
        assertThat(litellm.keys().formsOf("abc"), equalTo(java.util.Map.of("sha256-hex",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")));
        assertThat(vercel.keys().formsOf("abc"), equalTo(java.util.Map.of()));
        assertThat(litellm.credits().balanceIn(JSON.readTree("{\"info\":{\"max_budget\":10.0,\"spend\":0.4213}}")).decimalValue()
                .compareTo(new java.math.BigDecimal("9.5787")), equalTo(0));
        assertThat(litellm.credits().balanceIn(JSON.readTree("{\"info\":{\"max_budget\":null,\"spend\":3}}")).isNull(), equalTo(true));
        // A profile without spent: reads its balance where it points, as before.
        assertThat(vercel.credits().balanceIn(JSON.readTree("{\"balance\":\"7.5\"}")).asText(), equalTo("7.5"));
        assertThat(litellm.catalog().needsKey() && !litellm.catalog().priced(), equalTo(true));
        assertThat(vercel.catalog().needsKey() || !vercel.catalog().priced(), equalTo(false));
    }
}
