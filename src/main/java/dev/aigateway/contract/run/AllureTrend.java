package dev.aigateway.contract.run;

import dev.aigateway.contract.evidence.SingleFileReport;
import dev.aigateway.contract.history.VerdictHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Allure's own history, carried between runs so the report's Trend and each test's history show the
 * earlier runs of the same series: saved after the report is generated to
 * {@code reports/history/allure/<series>/}, and put back into {@code allure-results/history/} before the
 * next one is generated.
 */
public final class AllureTrend {

    static final String FOLDER = VerdictHistory.FOLDER + "/allure";
    private static final String RESULTS = "allure-results";
    private static final String REPORT = "allure-report";

    private AllureTrend() {}

    /** Before the report is generated: the series' saved history into {@code allure-results/history/}. Returns the files put back. */
    public static int restore(Path reports, String series) throws IOException {
        Path saved = saved(reports, series);
        if (!Files.isDirectory(saved)) {
            return 0;
        }
        Path target = reports.resolve(RESULTS).resolve("history");
        Files.createDirectories(target);
        int restored = 0;
        try (Stream<Path> files = Files.list(saved)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                restored++;
            }
        }
        return restored;
    }

    /**
     * After the report is generated: its {@code history/*.json}, from {@code allure-report/history/}
     * or, in a one-file report, from {@code index.html}, saved for the series. Returns the files saved.
     */
    public static int save(Path reports, String series) throws IOException {
        Path report = reports.resolve(REPORT);
        Path saved = saved(reports, series);
        int count = 0;
        if (Files.isDirectory(report.resolve("history"))) {
            try (Stream<Path> files = Files.list(report.resolve("history"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.createDirectories(saved);
                    Files.copy(file, saved.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    count++;
                }
            }
            return count;
        }
        Path index = report.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            return 0;
        }
        for (Map.Entry<String, byte[]> file : SingleFileReport.dataFiles(Files.readString(index, StandardCharsets.ISO_8859_1)).entrySet()) {
            if (file.getKey().matches("history/[^/]+\\.json")) {
                Files.createDirectories(saved);
                Files.write(saved.resolve(file.getKey().substring("history/".length())), file.getValue());
                count++;
            }
        }
        return count;
    }

    private static Path saved(Path reports, String series) {
        return reports.resolve(FOLDER).resolve(series.replaceAll("[^A-Za-z0-9._-]", "_"));
    }
}
