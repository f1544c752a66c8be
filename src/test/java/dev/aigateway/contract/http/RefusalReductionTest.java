package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.request.ApplicationRequest;
import dev.aigateway.contract.request.RequestFile;
import dev.aigateway.contract.simulator.SimulatedGateway;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Variants of a refused application request, against the simulated gateway on a dynamic port, which
 * refuses R1 (https://github.com/vercel/ai/issues/20649): non-streamed anthropic/claude-opus-5 above
 * 21,333 output tokens. Each changes one thing, each goes through the spend gate, and the finding names
 * the field.
 */
class RefusalReductionTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));
    private static SimulatedGateway gateway;
    private static Environment environment;

    @BeforeAll
    static void start() {
        gateway = SimulatedGateway.start(0);
        environment = new EnvironmentLoader(ROOT, Map.of()).load("local").targeting(gateway.baseUrl());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static GatewayClient client(ExchangeLog log, SpendGuard guard) {
        return new GatewayClient(environment, new Redactor(environment.secrets(), environment.profile()),
                log.forScenario(), "Your application's request 1", new RunLimits(60), guard, new SharedAnswer());
    }

    private static ApplicationRequest r1() {
        return RequestFile.readFrom(ROOT, "src/test/resources/requests/r1.curl");
    }

    private static Credential key() {
        return Credential.teamKey(environment.apiKey());
    }

    @Test
    void theSimulatorRefusesR1AsTheIssueShowsItAndServesItStreamedOrWithHalfTheTokens() {
        ExchangeLog log = new ExchangeLog();
        GatewayClient client = client(log, SpendGuard.NONE);
        Response refused = client.applicationRequest(key(), r1());
        assertThat(refused.statusCode(), equalTo(400));
        assertThat(refused.asString(), containsString("must be under 21K for anthropic/claude-opus-5"));
        assertThat(RefusalReduction.refusedByTheGateway(refused, environment.profile()), equalTo(true));
        Response streamed = client.applicationRequest(key(), r1().withBody(r1().body().replace("\"stream\":false", "\"stream\":true")));
        assertThat(streamed.statusCode(), equalTo(200));
        Response unset = client.applicationRequest(key(), r1().withBody(r1().body().replace("\"stream\":false,", "")));
        assertThat("no stream field is not streamed", unset.statusCode(), equalTo(400));
        Response halved = client.applicationRequest(key(), r1().withBody(r1().body().replace("21334", "21333")));
        assertThat(halved.statusCode(), equalTo(200));
    }

    @Test
    void r1FollowsMaxTokensWithStreamFalseInThreeExtraRequests() {
        ExchangeLog log = new ExchangeLog();
        GatewayClient variants = client(log, SpendGuard.NONE);
        RefusalReduction.Outcome outcome = RefusalReduction.find(variants, key(), r1());
        assertThat(outcome.finding().sentence(), equalTo("the gateway refuses `max_tokens: 21334` with `stream: false` on"
                + " anthropic/claude-opus-5; streamed, or with `max_tokens: 10667`, it is served"));
        assertThat(outcome.finding().trigger(), equalTo("max_tokens"));
        assertThat(outcome.requests(), equalTo(3));
        assertThat(outcome.waves(), equalTo(2));
        List<String> changes = log.all().stream().filter(e -> e.variant() != null).map(Exchange::variant).sorted().toList();
        assertThat(changes, equalTo(List.of("max_tokens: 10667", "stream: true", RefusalReduction.SMALLEST)));
        assertThat("every variant is the scenario's", log.all().stream().filter(e -> e.variant() != null)
                .allMatch(e -> e.scenario().equals("Your application's request 1")), equalTo(true));
    }

    @Test
    void aVariantThatDoesNotFitTheSpendCapIsSkippedAndNamedWithTheFigure() {
        ExchangeLog log = new ExchangeLog();
        // Room for max_tokens 10667 ($0.27 at most), not for the streamed 21334 ($0.53).
        SpendGuard guard = worstCaseUsd -> {
            if (worstCaseUsd != null && worstCaseUsd.compareTo(new BigDecimal("0.30")) > 0) {
                throw new Skipped("skipped: this request could cost up to $" + worstCaseUsd.stripTrailingZeros().toPlainString()
                        + ", and environment local caps it at maxSpendUsd: 0.30");
            }
            return () -> { };
        };
        RefusalReduction.Outcome outcome = RefusalReduction.find(client(log, guard), key(), r1());
        assertThat(outcome.finding().sentence(), equalTo("the gateway refuses `max_tokens: 21334` on anthropic/claude-opus-5;"
                + " with `max_tokens: 10667`, it is served"));
        RefusalReduction.Tried stream = outcome.tried().stream().filter(t -> t.variant().field().equals("stream")).findFirst().orElseThrow();
        assertThat(stream.line(), allOf(startsWith("stream: true: not sent (skipped: this request could cost up to $0.53"),
                containsString("maxSpendUsd: 0.30")));
        assertThat(outcome.requests(), equalTo(2));
    }

    @Test
    void whenEvenTheSmallestRequestOnTheModelIsRefusedItIsTheModelAndNothingMoreIsSent() {
        ExchangeLog log = new ExchangeLog();
        ApplicationRequest unknownModel = r1().withBody(r1().body().replace("anthropic/claude-opus-5", "anthropic/claude-opus-0"));
        RefusalReduction.Outcome outcome = RefusalReduction.find(client(log, SpendGuard.NONE), key(), unknownModel);
        assertThat(outcome.finding().trigger(), equalTo("model"));
        assertThat(outcome.finding().sentence(), allOf(startsWith("the gateway refuses even the probe's smallest request to"
                + " /v1/chat/completions on anthropic/claude-opus-0 (404 model_not_found)"), containsString("not this request")));
        assertThat(outcome.tried(), hasSize(1));
        assertThat(outcome.requests(), equalTo(1));
    }

    @Test
    void noVariantIsSentBeyondMaxVariants() {
        ExchangeLog log = new ExchangeLog();
        Environment one = environment.toBuilder().allowBillable(true).request(new Environment.RequestSettings(1)).build();
        GatewayClient variants = new GatewayClient(one, new Redactor(one.secrets(), one.profile()),
                log.forScenario(), "Your application's request 1", new RunLimits(60), SpendGuard.NONE, new SharedAnswer());
        RefusalReduction.Outcome outcome = RefusalReduction.find(variants, key(), r1());
        assertThat(outcome.requests(), equalTo(1));
        assertThat(outcome.finding().trigger(), equalTo(""));
        assertThat(outcome.finding().sentence(), equalTo("the gateway refuses this request on anthropic/claude-opus-5, yet serves"
                + " the probe's smallest request there; no variant that changes one thing of it was sent (2 changes not tried:"
                + " request.maxVariants: 1)"));
    }

    /** Halving max_tokens (90000 to 45000) is not enough, streaming is: the finding is the stream, and the messages are not varied. */
    @Test
    void whenOnlyTheStreamedRequestIsServedTheFindingIsTheStream() {
        ExchangeLog log = new ExchangeLog();
        ApplicationRequest twoMessages = r1().withBody("{\"model\":\"anthropic/claude-opus-5\",\"max_tokens\":90000,\"stream\":false,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"b\"}]}");
        RefusalReduction.Outcome outcome = RefusalReduction.find(client(log, SpendGuard.NONE), key(), twoMessages);
        // stream: true is served; max_tokens halved (45000) is still above the limit.
        assertThat(outcome.finding().trigger(), equalTo("stream"));
        assertThat(outcome.finding().sentence(), equalTo("the gateway refuses this request with `stream: false` on anthropic/claude-opus-5;"
                + " streamed, it is served"));
        assertThat("the messages are not varied once a top-level change settles it", outcome.requests(), equalTo(3));
    }

    @Test
    void withAByokKeyTheSameRequestDirectlyAtTheProviderSaysTheLimitIsTheGateways() {
        ExchangeLog log = new ExchangeLog();
        RefusalReduction.Direct anthropic = new RefusalReduction.Direct("anthropic", gateway.baseUrl() + "/anthropic", "sk-ant-sim-valid-demo");
        RefusalReduction.Outcome outcome = RefusalReduction.find(client(log, SpendGuard.NONE), key(), r1(), anthropic);
        assertThat(outcome.finding().sentence(), equalTo(RequestFindingText.R1 + "; sent directly to anthropic with your own key,"
                + " the same request is served (200): the limit is the gateway's, not anthropic's"));
        assertThat(outcome.requests(), equalTo(4));
        Exchange direct = log.all().stream().filter(e -> e.caller() == Caller.PROVIDER_DIRECT).findFirst().orElseThrow();
        assertThat(direct.url(), equalTo(gateway.baseUrl() + "/anthropic/v1/chat/completions"));
        assertThat(direct.requestBody(), containsString("\"model\":\"claude-opus-5\""));
        assertThat("the key is redacted in what is recorded", direct.requestHeaderMap().toString().contains("sk-ant-sim-valid-demo"), equalTo(false));
    }

    @Test
    void aKeyTheProviderRefusesSaysNothingOfWhoseLimitItIs() {
        ExchangeLog log = new ExchangeLog();
        RefusalReduction.Direct wrongKey = new RefusalReduction.Direct("anthropic", gateway.baseUrl() + "/anthropic", "sk-ant-sim-revoked");
        RefusalReduction.Outcome outcome = RefusalReduction.find(client(log, SpendGuard.NONE), key(), r1(), wrongKey);
        assertThat(outcome.finding().sentence(), allOf(containsString("; sent directly to anthropic with your own key, the key was"
                + " refused (401 authentication_error), so whose limit it is stays open"), org.hamcrest.Matchers.not(containsString("the limit is"))));
    }

    /** The finding for R1 without the provider's word. */
    static final class RequestFindingText {
        static final String R1 = "the gateway refuses `max_tokens: 21334` with `stream: false` on anthropic/claude-opus-5; streamed,"
                + " or with `max_tokens: 10667`, it is served";
    }
}
