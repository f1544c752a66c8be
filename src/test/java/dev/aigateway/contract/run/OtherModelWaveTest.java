package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.aigateway.contract.diagnosis.OtherModel;
import dev.aigateway.contract.diagnosis.OtherModelEnvironment;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.http.ChatCompletionRequest;
import dev.aigateway.contract.http.Credential;
import dev.aigateway.contract.http.ExchangeLog;
import dev.aigateway.contract.http.GatewayClient;
import dev.aigateway.contract.http.Redactor;
import dev.aigateway.contract.http.RunLimits;
import dev.aigateway.contract.http.SharedAnswer;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The wave itself, on each gateway, after real refusals of the simulated gateway on 127.0.0.1 (whose journal counts
 * what arrives): past the gates ({@code allowBillable: false}, {@code maxSpendUsd: 0}, a cap below the other model's
 * worst case) no POST arrives and the line says which setting refused it; allowed, one POST a refused route whatever
 * the number of its refused probes (the unstreamed one's body), and none for a route the run served.
 */
class OtherModelWaveTest {

    @TempDir
    Path root;

    private Environment environment(String gateway, String baseUrl, String team, String probe, boolean allowBillable,
                                    String maxSpendUsd) throws Exception {
        return OtherModelEnvironment.write(root, gateway, baseUrl, team, probe, allowBillable, maxSpendUsd);
    }

    private static GatewayClient client(Environment environment, ExchangeLog log, String scenario) {
        SpendCap cap = new SpendCap(environment.maxSpendUsd(), environment.name(), () -> Spending.of(log.all(), environment.profile()));
        return new GatewayClient(environment, new Redactor(environment.secrets(), environment.profile()),
                log.forScenario(), scenario, new RunLimits(60), cap, new SharedAnswer());
    }

    private static long posts(SimulatedGateway gateway) {
        return gateway.requests().stream().filter(request -> request.getMethod().getName().equals("POST")).count();
    }

    /** The probe, unstreamed then streamed, as the scenarios send it, each refused by the team's gateway: the run's log. */
    private List<Exchange> refusedProbes(Environment allowed, String probe) {
        ExchangeLog log = new ExchangeLog();
        Credential team = Credential.teamKey(allowed.apiKey());
        client(allowed, log, "The smallest chat completion").chatCompletion(team, ChatCompletionRequest.smallest(probe, 1));
        client(allowed, log, "The smallest chat completion, streamed").chatCompletion(team, ChatCompletionRequest.smallest(probe, 1).streamed());
        assertThat(log.all().stream().filter(e -> e.method().equals("POST")).map(Exchange::status).toList(), hasSize(2));
        return log.all();
    }

    @ParameterizedTest(name = "{0} allowBillable {3} maxSpendUsd {4}")
    @CsvSource({
            "vercel,     free-tier,          anthropic/claude-haiku-4.5, false, 1,          allowBillable: false",
            "vercel,     free-tier,          anthropic/claude-haiku-4.5, true,  0,          maxSpendUsd: 0",
            // Below the worst case of the probe on gpt-5-nano (about 77 request bytes at $0.00000005, one token out).
            "vercel,     free-tier,          anthropic/claude-haiku-4.5, true,  0.000001,   maxSpendUsd: 0.000001",
            "openrouter, model-no-endpoints, openai/gpt-4o-mini,         false, 1,          allowBillable: false",
            "openrouter, model-no-endpoints, openai/gpt-4o-mini,         true,  0,          maxSpendUsd: 0",
            "openrouter, model-no-endpoints, openai/gpt-4o-mini,         true,  0.00001,    maxSpendUsd: 0.00001",
    })
    void pastTheGatesNoPostArrivesAndTheLineSaysWhy(String gateway, String team, String probe, boolean allowBillable,
                                                   String cap, String why) throws Exception {
        try (SimulatedGateway simulated = SimulatedGateway.start(0, 0, GatewayProfile.named(gateway))) {
            List<Exchange> refused = refusedProbes(environment(gateway, simulated.baseUrl(), team, probe, true, "1"), probe);
            long before = posts(simulated);

            Environment gated = environment(gateway, simulated.baseUrl(), team, probe, allowBillable, cap);
            ExchangeLog log = new ExchangeLog();
            List<String> notSent = OtherModelWave.send(gated, refused, client(gated, log, OtherModel.SCENARIO));

            assertThat("no POST arrived past the gate", posts(simulated), equalTo(before));
            assertThat(log.all().stream().filter(e -> e.method().equals("POST")).toList(), empty());
            assertThat(notSent, hasSize(1));
            assertThat(notSent.get(0), containsString(why));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "vercel,     free-tier,          anthropic/claude-haiku-4.5, openai/gpt-5-nano",
            "openrouter, model-no-endpoints, openai/gpt-4o-mini,         anthropic/claude-haiku-4.5",
    })
    void allowedOnePostARefusedRouteArrivesWithTheUnstreamedProbesBody(String gateway, String team, String probe, String other)
            throws Exception {
        try (SimulatedGateway simulated = SimulatedGateway.start(0, 0, GatewayProfile.named(gateway))) {
            Environment allowed = environment(gateway, simulated.baseUrl(), team, probe, true, "1");
            List<Exchange> refused = refusedProbes(allowed, probe);
            long before = posts(simulated);
            ExchangeLog log = new ExchangeLog();

            List<String> notSent = OtherModelWave.send(allowed, refused, client(allowed, log, OtherModel.SCENARIO));

            assertThat(notSent, empty());
            assertThat("one POST for the route's two refused probes", posts(simulated), equalTo(before + 1));
            List<Exchange> sent = log.all().stream().filter(e -> e.method().equals("POST")).toList();
            assertThat(sent.stream().map(e -> e.status() + " " + e.variant()).toList(),
                    contains("200 the same probe on " + other + " instead of " + probe));
            assertThat("the unstreamed probe's body, on the other model", sent.get(0).requestBody(),
                    equalTo(refused.stream().filter(e -> e.scenario().equals("The smallest chat completion") && e.method().equals("POST")).findFirst().orElseThrow()
                            .requestBody().replace(probe, other)));

            // A route the run served (the other model's answer among the exchanges) is not tried again.
            List<Exchange> withTheAnswer = new java.util.ArrayList<>(refused);
            withTheAnswer.addAll(log.all());
            assertThat(OtherModelWave.refusedRoutes(withTheAnswer, allowed.profile()), equalTo(Map.of()));
        }
    }

    /**
     * Four routes refused on every model, each with another model in the catalog: three sends arrive (the wave's cap),
     * one a route, the fourth named not sent. A gateway on 127.0.0.1 that refuses every POST in Vercel's words.
     */
    @org.junit.jupiter.api.Test
    void theWaveSendsAtMostThreeOneARoute() throws Exception {
        com.github.tomakehurst.wiremock.WireMockServer server = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/models").willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"data\":["
                            + "{\"id\":\"a/one\",\"type\":\"language\",\"pricing\":{\"input\":\"0.000001\",\"output\":\"0.000001\"}},"
                            + "{\"id\":\"a/two\",\"type\":\"language\",\"pricing\":{\"input\":\"0.000001\",\"output\":\"0.000001\"}},"
                            + "{\"id\":\"e/one\",\"type\":\"embedding\",\"pricing\":{\"input\":\"0.000001\"}},"
                            + "{\"id\":\"e/two\",\"type\":\"embedding\",\"pricing\":{\"input\":\"0.000001\"}}]}")
                            .withHeader("x-vercel-id", "raw1::models")));
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(403)
                            .withHeader("Content-Type", "application/json").withHeader("x-vercel-id", "raw1::refused")
                            .withBody("{\"error\":{\"message\":\"Forbidden.\",\"type\":\"access_denied\"}}")));
            Environment environment = environment("vercel", server.baseUrl(), "refused", "a/one", true, "1");
            List<Exchange> refused = new java.util.ArrayList<>();
            int sequence = 1;
            for (String route : List.of("chat-completions", "messages", "responses", "embeddings")) {
                String model = route.equals("embeddings") ? "e/one" : "a/one";
                String path = environment.profile().path(route);
                refused.add(Exchange.builder().sequence(sequence).scenario("probe " + route).startedAt(java.time.Instant.EPOCH)
                        .method("POST").url(server.baseUrl() + path).path(path)
                        .requestBody("{\"model\":\"" + model + "\",\"max_tokens\":1}").status(403)
                        .responseHeaders(Map.of("content-type", "application/json", "x-vercel-id", "raw1::" + sequence))
                        .responseBody("{\"error\":{\"message\":\"Forbidden.\",\"type\":\"access_denied\"}}").durationMs(5)
                        .requestId("raw1::" + sequence).errorType("access_denied").caller(dev.aigateway.contract.record.Caller.TEAM_KEY)
                        .build());
                sequence++;
            }
            ExchangeLog log = new ExchangeLog();

            List<String> notSent = OtherModelWave.send(environment, refused, client(environment, log, OtherModel.SCENARIO));

            List<String> arrived = server.getAllServeEvents().stream().map(event -> event.getRequest())
                    .filter(request -> request.getMethod().getName().equals("POST")).map(request -> request.getUrl()).sorted().toList();
            assertThat(arrived, equalTo(List.of("/v1/chat/completions", "/v1/messages", "/v1/responses")));
            assertThat(notSent, contains("POST /v1/embeddings: not sent, 3 were"));
            assertThat(log.all().stream().filter(e -> e.method().equals("POST")).map(Exchange::variant).toList(),
                    org.hamcrest.Matchers.everyItem(equalTo("the same probe on a/two instead of a/one")));
        } finally {
            server.stop();
        }
    }
}
