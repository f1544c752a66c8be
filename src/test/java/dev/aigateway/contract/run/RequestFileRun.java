package dev.aigateway.contract.run;

import dev.aigateway.contract.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A contract run of {@code app.curl} under {@code root}, as a user's build runs it: the environment
 * {@code environments/app.yaml}, then the suite's JVM and the finishing step each in a JVM of their own.
 * What both printed is kept in {@code root/console.txt}, for the secret scan to read with the rest.
 */
final class RequestFileRun {

    private RequestFileRun() {}

    /** Writes {@code environments/app.yaml}: {@code baseUrl}, a key ({@code ${SECRETS_TEST_KEY}} or {@code key}), the cap. */
    static void writeEnvironment(Path root, String description, String baseUrl, String teamId, String key, String maxSpendUsd)
            throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/app.yaml"), """
                description: %s
                baseUrl: %s
                teamId: %s
                apiKey: ${SECRETS_TEST_KEY:-%s}
                funded: true
                expectedModels: [openai/gpt-4o-mini]
                probe: { model: openai/gpt-4o-mini, maxTokens: 1 }
                allowBillable: true
                maxSpendUsd: %s
                requests: [app.curl]
                """.formatted(description, baseUrl, teamId, key, maxSpendUsd));
    }

    /** Runs the contract and the finishing step under {@code root}: what they printed, also written to {@code console.txt}. */
    static String run(Path root) throws Exception {
        return run(root, List.of());
    }

    /** As {@link #run(Path)}, both JVMs given {@code options} too ({@code -Drequest=FILE}). */
    static String run(Path root, List<String> options) throws Exception {
        ContractSuite.copyFeaturesTo(root);
        List<String> suite = new ArrayList<>(List.of("-Denv=app", "-Dcontract.root=" + root,
                "-Dcontract.console=" + root.resolve("target/contract-run/console.txt"),
                "-Dallure.results.directory=" + root.resolve("reports/allure-results")));
        suite.addAll(options);
        String console = java(root, SuiteLauncher.class.getName(), suite.toArray(String[]::new));
        String closing = java(root, "dev.aigateway.contract.run.RunFinish", options.toArray(String[]::new));
        Files.writeString(root.resolve("console.txt"), console + closing);
        return console + closing;
    }

    /** The zips the run left in {@code reports}. */
    static List<Path> zips(Path reports) throws Exception {
        try (var files = Files.list(reports)) {
            return files.filter(file -> file.toString().endsWith(".zip")).toList();
        }
    }

    /** Runs {@code main} of {@code mainClass} in a JVM of its own, on this test's class path, in {@code root}: what it printed. */
    private static String java(Path root, String mainClass, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Processes.java()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, root.toString()));
        return Processes.run(root, Duration.ofMinutes(5), command).output();
    }
}
