package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.http.AnswerJson;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.run.ContractSuite;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same probe on another model on LiteLLM and Portkey, over a URL (the simulated gateway on 127.0.0.1 counts what
 * arrives). LiteLLM: after a refusal, and only then, /model_group/info is read once with the key and the probe sent once
 * on the cheapest other chat model it lists, whose answer is the fact; past the gates nothing is sent. Portkey keeps
 * no list of models of its own: a refused run sends nothing more, and {@code otherModel} stays empty.
 */
class OtherModelOtherGatewaysTest {

    @TempDir
    Path root;

    @TempDir
    Path output;

    /** {@code environments/wave.yaml}: the simulated gateway at its URL, a team's key, the probe gpt-4o-mini, the gates. */
    private Environment environment(String gateway, String baseUrl, String team, boolean allowBillable, String maxSpendUsd)
            throws Exception {
        return OtherModelEnvironment.write(root, gateway, baseUrl, team, "openai/gpt-4o-mini", allowBillable, maxSpendUsd,
                gateway.equals("portkey") ? OtherModelEnvironment.PORTKEY_HEADERS : "");
    }

    private static SimulatedGateway start(String gateway) {
        return SimulatedGateway.start(0, 0, GatewayProfile.named(gateway));
    }

    /** What arrived at the gateway: each request's method, path and the model its body named. */
    private static List<String> arrived(SimulatedGateway gateway, String method) {
        return gateway.requests().stream().filter(request -> request.getMethod().getName().equals(method))
                .map(OtherModelOtherGatewaysTest::line).toList();
    }

    private static String line(LoggedRequest request) {
        return request.getUrl() + " " + AnswerJson.object(request.getBodyAsString()).path("model").asText("");
    }

    private RunRecord run() throws Exception {
        return ContractSuite.run(root, OtherModelEnvironment.NAME, output, Map.of());
    }

    private static List<Exchange> wave(RunRecord run) {
        return run.exchanges().stream().filter(e -> OtherModel.SCENARIO.equals(e.scenario())).toList();
    }

    /**
     * The key may use Claude Haiku only (403 key_model_access_denied on gpt-4o-mini): the wave reads the key's
     * /model_group/info and sends the probe once on Claude Haiku, which is served.
     */
    @Test
    void onLiteLLMTheModelInfoIsReadOnceAndTheProbeSentOnceOnTheOtherChatModel() throws Exception {
        try (SimulatedGateway simulated = start("litellm")) {
            Environment environment = environment("litellm", simulated.baseUrl(), "key-model-access", true, "0.01");
            String chat = environment.profile().path("chat-completions");
            RunRecord run = run();

            assertThat("the wave: the listing, then one send", wave(run).stream().map(e -> e.method() + " " + e.path() + " " + e.status()).toList(),
                    equalTo(List.of("GET /model_group/info 200", "POST " + chat + " 200")));
            assertThat(wave(run).get(1).variant(), equalTo("the same probe on anthropic/claude-haiku-4.5 instead of openai/gpt-4o-mini"));
            assertThat("/model_group/info arrived once", arrived(simulated, "GET").stream().filter(line -> line.startsWith("/model_group/info")).count(),
                    equalTo(1L));
            assertThat("the probe arrived once on the other model",
                    arrived(simulated, "POST").stream().filter((chat + " anthropic/claude-haiku-4.5")::equals).count(), equalTo(1L));
            assertThat("every POST that arrived was recorded", arrived(simulated, "POST"),
                    hasSize((int) run.exchanges().stream().filter(e -> e.method().equals("POST")).count()));

            List<String> onTheProbe = onTheRefusedProbe(run, environment, chat);
            assertThat(onTheProbe, hasSize(2));
            assertThat(onTheProbe, everyItem(equalTo("served")));
        }
    }

