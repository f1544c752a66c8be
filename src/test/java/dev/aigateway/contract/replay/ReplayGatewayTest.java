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
        return Captured.all().stream().map(Captured::name);
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
