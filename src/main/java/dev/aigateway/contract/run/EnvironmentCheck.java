package dev.aigateway.contract.run;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.history.AllureTrend;
import dev.aigateway.contract.history.VerdictHistory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs before the contract suite ({@code pre-integration-test}): reads the chosen environment so
 * that a missing file, field or variable stops the build with one clear sentence, before any
 * report is started. Then puts back Allure's history of the run's series, for the report's Trend.
 */
public final class EnvironmentCheck {

    private EnvironmentCheck() {}

    /** Arguments: the project root, the environment name. */
    public static void main(String[] args) throws IOException {
        Environment environment = new EnvironmentLoader(Path.of(args[0])).load(args[1]);
        System.out.println("[contract] environment " + environment.name() + ": " + environment.description()
                + " -> " + (environment.usesSimulator()
                        ? "embedded simulated gateway, team " + environment.simulator().team()
                        : environment.baseUrl()));
        if (VerdictHistory.enabled()) {
            AllureTrend.restore(Path.of(args[0]).resolve("reports"), VerdictHistory.series(environment.name()));
        }
    }
}
