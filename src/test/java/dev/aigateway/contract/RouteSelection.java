package dev.aigateway.contract;

import dev.aigateway.contract.environment.EnvironmentException;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.environment.Route;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Keeps the contract run to the routes its environment lists ({@code routes:}): before discovery,
 * the Cucumber tag expression gets {@code not @<route>} for every other route, on top of the run's
 * own ({@code -Dcucumber.filter.tags}, else {@code not @wip}), and {@code not @<gateway>} for every other gateway. Only in the contract run's JVM
 * (the build sets {@code env}); a broken environment is left for the run to report.
 */
public final class RouteSelection implements LauncherSessionListener {

    static final String TAGS = "cucumber.filter.tags";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String env = System.getProperty("env");
        if (env == null) {
            return;
        }
        try {
            Path root = Path.of(System.getProperty("contract.root", System.getProperty("user.dir")));
            var environment = new EnvironmentLoader(root).load(env);
            System.setProperty(TAGS, Route.tagExpression(environment.routes(), System.getProperty(TAGS), environment.profile().name()));
        } catch (EnvironmentException reportedByTheRun) {
            // The first scenario opens the environment again and fails with the loader's sentence.
        }
    }
}
