package dev.aigateway.contract.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.ToolVersion;
import dev.aigateway.contract.record.Verdict;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The run-level files Allure reads beside the results: {@code environment.properties} and
 * {@code executor.json}, which put the verdict on the report's front page, and
 * {@code categories.json}, which files each failure under the run's verdict or beside it ({@link #categories}).
 */
public final class AllureRunFiles {

    private static final ObjectMapper JSON = Json.DATA;
    /** The scenario statuses the run counts as failed (ContractRunPlugin). */
    private static final Set<String> FAILED = Set.of("FAILED", "UNDEFINED", "AMBIGUOUS", "PENDING");

    /** The name of the category of the failures the verdict does not rest on. */
    static final String OTHER_FAILURES = "Other failures, not the answers the verdict rests on";
    static final String NO_VERDICT = "Failures (no verdict: the environment could not be read)";

    /** One of Allure's categories: it holds every failed or broken result whose message matches the regex in full. */
    record Category(String name, String messageRegex) {}

    private AllureRunFiles() {}

    public static void write(Path resultsDirectory, RunRecord run) throws IOException {
        Files.createDirectories(resultsDirectory);
        Map<String, String> environment = new LinkedHashMap<>();
        if (run.verdict() != null) {
            environment.put("Verdict", run.verdict().id() + ": " + run.verdict().title());
        }
        environment.put("Environment", run.env());
        environment.put("Target host", run.targetUrl() == null ? "" : URI.create(run.targetUrl()).getHost()
                + (run.simulated() ? " (embedded simulated gateway)" : ""));
        environment.put("Team id", String.valueOf(run.teamId()));
        environment.put("Tool", "ai-gateway-contract " + ToolVersion.get());
        environment.put("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        environment.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        StringBuilder properties = new StringBuilder();
        environment.forEach((key, value) -> properties.append(key.replace(" ", "\\ ")).append('=')
                .append(value.replace("\\", "\\\\").replace("\n", " ")).append('\n'));
        Files.writeString(resultsDirectory.resolve("environment.properties"), properties.toString());

        ObjectNode executor = JSON.createObjectNode()
                .put("name", "ai-gateway-contract")
                .put("type", "maven")
                .put("buildName", run.env() + " " + run.startedAt())
                .put("reportName", "ai-gateway-contract: " + run.env()
                        + (run.verdict() == null ? "" : ", verdict " + run.verdict().id() + " (" + run.verdict().title() + ")"));
        JSON.writerWithDefaultPrettyPrinter().writeValue(resultsDirectory.resolve("executor.json").toFile(), executor);

        ArrayNode categories = JSON.createArrayNode();
        for (Category category : categories(run)) {
            categories.addObject().put("name", category.name()).put("messageRegex", category.messageRegex())
                    .putArray("matchedStatuses").add("failed").add("broken");
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(resultsDirectory.resolve("categories.json").toFile(), categories);
    }

    /**
     * The run's failures filed by its verdict: the verdict's own category, named with its id and its
     * title as this run filled it, holds the failures that support it; one more category holds every
     * other failure. No category names a verdict the run did not give.
     *
     * <p>A failed scenario supports the verdict when one of its exchanges got the same answer as an
     * exchange the verdict cites as its evidence: the same caller, status and error type, or no answer
     * at all. The evidence is the first exchange each of the verdict's conditions matched, so the same
     * answer to another of the team's requests is that condition again (a blocked team's 403 on
     * inference, beside the 403 on /v1/credits the verdict cites). A verdict that cites no exchange
     * speaks of the run as a whole (an OIDC token read as expired before sending; unclassified, when no
     * rule explains the answers) and holds every failure. Exchanges belong to scenarios by name.
     *
     * <p>Allure files a result under every category whose {@code messageRegex} matches its message in
     * full, so the verdict's category quotes the exact messages it holds, and the other category
     * matches any message but those: each failure lands in exactly one. Failures with the same
     * message share a category, the verdict's if any of them supports it.
     */
    static List<Category> categories(RunRecord run) {
        Verdict verdict = run.verdict();
        List<ScenarioResult> failures = run.scenarios().stream().filter(s -> FAILED.contains(s.status())).toList();
        if (failures.isEmpty()) {
            return List.of();
        }
        if (verdict == null) {
            return List.of(new Category(NO_VERDICT, "(?s).*"));
        }
        Set<String> supporting = new LinkedHashSet<>();
        Set<String> answers = run.exchanges().stream().filter(e -> verdict.evidence().contains(e.sequence()))
                .map(AllureRunFiles::answer).collect(Collectors.toSet());
        for (ScenarioResult failure : failures) {
            boolean supports = verdict.evidence().isEmpty() || run.exchanges().stream()
                    .anyMatch(e -> failure.name().equals(e.scenario()) && answers.contains(answer(e)));
            if (supports) {
                supporting.add(String.valueOf(failure.message()));
            }
        }
        String verdictsMessages = supporting.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        List<Category> categories = new ArrayList<>();
        if (!supporting.isEmpty()) {
            categories.add(new Category(verdict.id() + ": " + verdict.title(), "(?:" + verdictsMessages + ")"));
        }
        if (failures.stream().anyMatch(failure -> !supporting.contains(String.valueOf(failure.message())))) {
            categories.add(new Category(OTHER_FAILURES,
                    supporting.isEmpty() ? "(?s).*" : "(?!(?:" + verdictsMessages + ")\\z)(?s).*"));
        }
        return categories;
    }

    /** What the gateway answered, as the diagnosis reads it: who asked, the status and the error type; or no answer. */
    private static String answer(Exchange exchange) {
        return exchange.caller() + " " + (exchange.answered() ? exchange.status() + " " + exchange.errorType() : "no answer");
    }
}
