package dev.aigateway.contract.steps;

import dev.aigateway.contract.ConsoleText;
import dev.aigateway.contract.http.GatewayUnreachableException;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import java.io.PrintStream;
import org.opentest4j.TestAbortedException;

/**
 * The run's progress on the console, one line per scenario as it finishes (and why, when it did not
 * pass), so that scenarios running at once never interleave their output the way Cucumber's pretty
 * plugin does.
 */
public final class ScenarioLines implements ConcurrentEventListener {

    private final PrintStream out = System.out;

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    }

    private synchronized void finished(TestCaseFinished event) {
        Status status = event.getResult().getStatus();
        String feature = FeatureFile.path(event.getTestCase().getUri());
        out.printf("%-8s %s  (%s:%d)%n", status == Status.PASSED ? "passed" : status.name().toLowerCase(),
                event.getTestCase().getName(), feature, event.getTestCase().getLocation().getLine());
        Throwable error = event.getResult().getError();
        if (error != null && status != Status.PASSED) {
            String message = (isToolBug(error) ? "a bug of this tool (its trace follows the run): " + error.getClass().getSimpleName()
                    + ": " : "") + String.valueOf(error.getMessage()).strip().lines().findFirst().orElse("");
            out.println("         " + ConsoleText.safe(message.length() > 200 ? message.substring(0, 197) + "..." : message));
        }
        out.flush();
    }

    /** Not a failed check, a gateway that could not be reached or a scenario left out: something this tool got wrong. */
    private static boolean isToolBug(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AssertionError || cause instanceof GatewayUnreachableException
                    || cause instanceof TestAbortedException) {
                return false;
            }
        }
        return true;
    }
}
