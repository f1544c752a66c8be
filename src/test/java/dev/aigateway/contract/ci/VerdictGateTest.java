package dev.aigateway.contract.ci;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring workflow's gate ({@code .github/verdict-gate}, run by contract.yml after each team's
 * run): {@code healthy} for a team the matrix watches with inference, {@code healthy-no-inference}
 * only for one it watches without; anything else fails in one sentence. NoInferenceRunTest runs it on
 * a real run's evidence too.
 */
class VerdictGateTest {

    static final Path GATE = Path.of(System.getProperty("contract.root", ".")).toAbsolutePath().resolve(".github/verdict-gate");

    @TempDir
    Path checkout;

    /** reports/evidence/ as a run writes it: verdict.json one field a line, summary.md with its History row. */
    private void evidence(String verdict) throws Exception {
        Path evidence = Files.createDirectories(checkout.resolve("reports/evidence"));
        Files.writeString(evidence.resolve("verdict.json"), "{\n  \"verdict\" : \"" + verdict + "\",\n  \"title\" : \"t\",\n"
                + "  \"observations\" : [ {\n    \"verdict\" : \"not this one\"\n  } ]\n}\n");
        Files.writeString(evidence.resolve("summary.md"), "| Verdict | `" + verdict + "` |\n| History | " + verdict
                + " since 2026-11-22 09:00 UTC (3 runs) |\n");
    }

    static Processes.Result gate(Path checkout, String env, String inference, String... environment) throws Exception {
        List<String> command = new ArrayList<>(List.of("env"));
        command.addAll(List.of(environment));
        command.addAll(List.of("bash", GATE.toString(), env, inference));
        return Processes.run(checkout, Duration.ofMinutes(1), command);
    }

    @Test
    void eachTeamPassesWithTheVerdictItsMatrixEntryExpects() throws Exception {
        evidence("healthy");
        assertThat(gate(checkout, "team-a", "true").exitCode(), equalTo(0));
        evidence("healthy-no-inference");
        Processes.Result passed = gate(checkout, "team-b", "false", "GITHUB_STEP_SUMMARY=" + checkout.resolve("step-summary.md"));
        assertThat(passed.output(), passed.exitCode(), equalTo(0));
        assertThat(Files.readString(checkout.resolve("step-summary.md")), equalTo(
                "### team-b: healthy-no-inference\nhealthy-no-inference since 2026-11-22 09:00 UTC (3 runs)\n"));
    }

    @Test
    void noInferenceWhereTheMatrixExpectsItFailsSayingWhatToChange() throws Exception {
        evidence("healthy-no-inference");
        Processes.Result failed = gate(checkout, "team-a", "true");
        assertThat(failed.exitCode(), equalTo(1));
        assertThat(failed.output(), allOf(containsString("::error title=team-a::verdict healthy-no-inference, expected healthy:"),
                containsString("set allowBillable: true in environments/team-a.yaml, or inference: false in the matrix")));
        // A simulated team's file is in environments/local/, where -Denv found it.
        Files.createDirectories(checkout.resolve("environments/local"));
        Files.writeString(checkout.resolve("environments/local/local-x.yaml"), "description: x\n");
        assertThat(gate(checkout, "local-x", "true").output(), containsString("set allowBillable: true in environments/local/local-x.yaml,"));
    }

    @Test
    void inferenceServedForATeamWatchedWithoutItFailsToo() throws Exception {
        evidence("healthy");
        Processes.Result failed = gate(checkout, "team-b", "false");
        assertThat(failed.exitCode(), equalTo(1));
        assertThat(failed.output(), allOf(containsString("verdict healthy, expected healthy-no-inference:"),
                containsString("billable calls went out")));
    }

    @Test
    void anyOtherVerdictAMissingBundleOrAMatrixWithoutInferenceFails() throws Exception {
        evidence("incomplete");
        Processes.Result incomplete = gate(checkout, "team-b", "false");
        assertThat(incomplete.exitCode(), equalTo(1));
        assertThat(incomplete.output(), containsString(
                "::error title=team-b::verdict incomplete, expected healthy-no-inference: incomplete since 2026-11-22 09:00 UTC (3 runs); see the evidence artifact"));
        Files.delete(checkout.resolve("reports/evidence/verdict.json"));
        Files.delete(checkout.resolve("reports/evidence/summary.md"));
        Processes.Result none = gate(checkout, "team-a", "true");
        assertThat(none.exitCode(), equalTo(1));
        assertThat(none.output(), containsString("verdict none, expected healthy: no history; see the evidence artifact"));
        evidence("healthy");
        Processes.Result unset = gate(checkout, "team-a", "");
        assertThat(unset.exitCode(), equalTo(1));
        assertThat(unset.output(), containsString("write true or false"));
    }
}
