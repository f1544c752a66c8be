package dev.aigateway.contract.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.diagnosis.Diagnosis;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.history.Standing;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Spend;
import dev.aigateway.contract.record.ToolVersion;
import dev.aigateway.contract.record.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The evidence bundle of a run, for an escalation: {@code reports/evidence/} (summary.md,
 * verdict.json, exchanges.har, manifest.sha256) and {@code reports/ai-gateway-evidence-<env>-<UTC>.zip}
 * holding them and the one-file report. Everything in it comes from the already redacted run record.
 */
public final class EvidenceBundle {

    public static final String FOLDER = "evidence";
    /** Where curl lines of a simulated run point: the standalone simulator's documented port. */
    static final String STANDALONE_SIMULATOR = "http://127.0.0.1:8080";
    private static final DateTimeFormatter ZIP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = Json.RECORDS;

    private EvidenceBundle() {}

    /** Writes the bundle under {@code reports} and returns the zip. {@code report} is included when it exists. */
    public static Path write(Path reports, RunRecord run, Path report) throws IOException {
        return write(reports, run, report, null);
    }

    /** As {@link #write(Path, RunRecord, Path)}, with what the verdict history says in summary.md when not null. */
    public static Path write(Path reports, RunRecord run, Path report, Standing history) throws IOException {
        return pack(reports, run, writeFiles(reports, run, history), report);
    }

    /**
     * The bundle's own files under {@code reports/evidence/}: summary.md, verdict.json and exchanges.har.
     * They need no report, so they are written while the report is generated.
     */
    public static List<Path> writeFiles(Path reports, RunRecord run, Standing history) throws IOException {
        Path folder = reports.resolve(FOLDER);
        Files.createDirectories(folder);
        Path summary = folder.resolve("summary.md");
        Path verdict = folder.resolve("verdict.json");
        Path har = folder.resolve("exchanges.har");
        Files.writeString(summary, Summary.markdown(run, history));
        JSON.writeValue(verdict.toFile(), verdictJson(run));
        Har.write(run.exchanges(), ToolVersion.get(), har);
        return List.of(summary, verdict, har);
    }

    /**
     * The manifest of {@code files} and {@code report} (when it exists), and the zip holding them all;
     * returns the zip.
     */
    public static Path pack(Path reports, RunRecord run, List<Path> files, Path report) throws IOException {
        Path zip = zipOf(reports, run);
        return BundleZip.write(zip, manifest(reports, zip, files, report));
    }

    /** Where the run's zip goes: {@code reports/ai-gateway-evidence-<env>-<UTC>.zip}. */
    public static Path zipOf(Path reports, RunRecord run) {
        return reports.resolve("ai-gateway-evidence-" + run.env() + "-" + ZIP_STAMP.format(run.finishedAt()) + ".zip");
    }

    /**
     * Writes the manifest of {@code files} and {@code report} (when it exists), and returns the entries
     * of {@code zip}: those files and the manifest, by entry name.
     */
    public static Map<String, Path> manifest(Path reports, Path zip, List<Path> files, Path report) throws IOException {
        List<Path> packed = new ArrayList<>(files);
        if (Files.isRegularFile(report)) {
            packed.add(report);
        }
        Path manifest = reports.resolve(FOLDER).resolve("manifest.sha256");
        Manifest.write(manifest, packed, reports);
        packed.add(manifest);
        return BundleZip.entries(zip, reports, packed);
    }

    static ObjectNode verdictJson(RunRecord run) {
        Verdict verdict = run.verdict();
        GatewayProfile profile = GatewayProfile.of(run);
        Spend spend = Spending.of(run.exchanges(), profile);
        ObjectNode json = JSON.createObjectNode()
                .put("verdict", verdict == null ? null : verdict.id())
                .put("title", verdict == null ? null : verdict.title())
                .put("env", run.env())
                .put("teamId", run.teamId())
                .put("startedAt", String.valueOf(run.startedAt()))
                .put("finishedAt", String.valueOf(run.finishedAt()))
                .put("requests", spend.requests())
                .put("billableRequests", spend.billableRequests())
                .put("tokens", spend.tokens())
                .put("spendUsd", spend.usd())
                .put("billableRequestsOfUnknownCost", spend.unknownCost());
        json.set("billableRequestsOfUnknownCostNamed", JSON.valueToTree(spend.ofUnknownCost()));
        Chain.of(run).ifPresent(chain -> json.set("chain", chain.json()));
        json.putObject("scenarios").put("passed", run.passed()).put("failed", run.failed()).put("skipped", run.skipped())
                .put("notApplicable", run.notApplicable());
        if (verdict != null) {
            json.put("meaning", verdict.meaning());
            json.set("ruledOut", JSON.valueToTree(verdict.ruledOut()));
            json.set("nextSteps", JSON.valueToTree(verdict.nextSteps()));
            json.set("references", JSON.valueToTree(verdict.references()));
            json.set("evidence", JSON.valueToTree(verdict.evidence()));
        }
        ArrayNode observations = json.putArray("observations");
        for (Exchange exchange : run.exchanges()) {
            observations.addObject()
                    .put("exchange", exchange.sequence())
                    .put("scenario", exchange.scenario())
                    .put("probe", exchange.caller() + " " + exchange.method() + " " + exchange.path())
                    .put("endpoint", exchange.path())
                    .put("status", exchange.status())
                    .put("errorType", exchange.errorType())
                    .put("requestId", exchange.requestId())
                    .put("generationId", exchange.generationId())
                    .put("ms", exchange.durationMs())
                    .put("failure", exchange.failure())
                    .put("cited", Diagnosis.cite(exchange, profile));
        }
        json.set("failedScenarios", JSON.valueToTree(run.scenarios().stream()
                .filter(s -> "FAILED".equals(s.status())).map(ScenarioResult::name).toList()));
        // What did not run, and why: the run could not carry it out (SKIPPED) or the environment left it out (NOT_APPLICABLE).
        ArrayNode leftOut = json.putArray("scenariosLeftOut");
        run.scenarios().stream().filter(s -> "SKIPPED".equals(s.status()) || ScenarioResult.NOT_APPLICABLE.equals(s.status()))
                .forEach(s -> leftOut.addObject().put("scenario", s.name())
                        .put("notApplicable", ScenarioResult.NOT_APPLICABLE.equals(s.status())).put("reason", s.message()));
        json.set("exchanges", JSON.valueToTree(run.exchanges()));
        return json;
    }
}
