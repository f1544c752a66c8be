package dev.aigateway.contract.portkey;

import static dev.aigateway.contract.portkey.ThroughPortkey.failed;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.environment.EnvironmentFolders;
import dev.aigateway.contract.portkey.ThroughPortkey.Runs;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.run.ContractSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real Portkey gateway ({@code @portkey-ai/gateway} 1.15.2, src/test/portkey) in front of the simulated gateway,
 * both on 127.0.0.1 (issue 27, item 4): each simulated team's contract runs once direct, over the simulator's URL,
 * and once through Portkey, routed by the environment's {@code headers:} ({@code x-portkey-provider: openai},
 * {@code x-portkey-custom-host: <simulator>/v1}), and the two verdicts are compared. Where they differ, the
 * difference is Portkey's, named and explained on its test, and in src/site/markdown/gateways.md, "Through Portkey".
 *
 * <p>What Portkey does to an answer, as its source at v1.15.2 shows: a refusal of the gateway behind it is
 * rewritten by {@code generateErrorResponse} (src/providers/utils.ts) to {@code {"error":{"message":"openai error:
 * <message>","type","param","code"},"provider":"openai"}}: the message prefixed, every other field dropped; and a
 * chat completion's body keeps only the parameters {@code OpenAIChatCompleteConfig} lists
 * (src/providers/openai/chatComplete.ts).
 */
class PortkeyThroughTest {

    @RegisterExtension
    static final ThroughPortkey THROUGH = ThroughPortkey.inFrontOf("vercel", "/v1");

    @TempDir
    Path root;

    /** The teams whose verdict Portkey does not change: its rewritten refusals keep the status and the type the rules read. */
    @ParameterizedTest(name = "{0}: {1}, direct and through Portkey")
    @CsvSource({
            "team-blocked,      team-access-denied",
            "inference-blocked, team-access-denied",
            "no-card,           card-required",
            "no-credits,        insufficient-funds",
            "free-tier,         free-tier-model-restricted",
            "quota-exceeded,    quota-exceeded",
            "rate-limited,      rate-limited",
            "team-restricted,   team-restricted",
            "region-restricted, model-unavailable-in-region",
            "outage,            gateway-outage",
            "stream-error,      stream-error",
            "firewall,          not-the-gateway",
            "byok-no-credits,   byok-credit-gate",
            "byok-free-credits, byok-requires-paid-credits",
            "request-refusals,  healthy",
            "oidc,              healthy",
            "oidc-expired,      oidc-token-expired",
            "flaky,             healthy",
            "slow,              unreachable",
    })
    void theVerdictThroughPortkeyIsTheVerdictDirect(String team, String verdict) throws Exception {
        Runs runs = run(team, true);
        assertThat("direct", runs.direct().verdict().id(), equalTo(verdict));
        assertThat("through Portkey", runs.through().verdict().id(), equalTo(verdict));
    }

    /** Without a BYOK key the healthy team is healthy through Portkey too: every scenario that applies passes. */
    @Test
    void theHealthyTeamWithoutAByokKeyIsHealthyThroughPortkey() throws Exception {
        Runs runs = run("healthy", false);
        assertThat(runs.direct().verdict().id(), equalTo("healthy"));
        assertThat(runs.through().verdict().id(), equalTo("healthy"));
        assertThat(runs.through().failed(), equalTo(0));
    }

    /**
     * Difference 1, BYOK: the healthy team with its BYOK key is healthy direct, answer-off-contract through Portkey. Portkey's
     * openai provider forwards only OpenAI's parameters, so the request's {@code providerOptions} (the key the gateway
     * behind it should use) never arrives: the gateway serves with its system credentials, and the two BYOK scenarios
     * that expect the team's own key fail.
     */
    @Test
    void byokThroughPortkeyLosesTheRequestsProviderOptions() throws Exception {
        Runs runs = run("healthy", true);
        assertThat(runs.direct().verdict().id(), equalTo("healthy"));
        assertThat(runs.through().verdict().id(), equalTo("answer-off-contract"));
        assertThat(runs.through().verdict().meaning(), containsString("\"My own provider key serves the request\": "));
        assertThat(failed(runs.through()), equalTo(List.of("A key the provider refuses falls back to system credentials",
                "My own provider key serves the request")));
        List<Exchange> byok = runs.through().exchanges().stream()
                .filter(exchange -> exchange.requestBody() != null && exchange.requestBody().contains("providerOptions")).toList();
        assertThat("the run sent providerOptions to Portkey", byok.isEmpty(), equalTo(false));
        assertThat("and none reached the simulated gateway", runs.reachedTheSimulatorThroughPortkey().stream()
                .filter(body -> body.contains("providerOptions")).toList(), equalTo(List.of()));
        assertThat("though Portkey forwarded the BYOK requests", runs.reachedTheSimulatorThroughPortkey().stream()
                .filter(body -> body.contains("anthropic/claude-haiku-4.5")).count(), equalTo((long) byok.size()));
    }

    /**
     * Difference 2, the one issue 27 expected: a provider's failure becomes a gateway outage. The simulated gateway's
     * 503 names the failed provider attempt in {@code providerMetadata.gateway.routing}; Portkey's rewrite drops every
     * field but the error's message, type, param and code, so the answer names no provider the routing tried, and
     * the rule that tells a provider's failure from the gateway's own has nothing to read.
     */
    @Test
    void aProvidersFailureBecomesAGatewayOutageThroughPortkey() throws Exception {
        Runs runs = run("provider-unavailable", true);
        assertThat(runs.direct().verdict().id(), equalTo("provider-unavailable"));
        assertThat(runs.through().verdict().id(), equalTo("gateway-outage"));
        List<String> refusals = refusals(runs.through());
        assertThat(refusals, everyItem(not(containsString("providerMetadata"))));
        assertThat(refusals, everyItem(startsWith("{\"error\":{\"message\":\"openai error: Service temporarily unavailable.")));
        assertThat(refusals(runs.direct()), everyItem(containsString("\"providerMetadata\"")));
    }

    /**
     * Difference 3: the free-credit restriction is only account-refused through Portkey. The rule reads the whole message
     * ("Free credits temporarily have restricted access ..."); Portkey prefixes it with "openai error: ", so it no
     * longer matches, though the status (403) and the type (no_providers_available) pass through; the comparisons
     * still place it (the key served on /v1/credits, refused on inference): the account's layer, its fallback verdict.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"free-restricted", "free-restricted-paid"})
    void theFreeCreditRestrictionsMessageIsPrefixedThroughPortkey(String team) throws Exception {
        Runs runs = run(team, true);
        assertThat(runs.direct().verdict().id(), equalTo("free-credits-restricted"));
        assertThat(runs.through().verdict().id(), equalTo("account-refused"));
        assertThat(refusals(runs.through()), everyItem(startsWith(
                "{\"error\":{\"message\":\"openai error: Free credits temporarily have restricted access due to abuse.\","
                        + "\"type\":\"no_providers_available\"")));
    }

    /**
     * Difference 4: team-wide ZDR is only account-refused through Portkey. The gateway's 400 is flat,
     * {@code {"error":"No ZDR ...","type":"no_providers_available"}}; Portkey reads {@code error} as an object, so its
     * rewrite says {@code "openai error: undefined"} with no type: the refusal's words are lost before the run sees them,
     * and only the comparisons place it (the key served on /v1/credits, refused on inference): the account's layer.
     */
    @Test
    void aFlatRefusalLosesItsWordsThroughPortkey() throws Exception {
        Runs runs = run("zdr-team", true);
        assertThat(runs.direct().verdict().id(), equalTo("data-policy-no-provider"));
        assertThat(runs.through().verdict().id(), equalTo("account-refused"));
        assertThat(refusals(runs.through()), everyItem(equalTo(
                "{\"error\":{\"message\":\"openai error: undefined\",\"type\":null,\"param\":null,\"code\":null},\"provider\":\"openai\"}")));
    }

    /**
     * Difference 5: a Vercel access token is refused on inference through Portkey. Portkey sends the provider only the
     * headers it builds itself (the key as {@code Authorization}), so the access token's team header
     * {@code x-vercel-ai-gateway-team} is not forwarded, and the gateway behind answers 401 to the token without its
     * team. Portkey's {@code x-portkey-forward-headers} names the headers to pass on: with it, the team is healthy.
     */
    @Test
    void anAccessTokensTeamHeaderIsForwardedOnlyWhenPortkeyIsToldTo() throws Exception {
        Runs runs = run("access-token", true);
        assertThat(runs.direct().verdict().id(), equalTo("healthy"));
        assertThat(runs.through().verdict().id(), equalTo("account-refused"));
        assertThat(refusals(runs.through()), everyItem(startsWith(
                "{\"error\":{\"message\":\"openai error: Invalid API key or token.\",\"type\":\"authentication_error\"")));
        Runs forwarded = run("access-token", true, "  x-portkey-forward-headers: x-vercel-ai-gateway-team\n");
        assertThat(forwarded.through().verdict().id(), equalTo("healthy"));
    }

    /**
     * Difference 6: routes Portkey does not serve for an openai provider. The Messages API answers Portkey's own 500
     * {@code {"status":"failure","message":"messages is not supported by openai"}}, and the AI SDK's native routes
     * ({@code /v3/ai/language-model}) Portkey's 404 {@code {"message":"Not Found","ok":false}}: neither is the
     * gateway behind it, so the run says not-the-gateway where, direct, the team that refuses the Messages API gets
     * route-refused and the team of every route is healthy.
     */
    @Test
    void routesPortkeyDoesNotServeAreAnsweredByPortkeyItself() throws Exception {
        Runs messages = run("messages-refused", true);
        assertThat(messages.direct().verdict().id(), equalTo("route-refused"));
        assertThat(messages.through().verdict().id(), equalTo("not-the-gateway"));
        assertThat(bodies(messages.through(), "/v1/messages"),
                everyItem(equalTo("{\"status\":\"failure\",\"message\":\"messages is not supported by openai\"}")));
        Runs allRoutes = run("all-routes", false);
        assertThat(allRoutes.direct().verdict().id(), equalTo("healthy"));
        assertThat(allRoutes.through().verdict().id(), equalTo("not-the-gateway"));
        assertThat(bodies(allRoutes.through(), "/v3/ai/language-model"), everyItem(equalTo("{\"message\":\"Not Found\",\"ok\":false}")));
    }

    /**
     * Portkey's own routing refusal: an environment that points at Portkey without its routing headers gets, on
     * every route, Portkey's 400 {@code {"status":"failure","message":"Either x-portkey-config or x-portkey-provider
     * header is required"}}, which no gateway behind it said.
     */
    @Test
    void withoutItsRoutingHeadersPortkeyRefusesEveryRequestItself() throws Exception {
        String local = Files.readString(EnvironmentFolders.file(Path.of(System.getProperty("contract.root", ".")), "local"));
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/unrouted.yaml"), local.replaceAll("(?m)^simulator:\\n(  .*\\n)*", "")
                .replaceAll("(?m)^(credentials|byok):\\n(  .*\\n)*", "") + "baseUrl: " + THROUGH.portkey().baseUrl() + "\n");
        RunRecord unrouted = ContractSuite.run(root, "unrouted", Files.createDirectories(root.resolve("unrouted")), Map.of());
        // Its answers carry no x-vercel-id (through Portkey, the gateway's own answers do: Portkey relays that header).
        assertThat(unrouted.verdict().id(), equalTo("not-the-gateway"));
        assertThat(unrouted.exchanges().stream().map(exchange -> exchange.status() + " " + exchange.responseBody()).distinct().toList(),
                equalTo(List.of("400 {\"status\":\"failure\",\"message\":\"Either x-portkey-config or x-portkey-provider header is required\"}")));
    }

    /**
     * Chains (issue 27, item 5): the blocked team through Portkey. Its refusals carry Vercel's x-vercel-id, relayed,
     * and Portkey's x-portkey-provider: summary.md, verdict.json and the closing block name both gateways, Portkey in
     * front, and say that Vercel refused.
     */
    @Test
    void aRefusalOfTheGatewayBehindIsNamedAsItsRelayedByPortkey() throws Exception {
        Runs runs = run("team-blocked", false);
        assertThat(runs.through().verdict().id(), equalTo("team-access-denied"));
        Path reports = Files.createDirectories(root.resolve("reports"));
        dev.aigateway.contract.evidence.EvidenceBundle.writeFiles(reports, runs.through(), null);
        assertThat(Files.readString(reports.resolve("evidence/summary.md")), containsString(
                "| Gateways | Portkey AI Gateway (open source) in front of Vercel AI Gateway: Vercel AI Gateway refused (#"));
        assertThat(Files.readString(reports.resolve("evidence/summary.md")), containsString(
                "403), its answers relayed by Portkey AI Gateway (open source). |"));
        com.fasterxml.jackson.databind.JsonNode chain = dev.aigateway.contract.Json.DATA.readTree(
                reports.resolve("evidence/verdict.json").toFile()).path("chain");
        assertThat(chain.path("gateways").toString(), equalTo("[\"portkey\",\"vercel\"]"));
        assertThat(chain.path("refusedBy").toString(), equalTo("[\"vercel\"]"));
        // Direct, one gateway: no chain.
        dev.aigateway.contract.evidence.EvidenceBundle.writeFiles(reports, runs.direct(), null);
        assertThat(Files.readString(reports.resolve("evidence/summary.md")), not(containsString("| Gateways |")));
    }

    /** Chains: Portkey's own routing refusal (a provider it does not know) is named as Portkey's, before Vercel was asked. */
    @Test
    void portkeysOwnRoutingRefusalIsNamedAsPortkeys() throws Exception {
        String local = Files.readString(EnvironmentFolders.file(Path.of(System.getProperty("contract.root", ".")), "local-team-blocked"));
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/unknown-provider.yaml"), local.replaceAll("(?m)^simulator:\\n(  .*\\n)*", "")
                + "baseUrl: " + THROUGH.portkey().baseUrl() + "\nheaders:\n  x-portkey-provider: no-such-provider\n  x-portkey-custom-host: "
                + THROUGH.simulator().baseUrl() + "/v1\n");
        RunRecord run = ContractSuite.run(root, "unknown-provider", Files.createDirectories(root.resolve("unknown-provider")), Map.of());
        assertThat(run.exchanges().stream().map(exchange -> exchange.status() + " " + exchange.responseBody()).distinct().toList(),
                equalTo(List.of("400 {\"status\":\"failure\",\"message\":\"Invalid provider passed\"}")));
        Path reports = Files.createDirectories(root.resolve("reports"));
        dev.aigateway.contract.evidence.EvidenceBundle.writeFiles(reports, run, null);
        assertThat(Files.readString(reports.resolve("evidence/summary.md")), containsString(
                "| Gateways | Portkey AI Gateway (open source) in front of Vercel AI Gateway: Portkey AI Gateway (open source)"
                        + " refused itself (#"));
        assertThat(dev.aigateway.contract.Json.DATA.readTree(reports.resolve("evidence/verdict.json").toFile())
                .path("chain").path("refusedBy").toString(), equalTo("[\"portkey\"]"));
    }

    /**
     * The async-retry patch: with {@code retry.use_retry_after_header}, a 429 whose Retry-After is beyond Portkey's
     * limit ends the retries through the third argument async-retry passes only as patched (patches/, applied at
     * install); unpatched, that argument is undefined and Portkey answers 500 instead of the 429 it was given.
     */
    @Test
    void aRateLimitWithRetryAfterPassesThroughAsThe429() throws Exception {
        com.github.tomakehurst.wiremock.WireMockServer limited = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        limited.start();
        try {
            limited.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(429)
                            .withHeader("Content-Type", "application/json").withHeader("Retry-After", "3600")
                            .withBody("{\"error\":{\"message\":\"Rate limit exceeded\",\"type\":\"rate_limit_exceeded\"}}")));
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(THROUGH.portkey().baseUrl() + "/v1/chat/completions"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer sk-FAKE-portkey-retry-test")
                            .header("x-portkey-provider", "openai")
                            .header("x-portkey-custom-host", limited.baseUrl() + "/v1")
                            .header("x-portkey-config", "{\"retry\":{\"attempts\":2,\"on_status_codes\":[429],\"use_retry_after_header\":true}}")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    "{\"model\":\"gpt-4o-mini\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body() + "\n" + THROUGH.portkey().output(), answer.statusCode(), equalTo(429));
            assertThat(answer.body(), startsWith("{\"error\":{\"message\":\"openai error: Rate limit exceeded\""));
            assertThat("one attempt: a Retry-After of an hour is not waited for", limited.getAllServeEvents().size(), equalTo(1));
        } finally {
            limited.stop();
        }
    }

    /**
     * Runs environments/local/local-&lt;team&gt;.yaml (local.yaml for healthy) over a URL, once at the simulator and once at
     * Portkey with the routing headers; its key names the team. BYOK's direct check goes to the simulator, never the
     * internet; {@code byok} false leaves the BYOK key out.
     */
    private Runs run(String team, boolean byok) throws Exception {
        return run(team, byok, "");
    }

    /** As {@link #run(String, boolean)}, with {@code moreHeaders} (YAML lines under headers:) sent to Portkey too. */
    private Runs run(String team, boolean byok, String moreHeaders) throws Exception {
        String overUrl = ThroughPortkey.overUrl(team.equals("healthy") ? "local" : "local-" + team).replace("  verifyDirect: true\n",
                "  verifyDirect: true\n  directBaseUrl: " + THROUGH.simulator().baseUrl() + "/anthropic\n");
        if (!byok) {
            overUrl = overUrl.replaceAll("(?m)^(credentials|byok):\\n(  .*\\n)*", "");
        }
        Runs runs = THROUGH.run(root, overUrl, moreHeaders);
        assertThat("every request of the run through Portkey went to Portkey", runs.through().exchanges().stream()
                .filter(exchange -> !exchange.url().startsWith(THROUGH.simulator().baseUrl() + "/anthropic"))
                .map(exchange -> exchange.url().startsWith(THROUGH.portkey().baseUrl())).distinct().toList(), equalTo(List.of(true)));
        return runs;
    }

    /** The bodies of the run's answers on {@code path}. */
    private static List<String> bodies(RunRecord run, String path) {
        List<String> bodies = run.exchanges().stream().filter(exchange -> exchange.path().equals(path))
                .map(Exchange::responseBody).toList();
        assertThat("the run asked " + path, bodies.isEmpty(), equalTo(false));
        return bodies;
    }

    private static List<String> refusals(RunRecord run) {
        return THROUGH.refusals(run);
    }
}
