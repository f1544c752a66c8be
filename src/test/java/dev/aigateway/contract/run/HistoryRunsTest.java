package dev.aigateway.contract.run;

import dev.aigateway.contract.Json;
import dev.aigateway.contract.Stop;
import dev.aigateway.contract.environment.EnvironmentFolders;
import dev.aigateway.contract.record.RunRecord;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.history.VerdictHistory;
import dev.aigateway.contract.history.WebhookReceiver;
import dev.aigateway.contract.record.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdict history across real runs: the run records of {@code local} and {@code local-team-blocked},
 * each finished by {@link RunFinish} as {@code ./mvnw verify} would, one after the other.
 */
class HistoryRunsTest {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Path PROJECT = Path.of(System.getProperty("contract.root", "."));
    private static ObjectNode healthyRun;
    private static ObjectNode blockedRun;

    @TempDir
    Path root;

    @BeforeAll
    static void oneRunOfEach(@TempDir Path output) throws Exception {
        ContractSuite.run("local", output);
        healthyRun = (ObjectNode) Json.RECORDS.readTree(output.resolve("run.json").toFile());
        ContractSuite.run("local-team-blocked", output);
        blockedRun = (ObjectNode) Json.RECORDS.readTree(output.resolve("run.json").toFile());
    }

    @BeforeEach
    void aProject() throws Exception {
        Files.createDirectories(root.resolve("environments"));
        for (String env : List.of("local", "local-team-blocked")) {
            Files.copy(EnvironmentFolders.file(PROJECT, env), root.resolve("environments/" + env + ".yaml"));
        }
        Files.createDirectories(root.resolve("reports"));
        Files.writeString(root.resolve("reports/README.md"), "outputs");
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty("history");
        System.clearProperty("history.series");
    }

    /** Finishes {@code run} as if it ended at {@code finishedAt}, after a run clean-up of reports/; returns the console. */
    private String finish(ObjectNode run, Instant finishedAt) throws Exception {
        try (Stream<Path> children = Files.list(root.resolve("reports"))) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (!name.equals("README.md") && !name.equals(VerdictHistory.FOLDER)) {
                    try (Stream<Path> tree = Files.walk(child)) {
                        tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        }
        ObjectNode record = run.deepCopy();
        record.put("startedAt", finishedAt.minusSeconds(5).toString()).put("finishedAt", finishedAt.toString());
        Path file = root.resolve(RunRecord.FILE);
        Files.createDirectories(file.getParent());
        Json.RECORDS.writeValue(file.toFile(), record);
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            RunFinish.main(new String[] {root.toString()});
        } finally {
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String historyLine(String console) {
        return console.lines().filter(line -> line.startsWith("History")).findFirst().orElse("(no History line)");
    }

    @Test
    void threeBlockedRunsAfterTwoHealthyOnesSaySinceWhenWithRunCounts() throws Exception {
        System.setProperty("history.series", "myteam");
        Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
        assertThat(historyLine(finish(healthyRun, t0)), equalTo("History      healthy, the first run recorded for myteam"));
        assertThat(historyLine(finish(healthyRun, t0.plusSeconds(3600))),
                equalTo("History      healthy since " + MINUTE.format(t0) + " (2 runs)"));
        String blockedSince = MINUTE.format(t0.plusSeconds(7200));
        String lastHealthy = MINUTE.format(t0.plusSeconds(3600));
        for (int run = 1; run <= 3; run++) {
            String console = finish(blockedRun, t0.plusSeconds(3600L * (1 + run)));
            assertThat(historyLine(console), equalTo("History      team-access-denied since " + blockedSince + " (" + run
                    + (run == 1 ? " run" : " runs") + "); last healthy " + lastHealthy));
        }
        String summary = Files.readString(root.resolve("reports/evidence/summary.md"));
        assertThat(summary, containsString(
                "| History | team-access-denied since " + blockedSince + " (3 runs); last healthy " + lastHealthy + " |"));
        assertThat(summary, containsString("The last 5 runs of `myteam`, newest first"));
        assertThat(summary.lines().filter(line -> line.matches("\\| 2026-11-20 \\d\\d:00:00 UTC \\| `local(-team-blocked)?` \\| .*"))
                .map(line -> line.split(" \\| ")[2]).toList(), equalTo(List.of("`team-access-denied`", "`team-access-denied`",
                "`team-access-denied`", "`healthy`", "`healthy`")));
        List<String> lines = Files.readAllLines(root.resolve("reports/" + VerdictHistory.FILE));
        assertThat(lines.size(), equalTo(5));
        assertThat(lines.get(4), allOf(containsString("\"env\":\"local-team-blocked\""),
                containsString("\"teamId\":\"team_sim_blocked0000000000\""), containsString("\"requestId\":\"sim1::"),
                not(containsString("vck_sim"))));
    }

    @Test
    void theWebhookHearsOfTheChangeOnceAndOfRepeatsNever() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            for (String env : List.of("local", "local-team-blocked")) {
                Path file = root.resolve("environments/" + env + ".yaml");
                Files.writeString(file, Files.readString(file).replace("${CONTRACT_WEBHOOK_URL:-}",
                        "${CONTRACT_WEBHOOK_URL:-" + receiver.url() + "}"));
            }
            System.setProperty("history.series", "myteam");
            Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
            List<String> consoles = new java.util.ArrayList<>();
            consoles.add(finish(healthyRun, t0));
            consoles.add(finish(healthyRun, t0.plusSeconds(3600)));
            for (int run = 1; run <= 3; run++) {
                consoles.add(finish(blockedRun, t0.plusSeconds(3600L * (1 + run))));
            }
            assertThat(receiver.received().size(), equalTo(1));
            assertThat(receiver.received().get(0).body(), allOf(containsString("*local-team-blocked* is now *team-access-denied*"),
                    containsString("team_sim_blocked0000000000"), containsString("was healthy")));
            assertThat(consoles.stream().map(console -> console.lines().filter(l -> l.startsWith("Alert")).toList()).toList(),
                    equalTo(List.of(List.of(), List.of(), List.of("Alert        sent to the webhook (it answered 200)"), List.of(), List.of())));
            String everything = String.join("\n", consoles) + Files.readString(root.resolve("reports/" + VerdictHistory.FILE));
            assertThat(everything, not(containsString("hookSecret7Qx9")));
        }
    }

