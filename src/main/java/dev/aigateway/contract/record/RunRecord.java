package dev.aigateway.contract.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a contract run leaves for the steps after it (report summary, verdict, evidence), written by
 * the test JVM to {@code target/contract-run/run.json}. Everything in it is already redacted.
 * {@code simulatorLog} is what the simulated gateway itself served ("METHOD /path"), when it ran.
 * {@code gateway} is the name of the gateway's profile the run checked ({@code vercel}, {@code openrouter}):
 * its readers read the exchanges with that profile. Records written before it was named read as {@link #GATEWAY_BEFORE_NAMED}'s.
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
        int notApplicable,
        List<ScenarioResult> scenarios,
        List<Exchange> exchanges,
        Verdict verdict,
        List<String> simulatorLog,
        List<ApplicationRequestSent> applicationRequests,
        String gateway) {

    /** The gateway of the records written before they named it ({@code beforeNamed:} in {@code gateways/gateways.yaml}). */
    public static final String GATEWAY_BEFORE_NAMED = BeforeNamed.GATEWAY;

    /** {@code gateway}: the profile the run targeted ({@code gateways/<name>.yaml}); the default one when not set. */
    public RunRecord {
        applicationRequests = applicationRequests == null ? List.of() : List.copyOf(applicationRequests);
        gateway = gateway == null ? GATEWAY_BEFORE_NAMED : gateway;
    }

    /** A record that names no gateway: {@link #GATEWAY_BEFORE_NAMED}'s. */
    public RunRecord(String env, String description, String targetUrl, String teamId, boolean simulated, Instant startedAt,
                     Instant finishedAt, int passed, int failed, int skipped, int notApplicable, List<ScenarioResult> scenarios,
                     List<Exchange> exchanges, Verdict verdict, List<String> simulatorLog,
                     List<ApplicationRequestSent> applicationRequests) {
        this(env, description, targetUrl, teamId, simulated, startedAt, finishedAt, passed, failed, skipped, notApplicable,
                scenarios, exchanges, verdict, simulatorLog, applicationRequests, null);
    }

    /** A run that sent none of the application's requests. */
    public RunRecord(String env, String description, String targetUrl, String teamId, boolean simulated, Instant startedAt,
                     Instant finishedAt, int passed, int failed, int skipped, int notApplicable, List<ScenarioResult> scenarios,
                     List<Exchange> exchanges, Verdict verdict, List<String> simulatorLog) {
        this(env, description, targetUrl, teamId, simulated, startedAt, finishedAt, passed, failed, skipped, notApplicable,
                scenarios, exchanges, verdict, simulatorLog, List.of(), null);
    }

    /**
     * One of the application's requests ({@code -Drequest}, {@code requests:}), as its scenario sent it.
     *
     * @param scenario the scenario that sent it ("Your application's request 1")
     * @param source   the file and, for a HAR, the entry ({@code app.har#2})
     * @param request  method and path ({@code POST /v1/chat/completions})
     * @param fileHost the host the file named, or null when it named none
     * @param replaced one sentence per credential of the file that was not sent, with no value in it
     * @param finding  what the refusal follows, in one sentence, found by its variants; null when none were sent
     * @param trigger  the field the finding names ({@code max_tokens}, {@code stream}, {@code model}), "" when none; null with no finding
     * @param variants one line per variant ("#14 stream: true: 200, served"), in the order they were tried
     * @param extraRequests the requests the variants took, retries included
     * @param waves    how many waves they were sent in
     * @param wallMs   how long finding it took
     */
    public record ApplicationRequestSent(String scenario, String source, String request, String fileHost, List<String> replaced,
                                         String finding, String trigger, List<String> variants, int extraRequests, int waves,
                                         long wallMs) {

        public ApplicationRequestSent {
            variants = variants == null ? List.of() : List.copyOf(variants);
        }

        /** A request that was served, or whose variants were not sent. */
        public ApplicationRequestSent(String scenario, String source, String request, String fileHost, List<String> replaced) {
            this(scenario, source, request, fileHost, replaced, null, null, List.of(), 0, 0, 0);
        }
    }

    public static final String FILE = "target/contract-run/run.json";
    /** Beside the record: the report's title, {@link #reportName(RunRecord)}. */
    public static final String REPORT_NAME = "report-name.txt";
    /** Where the test JVM writes the record instead of {@link #FILE}, when set (self-tests). */
    public static final String FILE_PROPERTY = "contract.run.record";

    /**
     * One scenario's outcome: PASSED, FAILED, SKIPPED (the run could not carry it out) or
     * {@value #NOT_APPLICABLE} (the environment's settings leave it out); {@code message} says why it
     * failed or was left out.
     */
    public record ScenarioResult(String feature, String name, String status, String message) {
        public static final String NOT_APPLICABLE = "NOT_APPLICABLE";
    }

    private static final ObjectMapper JSON = Json.RECORDS;

    /** "6 passed, 0 failed, 0 not run, 7 not applicable": the scenarios, as the closing block and summary.md count them. */
    public String scenarioCounts() {
        return passed + " passed, " + failed + " failed, " + skipped + " not run" + (notApplicable == 0 ? ""
                : ", " + notApplicable + " not applicable");
    }

    public void write(Path root) throws IOException {
        Path file = root.resolve(System.getProperty(FILE_PROPERTY, FILE));
        Files.createDirectories(file.getParent());
        Files.writeString(file.resolveSibling(REPORT_NAME), reportName(this));
        JSON.writeValue(file.toFile(), this);
    }

    /** The report's title, on its front page: the verdict ("team-access-denied: Team blocked ..."). */
    public static String reportName(RunRecord run) {
        if (run == null || run.verdict() == null) {
            return "ai-gateway-contract" + (run == null ? "" : ": " + run.env());
        }
        return run.verdict().id() + ": " + run.verdict().title();
    }

    /**
     * The report's title as the test JVM wrote it beside the record, read without parsing the record,
     * so that the report's generation starts at once; {@link #reportName(RunRecord)} of no record when there is none.
     */
    public static String readReportName(Path root) throws IOException {
        Path name = root.resolve(FILE).resolveSibling(REPORT_NAME);
        return exists(root) && Files.isRegularFile(name) ? Files.readString(name) : reportName(null);
    }

    public static RunRecord read(Path root) throws IOException {
        return readFile(root.resolve(FILE));
    }

    public static RunRecord readFile(Path file) throws IOException {
        JsonNode record = JSON.readTree(file.toFile());
        record.path("exchanges").forEach(BeforeNamed::renamed);
        return JSON.treeToValue(record, RunRecord.class);
    }

    public static boolean exists(Path root) {
        return Files.isRegularFile(root.resolve(FILE));
    }
}
