package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The wave on LiteLLM, Portkey and Vercel's AI SDK route, after real refusals of the simulated gateway on 127.0.0.1
 * (whose journal counts what arrives). LiteLLM: past the gates no POST arrives and the line says which setting refused
 * it (the listing, a GET that spends nothing, is read first, and prices the send: a cap below its worst case there
 * refuses it). Portkey: whatever the gates, nothing is sent, not even a listing, and each refused route's line says
 * the gateway keeps no list of models of its own. The AI SDK's route: the same gates, and allowed, the other model in
 * the model header.
 */
class OtherModelWaveEveryGatewayTest {

    @TempDir
    Path root;

    private Environment environment(String gateway, String baseUrl, String team, boolean allowBillable, String maxSpendUsd)
            throws Exception {
        return OtherModelEnvironment.write(root, gateway, baseUrl, team, "openai/gpt-4o-mini", allowBillable, maxSpendUsd,
                gateway.equals("portkey") ? OtherModelEnvironment.PORTKEY_HEADERS : "");
    }

    private static GatewayClient client(Environment environment, ExchangeLog log, String scenario) {
        SpendCap cap = new SpendCap(environment.maxSpendUsd(), environment.name(), () -> Spending.of(log.all(), environment.profile()));
        return new GatewayClient(environment, new Redactor(environment.secrets(), environment.profile()),
                log.forScenario(), scenario, new RunLimits(60), cap, new SharedAnswer());
    }

    private static long count(SimulatedGateway gateway, String method) {
        return gateway.requests().stream().filter(request -> request.getMethod().getName().equals(method)).count();
    }

    /** The probe, as the chat scenario sends it, refused by the team's gateway: the run's log. */
    private List<Exchange> refusedProbe(Environment allowed) {
        ExchangeLog log = new ExchangeLog();
        client(allowed, log, "The smallest chat completion").chatCompletion(Credential.teamKey(allowed.apiKey()),
                ChatCompletionRequest.smallest("openai/gpt-4o-mini", 1));
        List<Exchange> posts = log.all().stream().filter(e -> e.method().equals("POST")).toList();
        assertThat(posts, hasSize(1));
        assertThat("refused", posts.get(0).status() >= 400, equalTo(true));
        return log.all();
    }

    @ParameterizedTest(name = "litellm allowBillable {0} maxSpendUsd {1}")
    @CsvSource({
            "false, 1,       allowBillable: false",
            "true,  0,       maxSpendUsd: 0",
            // Below the worst case of the probe on Claude Haiku at /model_group/info's prices (about 80 request bytes at
            // $0.000001, one token out at $0.000005): priced from the list it was chosen from, not sent.
            "true,  0.00001, maxSpendUsd: 0.00001",
    })
    void onLiteLLMPastTheGatesNoPostArrivesAndTheLineSaysWhy(boolean allowBillable, String cap, String why) throws Exception {
        try (SimulatedGateway simulated = SimulatedGateway.start(0, 0, GatewayProfile.named("litellm"))) {
            List<Exchange> refused = refusedProbe(environment("litellm", simulated.baseUrl(), "key-model-access", true, "1"));
            long before = count(simulated, "POST");

            Environment gated = environment("litellm", simulated.baseUrl(), "key-model-access", allowBillable, cap);
            ExchangeLog log = new ExchangeLog();
            List<String> notSent = OtherModelWave.send(gated, refused, client(gated, log, OtherModel.SCENARIO));

            assertThat("no POST arrived past the gate", count(simulated, "POST"), equalTo(before));
            assertThat("the listing was read, nothing was posted", log.all().stream().map(e -> e.method() + " " + e.path()).toList(),
                    equalTo(List.of("GET /v1/models", "GET /model_group/info")));
            assertThat(notSent, hasSize(1));
            assertThat(notSent.get(0), containsString("on anthropic/claude-haiku-4.5"));
            assertThat(notSent.get(0), containsString(why));
        }
    }

    @ParameterizedTest(name = "portkey allowBillable {0} maxSpendUsd {1}")
    @CsvSource({"true, 1", "false, 1", "true, 0"})
    void onPortkeyNothingIsSentAndTheLineSaysThereIsNoListOfModels(boolean allowBillable, String cap) throws Exception {
        try (SimulatedGateway simulated = SimulatedGateway.start(0, 0, GatewayProfile.named("portkey"))) {
            List<Exchange> refused = refusedProbe(environment("portkey", simulated.baseUrl(), "rate-limited", true, "1"));
            long before = simulated.requests().size();

            Environment environment = environment("portkey", simulated.baseUrl(), "rate-limited", allowBillable, cap);
            ExchangeLog log = new ExchangeLog();
            List<String> notSent = OtherModelWave.send(environment, refused, client(environment, log, OtherModel.SCENARIO));

            assertThat("nothing arrived, not even a catalog request", simulated.requests().size(), equalTo((int) before));
            assertThat(log.all(), empty());
            assertThat(notSent, equalTo(List.of("POST /v1/chat/completions: no other model to try, "
                    + environment.profile().catalog().otherModel().none())));
            assertThat(OtherModelWave.refusedRoutes(refused, environment.profile()), equalTo(Map.of()));
        }
    }