    @Test
    void aFailingWebhookPrintsOneLineAndTheVerdictStands() throws Exception {
        Path file = root.resolve("environments/local-team-blocked.yaml");
        Files.writeString(file, Files.readString(file).replace("${CONTRACT_WEBHOOK_URL:-}",
                "${CONTRACT_WEBHOOK_URL:-http://127.0.0.1:9/services/T0/B0/hookSecret7Qx9}"));
        String console = finish(blockedRun, Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(console.lines().filter(l -> l.startsWith("Alert")).toList(),
                equalTo(List.of("Alert        not sent: could not connect to the webhook's host; the verdict stands")));
        assertThat(console, allOf(containsString("Verdict      team-access-denied"), not(containsString("hookSecret7Qx9"))));
    }

    @Test
    void theSecretScanLooksForTheWebhookUrlLikeAKey() throws Exception {
        Path file = root.resolve("environments/local.yaml");
        String hook = "https://hooks.slack.example/services/T0/B0/hookSecret7Qx9";
        Files.writeString(file, Files.readString(file).replace("${CONTRACT_WEBHOOK_URL:-}", "${CONTRACT_WEBHOOK_URL:-" + hook + "}"));
        ObjectNode leaky = healthyRun.deepCopy();
        leaky.put("description", "posted to " + java.net.URLEncoder.encode(hook, StandardCharsets.UTF_8));
        Stop failure = assertThrows(Stop.class,
                () -> finish(leaky, Instant.parse("2026-11-20T09:00:00Z")));
        assertThat(failure.getMessage(), allOf(containsString("secret CONTRACT_WEBHOOK_URL found in"),
                containsString("summary.md"), not(containsString("hookSecret7Qx9"))));
    }

    @Test
    void withoutASeriesEachEnvironmentHasItsOwnHistory() throws Exception {
        Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
        finish(healthyRun, t0);
        assertThat(historyLine(finish(blockedRun, t0.plusSeconds(60))),
                equalTo("History      team-access-denied, the first run recorded for local-team-blocked"));
    }

    @Test
    void historyOffWritesAndPrintsNoHistory() throws Exception {
        System.setProperty("history", "off");
        String console = finish(blockedRun, Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(console, allOf(containsString("Verdict      team-access-denied"), not(containsString("History"))));
        assertThat(Files.exists(root.resolve("reports/" + VerdictHistory.FOLDER)), equalTo(false));
        assertThat(Files.readString(root.resolve("reports/evidence/summary.md")), not(containsString("History")));
    }

    @Test
    void theSecretScanCoversTheHistoryAndRemovesItWhenItHoldsASecret() throws Exception {
        Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
        finish(healthyRun, t0);
        Files.writeString(root.resolve("reports/" + VerdictHistory.FILE), "{\"note\":\"vck_sim_healthy_demo\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        Stop failure = assertThrows(Stop.class, () -> finish(healthyRun, t0.plusSeconds(60)));
        assertThat(failure.getMessage(), allOf(containsString("verdicts.jsonl"), containsString("AI_GATEWAY_API_KEY"),
                not(containsString("vck_sim_healthy_demo"))));
        assertThat(Files.exists(root.resolve("reports/" + VerdictHistory.FOLDER)), equalTo(false));
    }

    @Test
    void aFailedSecretScanElsewhereKeepsTheHistory() throws Exception {
        Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
        finish(healthyRun, t0);
        ObjectNode leaky = healthyRun.deepCopy();
        leaky.put("description", "leaks vck_sim_healthy_demo");
        assertThrows(Stop.class, () -> finish(leaky, t0.plusSeconds(60)));
        assertThat(Files.readAllLines(root.resolve("reports/" + VerdictHistory.FILE)).size(), equalTo(2));
        assertThat(Files.exists(root.resolve("reports/evidence")), equalTo(false));
    }
}
