package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.Processes;
import dev.aigateway.contract.environment.EnvironmentFolders;
import dev.aigateway.contract.record.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that asked no model for anything, as the build runs it (the suite's JVM, then the finishing
 * step's): {@code healthy-no-inference} in its id, its title, verdict.json, summary.md, the closing
 * block and the history, a build that passes, since the environment chose it, and the monitoring
 * workflow's gate ({@code .github/verdict-gate}) that accepts it for a team watched without inference; a spend cap that
 * stops the same inference is not a choice, and fails the build {@code incomplete}.
 */
class NoInferenceRunTest {

    private static final Path PROJECT = Path.of(System.getProperty("contract.root", "."));

    @TempDir
    Path root;

    /** What the two JVMs printed and how the finishing step ended. */
    private record Build(String console, int finishExitCode, String closing) {}

    @Test
    void anEnvironmentWithoutBillableCallsEndsHealthyNoInferenceAndPassesTheBuild() throws Exception {
        Build build = build("local-no-inference", Files.readString(EnvironmentFolders.file(PROJECT, "local-no-inference")));

        assertThat(build.closing(), build.finishExitCode(), equalTo(0));
        String title = "Healthy without inference (key, account and catalog checked; inference not tried: allowBillable is false)";
        assertThat(build.closing(), allOf(containsString("Verdict      healthy-no-inference: " + title),
                containsString("History      healthy-no-inference, the first run recorded for local-no-inference"),
                not(containsString("incomplete"))));
        assertThat(RunRecord.readReportName(root), equalTo("healthy-no-inference: " + title));
        String verdict = Files.readString(root.resolve("reports/evidence/verdict.json"));
        assertThat(verdict, allOf(containsString("\"verdict\" : \"healthy-no-inference\""), containsString(title)));
        assertThat(Files.readString(root.resolve("reports/evidence/summary.md")),
                containsString("`healthy-no-inference`: " + title));
        assertThat(Files.readString(root.resolve("reports/history/verdicts.jsonl")), containsString("\"verdict\":\"healthy-no-inference\""));
        RunRecord run = RunRecord.read(root);
        assertThat(run.exchanges().stream().filter(exchange -> exchange.path().contains("/chat/completions")).count(), equalTo(0L));
        // The monitoring workflow's gate, on this run's own evidence: accepted for a team watched without inference only.
        String gate = PROJECT.toAbsolutePath().resolve(".github/verdict-gate").toString();
        Processes.Result withoutInference = Processes.run(root, Duration.ofMinutes(1), "bash", gate, "local-no-inference", "false");
        assertThat(withoutInference.output(), withoutInference.exitCode(), equalTo(0));
        Processes.Result withInference = Processes.run(root, Duration.ofMinutes(1), "bash", gate, "local-no-inference", "true");
        assertThat(withInference.exitCode(), equalTo(1));
        assertThat(withInference.output(), containsString("verdict healthy-no-inference, expected healthy: no inference was tried"));
    }

    @Test
    void aSpendCapThatStopsTheSameInferenceIsIncompleteAndFailsTheBuild() throws Exception {
        String capped = Files.readString(EnvironmentFolders.file(PROJECT, "local-no-inference"))
                .replace("allowBillable: false", "allowBillable: true\nmaxSpendUsd: 0");
        Build build = build("local-capped", capped);

        assertThat(build.closing(), build.finishExitCode(), not(equalTo(0)));
        assertThat(build.closing(), allOf(containsString("Verdict      incomplete"),
                containsString("The contract run is incomplete"), not(containsString("healthy-no-inference"))));
    }

    /** {@code environments/<env>.yaml} holding {@code yaml}, run by the suite's JVM and finished by RunFinish's, as {@code ./mvnw verify} does. */
    private Build build(String env, String yaml) throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/" + env + ".yaml"), yaml);
        ContractSuite.copyFeaturesTo(root);
        String console = java("dev.aigateway.contract.run.SuiteLauncher", "-Denv=" + env, "-Dcontract.root=" + root,
                "-Dcontract.console=" + root.resolve("target/contract-run/console.txt"),
                "-Dallure.results.directory=" + root.resolve("reports/allure-results")).output();
        Processes.Result finish = java("dev.aigateway.contract.run.RunFinish");
        return new Build(console, finish.exitCode(), finish.output());
    }

    /** Runs {@code main} of {@code mainClass} in a JVM of its own, on this test's class path, for {@link #root}. */
    private Processes.Result java(String mainClass, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Processes.java()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, root.toString()));
        return Processes.run(root, Duration.ofMinutes(10), command);
    }
}