    /**
     * environments/local/local-litellm-no-deployments: every deployment of the probe's model cools down (429 "No
     * deployments available for selected model", words no rule of the proxy's knows) while Claude Haiku serves: the
     * experiment places the refusal at the model.
     */
    @Test
    void onLiteLLMNoDeploymentOfTheProbesModelIsModelUnavailablePlacedByTheOtherModel() throws Exception {
        RunRecord run = ContractSuite.run("local-litellm-no-deployments", output);
        assertThat(run.verdict().meaning(), run.verdict().id(), equalTo("model-unavailable"));
        assertThat(run.verdict().meaning(), org.hamcrest.Matchers.containsString(
                "Placed by: another catalog model was served where openai/gpt-4o-mini got 429"));
        assertThat(wave(run).stream().map(e -> e.method() + " " + e.path() + " " + e.status() + " " + e.variant()).toList(), equalTo(List.of(
                "GET /model_group/info 200 null",
                "POST /v1/chat/completions 200 the same probe on anthropic/claude-haiku-4.5 instead of openai/gpt-4o-mini")));
    }

    /** A healthy key: no refusal, so neither /model_group/info nor any extra POST. */
    @Test
    void onLiteLLMAHealthyRunReadsNoModelInfoAndSendsNothingMore() throws Exception {
        try (SimulatedGateway simulated = start("litellm")) {
            Environment environment = environment("litellm", simulated.baseUrl(), "healthy", true, "0.01");
            RunRecord run = run();
            assertThat(run.verdict().id(), equalTo("healthy"));
            assertThat(wave(run), empty());
            assertThat(arrived(simulated, "GET").stream().filter(line -> line.contains("model_group/info")).toList(), empty());
            assertThat(simulated.requests(), hasSize(run.exchanges().size()));
            assertThat(Facts.ofRun(run.exchanges(), environment).stream().map(f -> f.get("otherModel")).distinct().toList(),
                    equalTo(List.of("")));
        }
    }

    /** Past the gates ({@code allowBillable: false}, {@code maxSpendUsd: 0}) the refused key's run sends no POST at all. */
    @ParameterizedTest(name = "litellm allowBillable {0} maxSpendUsd {1}")
    @CsvSource({"false, 1", "true, 0"})
    void onLiteLLMPastTheGatesNoPostArrives(boolean allowBillable, String cap) throws Exception {
        try (SimulatedGateway simulated = start("litellm")) {
            environment("litellm", simulated.baseUrl(), "key-model-access", allowBillable, cap);
            RunRecord run = run();
            assertThat(arrived(simulated, "POST"), empty());
            assertThat(wave(run).stream().filter(e -> e.method().equals("POST")).toList(), empty());
        }
    }

