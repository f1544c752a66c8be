package dev.aigateway.contract.run;

import dev.aigateway.contract.environment.EnvironmentException;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.request.ApplicationRequests;
import java.nio.file.Path;
import java.util.Optional;
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
        Path root = Path.of(System.getProperty("contract.root", System.getProperty("user.dir")));
        tags(new EnvironmentLoader(root), env, System.getProperty(ApplicationRequests.PROPERTY), System.getProperty(TAGS))
                .ifPresent(tags -> System.setProperty(TAGS, tags));
    }

    /**
     * The run's tag expression for environment {@code env}: {@code runExpression} (null: {@code not @wip}) kept to the
     * environment's routes on its own gateway, and to the application's requests given ({@code request}, else the
     * environment's {@code requests:}); empty when the environment cannot be read (the first scenario opens it
     * again and fails with the loader's sentence).
     */
    static Optional<String> tags(EnvironmentLoader loader, String env, String request, String runExpression) {
        try {
            var environment = loader.load(env);
            int requests = ApplicationRequests.named(environment, request).size();
            return Optional.of(ApplicationRequests.tagExpression(Math.min(requests, ApplicationRequests.MOST),
                    Route.tagExpression(environment.routes(), runExpression, environment.profile().name())));
        } catch (EnvironmentException reportedByTheRun) {
            return Optional.empty();
        }
    }
}
