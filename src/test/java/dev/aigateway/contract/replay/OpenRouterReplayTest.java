package dev.aigateway.contract.replay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.captured.Captured;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.run.ContractSuite;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole contract, run over HTTP with the shipped {@code environments/openrouter.yaml} (its URL and
 * key from variables, as a user sets them) against a stand-alone gateway that replays each of
 * OpenRouter's captured answers: each run gets the verdict that answer calls for.
 */
class OpenRouterReplayTest {

    private static ReplayGateway gateway;

    @TempDir
    Path output;

    @BeforeAll
    static void start() {
        gateway = ReplayGateway.openRouter();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static Stream<String> captured() {
        return Captured.of("openrouter").stream().filter(answer -> !answer.toApplicationRequest()).map(Captured::name);
    }

    static Stream<String> toApplicationRequests() {
        return Captured.of("openrouter").stream().filter(Captured::toApplicationRequest).map(Captured::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captured")
    void aRunThatMeetsACapturedAnswerGetsItsVerdict(String name) throws Exception {
        Captured answer = Captured.of("openrouter").stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        // OPENROUTER_BASE_URL as users write it, OpenRouter's documented base (the replay's host + /api/v1); the
        // shipped file's other runs below give the host alone.
        RunRecord run = ContractSuite.run("openrouter", output, Map.of(
                "OPENROUTER_BASE_URL", gateway.baseUrl() + "/api/v1",
                "OPENROUTER_API_KEY", ReplayGateway.openRouterKeyFor(name)));
        assertThat(run.targetUrl(), equalTo(gateway.baseUrl()));
        assertThat("the record names the gateway its readers read it as", run.gateway(), equalTo("openrouter"));
        assertThat(run.failed(), greaterThanOrEqualTo(1));
        assertThat(name + " (" + answer.source() + ")", run.verdict().id(), equalTo(answer.verdict()));
        // Selected by an exchange that met the replayed answer itself, on OpenRouter's paths.
        int selected = run.verdict().evidence().get(0);
        dev.aigateway.contract.record.Exchange cited = run.exchanges().stream().filter(e -> e.sequence() == selected)
                .findFirst().orElseThrow();
        assertThat(cited.path(), startsWith("/api/v1/"));
        assertThat(cited.status(), equalTo(answer.status()));
        // The key was checked where OpenRouter checks it; Vercel's credits feature (@vercel) left out, so
        // nothing asks /credits, a management key's route.
        assertThat(run.exchanges().stream().anyMatch(e -> e.path().equals("/api/v1/key")), equalTo(true));
        assertThat(run.exchanges().stream().anyMatch(e -> e.path().equals("/api/v1/credits")), equalTo(false));
        // The catalog, in OpenRouter's shape, holds whatever the replayed answer is.
        assertThat(run.scenarios().stream().filter(s -> s.name().startsWith("Anyone can read the catalog"))
                .map(RunRecord.ScenarioResult::status).toList(), equalTo(java.util.List.of("PASSED")));
        // OpenRouter's never-issued key is public: shown as is in the evidence, the team's key never.
        assertThat(run.exchanges().stream().filter(e -> e.caller() == dev.aigateway.contract.record.Caller.NOT_ISSUED_KEY)
                .flatMap(e -> e.requestHeaders().stream()).filter(h -> h.name().equalsIgnoreCase("authorization"))
                .map(dev.aigateway.contract.record.Exchange.Header::value).toList(),
                org.hamcrest.Matchers.hasItem("Bearer sk-or-v1-not_issued_by_the_gateway_000000000000"));
    }

    /**
     * The verdicts no captured body can stand for, with the same shipped file: a URL where nothing listens gives
     * unreachable, with OpenRouter's own catalog URL to try; the simulated OpenRouter's healthy account, served at a
     * URL, gives healthy. (Every other verdict of OpenRouter's is met above from a body.)
     */
    @org.junit.jupiter.api.Test
    void theShippedFileReachesUnreachableAndHealthyOverAUrlToo() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        RunRecord silent = ContractSuite.run("openrouter", output, Map.of(
                "OPENROUTER_BASE_URL", "http://127.0.0.1:" + closed, "OPENROUTER_API_KEY", "sk-or-v1-nobody_listens"));
        assertThat(silent.verdict().id(), equalTo("unreachable"));
        assertThat(silent.verdict().nextSteps().toString(), org.hamcrest.Matchers.containsString("https://openrouter.ai/api/v1/models"));
        try (dev.aigateway.contract.simulator.SimulatedGateway simulated = dev.aigateway.contract.simulator.SimulatedGateway.start(0, 0,
                dev.aigateway.contract.gateway.GatewayProfile.named("openrouter"))) {
            RunRecord healthy = ContractSuite.run("openrouter", output, Map.of(
                    "OPENROUTER_BASE_URL", simulated.baseUrl(), "OPENROUTER_API_KEY", "sk-or-v1-sim_healthy_shipped"));
            assertThat(healthy.scenarios().stream().filter(s -> s.status().equals("FAILED")).map(s -> s.name() + ": " + s.message())
                    .toList(), equalTo(java.util.List.of()));
            assertThat(healthy.verdict().id(), equalTo("healthy"));
        }
    }

    /**
     * The application's own request (-Drequest, its file in src/test/resources/requests/) sent with the shipped
     * environments/openrouter.yaml to a replay that refuses it as the source shows (captured refusedWhen) and serves
     * the probes and the variants as the simulated OpenRouter's healthy account: the run gets the request-level verdict
     * from the application's exchange, and the variants name what the refusal follows. maxSpendUsd is raised so that
     * the request's worst case fits.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("toApplicationRequests")
    void aRunWhoseRequestMeetsACapturedAnswerGetsItsVerdict(String name) throws Exception {
        Captured answer = Captured.of("openrouter").stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        Path root = output.resolve("root");
        java.nio.file.Files.createDirectories(root.resolve("environments"));
        java.nio.file.Files.writeString(root.resolve("environments/replay.yaml"), java.nio.file.Files.readString(
                Path.of(System.getProperty("contract.root", "."), "environments/openrouter.yaml")).replace("maxSpendUsd: 0.01", "maxSpendUsd: 5"));
        RunRecord run = ContractSuite.runWithRequest(root, "replay", output, Map.of(
                "OPENROUTER_BASE_URL", gateway.baseUrl(),
                "OPENROUTER_API_KEY", ReplayGateway.openRouterKeyFor(name)),
                Path.of(System.getProperty("contract.root", "."), "src/test/resources/requests", answer.request()).toAbsolutePath().toString());
        assertThat(name + " (" + answer.source() + "): " + run.verdict().meaning(), run.verdict().id(), equalTo(answer.verdict()));
        java.util.List<dev.aigateway.contract.record.Exchange> sent = run.exchanges().stream()
                .filter(e -> e.scenario() != null && e.scenario().startsWith("Your application's request") && e.variant() == null)
                .filter(e -> answer.route().equals(e.method() + " " + e.path())).toList();
        assertThat(sent.size(), equalTo(1));
        assertThat(run.verdict().evidence(), org.hamcrest.Matchers.hasItem(sent.get(0).sequence()));
        assertThat(name + ": " + sent.get(0).requestFinding(), sent.get(0).requestTrigger(), equalTo(TRIGGERS.get(name)));
        // The application's scenario fails and the probes were served. (The replay answers no key as an unknown key, so
        // the no-key scenario fails here too: OpenRouter's own "No auth credentials found" is not replayed.)
        assertThat(run.scenarios().stream().filter(s -> s.status().equals("FAILED")).map(RunRecord.ScenarioResult::name).toList(),
                org.hamcrest.Matchers.hasItem("Your application's request 1"));
        assertThat(run.scenarios().stream().filter(s -> s.name().startsWith("The smallest chat completion"))
                .map(RunRecord.ScenarioResult::status).distinct().toList(), equalTo(java.util.List.of("PASSED")));
    }

    /** What each refusal follows, as its captured refusedWhen says (the field the variants must name). */
    private static final Map<String, String> TRIGGERS = Map.of("or-400-context-length", "max_tokens",
            "or-404-no-endpoints-tool-use", "tools", "or-404-no-endpoints-image-input", "messages[0].content[1]");
}
