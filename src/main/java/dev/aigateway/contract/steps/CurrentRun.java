package dev.aigateway.contract.steps;

import dev.aigateway.contract.request.ApplicationRequests;
import dev.aigateway.contract.run.ContractRun;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The run-once resources of the test JVM (environment, simulated gateway), created on first use
 * and closed by {@link ContractRunPlugin} when the run finishes. Pico recreates everything else
 * per scenario.
 */
final class CurrentRun {

    private static final String OVERRIDE = "contract.env.";
    private static ContractRun run;

    private CurrentRun() {}

    static synchronized ContractRun get() {
        if (run == null) {
            run = ContractRun.open(root(), System.getProperty("env", "local"), variables(),
                    System.getProperty(ApplicationRequests.PROPERTY));
        }
        return run;
    }

    /** The run if one was opened, else null. */
    static synchronized ContractRun current() {
        return run;
    }

    /** The run, if one was opened; closing clears it so that a second run in this JVM starts afresh. */
    static synchronized ContractRun close() {
        ContractRun closed = run;
        if (run != null) {
            run.close();
            run = null;
        }
        return closed;
    }

    /**
     * The process environment, where a system property {@code contract.env.NAME} stands in for the
     * variable NAME: the self-tests' seam, since a JVM cannot change its own environment.
     */
    static Map<String, String> variables() {
        Map<String, String> variables = new HashMap<>(System.getenv());
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(OVERRIDE))
                .forEach(name -> variables.put(name.substring(OVERRIDE.length()), System.getProperty(name)));
        return variables;
    }

    static Path root() {
        return Path.of(System.getProperty("contract.root", System.getProperty("user.dir")));
    }
}
