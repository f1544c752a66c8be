package dev.aigateway.contract.replay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.captured.Captured;
import dev.aigateway.contract.run.ContractSuite;
import dev.aigateway.contract.record.RunRecord;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole contract, run over HTTP with the shipped {@code environments/vercel.yaml} (its URL and key
 * from variables, as a user sets them) against a stand-alone gateway that replays each captured answer
 * of the real one: each run gets the verdict that answer calls for. Not the embedded simulator.
 */
class ReplayGatewayTest {

    private static ReplayGateway gateway;

    @TempDir
    Path output;

    @BeforeAll
    static void start() {
        gateway = ReplayGateway.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static Stream<String> captured() {
        return Captured.all().stream().filter(answer -> !answer.toApplicationRequest()).map(Captured::name);
    }

    static Stream<String> toApplicationRequests() {
        return Captured.all().stream().filter(Captured::toApplicationRequest).map(Captured::name);
    }

    /**
     * The application's own request (-Drequest, its file as src/test/resources/requests/ holds it) sent to
     * a gateway that answers it as the source shows and serves the probes: the run gets the request-level
     * verdict, from the application's scenario's exchange, and its exchange names the trigger ({@link #TRIGGERS}). The environment is environments/vercel.yaml's,
     * with maxSpendUsd raised so that the request's worst case (R1 asks 21,334 tokens of a model the
     * catalog does not price) fits.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("toApplicationRequests")
    void aRunWhoseRequestMeetsACapturedAnswerGetsItsVerdict(String name) throws Exception {
        RunRecord run = runMeeting(name, Captured.named(name).request());
        assertThat(name + " is given the trigger its source shows", TRIGGERS.containsKey(name), equalTo(true));
        assertThat(name, java.util.Objects.requireNonNullElse(applicationRequest(run, Captured.named(name)).requestTrigger(), ""),
                equalTo(TRIGGERS.get(name)));
    }

    /**
     * What each answer's refusal follows, as its captured refusedWhen says: the field the variants name ("" for
     * R3's 405, which no change of the body speaks to; "model" where even the probe's smallest request is refused).
     */
    private static final Map<String, String> TRIGGERS = Map.of(
            "r1-invalid-input-validation-issues", "prompt[1]",
            "r1-max-tokens-21k", "max_tokens",
            "r2-no-training-request-flat", "providerOptions",
            "r2-zdr-request-flat", "providerOptions",
            "r3-v1-v1-messages-405", "",
            "r4-count-tokens-anthropic-404", "model",
            "r5-anthropic-envelope-passed-through", "model",
            "r5-provider-rejected-thinking-signature", "messages[3]");

    /**
     * Each R case of issue 20 in the three forms people have at hand (curl, HAR, JSON) meets the same answer
     * and verdict, and the run names what the refusal follows: the field the variants found ({@code requestTrigger}
     * of the request's exchange: R1's max_tokens, R2's providerOptions, R5's message with the signed thinking part;
     * R4's model, since even the probe's smallest count_tokens call on it is refused), or for R3 the base URL the
     * client should be given. The replay refuses only what the source shows refused (captured refusedWhen), so a
     * wrong trigger is a wrong finding. r4.har holds a /v1/messages call first, so its count_tokens call is entry 2.
     */
    @ParameterizedTest(name = "{0} meets {1}, trigger {2}")
    @org.junit.jupiter.params.provider.CsvSource({
            "r1.curl, r1-max-tokens-21k, max_tokens", "r1.har, r1-max-tokens-21k, max_tokens", "r1.json, r1-max-tokens-21k, max_tokens",
            "r2.curl, r2-zdr-request-flat, providerOptions", "r2.har, r2-zdr-request-flat, providerOptions",
            "r2.json, r2-zdr-request-flat, providerOptions",
            "r3.curl, r3-v1-v1-messages-405, /v1/messages", "r3.har, r3-v1-v1-messages-405, /v1/messages",
            "r3.json, r3-v1-v1-messages-405, /v1/messages",
            "r4.curl, r4-count-tokens-anthropic-404, model", "r4.har#2, r4-count-tokens-anthropic-404, model",
            "r4.json, r4-count-tokens-anthropic-404, model",
            "r5-thinking.curl, r5-provider-rejected-thinking-signature, messages[3]",
            "r5-thinking.har, r5-provider-rejected-thinking-signature, messages[3]",
            "r5-thinking.json, r5-provider-rejected-thinking-signature, messages[3]"
    })
    void eachFormOfTheRequestGetsTheVerdictAndNamesItsTrigger(String request, String name, String trigger) throws Exception {
        RunRecord run = runMeeting(name, request);
        dev.aigateway.contract.record.Exchange sent = applicationRequest(run, Captured.named(name));
        RunRecord.ApplicationRequestSent found = run.applicationRequests().get(0);
        java.util.List<dev.aigateway.contract.record.Exchange> variants = run.exchanges().stream().filter(e -> e.variant() != null).toList();
        // printed for src/bench/reduction-figures.sh; nothing asserted on time
        System.out.printf("figures replay %s: %d extra requests in %d waves, variants spent $%s, %d ms; %s%n", request,
                found.extraRequests(), found.waves(), dev.aigateway.contract.http.Spending.of(variants, dev.aigateway.contract.gateway.GatewayProfile.named("vercel")).usd().toPlainString(),
                found.wallMs(), found.finding() == null ? run.verdict().id() : found.finding());
        if (trigger.startsWith("/")) {
            // wrong-base-url: no variant of the body; the corrected path, sent once, is served and named
            assertThat(run.verdict().meaning(), org.hamcrest.Matchers.containsString(trigger));
        } else {
            assertThat(request + ": " + sent.requestFinding(), sent.requestTrigger(), equalTo(trigger));
        }
    }

    private RunRecord runMeeting(String name, String request) throws Exception {
        Captured answer = Captured.named(name);
        Path root = output.resolve("root");
        java.nio.file.Files.createDirectories(root.resolve("environments"));
        java.nio.file.Files.writeString(root.resolve("environments/replay.yaml"), java.nio.file.Files.readString(
                Path.of(System.getProperty("contract.root", "."), "environments/vercel.yaml")).replace("maxSpendUsd: 0.01", "maxSpendUsd: 5"));
        RunRecord run = ContractSuite.runWithRequest(root, "replay", output, Map.of(
                "AI_GATEWAY_BASE_URL", gateway.baseUrl(),
                "AI_GATEWAY_API_KEY", ReplayGateway.keyFor(name),
                "VERCEL_TEAM_ID", "team_replay",
                "ANTHROPIC_API_KEY", ""), Path.of(System.getProperty("contract.root", "."), "src/test/resources/requests", request)
                .toAbsolutePath().toString());
        assertThat(run.targetUrl(), startsWith(gateway.baseUrl()));
        assertThat(name + " (" + answer.source() + ")", run.verdict().id(), equalTo(answer.verdict()));
        dev.aigateway.contract.record.Exchange sent = applicationRequest(run, answer);
        assertThat(run.verdict().evidence(), org.hamcrest.Matchers.hasItem(sent.sequence()));
        // The probes pass, as for a team whose application alone is refused: only the application's scenario fails.
        assertThat(name + ": the scenarios that failed", run.scenarios().stream().filter(s -> s.status().equals("FAILED"))
                .map(s -> s.name()).toList(), equalTo(java.util.List.of("Your application's request 1")));
        return run;
    }

    /** The application's request as it went out, once (its variants are exchanges of their own). */
    private static dev.aigateway.contract.record.Exchange applicationRequest(RunRecord run, Captured answer) {
        java.util.List<dev.aigateway.contract.record.Exchange> sent = run.exchanges().stream()
                .filter(e -> e.scenario() != null && e.scenario().startsWith("Your application's request"))
                .filter(e -> e.variant() == null)
                .filter(e -> answer.route().equals(e.method() + " " + e.path())).toList();
        assertThat(answer.name() + ": the application's request went out once", sent.size(), equalTo(1));
        return sent.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captured")
    void aRunThatMeetsACapturedAnswerGetsItsVerdict(String name) throws Exception {
        RunRecord run = ContractSuite.run("vercel", output, Map.of(
                "AI_GATEWAY_BASE_URL", gateway.baseUrl(),
                "AI_GATEWAY_API_KEY", ReplayGateway.keyFor(name),
                "VERCEL_TEAM_ID", "team_replay",
                "ANTHROPIC_API_KEY", ""));
        assertThat(run.targetUrl(), startsWith(gateway.baseUrl()));
        assertThat(run.failed(), greaterThanOrEqualTo(1));
        assertThat(name + " (" + Captured.named(name).source() + ")", run.verdict().id(),
                equalTo(Captured.named(name).verdict()));
    }
}