    /**
     * The provider behind Portkey refuses the probe (429, rewritten by Portkey): Portkey lists no models of its own,
     * so the run sends nothing on another model, allowed or not, and the fact stays empty.
     */
    @ParameterizedTest(name = "portkey allowBillable {0} maxSpendUsd {1}")
    @CsvSource({"true, 0.01", "false, 1", "true, 0"})
    void onPortkeyNothingIsSentOnAnotherModel(boolean allowBillable, String cap) throws Exception {
        try (SimulatedGateway simulated = start("portkey")) {
            Environment environment = environment("portkey", simulated.baseUrl(), "rate-limited", allowBillable, cap);
            String chat = environment.profile().path("chat-completions");
            RunRecord run = run();

            assertThat(wave(run), empty());
            assertThat("every POST that arrived was a scenario's own, on the probe's model", arrived(simulated, "POST"),
                    everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("claude"))));
            assertThat(arrived(simulated, "POST"), hasSize((int) run.exchanges().stream().filter(e -> e.method().equals("POST")).count()));
            assertThat(Facts.ofRun(run.exchanges(), environment).stream().map(f -> f.get("otherModel")).distinct().toList(),
                    equalTo(List.of("")));
            if (allowBillable && !cap.equals("0")) {
                assertThat("the probe was refused by Portkey, so the wave had a route to try", run.exchanges().stream()
                        .filter(e -> e.scenario().startsWith("The smallest chat completion") && chat.equals(e.path()))
                        .map(e -> OtherModel.refusedOnAnyRoute(e, environment.profile()).orElse("")).toList(),
                        everyItem(equalTo("chat-completions")));
            }
        }
    }

    /**
     * The AI SDK's route names its model in a header: Vercel's free tier refuses Claude Haiku there, the wave sends the
     * same body once more with ai-language-model-id: openai/gpt-5-nano (the cheapest other language model), which is
     * served, and the refused probe's fact says so.
     */
    @Test
    void onVercelsAiSdkRouteTheOtherModelGoesInTheModelHeader() throws Exception {
        try (SimulatedGateway simulated = start("vercel")) {
            Environment environment = OtherModelEnvironment.write(root, "vercel", simulated.baseUrl(), "free-tier",
                    "anthropic/claude-haiku-4.5", true, "0.01", "routes: [ai-sdk-v3]");
            String path = environment.profile().path("ai-sdk-v3");
            RunRecord run = run();

            assertThat(wave(run).stream().map(e -> e.method() + " " + e.path() + " " + e.status()).toList(),
                    equalTo(List.of("POST " + path + " 200")));
            assertThat(wave(run).get(0).variant(), equalTo("the same probe on openai/gpt-5-nano instead of anthropic/claude-haiku-4.5"));
            List<LoggedRequest> sdkPosts = simulated.requests().stream().filter(request -> request.getMethod().getName().equals("POST")
                    && request.getUrl().equals(path) && request.getHeader("Authorization") != null
                    && request.getHeader("Authorization").contains("free-tier")).toList();
            assertThat("the model headers that arrived, the probe's then the wave's",
                    sdkPosts.stream().map(request -> request.getHeader("ai-language-model-id")).toList(),
                    equalTo(List.of("anthropic/claude-haiku-4.5", "openai/gpt-5-nano")));
            assertThat("the same body, the specification version and streaming as the probe's",
                    sdkPosts.stream().map(request -> request.getBodyAsString() + " " + request.getHeader("ai-language-model-specification-version")
                            + " " + request.getHeader("ai-language-model-streaming")).distinct().count(), equalTo(1L));

            List<Map<String, String>> facts = Facts.ofRun(run.exchanges(), environment);
            List<String> onTheProbe = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                Exchange exchange = run.exchanges().get(i);
                if (!OtherModel.SCENARIO.equals(exchange.scenario()) && path.equals(exchange.path())
                        && exchange.caller() == dev.aigateway.contract.record.Caller.TEAM_KEY) {
                    onTheProbe.add(exchange.status() + " " + facts.get(i).get("model") + " " + facts.get(i).get("otherModel"));
                }
            }
            assertThat(onTheProbe, equalTo(List.of("403 anthropic/claude-haiku-4.5 served")));
            assertThat("the closing block's Routes line", dev.aigateway.contract.evidence.RouteOutcomes.of(run.exchanges(), environment.profile()),
                    org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.endsWith("; the same probe on openai/gpt-5-nano: served (200)")));
        }
    }

    /** {@code otherModel} on the exchanges of the refused chat probe; every other exchange's is asserted empty. */
    private static List<String> onTheRefusedProbe(RunRecord run, Environment environment, String chat) {
        List<Map<String, String>> facts = Facts.ofRun(run.exchanges(), environment);
        List<String> onTheProbe = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            Exchange exchange = run.exchanges().get(i);
            if (exchange.scenario().startsWith("The smallest chat completion") && chat.equals(exchange.path())) {
                onTheProbe.add(facts.get(i).get("otherModel"));
            } else {
                assertThat("#" + exchange.sequence() + " " + exchange.scenario(), facts.get(i).get("otherModel"), equalTo(""));
            }
        }
        return onTheProbe;
    }
}
