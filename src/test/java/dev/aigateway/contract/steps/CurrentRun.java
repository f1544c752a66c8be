package dev.aigateway.contract.steps;

import dev.aigateway.contract.run.ContractRun;
import java.nio.file.Path;

/**
 * The run-once resources of the test JVM (environment, simulated gateway), created on first use
 * and closed by {@link ContractRunPlugin} when the run finishes. Pico recreates everything else
 * per scenario.
 */
final class CurrentRun {

    private static ContractRun run;

    private CurrentRun() {}

    static synchronized ContractRun get() {
        if (run == null) {
            run = ContractRun.open(root(), System.getProperty("env", "local"));
        }
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

    static Path root() {
        return Path.of(System.getProperty("contract.root", System.getProperty("user.dir")));
    }
}
