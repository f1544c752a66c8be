package dev.aigateway.contract.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aigateway.contract.diagnosis.Verdict;
import dev.aigateway.contract.http.Exchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a contract run leaves for the steps after it (report summary, verdict, evidence), written by
 * the test JVM to {@code target/contract-run/run.json}. Everything in it is already redacted.
 * {@code simulatorLog} is what the simulated gateway itself served ("METHOD /path"), when it ran.
 */
public record RunRecord(
        String env,
        String description,
        String targetUrl,
        String teamId,
        boolean simulated,
        Instant startedAt,
        Instant finishedAt,
        int passed,
        int failed,
        int skipped,
        List<ScenarioResult> scenarios,
        List<Exchange> exchanges,
        Verdict verdict,
        List<String> simulatorLog) {

    public static final String FILE = "target/contract-run/run.json";
    /** Where the test JVM writes the record instead of {@link #FILE}, when set (self-tests). */
    public static final String FILE_PROPERTY = "contract.run.record";

    /** One scenario's outcome; {@code message} says why it failed or was skipped. */
    public record ScenarioResult(String feature, String name, String status, String message) {}

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path root) throws IOException {
        Path file = root.resolve(System.getProperty(FILE_PROPERTY, FILE));
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), this);
    }

    public static RunRecord read(Path root) throws IOException {
        return readFile(root.resolve(FILE));
    }

    public static RunRecord readFile(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunRecord.class);
    }

    public static boolean exists(Path root) {
        return Files.isRegularFile(root.resolve(FILE));
    }
}
