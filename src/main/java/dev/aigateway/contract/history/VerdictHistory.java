package dev.aigateway.contract.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.record.BeforeNamed;
import dev.aigateway.contract.record.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reports/history/verdicts.jsonl}: one line per finished run, appended, never rewritten; the
 * run's clean-up of {@code reports/} leaves {@code history/} alone. {@code -Dhistory=off} skips it.
 */
public final class VerdictHistory {

    /** Under {@code reports/}: the history that outlives a run. */
    public static final String FOLDER = "history";
    public static final String FILE = FOLDER + "/verdicts.jsonl";
    /** One entry a line: the records' dates, not indented; entries of later versions still read. */
    private static final ObjectWriter LINE = Json.RECORDS.writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader ENTRY = Json.RECORDS.readerFor(HistoryEntry.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private VerdictHistory() {}

    /** False with {@code -Dhistory=off}. */
    public static boolean enabled() {
        return !"off".equalsIgnoreCase(System.getProperty("history", "on").strip());
    }

    /** The series a run of {@code env} is filed under: {@code -Dhistory.series}, else the environment's name. */
    public static String series(String env) {
        String series = System.getProperty("history.series", "").strip();
        return series.isEmpty() ? env : series;
    }

    /** Appends {@code run} to the history under {@code reports} and says what the history now shows. */
    public static Standing record(Path reports, RunRecord run, String series) throws IOException {
        HistoryEntry entry = HistoryEntry.of(run, series);
        Path file = reports.resolve(FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, LINE.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return Standing.of(read(reports, series));
    }

    /** The runs of one series, oldest first; a line that is not an entry (hand-edited, cut short) is passed over. */
    public static List<HistoryEntry> read(Path reports, String series) throws IOException {
        Path file = reports.resolve(FILE);
        List<HistoryEntry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                HistoryEntry entry = line.isBlank() ? null : ENTRY.readValue(BeforeNamed.renamed(Json.RECORDS.readTree(line)));
                if (entry != null && series.equals(entry.series()) && entry.verdict() != null && entry.at() != null) {
                    entries.add(entry);
                }
            } catch (JsonProcessingException notAnEntry) {
                // Skipped: one damaged line must not hide the rest of the history.
            }
        }
        return entries;
    }
}
