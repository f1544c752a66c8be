package dev.aigateway.contract.run;

import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.Stop;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end of a run on a real (self-tested) run record: bundle written, and the secret scan fails closed. */
class RunFinishTest {

    private static final String CANARY = "vck_sim_healthy_CANARY1";

    @TempDir
    Path root;

    @BeforeEach
    void aFinishedRun() throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/canary.yaml"), """
                description: Canary
                simulator: { team: healthy }
                teamId: team_sim_healthy0000000000
                apiKey: ${RUN_FINISH_TEST_KEY:-%s}
                probe: { model: openai/gpt-4o-mini }
                allowBillable: true
                """.formatted(CANARY));
        Files.createDirectories(root.resolve("reports/allure-report"));
        Files.writeString(root.resolve("reports/README.md"), "outputs");
        Files.writeString(root.resolve("reports/allure-report/index.html"), "<html>report</html>");
        Path record = root.resolve(RunRecord.FILE);
        Files.createDirectories(record.getParent());
        Path selfTest = Files.createTempDirectory("self-test");
        ContractSuite.run("local", selfTest);
        Files.copy(selfTest.resolve("run.json"), record);
        Files.writeString(record, Files.readString(record).replace("\"env\" : \"local\"", "\"env\" : \"canary\""));
    }

    @Test
    void theSecondRunOfASeriesShowsTwoRunsInItsReportsTrend() throws Exception {
        Path allureHome = Path.of(System.getProperty("contract.root", ".")).toAbsolutePath()
                .resolve(".allure/allure-" + System.getProperty("allure.commandline.version", "2.34.0"));
        for (int run = 1; run <= 2; run++) {
            // What each run's clean-up and Cucumber leave: fresh results, no report.
            Path results = root.resolve("reports/allure-results");
            if (Files.isDirectory(results)) {
                try (Stream<Path> old = Files.walk(results)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
            Files.createDirectories(results);
            Files.writeString(results.resolve("0b5f6c2e-0000-4000-8000-00000000000" + run + "-result.json"), """
                    {"uuid":"0b5f6c2e-0000-4000-8000-00000000000%d","historyId":"balance","name":"A team reads its balance",
                     "status":"passed","stage":"finished","start":1764180000000,"stop":1764180000100}
                    """.formatted(run));

            RunFinish.main(new String[] {root.toString(), allureHome.toString(), "canary"});
        }

        String report = Files.readString(root.resolve(RunFinish.REPORT), java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] trend = dev.aigateway.contract.evidence.SingleFileReport.dataFiles(report).get("history/history-trend.json");
        assertThat("the report carries its Trend", trend != null, equalTo(true));
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(trend).size(), equalTo(2));
    }

    @Test
    void aCleanRunLeavesTheBundle() throws Exception {
        RunFinish.main(new String[] {root.toString()});
        assertThat(Files.isRegularFile(root.resolve("reports/evidence/summary.md")), equalTo(true));
        assertThat(Files.isRegularFile(root.resolve("reports/evidence/exchanges.har")), equalTo(true));
        assertThat(Files.isRegularFile(root.resolve("reports/evidence/manifest.sha256")), equalTo(true));
        try (Stream<Path> files = Files.list(root.resolve("reports"))) {
            assertThat(files.anyMatch(f -> f.getFileName().toString().matches("ai-gateway-evidence-canary-\\d{8}T\\d{6}Z\\.zip")),
                    equalTo(true));
        }
        String summary = Files.readString(root.resolve("reports/evidence/summary.md"));
        assertThat(summary, allOf(containsString("`healthy`"), containsString("team_sim_healthy0000000000"),
                containsString("$AI_GATEWAY_API_KEY"), not(containsString("CANARY1"))));
    }

    @Test
    void aPlantedCanaryFailsTheRunAndRemovesTheBundle() throws Exception {
        Files.writeString(root.resolve("reports/allure-report/index.html"), "<html>Bearer " + CANARY + "</html>");
        Stop failure = assertThrows(Stop.class,
                () -> RunFinish.main(new String[] {root.toString()}));
        assertThat(failure.getMessage(), allOf(containsString("index.html"), containsString("RUN_FINISH_TEST_KEY"),
                not(containsString("CANARY1"))));
        try (Stream<Path> left = Files.list(root.resolve("reports"))) {
            // The verdict history stays: the canary is not in it.
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList(), equalTo(List.of("README.md", "history")));
        }
    }

    /** A key pasted into the application's request file is scanned for like the environment's own. */
    @Test
    void aKeyFromTheApplicationsRequestFileInTheReportFailsTheRunAndRemovesTheBundle() throws Exception {
        String pasted = "vck_FAKE7hQ2mX9pL4sV8nR1tK6wB3zY5cF0dG2jA9eU4iO";
        Files.writeString(root.resolve("app.curl"), "curl https://ai-gateway.vercel.sh/v1/credits -H 'authorization: Bearer "
                + pasted + "'\n");
        Files.writeString(root.resolve("environments/canary.yaml"), Files.readString(root.resolve("environments/canary.yaml"))
                + "requests: [app.curl]\n");
        Files.writeString(root.resolve("reports/allure-report/index.html"), "<html>" + pasted.substring(8) + "</html>");
        Stop failure = assertThrows(Stop.class, () -> RunFinish.main(new String[] {root.toString()}));
        assertThat(failure.getMessage(), allOf(containsString("Secret scan failed"), containsString("REQUEST_AUTHORIZATION"),
                not(containsString("7hQ2mX9pL4"))));
        assertThat(Files.exists(root.resolve("reports/allure-report")), equalTo(false));
    }

    /** -Drequest names the file the scan reads, in place of the environment's requests:. */
    @Test
    void theSecretsToScanForAreTheEnvironmentsAndTheRequestFilesOfDrequestElseOfTheEnvironment() throws Exception {
        Files.writeString(root.resolve("app.curl"), "curl https://ai-gateway.vercel.sh/v1/credits -H 'x-api-key: "
                + "vck_FAKEZx81KqP0aLm2nB7vC4dF9gH3jS6tY1uW5eR8iO0pQ'\n");
        dev.aigateway.contract.environment.Environment canary = new dev.aigateway.contract.environment.EnvironmentLoader(root,
                java.util.Map.of()).load("canary");
        assertThat(RunFinish.secretsToScanFor(root, canary, null).stream().map(secret -> secret.variable()).toList(),
                equalTo(List.of("RUN_FINISH_TEST_KEY")));
        assertThat(RunFinish.secretsToScanFor(root, canary, "app.curl").stream().map(secret -> secret.variable()).toList(),
                equalTo(List.of("RUN_FINISH_TEST_KEY", "REQUEST_X_API_KEY")));
        Stop unreadable = assertThrows(Stop.class, () -> RunFinish.secretsToScanFor(root, canary, "missing.curl"));
        assertThat(unreadable.getMessage(), containsString("No request file missing.curl"));
    }

    @Test
    void aCanaryInTheConsoleCopyRemovesTheContractRunFolderTooAndFailsTheRun() throws Exception {
        Path console = root.resolve(RunFinish.CONSOLE);
        Files.writeString(console, "failed   A team reads its balance\n         GET /v1/credits answered 403: Bearer " + CANARY);
        Stop failure = assertThrows(Stop.class,
                () -> RunFinish.main(new String[] {root.toString()}));
        assertThat(failure.getMessage(), allOf(containsString("console.txt"), not(containsString("CANARY1"))));
        assertThat(Files.exists(console), equalTo(false));
        assertThat(Files.exists(root.resolve(RunRecord.FILE)), equalTo(false));
    }

    @Test
    void aFailedScenarioFailsTheBuildOnceTheBundleIsWritten() throws Exception {
        new SuiteOutcome(13, 5, 0, 0).write(root);
        Stop failure = assertThrows(Stop.class,
                () -> RunFinish.main(new String[] {root.toString()}));
        assertThat(failure.getMessage(), containsString("The contract failed: 5 scenarios failed"));
        assertThat(Files.isRegularFile(root.resolve("reports/evidence/summary.md")), equalTo(true));
        try (Stream<Path> zips = Files.list(root.resolve("reports"))) {
            assertThat(zips.filter(file -> file.toString().endsWith(".zip")).count(), equalTo(2L));
        }
    }

    @Test
    void aSuiteThatRanToItsEndWithoutAFailurePassesTheBuild() throws Exception {
        new SuiteOutcome(13, 0, 0, 0).write(root);
        RunFinish.main(new String[] {root.toString()});
        assertThat(Files.isRegularFile(root.resolve("reports/evidence/summary.md")), equalTo(true));
    }

    @Test
    void aReportLeftByASuiteThatStoppedBeforeItsRecordIsScannedToo() throws Exception {
        Files.delete(root.resolve(RunRecord.FILE));
        Files.writeString(root.resolve("reports/allure-report/index.html"), "<html>Bearer " + CANARY + "</html>");
        Stop failure = assertThrows(Stop.class,
                () -> RunFinish.main(new String[] {root.toString(), "no-allure-results-so-unused", "canary"}));
        assertThat(failure.getMessage(), allOf(containsString("Secret scan failed"), containsString("index.html"),
                not(containsString("CANARY1"))));
        assertThat(Files.exists(root.resolve("reports/allure-report/index.html")), equalTo(false));
        assertThat(Files.isRegularFile(root.resolve("reports/README.md")), equalTo(true));
    }

    @Test
    void aSuiteJvmThatStoppedBeforeItsEndFailsTheBuildWithItsExitCode() throws Exception {
        Files.delete(root.resolve(RunRecord.FILE));
        SuiteOutcome.stopped(134).write(root);
        Stop failure = assertThrows(Stop.class,
                () -> RunFinish.main(new String[] {root.toString()}));
        assertThat(failure.getMessage(), containsString("stopped with exit code 134"));
    }

    @Test
    void aFeatureCucumberCouldNotReadFailsTheBuildThoughEveryScenarioPassed() throws Exception {
        new SuiteOutcome(13, 0, 1, 0).write(root);
        Stop failure = assertThrows(Stop.class,
                () -> RunFinish.main(new String[] {root.toString()}));
        assertThat(failure.getMessage(), containsString("failed outside its scenarios"));
    }
}
