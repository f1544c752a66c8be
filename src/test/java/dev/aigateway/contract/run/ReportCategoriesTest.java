package dev.aigateway.contract.run;

import dev.aigateway.contract.record.RunRecord;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.diagnosis.Diagnosis;
import dev.aigateway.contract.evidence.EvidenceBundle;
import dev.aigateway.contract.evidence.SingleFileReport;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Categories of the one-file report, as Allure generates it from a real run of a simulated team,
 * against that run's verdict.json: each failed scenario sits in exactly one category, the verdict's
 * category names the verdict, and no category names a verdict the run did not give.
 */
class ReportCategoriesTest {

    private static final Path ALLURE_HOME = Path.of(System.getProperty("contract.root", "."))
            .resolve(".allure/allure-" + System.getProperty("allure.commandline.version", "2.34.0"));
    private static final ObjectMapper JSON = Json.DATA;

    @TempDir
    Path output;

    /** {@code others}: the failed scenarios filed beside the verdict, separated by '|'. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "local-team-blocked,      ''",
            "local-inference-blocked, ''",
            "local-no-credits,        A funded team has money to spend",
            "local-byok-no-credits,   ''",
    })
    void eachFailureSitsInOneCategoryTheVerdictDecides(String env, String others) throws Exception {
        RunRecord run = ContractSuite.runWithAllureResults(env, output);
        Path reports = output.resolve("reports");
        EvidenceBundle.writeFiles(reports, run, null);
        JsonNode verdict = JSON.readTree(reports.resolve("evidence/verdict.json").toFile());
        String id = verdict.path("verdict").asText();
        String title = verdict.path("title").asText();
        Path report = output.resolve("allure-report");
        AllureReport.generate(ALLURE_HOME, output.resolve("allure-results"), report, RunRecord.reportName(run));
        Map<String, List<String>> categories = categories(Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8));

        List<String> failed = run.scenarios().stream().filter(s -> s.status().equals("FAILED")).map(ScenarioResult::name).sorted().toList();
        assertThat("the run has failures to file", failed, not(empty()));
        List<String> filed = new ArrayList<>();
        categories.values().forEach(filed::addAll);
        assertThat("every failure, each once: " + categories, filed.stream().sorted().toList(), equalTo(failed));

        String verdictsCategory = id + ": " + title;
        List<String> expectedOthers = others.isEmpty() ? List.of() : Arrays.asList(others.split("\\|"));
        List<String> expectedVerdicts = failed.stream().filter(name -> !expectedOthers.contains(name)).toList();
        assertThat(categories.keySet(), hasItem(verdictsCategory));
        assertThat(categories.get(verdictsCategory).stream().sorted().toList(), equalTo(expectedVerdicts));
        assertThat(categories.getOrDefault(AllureRunFiles.OTHER_FAILURES, List.of()).stream().sorted().toList(),
                equalTo(expectedOthers));
        assertThat(categories.keySet().stream().filter(name -> !name.equals(verdictsCategory)
                && !name.equals(AllureRunFiles.OTHER_FAILURES)).toList(), empty());

        for (Diagnosis.Rule rule : Diagnosis.load().verdicts()) {
            // A title with {facts} is matched with anything in their place; one the run's own title contains is no other verdict's.
            Pattern otherTitle = Pattern.compile(".*" + Arrays.stream(rule.title().split("\\{[a-zA-Z]+}", -1))
                    .map(Pattern::quote).reduce((a, b) -> a + ".*" + b).orElseThrow() + ".*", Pattern.DOTALL);
            if (otherTitle.matcher(title).matches()) {
                continue;
            }
            for (String name : categories.keySet()) {
                assertThat("category \"" + name + "\" names the verdict " + rule.id() + " (" + rule.title() + ")",
                        otherTitle.matcher(name).matches(), equalTo(false));
                if (!rule.id().equals(id)) {
                    assertThat("category \"" + name + "\" names another verdict's id", name.contains(rule.id() + ":"), equalTo(false));
                }
            }
        }
    }

    /** Category name to the names of the test cases it holds, from the report's embedded data/categories.json. */
    private static Map<String, List<String>> categories(String html) throws Exception {
        byte[] file = SingleFileReport.dataFiles(html).get("data/categories.json");
        assertThat("the report embeds data/categories.json", file == null, equalTo(false));
        Map<String, List<String>> categories = new TreeMap<>();
        for (JsonNode category : JSON.readTree(file).path("children")) {
            List<String> names = new ArrayList<>();
            collectTestCases(category, names);
            categories.put(category.path("name").asText(), names);
        }
        return categories;
    }

    /** Allure groups a category's results by message below it: the test cases are the leaves. */
    private static void collectTestCases(JsonNode node, List<String> names) {
        for (JsonNode child : node.path("children")) {
            if (child.has("children")) {
                collectTestCases(child, names);
            } else {
                names.add(child.path("name").asText());
            }
        }
    }
}
