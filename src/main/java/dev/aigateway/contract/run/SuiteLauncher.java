package dev.aigateway.contract.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.aigateway.contract.http.GatewayUnreachableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The contract run's JVM, started by {@link SuiteJvm}: runs the contract ({@link #contract()}) on the
 * JUnit Platform, prints how many scenarios passed, failed and were skipped, and writes that outcome
 * for the finishing step, which fails the build once the report and the bundle are written. It exits 0
 * whenever the suite ran to its end, whatever its outcome.
 */
public final class SuiteLauncher {

    private SuiteLauncher() {}

    /** The folder of the contract's features, in the project folder; RunContractIT selects it too. */
    public static final String FEATURES = "features";

    /**
     * The contract: every feature under {@code root/features/}, read in place, on the Cucumber engine alone.
     * The glue and the plugins are the suite's configuration, read by the Platform from the class path's
     * {@code junit-platform.properties} (and {@code -D}), so that this class names none of the suite's classes.
     */
    static LauncherDiscoveryRequestBuilder contract(Path root) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(root.toAbsolutePath().normalize().resolve(FEATURES).toFile()))
                .filters(EngineFilter.includeEngines("cucumber"));
    }

    /** Argument: the project root, under which the outcome is written ({@link SuiteOutcome#FILE}). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LeftOutByTags leftOut = new LeftOutByTags();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(
                    contract(root).build(),
                    summary, leftOut, new UnexpectedErrors());
            // Still inside the session: the console copy that the secret scan reads gets this line too.
            System.out.println(line(summary.getSummary(), leftOut.count.get()));
        }
        TestExecutionSummary counted = summary.getSummary();
        new SuiteOutcome(counted.getTestsFoundCount(), counted.getTestsFailedCount(), counted.getContainersFailedCount(), 0)
                .write(root);
        System.out.flush();
        // Threads that someone forgot to stop must not keep the build waiting.
        System.exit(0);
    }

    private static String line(TestExecutionSummary summary, long leftOut) {
        long skipped = summary.getTestsSkippedCount() - leftOut + summary.getTestsAbortedCount();
        return "[contract] " + summary.getTestsSucceededCount() + " passed, " + summary.getTestsFailedCount()
                + " failed, " + skipped + " skipped, in "
                + String.format("%.1f s", (summary.getTimeFinished() - summary.getTimeStarted()) / 1000.0)
                + (leftOut == 0 ? "" : " (" + leftOut + " left out by tags: other routes, the application's request beyond those given, @wip, -Dcucumber.filter.tags)")
                + (summary.getContainersFailedCount() == 0 ? ""
                        : "; " + summary.getContainersFailedCount() + " features or engines failed outside a scenario");
    }

    /** Scenarios Cucumber left out because the run's tag expression did not match them (RouteSelection). */
    private static final class LeftOutByTags implements TestExecutionListener {
        // Scenarios run at once: their listeners are called from several threads.
        private final AtomicLong count = new AtomicLong();

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            if (test.isTest() && reason != null && reason.startsWith("'cucumber.filter.tags=")) {
                count.incrementAndGet();
            }
        }
    }

    /**
     * A failed check prints its own line (ScenarioLines), and so does a gateway that could not be
     * reached: that is the contract's outcome, said in one sentence. Anything else that went wrong, a
     * bug in a step or a feature Cucumber could not read, is a bug of this tool: it says so, then
     * prints its stack trace.
     */
    private static final class UnexpectedErrors implements TestExecutionListener {
        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                result.getThrowable().filter(error -> !(error instanceof AssertionError) && !unreachable(error)).ifPresent(error -> {
                    System.out.println("[contract] " + test.getDisplayName() + " stopped on a bug of this tool, not of the"
                            + " gateway; please report it with this trace:");
                    error.printStackTrace(System.out);
                });
            }
        }

        private static boolean unreachable(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof GatewayUnreachableException) {
                    return true;
                }
            }
            return false;
        }
    }
}
