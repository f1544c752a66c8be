package dev.aigateway.contract.replay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.captured.Captured;
import dev.aigateway.contract.diagnosis.Diagnosis;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.run.ContractSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules tested on what they were not written from: every captured answer whose file says {@code role: held-out}
 * (CaptureSplitTest checks that its rule was not written from it), of each gateway, replayed over a URL by
 * {@link ReplayGateway} to a whole run with the shipped environment file (environments/vercel.yaml,
 * environments/openrouter.yaml; an answer to the application's own request met with {@code -Drequest}, its probes and
 * variants served as a healthy account's). The run must get the answer's verdict, and from the rule the file names
 * ({@code rule}): the run's own exchanges, diagnosed again, select that rule, not another of the same id.
 */
class HeldOutReplayTest {

    private static ReplayGateway vercel;
    private static ReplayGateway openRouter;
    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));

    @TempDir
    Path output;

    @BeforeAll
    static void start() {
        vercel = ReplayGateway.start();
        openRouter = ReplayGateway.openRouter();
    }

    @AfterAll
    static void stop() {
        vercel.close();
        openRouter.close();
    }

    static Stream<Arguments> heldOut() {
        return Captured.GATEWAYS.stream().flatMap(gateway -> Captured.ofGateway(gateway).stream()
                .filter(answer -> Captured.split(gateway, answer.name()).role().equals("held-out"))
                .map(answer -> Arguments.of(gateway, answer.name())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("heldOut")
    void aHeldOutAnswerGetsItsRulesVerdictOverAUrl(String gateway, String name) throws Exception {
        Captured answer = Captured.ofGateway(gateway).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        Captured.Split split = Captured.split(gateway, name);
        ReplayGateway replay = gateway.equals("vercel") ? vercel : openRouter;
        Map<String, String> variables = gateway.equals("vercel")
                ? Map.of("AI_GATEWAY_BASE_URL", replay.baseUrl(), "AI_GATEWAY_API_KEY", ReplayGateway.keyFor(name),
                        "VERCEL_TEAM_ID", "team_replay", "ANTHROPIC_API_KEY", "")
                : Map.of("OPENROUTER_BASE_URL", replay.baseUrl(), "OPENROUTER_API_KEY", ReplayGateway.openRouterKeyFor(name));
        Path root = output.resolve("root");
        Files.createDirectories(root.resolve("environments"));
        // maxSpendUsd raised so that an application's request's worst case fits, as the replay tests do.
        Files.writeString(root.resolve("environments/replay.yaml"), Files.readString(ROOT.resolve("environments/" + gateway + ".yaml"))
                .replace("maxSpendUsd: 0.01", "maxSpendUsd: 5"));
        RunRecord run = answer.toApplicationRequest()
                ? ContractSuite.runWithRequest(root, "replay", output, variables,
                        ROOT.resolve("src/test/resources/requests").resolve(answer.request()).toAbsolutePath().toString())
                : ContractSuite.run(root, "replay", output, variables);
        assertThat(run.targetUrl(), startsWith(replay.baseUrl()));
        assertThat(run.failed(), greaterThanOrEqualTo(1));
        assertThat(name + " (" + answer.source() + "): " + run.verdict().meaning(), run.verdict().id(), equalTo(answer.verdict()));
        Environment environment = new EnvironmentLoader(root, variables).load("replay");
        Diagnosis diagnosis = Diagnosis.load();
        Diagnosis.Scenarios scenarios = Diagnosis.Scenarios.failed(run.failed());
        assertThat(name + ": diagnosed again", diagnosis.diagnose(run.exchanges(), scenarios, environment).id(), equalTo(answer.verdict()));
        assertThat(name + ": the rule that selected " + answer.verdict(),
                diagnosis.nameOf(diagnosis.ruleOf(run.exchanges(), scenarios, environment)), equalTo(split.rule()));
    }
}
