package dev.aigateway.contract.run;

import dev.aigateway.contract.BuildStep;
import dev.aigateway.contract.ConsoleText;
import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.Stop;
import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentException;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.evidence.BundleZip;
import dev.aigateway.contract.evidence.EvidenceBundle;
import dev.aigateway.contract.evidence.PublicBundle;
import dev.aigateway.contract.evidence.RouteOutcomes;
import dev.aigateway.contract.evidence.SecretScan;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.history.Standing;
import dev.aigateway.contract.history.VerdictAlert;
import dev.aigateway.contract.history.VerdictHistory;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Spend;
import dev.aigateway.contract.record.Verdict;
import dev.aigateway.contract.request.ApplicationRequests;
import dev.aigateway.contract.request.RequestFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Runs after the contract suite ({@code post-integration-test}), whatever the outcome: generates the
 * one-file report titled with the verdict, writes the evidence bundle, scans everything written for
 * secrets (fail closed), and prints the closing block with the verdict. Then it fails the build if
 * a scenario failed or the suite did not run to its end ({@link SuiteOutcome}).
 */
public final class RunFinish {

    static final String REPORT = "reports/allure-report/index.html";
    /** Where the test JVM copies its console output, so that it can be scanned too. */
    public static final String CONSOLE = "target/contract-run/console.txt";
    /** What the test JVM writes besides the reports: its console copy and the run record. */
    static final String CONTRACT_RUN = "target/contract-run";
    private static final String RULE = "-".repeat(72);

    private RunFinish() {}

    /**
     * Arguments: the project root, then Allure's commandline home (without it, no report is generated),
     * then the environment's name (without it, the report has no Trend of earlier runs).
     */
    public static void main(String[] args) {
        BuildStep.run("The finishing step", () -> {
            try {
                finish(args);
            } finally {
                // The run is over, whatever its outcome: the next one in this JVM (mvnd, an IDE) or another may start.
                RunLock.release(Path.of(args[0]));
            }
        });
    }

