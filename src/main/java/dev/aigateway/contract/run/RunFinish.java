package dev.aigateway.contract.run;

import dev.aigateway.contract.run.RunRecord.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs after the report is generated ({@code post-integration-test}), whatever the outcome: prints
 * the closing block of the run. The build fails afterwards, in {@code failsafe:verify}, if a
 * scenario failed.
 */
public final class RunFinish {

    static final String REPORT = "reports/allure-report/index.html";
    private static final String RULE = "-".repeat(72);

    private RunFinish() {}

    /** Argument: the project root. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        System.out.println(RULE);
        if (!RunRecord.exists(root)) {
            System.out.println("The contract suite did not run to its end: see the errors above.");
            System.out.println(RULE);
            return;
        }
        RunRecord run = RunRecord.read(root);
        line("Environment", run.env() + " (" + run.description() + ")");
        line("Target", run.targetUrl() + (run.simulated() ? " (embedded simulated gateway)" : ""));
        line("Team", run.teamId());
        line("Scenarios", run.passed() + " passed, " + run.failed() + " failed, " + run.skipped() + " skipped");
        line("Requests", run.exchanges().size() + " sent to the gateway");
        for (ScenarioResult scenario : run.scenarios()) {
            if ("FAILED".equals(scenario.status())) {
                line("  failed", scenario.name() + ": " + firstLine(scenario.message()));
            }
        }
        Path report = root.resolve(REPORT);
        removeSitePage(report.getParent());
        line("Report", Files.isRegularFile(report) ? REPORT + " (one file, opens from disk)"
                : "not generated: see the allure-maven output above");
        System.out.println(RULE);
    }

    /**
     * Work around: allure-maven's report goal is also a Maven site report, and renders its site page
     * (allure-maven.html, css/, fonts/, images/, img/, js/) beside the report. The report is index.html alone.
     */
    private static void removeSitePage(Path reportFolder) throws IOException {
        for (String sitePart : List.of("allure-maven.html", "css", "fonts", "images", "img", "js")) {
            Path path = reportFolder.resolve(sitePart);
            if (Files.exists(path)) {
                try (Stream<Path> tree = Files.walk(path)) {
                    for (Path file : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    private static void line(String label, String value) {
        System.out.printf("%-12s %s%n", label, value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() > 160 ? first.substring(0, 157) + "..." : first;
    }
}
