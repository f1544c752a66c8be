package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Allure's generator, as the build unpacks it, run in this JVM on one result: one file, titled as asked. */
class AllureReportTest {

    private static final Path ALLURE_HOME = Path.of(System.getProperty("contract.root", "."))
            .resolve(".allure/allure-" + System.getProperty("allure.commandline.version", "2.34.0"));

    @TempDir
    Path work;

    @Test
    void theReportIsOneFileTitledWithTheVerdict() throws Exception {
        Path results = Files.createDirectories(work.resolve("allure-results"));
        Files.writeString(results.resolve("0b5f6c2e-0000-4000-8000-000000000001-result.json"), """
                {"uuid":"0b5f6c2e-0000-4000-8000-000000000001","name":"A team reads its balance","status":"failed",
                 "stage":"finished","start":1764180000000,"stop":1764180000100,
                 "labels":[{"name":"feature","value":"Credits"},{"name":"suite","value":"Credits"}]}
                """);
        Path report = work.resolve("allure-report");

        AllureReport.generate(ALLURE_HOME, results, report, "team-access-denied: Team blocked (403 access_denied, even on /v1/credits)");

        try (Stream<Path> written = Files.list(report)) {
            assertThat(written.map(file -> file.getFileName().toString()).toList(), equalTo(List.of("index.html")));
        }
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html, containsString("<title>team-access-denied: Team blocked (403 access_denied, even on /v1/credits)</title>"));
        Matcher testCase = Pattern.compile("d\\('data/test-cases/[0-9a-f]+\\.json','([^']+)'\\)").matcher(html);
        assertThat("the report embeds the test case", testCase.find(), equalTo(true));
        assertThat(new String(Base64.getDecoder().decode(testCase.group(1)), StandardCharsets.UTF_8),
                containsString("\"name\":\"A team reads its balance\""));
    }
}