    private static void finish(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path reports = root.resolve("reports");
        Path results = reports.resolve("allure-results");
        Path reportFolder = root.resolve(REPORT).getParent();
        // First the report, in its own JVM: the rest of this step goes on beside it.
        AllureReport report = null;
        if (args.length > 1 && Files.isDirectory(results)) {
            if (args.length > 2) {
                restoreTrend(reports, args[2]);
            }
            report = AllureReport.start(Path.of(args[1]), results, reportFolder, RunRecord.readReportName(root));
        }
        RunRecord record = RunRecord.exists(root) ? RunRecord.read(root) : null;
        SuiteOutcome outcome = SuiteOutcome.read(root);
        if (record == null) {
            if (report != null) {
                report.await();
            }
            // No bundle, but a report from what the suite wrote before it stopped: scanned all the same.
            if (args.length > 2) {
                scanEverythingWritten(root, reports, secretsOf(root, args[2]));
            }
            String unfinished = outcome != null && outcome.failure() != null ? outcome.failure()
                    : "The contract suite did not run to its end: see the errors above.";
            System.out.println(RULE);
            System.out.println(unfinished);
            System.out.println(RULE);
            if (outcome != null) {
                throw new Stop(unfinished);
            }
            return;
        }
        RunRecord run = record;
        // While Allure generates the report in its own JVM: the history and the bundle's own files.
        Standing history = VerdictHistory.enabled() ? VerdictHistory.record(reports, run, VerdictHistory.series(run.env())) : null;
        List<Path> evidence = EvidenceBundle.writeFiles(reports, run, history);
        // Also meanwhile: the environment, for the secrets to scan for and the webhook; without it no
        // zip is written, since nothing could be scanned.
        Environment environment = secretsOf(root, run.env());
        if (report != null) {
            report.await();
        }
        Path bundle = EvidenceBundle.zipOf(reports, run);
        Map<String, Path> packed = EvidenceBundle.manifest(reports, bundle, evidence, root.resolve(REPORT));
        // The private zip, with the report's Trend data saved for the next run of the series, and
        // the public copy, side by side.
        CompletableFuture<Path> privateZip = CompletableFuture.supplyAsync(() -> {
            try {
                if (history != null) {
                    AllureTrend.save(reports, history.series());
                }
                return BundleZip.write(bundle, packed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String publicBundle = publicBundle(root, bundle, packed, run.teamId(),
                dev.aigateway.contract.gateway.GatewayProfile.of(run).accountIdsIn(run.exchanges().stream().map(e -> e.responseBody()).toList()));
        try {
            privateZip.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException unwritten ? unwritten.getCause() : e;
        }
        scanEverythingWritten(root, reports, environment);
        String alert = history == null ? null : alert(environment.webhookUrl(), run, history);
        print(root, run, root.relativize(bundle), publicBundle, history, alert);
        String failure = outcome == null ? null : outcome.failure(run.skipped());
        if (failure != null) {
            // After the closing block, one sentence; then Maven's own failure line.
            System.out.println(failure);
            throw new Stop(failure);
        }
    }

    /** The environment, for the secrets to scan for (and the webhook). */
    private static Environment secretsOf(Path root, String env) {
        try {
            return new EnvironmentLoader(root).load(env);
        } catch (EnvironmentException e) {
            throw new Stop("The finishing step cannot read the secrets to scan for, so no bundle is written: " + e.getMessage());
        }
    }

    /**
     * The secrets to scan for: the environment's, and every literal credential in the application's
     * request files ({@code -Drequest}, else {@code requests:}), read again as the suite read them.
     */
    static List<Secret> secretsToScanFor(Path root, Environment environment, String request) {
        List<Secret> secrets = new ArrayList<>(environment.secrets());
        try {
            secrets.addAll(ApplicationRequests.secrets(ApplicationRequests.read(root, ApplicationRequests.named(environment, request))));
        } catch (RequestFileException e) {
            throw new Stop("The finishing step cannot read the secrets to scan for, so no bundle is written: " + e.getMessage());
        }
        return secrets;
    }

    /** Fail closed: a form of a secret in anything written removes all of it and fails the build. */
    private static void scanEverythingWritten(Path root, Path reports, Environment environment) throws IOException {
        List<Secret> secrets = secretsToScanFor(root, environment, System.getProperty(ApplicationRequests.PROPERTY));
        List<SecretScan.Finding> findings = SecretScan.scan(List.of(reports, root.resolve(CONTRACT_RUN)), secrets);
        if (!findings.isEmpty()) {
            removeEverythingWritten(reports, findings);
            delete(root.resolve(CONTRACT_RUN));
            throw new Stop("Secret scan failed, so the report, the evidence bundle and "
                    + CONTRACT_RUN + "/ were removed: " + SecretScan.describe(findings));
        }
    }

    /** The Trend of the run's series in the report: Allure's history of its earlier runs, back into the results. */
    private static void restoreTrend(Path reports, String env) throws IOException {
        if (VerdictHistory.enabled()) {
            AllureTrend.restore(reports, VerdictHistory.series(env));
        }
    }

    /** The public zip's part of the closing block: where it is, or why there is none. */
    private static String publicBundle(Path root, Path bundle, Map<String, Path> packed, String teamId,
                                       List<String> accountIds) throws IOException {
        try {
            Path publicZip = root.relativize(PublicBundle.write(bundle, packed, teamId, accountIds));
            return publicZip + (teamId == null || teamId.isBlank() ? " (for a public thread)"
                    : " (team id shown as " + PublicBundle.masked(teamId) + ": for a public thread or forum)");
        } catch (IllegalStateException teamIdLeft) {
            return "not written: " + teamIdLeft.getMessage();
        }
    }

    /** The alert's line for the closing block: sent or why not; null when no webhook is set or the verdict did not change. */
    private static String alert(String webhook, RunRecord run, Standing history) {
        if (webhook == null || !VerdictAlert.due(history)) {
            return null;
        }
        return VerdictAlert.send(webhook, VerdictAlert.text(run, history, System.getenv()));
    }

    private static void print(Path root, RunRecord run, Path bundle, String publicBundle, Standing history, String alert) {
        GatewayProfile profile = GatewayProfile.of(run);
        Spend spend = Spending.of(run.exchanges(), profile);
        System.out.println(RULE);
        line("Environment", run.env() + " (" + run.description() + ")");
        line("Target", run.targetUrl() + (run.simulated() ? " (embedded simulated gateway)" : ""));
        line("Team", run.teamId() == null ? "not given" : run.teamId());
        dev.aigateway.contract.evidence.Chain.of(run).ifPresent(chain -> line("Gateways", chain.sentence()));
        line("Scenarios", run.scenarioCounts());
        line("Requests", spend.requests() + " sent, " + spend.billableRequests() + " billable, " + spend.tokens()
                + " tokens, $" + spend.usd().toPlainString() + " spent" + spend.unknownCostNote());
        List<String> routes = RouteOutcomes.of(run.exchanges(), profile);
        if (!routes.isEmpty()) {
            line("Routes", String.join("; ", routes));
        }
        for (ScenarioResult scenario : run.scenarios()) {
            if ("FAILED".equals(scenario.status())) {
                line("  failed", scenario.name() + ": " + firstLine(scenario.message()));
                run.applicationRequests().stream().filter(request -> request.scenario().equals(scenario.name()) && request.finding() != null)
                        .forEach(request -> line("  found", request.finding() + " (" + request.extraRequests() + " extra requests)"));
            } else if ("SKIPPED".equals(scenario.status())) {
                line("  not run", scenario.name() + ": " + firstLine(Skipped.reasonOf(scenario.message())));
            }
        }
        Verdict verdict = run.verdict();
        if (verdict != null) {
            System.out.println();
            line("Verdict", verdict.id() + ": " + verdict.title());
            wrap(verdict.meaning()).forEach(text -> line("", text));
            if (history != null) {
                line("History", history.line());
            }
            if (!verdict.ruledOut().isEmpty()) {
                line("Ruled out", "");
                verdict.ruledOut().forEach(point -> line("", "- " + point.says() + " (" + point.cited() + ")"));
            }
            line("Next steps", "");
            verdict.nextSteps().forEach(step -> line("", "- " + step));
            System.out.println();
        }
        line("Report", Files.isRegularFile(root.resolve(REPORT)) ? REPORT + " (one file, opens from disk)"
                : "not generated: see Allure's output above");
        line("Evidence", "reports/" + EvidenceBundle.FOLDER + "/summary.md");
        line("Bundle", bundle + " (private, with your team id: attach it to a support ticket)");
        line("Public", publicBundle);
        if (alert != null) {
            line("Alert", alert);
        }
        System.out.println(RULE);
    }

    /**
     * Fail closed: nothing that may hold a secret stays behind, except reports/README.md, and the
     * verdict history unless a secret was found in it too.
     */
    private static void removeEverythingWritten(Path reports, List<SecretScan.Finding> findings) throws IOException {
        Path history = reports.resolve(VerdictHistory.FOLDER);
        boolean historyClean = findings.stream().noneMatch(finding -> Path.of(finding.file()).startsWith(history));
        try (Stream<Path> children = Files.list(reports)) {
            for (Path child : children.toList()) {
                if (!child.getFileName().toString().equals("README.md") && !(historyClean && child.equals(history))) {
                    delete(child);
                }
            }
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path file : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void line(String label, String value) {
        System.out.printf("%-12s %s%n", label, ConsoleText.safe(value));
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() + word.length() + 1 > 86 && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() > 160 ? first.substring(0, 157) + "..." : first;
    }
}
