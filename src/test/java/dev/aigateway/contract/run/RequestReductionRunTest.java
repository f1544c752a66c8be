package dev.aigateway.contract.run;

import dev.aigateway.contract.gateway.GatewayProfile;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Spend;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R1 (https://github.com/vercel/ai/issues/20649) as a user meets it: {@code -Drequest=} with the curl, HAR
 * and JSON forms, against the simulated gateway over a URL ({@code environments/local/simulator-url.yaml}), which
 * refuses non-streamed anthropic/claude-opus-5 above 21,333 output tokens. The request is refused, its variants
 * find that the refusal follows {@code max_tokens} with {@code stream: false}, and say so on the request's own
 * exchange, in summary.md and in the record. Each case prints its figures: extra requests, their spend, wall time.
 */
class RequestReductionRunTest {

    private static final String SCENARIO = "Your application's request 1";
    static final String FINDING = "the gateway refuses `max_tokens: 21334` with `stream: false` on anthropic/claude-opus-5;"
            + " streamed, or with `max_tokens: 10667`, it is served";

    @TempDir
    Path output;

    @ParameterizedTest
    @ValueSource(strings = {"r1.curl", "r1.har#2", "r1.json"})
    void r1IsFoundToFollowMaxTokensWithStreamFalseInEachFormOverAUrl(String file) throws Exception {
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            // Room for the request's worst case ($0.53) and a wave of its variants held at once.
            RunRecord run = ContractSuite.runWithRequest("simulator-url", output, ApplicationRequestRunTest.REQUESTS + file,
                    Map.of("SIMULATOR_URL", gateway.baseUrl(), "CONTRACT_MAX_SPEND_USD", "2"));

            Exchange own = run.exchanges().stream().filter(e -> SCENARIO.equals(e.scenario()) && e.variant() == null
                    && e.path().equals("/v1/chat/completions")).findFirst().orElseThrow();
            assertThat(own.status(), equalTo(400));
            assertThat(own.requestFinding(), equalTo(FINDING));
            assertThat(own.requestTrigger(), equalTo("max_tokens"));
            List<Exchange> variants = run.exchanges().stream().filter(e -> e.variant() != null).toList();
            assertThat(variants, hasSize(3));

            RunRecord.ApplicationRequestSent sent = run.applicationRequests().get(0);
            assertThat(sent.finding(), allOf(containsString("`max_tokens: 21334`"), containsString("`stream: false`")));
            assertThat(sent.trigger(), equalTo("max_tokens"));
            assertThat(sent.extraRequests(), equalTo(3));
            assertThat(sent.variants(), hasSize(3));
            assertThat(run.scenarios().stream().filter(s -> s.name().equals(SCENARIO)).findFirst().orElseThrow().status(),
                    equalTo("FAILED"));
            assertThat(sent.variants().toString(), allOf(containsString("stream: true: 200, served"),
                    containsString("max_tokens: 10667: 200, served")));
            assertThat(run.verdict(), notNullValue());

            Spend spend = Spending.of(variants, GatewayProfile.named("vercel"));
            System.out.printf("figures %s: %d extra requests in %d waves, variants spent $%s, %d ms to find it%n", file,
                    sent.extraRequests(), sent.waves(), spend.usd().toPlainString(), sent.wallMs());
        }
    }

    /** The embedded simulator with local's BYOK key for Anthropic: the same request directly at the provider is served. */
    @org.junit.jupiter.api.Test
    void withAByokKeyForTheModelsProviderTheSameRequestDirectlyNamesTheGatewaysLimit() throws Exception {
        RunRecord run = ContractSuite.runWithRequest("local", output, ApplicationRequestRunTest.REQUESTS + "r1.curl",
                Map.of("CONTRACT_MAX_SPEND_USD", "2"));
        RunRecord.ApplicationRequestSent sent = run.applicationRequests().get(0);
        assertThat(sent.finding(), equalTo(FINDING + "; sent directly to anthropic with your own key, the same request is served (200):"
                + " the limit is the gateway's, not anthropic's"));
        assertThat(sent.extraRequests(), equalTo(4));
        List<Exchange> variants = run.exchanges().stream().filter(e -> e.variant() != null).toList();
        System.out.printf("figures r1.curl with a BYOK key (embedded): %d extra requests in %d waves, variants spent $%s, %d ms to find it%n",
                sent.extraRequests(), sent.waves(), Spending.of(variants, GatewayProfile.named("vercel")).usd().toPlainString(), sent.wallMs());
    }

    /**
     * The other request files (R2-R5, src/test/resources/requests/) as this simulator answers them (it refuses none of them
     * the way the live gateway did; its catalog lacks their models): a model the gateway does not serve is settled by
     * the probe's smallest request on it, in one extra request; a path it does not serve (R3's /v1/v1/messages,
     * 405) gets no variant, since no change of the body speaks to it.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"r2.curl, 1, model", "r3.curl, 0, ", "r4.curl, 1, model", "r5.curl, 1, model"})
    void eachOtherCaseUsesAtMostOneExtraRequestOnThisSimulator(String file, int extra, String trigger) throws Exception {
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            RunRecord run = ContractSuite.runWithRequest("simulator-url", output, ApplicationRequestRunTest.REQUESTS + file,
                    Map.of("SIMULATOR_URL", gateway.baseUrl(), "CONTRACT_MAX_SPEND_USD", "2"));
            RunRecord.ApplicationRequestSent sent = run.applicationRequests().get(0);
            List<Exchange> variants = run.exchanges().stream().filter(e -> e.variant() != null).toList();
            assertThat(variants, hasSize(extra));
            assertThat(sent.extraRequests(), equalTo(extra));
            assertThat(sent.trigger(), equalTo(trigger));
            System.out.printf("figures %s: %d extra requests in %d waves, variants spent $%s, %d ms; %s%n", file, sent.extraRequests(),
                    sent.waves(), Spending.of(variants, GatewayProfile.named("vercel")).usd().toPlainString(), sent.wallMs(), sent.finding());
        }
    }
}
