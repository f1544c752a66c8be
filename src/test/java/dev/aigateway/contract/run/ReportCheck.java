package dev.aigateway.contract.run;

import dev.aigateway.contract.record.RunRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens the finished one-file report from disk in headless Chromium, as a person would, and checks
 * that its title names the verdict, that it shows every feature of the run and, for one scenario per
 * feature, the scenario with its request and response attachments. Runs after the report ({@code verify}, with {@code -Ptests}).
 */
public final class ReportCheck {

    private static final Pattern EMBEDDED_TEST_CASE = Pattern.compile("d\\('data/test-cases/([0-9a-f]+)\\.json','([^']+)'\\)");
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final ObjectMapper JSON = Json.DATA;

    private ReportCheck() {}

    /** Argument: the project root. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path report = root.resolve(RunFinish.REPORT);
        List<String> problems = check(root, report);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The report at " + RunFinish.REPORT + " does not show the run:\n  - "
                    + String.join("\n  - ", problems));
        }
        System.out.println("[report-check] " + RunFinish.REPORT + " opened in headless Chromium: titled with the verdict, every feature listed, "
                + "scenarios shown with their request and response attachments.");
    }

    static List<String> check(Path root, Path report) throws Exception {
        if (!Files.isRegularFile(report)) {
            return List.of(RunFinish.REPORT + " was not generated");
        }
        String browser = browser();
        RunRecord run = RunRecord.read(root);
        Map<String, String> uids = testCaseUids(Files.readString(report, StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        String suites = render(browser, report, "suites");
        String reportTitle = "<title>" + html(RunRecord.reportName(run)) + "</title>";
        if (!suites.contains(reportTitle)) {
            problems.add("the report's title is not the verdict: expected " + reportTitle);
        }
        Map<String, ScenarioResult> onePerFeature = new LinkedHashMap<>();
        for (ScenarioResult scenario : run.scenarios()) {
            if (onePerFeature.putIfAbsent(scenario.feature(), scenario) == null) {
                problems.addAll(featureListed(featureTitle(root, scenario.feature()), suites));
            }
        }
        for (ScenarioResult scenario : onePerFeature.values()) {
            String uid = uids.get(scenario.name());
            if (uid == null) {
                problems.add("the report holds no test case named \"" + scenario.name() + "\"");
                continue;
            }
            String page = render(browser, report, "testresult/" + uid);
            if (!page.contains(scenario.name())) {
                problems.add("the page of \"" + scenario.name() + "\" does not show its name");
            }
            boolean sentRequests = run.exchanges().stream().anyMatch(e -> scenario.name().equals(e.scenario()));
            if (sentRequests && !page.matches("(?s).*\\d+ attachments?.*")) {
                problems.add("the page of \"" + scenario.name() + "\" shows no request/response attachments");
            }
        }
        return problems;
    }

    /** The Suites page lists each feature as a node of its tree, named with the feature's title (Allure's Cucumber plugin files a scenario under its feature's title). */
    static List<String> featureListed(String featureTitle, String suitesPage) {
        return Pattern.compile("class=\"node__name\">\\s*" + Pattern.quote(html(featureTitle)) + "\\s*<").matcher(suitesPage).find()
                ? List.of()
                : List.of("the Suites page does not list the feature \"" + featureTitle + "\"");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String featureTitle(Path root, String featureUri) throws IOException {
        Path file = root.resolve(featureUri);
        return Files.readAllLines(file).stream().map(String::strip).filter(line -> line.startsWith("Feature:"))
                .map(line -> line.substring("Feature:".length()).strip()).findFirst().orElse(featureUri);
    }

    /** Test-case name to uid, from the data the single-file report embeds. */
    private static Map<String, String> testCaseUids(String html) throws IOException {
        Map<String, String> uids = new HashMap<>();
        Matcher matcher = EMBEDDED_TEST_CASE.matcher(html);
        while (matcher.find()) {
            JsonNode testCase = JSON.readTree(Base64.getDecoder().decode(matcher.group(2)));
            uids.putIfAbsent(testCase.path("name").asText(), matcher.group(1));
        }
        return uids;
    }

    private static String browser() throws Exception {
        for (String candidate : BROWSERS) {
            Process which = new ProcessBuilder("sh", "-c", "command -v " + candidate).start();
            if (which.waitFor() == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("The report check opens the report in headless Chromium, and none is installed."
                + " Install it (Debian: apt-get install chromium) or run the project tests without it: ./mvnw verify -Ptests -Dreport.check.skip");
    }

    private static String render(String browser, Path report, String route) throws Exception {
        Path profile = Files.createTempDirectory("report-check");
        Process chromium = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=8000", "--dump-dom",
                report.toUri() + "#" + route)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IllegalStateException(browser + " did not render " + route + " within 60 s");
        }
        return dom;
    }
}
