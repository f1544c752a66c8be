package dev.aigateway.contract.run;

import dev.aigateway.contract.record.RunRecord;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.aigateway.contract.request.ApplicationRequests;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.environment.Route;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the contract suite in this JVM, as {@code ./mvnw verify -Denv=NAME} would, and returns its
 * {@link RunRecord}. Used by the self-tests; the Allure plugin stays out so nothing lands in reports/.
 */
public final class ContractSuite {

    private ContractSuite() {}

    public static synchronized RunRecord run(String env, Path output) throws Exception {
        return run(env, output, Map.of());
    }

    /** {@code apiKey}, when given, stands in for the process's {@code AI_GATEWAY_API_KEY}. */
    public static synchronized RunRecord run(String env, Path output, String apiKey) throws Exception {
        return run(env, output, apiKey == null ? Map.of() : Map.of("AI_GATEWAY_API_KEY", apiKey));
    }

    /** {@code variables} stand in for the process's environment variables of the same names. */
    public static synchronized RunRecord run(String env, Path output, Map<String, String> variables) throws Exception {
        return run(null, env, output, variables);
    }

    /**
     * The suite run as {@link #run(String, Path)}, with Allure's plugin too: its results and the run's
     * own files (categories.json, ...) go to {@code output/allure-results}, for a report to be generated from.
     */
    public static synchronized RunRecord runWithAllureResults(String env, Path output) throws Exception {
        Path results = Files.createDirectories(output.resolve("allure-results"));
        AllureLifecycle saved = Allure.getLifecycle();
        String savedDirectory = System.getProperty("allure.results.directory");
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        System.setProperty("allure.results.directory", results.toString());
        try {
            return run(null, env, output, Map.of(), ", " + AllureCucumber7Jvm.class.getName());
        } finally {
            Allure.setLifecycle(saved);
            if (savedDirectory == null) {
                System.clearProperty("allure.results.directory");
            } else {
                System.setProperty("allure.results.directory", savedDirectory);
            }
        }
    }

    /** The suite run as {@link #run(String, Path)}, with {@code plugin} (Cucumber's {@code name:argument} form) too. */
    public static synchronized RunRecord runWithPlugin(String env, Path output, String plugin) throws Exception {
        return run(null, env, output, Map.of(), ", " + plugin);
    }

    /**
     * The suite run with the environments of another project root ({@code root/environments/}; null:
     * this project's), writing the record, Cucumber's console ({@code console.txt}) and every failure
     * as JUnit reports it ({@code failures.txt}: class, message and stack trace) under
     * {@code output}, so that a test can check what a run prints and writes.
     */
    public static synchronized RunRecord run(Path root, String env, Path output, Map<String, String> variables)
            throws Exception {
        return run(root, env, output, variables, "");
    }

    /** The suite run as {@link #run(String, Path)}, sending the application's request {@code request} too, as {@code -Drequest} does. */
    public static synchronized RunRecord runWithRequest(String env, Path output, String request) throws Exception {
        return run(null, env, output, Map.of(), "", request);
    }

    /** As {@link #runWithRequest(String, Path, String)}, with environments read under {@code root} and {@code variables}. */
    public static synchronized RunRecord runWithRequest(Path root, String env, Path output, Map<String, String> variables,
                                                        String request) throws Exception {
        return run(root, env, output, variables, "", request);
    }

    /** As {@link #runWithRequest(String, Path, String)}, {@code variables} standing in for the process's environment variables. */
    public static synchronized RunRecord runWithRequest(String env, Path output, String request, Map<String, String> variables)
            throws Exception {
        return run(null, env, output, variables, "", request);
    }

    private static RunRecord run(Path root, String env, Path output, Map<String, String> variables, String morePlugins)
            throws Exception {
        return run(root, env, output, variables, morePlugins, null);
    }

    private static RunRecord run(Path root, String env, Path output, Map<String, String> variables, String morePlugins,
                                 String applicationRequest) throws Exception {
        Path record = output.resolve("run.json");
        // The contract is this project's, whichever project's environments the run reads.
        Path project = Path.of(System.getProperty("contract.root", "."));
        Map<String, String> saved = new TreeMap<>();
        if (root != null) {
            set(saved, "contract.root", root.toString());
        }
        set(saved, "env", env);
        set(saved, ApplicationRequests.PROPERTY, applicationRequest);
        set(saved, RunRecord.FILE_PROPERTY, record.toString());
        variables.forEach((name, value) -> set(saved, "contract.env." + name, value));
        try {
            LauncherDiscoveryRequest request = SuiteLauncher.contract(project)
                    .configurationParameter("cucumber.plugin", "dev.aigateway.contract.steps.ContractRunPlugin, pretty:"
                            + output.resolve("console.txt") + morePlugins)
                    .configurationParameter("cucumber.filter.tags", tags(root, env, variables, applicationRequest))
                    .build();
            StringWriter failures = new StringWriter();
            LauncherFactory.create().execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    result.getThrowable().ifPresent(error -> error.printStackTrace(new PrintWriter(failures)));
                }

                @Override
                public void executionSkipped(TestIdentifier test, String reason) {
                    failures.append(reason).append('\n');
                }
            });
            Files.writeString(output.resolve("failures.txt"), failures.toString());
            return RunRecord.readFile(record);
        } finally {
            saved.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    /**
     * The run's tag expression, as RouteSelection makes it: the routes and the gateway the environment
     * names and the application's requests given, or the default routes and none when it cannot be read (the run then reports why).
     */
    private static String tags(Path root, String env, Map<String, String> variables, String request) {
        Map<String, String> all = new java.util.HashMap<>(System.getenv());
        all.putAll(variables);
        return RouteSelection.tags(new EnvironmentLoader(root == null ? Path.of(System.getProperty("contract.root", ".")) : root, all),
                env, request, "not @wip").orElseGet(() -> ApplicationRequests.tagExpression(0, Route.tagExpression(Route.DEFAULT, "not @wip")));
    }

    /**
     * A copy of this project's {@code features/} in {@code root}, for a run in a JVM of its own whose project
     * folder is {@code root}: the suite reads the features of the folder it runs for, as a checkout's.
     */
    public static void copyFeaturesTo(Path root) throws java.io.IOException {
        Path features = Path.of(System.getProperty("contract.root", ".")).resolve(SuiteLauncher.FEATURES).toAbsolutePath();
        try (java.util.stream.Stream<Path> files = Files.walk(features)) {
            for (Path file : files.toList()) {
                Path copy = root.resolve(SuiteLauncher.FEATURES).resolve(features.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    private static void set(Map<String, String> saved, String key, String value) {
        saved.put(key, System.getProperty(key));
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
