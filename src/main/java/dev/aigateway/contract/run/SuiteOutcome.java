package dev.aigateway.contract.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How the contract suite ended, as the JUnit Platform counted it in the suite's JVM: written there
 * ({@value #FILE}), read by the finishing step, which fails the build with it once the report and the
 * bundle are written. A JVM that stopped before its end leaves only its exit code, written by
 * {@link SuiteJvm}.
 */
public record SuiteOutcome(long scenarios, long failed, long failedOutsideScenarios, int exitCode) {

    public static final String FILE = "target/contract-run/outcome.properties";

    /** The outcome of a JVM that stopped with {@code exitCode} before it could count anything. */
    static SuiteOutcome stopped(int exitCode) {
        return new SuiteOutcome(0, 0, 0, exitCode);
    }

    /** The outcome the last contract run wrote under {@code root}; null when none ran (a test's root, or -DskipITs). */
    static SuiteOutcome read(Path root) throws IOException {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return new SuiteOutcome(count(properties, "scenarios"), count(properties, "scenarios.failed"),
                count(properties, "failed.outside.scenarios"), (int) count(properties, "exit.code"));
    }

    public void write(Path root) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("scenarios", Long.toString(scenarios));
        properties.setProperty("scenarios.failed", Long.toString(failed));
        properties.setProperty("failed.outside.scenarios", Long.toString(failedOutsideScenarios));
        properties.setProperty("exit.code", Integer.toString(exitCode));
        Path file = root.resolve(FILE);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "How the contract suite ended");
        }
    }

    /** Why the build fails, or null when the contract held. */
    String failure() {
        if (exitCode != 0) {
            return "The contract suite's JVM stopped with exit code " + exitCode + " before its end: see the errors above.";
        }
        if (failed > 0) {
            return "The contract failed: " + failed + (failed == 1 ? " scenario" : " scenarios") + " failed; the verdict above says why.";
        }
        if (failedOutsideScenarios > 0) {
            return "The contract suite failed outside its scenarios (a feature Cucumber could not read, or a hook): see the errors above.";
        }
        return null;
    }

    /**
     * Why the build fails once the run record counted {@code skipped} scenarios that could not be carried
     * out (a deadline, a gateway that did not answer), or null when the contract held: a run that checked
     * less than it was asked to is not a pass.
     */
    String failure(long skipped) {
        String failure = failure();
        if (failure == null && skipped > 0) {
            return "The contract run is incomplete: " + skipped + (skipped == 1 ? " scenario" : " scenarios")
                    + " could not be carried out; the verdict above says which and why.";
        }
        return failure;
    }

    private static long count(Properties properties, String key) {
        String value = properties.getProperty(key, "0").strip();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(FILE + " is damaged: " + key + " is \"" + value + "\", not a number");
        }
    }
}
