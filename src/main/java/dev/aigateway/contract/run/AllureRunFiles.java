package dev.aigateway.contract.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.diagnosis.Diagnosis;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run-level files Allure reads beside the results: {@code environment.properties} and
 * {@code executor.json}, which put the verdict on the report's front page, and
 * {@code categories.json}, one category per verdict so each failure is filed under the verdict its
 * message points to.
 */
public final class AllureRunFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AllureRunFiles() {}

    public static void write(Path resultsDirectory, RunRecord run, Diagnosis diagnosis) throws IOException {
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
        for (Diagnosis.Rule rule : diagnosis.verdicts()) {
            if (rule.failureMessage() == null) {
                continue;
            }
            ObjectNode category = categories.addObject()
                    .put("name", rule.id() + ": " + rule.title())
                    .put("messageRegex", rule.failureMessage());
            category.putArray("matchedStatuses").add("failed").add("broken");
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(resultsDirectory.resolve("categories.json").toFile(), categories);
    }
}
