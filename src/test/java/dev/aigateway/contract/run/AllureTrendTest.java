package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Allure's history goes from one run's report to the next run's results, per series. */
class AllureTrendTest {

    private static final String TREND = "[{\"buildOrder\":2,\"data\":{\"passed\":12}},{\"buildOrder\":1,\"data\":{\"passed\":12}}]";

    @TempDir
    Path reports;

    private static String data(String path, String json) {
        return "d('" + path + "','" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)) + "')\n";
    }

    @Test
    void aOneFileReportsHistoryComesBackForTheSameSeriesOnly() throws Exception {
        Files.createDirectories(reports.resolve("allure-report"));
        Files.writeString(reports.resolve("allure-report/index.html"), "<script>" + data("history/history-trend.json", TREND)
                + data("history/history.json", "{}") + data("widgets/history-trend.json", "[]") + "</script>");

        assertThat(AllureTrend.save(reports, "myteam"), equalTo(2));
        assertThat(AllureTrend.restore(reports, "other"), equalTo(0));
        assertThat(AllureTrend.restore(reports, "myteam"), equalTo(2));
        assertThat(Files.readString(reports.resolve("allure-results/history/history-trend.json")), equalTo(TREND));
        assertThat(Files.readString(reports.resolve("allure-results/history/history.json")), equalTo("{}"));
        assertThat(Files.exists(reports.resolve("allure-results/history/widgets")), equalTo(false));
    }

    @Test
    void aReportWithAHistoryFolderIsSavedFromIt() throws Exception {
        Files.createDirectories(reports.resolve("allure-report/history"));
        Files.writeString(reports.resolve("allure-report/history/history-trend.json"), TREND);
        assertThat(AllureTrend.save(reports, "my team/1"), equalTo(1));
        assertThat(Files.readString(reports.resolve("history/allure/my_team_1/history-trend.json")), equalTo(TREND));
    }

    @Test
    void withoutAReportNothingIsSaved() throws Exception {
        assertThat(AllureTrend.save(reports, "myteam"), equalTo(0));
        assertThat(Files.exists(reports.resolve("history")), equalTo(false));
    }
}