    /** A key over its budget is refused /model_group/info too: nothing is sent, and the line says the list did not answer. */
    @Test
    void onLiteLLMAListThatDoesNotAnswerSendsNothingAndSaysSo() throws Exception {
        try (SimulatedGateway simulated = SimulatedGateway.start(0, 0, GatewayProfile.named("litellm"))) {
            Environment environment = environment("litellm", simulated.baseUrl(), "key-budget", true, "1");
            ExchangeLog probes = new ExchangeLog();
            client(environment, probes, "The smallest chat completion").chatCompletion(Credential.teamKey(environment.apiKey()),
                    ChatCompletionRequest.smallest("openai/gpt-4o-mini", 1));
            long before = count(simulated, "POST");
            ExchangeLog log = new ExchangeLog();

            List<String> notSent = OtherModelWave.send(environment, probes.all(), client(environment, log, OtherModel.SCENARIO));

            assertThat(count(simulated, "POST"), equalTo(before));
            assertThat(log.all().stream().map(e -> e.method() + " " + e.path() + " " + e.status()).toList(), org.hamcrest.Matchers.hasItem("GET /model_group/info 429"));
            assertThat(notSent, equalTo(List.of("POST /v1/chat/completions: the list of models to choose from (GET /model_group/info) did not answer 200")));
        }
    }

    /**
     * Vercel's AI SDK route (the model in a header), refused on the free tier: past the gates no POST arrives and the
     * line says which setting refused the send on the other model; allowed, it arrives once with the other model in
     * the header.
     */
    @ParameterizedTest(name = "vercel ai-sdk-v3 allowBillable {0} maxSpendUsd {1}")
    @CsvSource({
            "false, 1,        allowBillable: false",
            "true,  0,        maxSpendUsd: 0",
            // Below the worst case of the call on gpt-5-nano (about 100 request bytes at $0.00000005, one token out).
            "true,  0.000001, maxSpendUsd: 0.000001",
            "true,  1,        ''",
    })
    void onVercelsAiSdkRouteTheGatesHoldAndTheHeaderCarriesTheOtherModel(boolean allowBillable, String cap, String why) throws Exception {
        try (SimulatedGateway simulated = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            Environment allowed = OtherModelEnvironment.write(root, "vercel", simulated.baseUrl(), "free-tier",
                    "anthropic/claude-haiku-4.5", true, "1", "routes: [ai-sdk-v3]");
            ExchangeLog probes = new ExchangeLog();
            client(allowed, probes, "The smallest text, streamed as @ai-sdk/gateway 3.x streams it").languageModel(
                    Credential.teamKey(allowed.apiKey()), "/v3/ai", "2", "anthropic/claude-haiku-4.5", true,
                    dev.aigateway.contract.http.LanguageModelCall.smallest(1));
            assertThat(probes.all().stream().filter(e -> e.method().equals("POST")).map(Exchange::status).toList(), equalTo(List.of(403)));
            long before = count(simulated, "POST");

            Environment gated = OtherModelEnvironment.write(root, "vercel", simulated.baseUrl(), "free-tier",
                    "anthropic/claude-haiku-4.5", allowBillable, cap, "routes: [ai-sdk-v3]");
            ExchangeLog log = new ExchangeLog();
            List<String> notSent = OtherModelWave.send(gated, probes.all(), client(gated, log, OtherModel.SCENARIO));

            List<String> headers = simulated.requests().stream().filter(request -> request.getMethod().getName().equals("POST"))
                    .skip(before).map(request -> request.getUrl() + " " + request.getHeader("ai-language-model-id")).toList();
            if (why.isEmpty()) {
                assertThat(notSent, empty());
                assertThat(headers, equalTo(List.of("/v3/ai/language-model openai/gpt-5-nano")));
            } else {
                assertThat("no POST arrived past the gate", headers, empty());
                assertThat(notSent, hasSize(1));
                assertThat(notSent.get(0), containsString("POST /v3/ai/language-model on openai/gpt-5-nano"));
                assertThat(notSent.get(0), containsString(why));
            }
        }
    }

    /** A run with nothing refused gets no line on Portkey either. */
    @Test
    void onPortkeyAServedProbeGetsNoLine() throws Exception {
        try (SimulatedGateway simulated = SimulatedGateway.start(0, 0, GatewayProfile.named("portkey"))) {
            Environment environment = environment("portkey", simulated.baseUrl(), "healthy", true, "1");
            ExchangeLog log = new ExchangeLog();
            client(environment, log, "The smallest chat completion").chatCompletion(Credential.teamKey(environment.apiKey()),
                    ChatCompletionRequest.smallest("openai/gpt-4o-mini", 1));
            assertThat(log.all().stream().filter(e -> e.method().equals("POST")).map(Exchange::status).toList(), equalTo(List.of(200)));
            assertThat(OtherModelWave.send(environment, log.all(), client(environment, new ExchangeLog(), OtherModel.SCENARIO)), empty());
        }
    }
}
