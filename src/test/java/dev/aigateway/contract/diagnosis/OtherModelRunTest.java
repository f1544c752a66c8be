package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.run.ContractSuite;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same probe on another model, over a URL on each gateway (the simulated gateway on 127.0.0.1 counts what
 * arrives): a team whose probe's model is refused while another is served gets {@code otherModel=served}, one refused
 * on every model {@code same} (also when the refusal names each model: read as one word), and the extra POST, on the
 * cheapest priced other model of the catalog, arrives once; a healthy team's run sends no extra request at all.
 */
class OtherModelRunTest {

    @TempDir
    Path root;

    @TempDir
    Path output;

    private Environment environment(String gateway, String baseUrl, String team, String probe, boolean allowBillable,
                                    String maxSpendUsd) throws Exception {
        return OtherModelEnvironment.write(root, gateway, baseUrl, team, probe, allowBillable, maxSpendUsd);
    }

    private static SimulatedGateway start(String gateway) {
        return SimulatedGateway.start(0, 0, GatewayProfile.named(gateway));
    }

    /** What arrived at the gateway: each POST's path and the model its body named. */
    private static List<String> posts(SimulatedGateway gateway) {
        return gateway.requests().stream().filter(request -> request.getMethod().getName().equals("POST"))
                .map(OtherModelRunTest::postLine).toList();
    }

    private static String postLine(LoggedRequest request) {
        return request.getUrl() + " " + dev.aigateway.contract.http.AnswerJson.object(request.getBodyAsString()).path("model").asText("");
    }

    private RunRecord run() throws Exception {
        return ContractSuite.run(root, OtherModelEnvironment.NAME, output, Map.of());
    }

    @ParameterizedTest(name = "{0} {1}: {4}")
    @CsvSource({
            // Vercel's free tier: anthropic/* refused, openai/* served; the cheapest priced language model is gpt-5-nano.
            "vercel,     free-tier,          anthropic/claude-haiku-4.5, openai/gpt-5-nano,          served",
            // OpenRouter: the probe's model has no endpoint; the free Llama is not priced, so Claude Haiku is the cheapest.
            "openrouter, model-no-endpoints, openai/gpt-4o-mini,         anthropic/claude-haiku-4.5, served",
            "vercel,     region-restricted,  openai/gpt-4o-mini,         openai/gpt-5-nano,          same",
            "openrouter, region,             openai/gpt-4o-mini,         anthropic/claude-haiku-4.5, same",
            // The refusal names each request's own model ("{model} requires moderation"): still the same refusal.
            "openrouter, moderation,         openai/gpt-4o-mini,         anthropic/claude-haiku-4.5, same",
    })
    void theRefusedProbeIsSentOnceOnTheCheapestOtherModelAndItsAnswerIsTheFact(String gateway, String team, String probe,
                                                                              String other, String fact) throws Exception {
        try (SimulatedGateway simulated = start(gateway)) {
            Environment environment = environment(gateway, simulated.baseUrl(), team, probe, true, "0.01");
            String chat = environment.profile().path("chat-completions");
            RunRecord run = run();

            List<Exchange> wave = run.exchanges().stream().filter(e -> OtherModel.SCENARIO.equals(e.scenario())).toList();
            assertThat("the wave's one send, on the chat route", wave.stream().map(e -> e.method() + " " + e.path()).toList(),
                    equalTo(List.of("POST " + chat)));
            assertThat(wave.get(0).variant(), equalTo("the same probe on " + other + " instead of " + probe));
            assertThat("it arrived once, on the other model",
                    posts(simulated).stream().filter((chat + " " + other)::equals).count(), equalTo(1L));
            assertThat("every POST that arrived was recorded", posts(simulated),
                    hasSize((int) run.exchanges().stream().filter(e -> e.method().equals("POST")).count()));

            List<Map<String, String>> facts = Facts.ofRun(run.exchanges(), environment);
            List<String> onTheProbe = new java.util.ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                Exchange exchange = run.exchanges().get(i);
                if (exchange.scenario().startsWith("The smallest chat completion") && chat.equals(exchange.path())) {
                    onTheProbe.add(facts.get(i).get("otherModel"));
                } else {
                    assertThat("#" + exchange.sequence() + " " + exchange.scenario(), facts.get(i).get("otherModel"), equalTo(""));
                }
            }
            assertThat(onTheProbe, hasSize(2));
            assertThat("otherModel on the refused probe's exchanges", onTheProbe, everyItem(equalTo(fact)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"vercel, healthy, openai/gpt-4o-mini", "openrouter, healthy, openai/gpt-4o-mini"})
    void aHealthyRunSendsNoExtraRequest(String gateway, String team, String probe) throws Exception {
        try (SimulatedGateway simulated = start(gateway)) {
            Environment environment = environment(gateway, simulated.baseUrl(), team, probe, true, "0.01");
            RunRecord run = run();
            assertThat(run.verdict().id(), equalTo("healthy"));
            assertThat(run.exchanges().stream().filter(e -> OtherModel.SCENARIO.equals(e.scenario())).toList(), empty());
            assertThat("every request that arrived was a scenario's own", simulated.requests(), hasSize(run.exchanges().size()));
            assertThat(Facts.ofRun(run.exchanges(), environment).stream().map(f -> f.get("otherModel")).distinct().toList(),
                    equalTo(List.of("")));
        }
    }

    /** Past the gates ({@code allowBillable: false}, {@code maxSpendUsd: 0}) the refused team's run sends no POST at all. */
    @ParameterizedTest(name = "{0} {1} allowBillable {3} maxSpendUsd {4}")
    @CsvSource({
            "vercel,     free-tier,          anthropic/claude-haiku-4.5, false, 1",
            "vercel,     free-tier,          anthropic/claude-haiku-4.5, true,  0",
            "openrouter, model-no-endpoints, openai/gpt-4o-mini,         false, 1",
            "openrouter, model-no-endpoints, openai/gpt-4o-mini,         true,  0",
    })
    void pastTheGatesNoPostArrives(String gateway, String team, String probe, boolean allowBillable, String cap) throws Exception {
        try (SimulatedGateway simulated = start(gateway)) {
            environment(gateway, simulated.baseUrl(), team, probe, allowBillable, cap);
            RunRecord run = run();
            assertThat(posts(simulated), empty());
            assertThat(run.exchanges().stream().filter(e -> OtherModel.SCENARIO.equals(e.scenario())).toList(), empty());
        }
    }
}
