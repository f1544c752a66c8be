package dev.aigateway.contract.run;

import dev.aigateway.contract.environment.EnvironmentException;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.request.ApplicationRequests;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Keeps the contract run to the routes its environment lists ({@code routes:}): before discovery,
 * the Cucumber tag expression gets {@code not @<route>} for every other route, on top of the run's
 * own ({@code -Dcucumber.filter.tags}, else {@code not @wip}), {@code not @<gateway>} for every other gateway, and the scenarios of the
 * application's request beyond the requests given ({@code -Drequest}, {@code requests:}), all of them when none is. Only in the contract run's JVM
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
            int requests = ApplicationRequests.named(environment, System.getProperty(ApplicationRequests.PROPERTY)).size();
            System.setProperty(TAGS, ApplicationRequests.tagExpression(Math.min(requests, ApplicationRequests.MOST),
                    Route.tagExpression(environment.routes(), System.getProperty(TAGS), environment.profile().name())));
        } catch (EnvironmentException reportedByTheRun) {
            // The first scenario opens the environment again and fails with the loader's sentence.
        }
    }
}
