package dev.aigateway.contract.run;

import dev.aigateway.contract.record.RunRecord;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The contract run writes JUnit XML for CI systems (GitLab's reports:junit, Jenkins, GitHub's test
 * reporters): Cucumber's own junit plugin, named in the suite's junit-platform.properties, names each
 * scenario with its outcome, the same outcome the run record gives it.
 */
class JunitXmlTest {

    @TempDir
    Path output;

    @Test
    void theSuiteWritesJunitXmlUnderReportsNamingEachScenarioWithItsOutcome() throws Exception {
        String file = shippedJunitFile();
        assertThat("the contract run's JUnit XML lives under reports/, scanned for secrets and kept by the finishing step",
                file, equalTo("reports/junit/contract.xml"));

        RunRecord run = ContractSuite.runWithPlugin("local-team-blocked", output, "junit:" + output.resolve(file));

        List<String> written = outcomes(output.resolve(file));
        List<String> recorded = new ArrayList<>(run.scenarios().stream().map(JunitXmlTest::outcome).toList());
        recorded.sort(null);
        // The XML names the feature by its title, the record by its file: compared by outcome and scenario.
        assertThat(written.stream().map(line -> line.replaceFirst(": .* / ", ": ")).sorted().toList(), equalTo(recorded));
        assertThat(written, hasItem("failed: Credits / A team reads its balance"));
        assertThat(written, hasItem("passed: API keys / A key the gateway never issued is refused"));
        assertThat(written, hasItem(startsWith("skipped: Bring your own key / ")));
        assertThat(run.failed(), equalTo(5));
    }

    /** The file the shipped settings give Cucumber's junit plugin. */
    private static String shippedJunitFile() throws Exception {
        Properties settings = new Properties();
        try (InputStream in = JunitXmlTest.class.getResourceAsStream("/junit-platform.properties")) {
            settings.load(in);
        }
        return Arrays.stream(settings.getProperty("cucumber.plugin").split(","))
                .map(String::strip).filter(plugin -> plugin.startsWith("junit:"))
                .map(plugin -> plugin.substring("junit:".length())).findFirst().orElse("(no junit plugin)");
    }

    /** "outcome: feature / scenario" for each test case of the XML, sorted. */
    private static List<String> outcomes(Path xml) throws Exception {
        assertThat(xml + " written", Files.isRegularFile(xml), equalTo(true));
        NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                .getElementsByTagName("testcase");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            String outcome = testCase.getElementsByTagName("failure").getLength() > 0 ? "failed"
                    : testCase.getElementsByTagName("error").getLength() > 0 ? "failed"
                    : testCase.getElementsByTagName("skipped").getLength() > 0 ? "skipped" : "passed";
            outcomes.add(outcome + ": " + testCase.getAttribute("classname") + " / " + testCase.getAttribute("name"));
        }
        outcomes.sort(null);
        return outcomes;
    }

    private static String outcome(ScenarioResult scenario) {
        String outcome = switch (scenario.status()) {
            case "PASSED" -> "passed";
            case "SKIPPED", ScenarioResult.NOT_APPLICABLE -> "skipped";
            default -> "failed";
        };
        return outcome + ": " + scenario.name();
    }
}
