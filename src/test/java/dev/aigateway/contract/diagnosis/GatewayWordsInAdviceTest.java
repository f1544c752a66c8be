package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.HandMadeEnvironment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdicts every gateway shares (a host that does not answer, a proxy's or another host's answer, a
 * redirect, an outage) give their advice in the words of the run's gateway, read from its profile
 * ({gatewayBaseUrl}, {gatewayCatalogUrl}, {requestIdHeader}, the profile's words): Vercel's as they always
 * read, OpenRouter's without a word of Vercel's.
 */
class GatewayWordsInAdviceTest {

    private final Diagnosis diagnosis = Diagnosis.load();

    private static Environment environment(String gateway, String baseUrl) {
        return HandMadeEnvironment.mine().name(gateway).baseUrl(baseUrl).gateway(gateway).build();
    }

    private static Exchange answered(String baseUrl, String path, int status, Map<String, String> headers, String body) {
        return Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method("GET").url(baseUrl + path)
                .path(path).status(status).responseHeaders(headers).responseBody(body).durationMs(10).caller(Caller.TEAM_KEY)
                .build();
    }

    private static Exchange unanswered(String baseUrl, String path) {
        return Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method("GET").url(baseUrl + path)
                .path(path).durationMs(10).failure("Connection refused").caller(Caller.TEAM_KEY).build();
    }

    /** Each shared verdict, met on each gateway's key-check route. */
    static Stream<Arguments> sharedVerdicts() {
        return Stream.of("vercel", "openrouter").flatMap(gateway -> {
            GatewayProfile profile = GatewayProfile.named(gateway);
            String base = "https://proxy.example";
            String path = profile.keyCheckRoute().path();
            return Stream.of(
                    Arguments.of(gateway, "unreachable", unanswered(base, path)),
                    Arguments.of(gateway, "not-the-gateway", answered(base, path, 302, Map.of("location", "https://portal.example/login"), "")),
                    Arguments.of(gateway, "not-the-gateway", answered(base, path, 401, Map.of("content-type", "application/json"),
                            "{\"error\":\"nope\"}")));
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("sharedVerdicts")
    void aSharedVerdictSpeaksOfTheRunsGatewayOnly(String gateway, String verdict, Exchange exchange) {
        GatewayProfile profile = GatewayProfile.named(gateway);
        Verdict given = diagnosis.diagnose(List.of(exchange), 1, environment(gateway, "https://proxy.example"));
        assertThat(given.id(), equalTo(verdict));
        String advice = String.join(" ", given.title(), given.meaning(), String.join(" ", given.nextSteps()),
                String.join(" ", given.references()));
        assertThat(advice, not(containsString("{")));
        String other = gateway.equals("vercel") ? "openrouter" : "vercel";
        assertThat(advice.toLowerCase(), not(containsString(other)));
        assertThat(advice, containsString(profile.links().get("baseUrl")));
    }

    @Test
    void vercelsAdviceReadsAsItAlwaysDid() {
        String base = "https://proxy.example";
        Environment vercel = environment("vercel", base);
        Verdict silent = diagnosis.diagnose(List.of(unanswered(base, "/v1/credits")), 1, vercel);
        assertThat(silent.nextSteps(), hasItem("Try curl -sS https://ai-gateway.vercel.sh/v1/models from the same machine."));
        assertThat(silent.references(), equalTo(List.of("https://www.vercel-status.com")));
        Verdict foreign = diagnosis.diagnose(List.of(answered(base, "/v1/credits", 401,
                Map.of("content-type", "application/json"), "{}")), 1, vercel);
        assertThat(foreign.title(), equalTo("Not the gateway (an answer without Vercel's x-vercel-id)"));
        assertThat(foreign.meaning(), equalTo("The address in baseUrl answered 401 without an x-vercel-id, the id Vercel's"
                + " edge puts on every answer: another host or application answered, not the Vercel AI Gateway. Placed by: GET /v1/credits"
                + " got 401 in an answer that is not the Vercel AI Gateway's own (without its request-id header or its JSON)."));
        assertThat(foreign.nextSteps(), equalTo(List.of("Check baseUrl is exactly https://ai-gateway.vercel.sh or https://ai-gateway.vercel.sh/v1"
                + " (no app domain, no other path).")));
        assertThat(foreign.references(), equalTo(List.of("https://vercel.com/docs/ai-gateway")));
    }

    @Test
    void openRoutersAdviceNamesItsOwnHostHeaderAndCatalog() {
        String base = "https://proxy.example";
        Environment openRouter = environment("openrouter", base);
        Verdict silent = diagnosis.diagnose(List.of(unanswered(base, "/api/v1/key")), 1, openRouter);
        assertThat(silent.nextSteps(), hasItem("Try curl -sS https://openrouter.ai/api/v1/models from the same machine."));
        Verdict foreign = diagnosis.diagnose(List.of(answered(base, "/api/v1/key", 401,
                Map.of("content-type", "application/json"), "{}")), 1, openRouter);
        assertThat(foreign.title(), equalTo("Not the gateway (an answer without Cloudflare's cf-ray)"));
        assertThat(foreign.meaning(), containsString("without a cf-ray, the id Cloudflare's edge puts on every answer:"
                + " another host or application answered, not OpenRouter."));
    }
}
