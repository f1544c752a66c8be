package dev.aigateway.contract.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.aigateway.contract.http.GatewayUnreachableException;
import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Location;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestStep;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The console line each scenario prints as it finishes, written by the plugin the contract run itself
 * uses (the self-tests swap in another): a gateway's message arrives on the user's terminal with its
 * escape sequences shown, never obeyed, on one line of at most 200 characters.
 */
class ScenarioLinesTest {

    private static final URI FEATURE = Path.of("features/credits/balance.feature").toAbsolutePath().toUri();

    @Test
    void aGatewaysMessageWithTerminalEscapesIsPrintedEscapedAndOnlyItsFirstLine() {
        String console = finished(Status.FAILED, new AssertionError(
                "Forbidden.\u001b[31m red\u001b[0m \u001b]8;;https://evil.example\u001b\\click\u009b2J\nsecond line"));
        assertThat(console, equalTo("failed   A funded team reads its balance  (features/credits/balance.feature:7)\n"
                + "         Forbidden.\\x1b[31m red\\x1b[0m \\x1b]8;;https://evil.example\\x1b\\click\\u009b2J\n"));
        assertThat(console, not(containsString("\u001b")));
        assertThat(console, not(containsString("\u009b")));
    }

    @Test
    void aLongMessageIsCutTo200Characters() {
        String console = finished(Status.FAILED, new AssertionError("x".repeat(300)));
        assertThat(console.lines().toList().get(1), equalTo("         " + "x".repeat(197) + "..."));
        String exactly200 = finished(Status.FAILED, new AssertionError("y".repeat(200)));
        assertThat(exactly200.lines().toList().get(1), equalTo("         " + "y".repeat(200)));
    }

    @Test
    void aPassedScenarioIsOneLineAndAFailedCheckOrASilentGatewayIsNotCalledABugOfThisTool() {
        assertThat(finished(Status.PASSED, null), equalTo(
                "passed   A funded team reads its balance  (features/credits/balance.feature:7)\n"));
        assertThat(finished(Status.PASSED, new AssertionError("kept by a retry")).lines().count(), equalTo(1L));
        assertThat(finished(Status.SKIPPED, new TestAbortedException("the run's deadline passed")).lines().toList(), equalTo(List.of(
                "skipped  A funded team reads its balance  (features/credits/balance.feature:7)",
                "         the run's deadline passed")));
        assertThat(finished(Status.FAILED, new IllegalStateException("wrapped", new GatewayUnreachableException("gw:443 did not answer")))
                .lines().toList().get(1), equalTo("         wrapped"));
    }

    @Test
    void anyOtherErrorIsNamedABugOfThisTool() {
        assertThat(finished(Status.FAILED, new IllegalStateException("boom")).lines().toList().get(1),
                equalTo("         a bug of this tool (its trace follows the run): IllegalStateException: boom"));
        assertThat(finished(Status.FAILED, new NullPointerException()).lines().toList().get(1),
                equalTo("         a bug of this tool (its trace follows the run): NullPointerException: null"));
    }

    @Test
    void aFeatureOnTheClassPathIsNamedWithoutItsScheme() {
        assertThat(FeatureFile.path(URI.create("classpath:features/auth/keys.feature")), equalTo("features/auth/keys.feature"));
        assertThat(FeatureFile.path(FEATURE), equalTo("features/credits/balance.feature"));
        URI elsewhere = Path.of("/elsewhere/x.feature").toAbsolutePath().toUri();
        assertThat(FeatureFile.path(elsewhere), equalTo(Path.of("/elsewhere/x.feature").toAbsolutePath().toString().replace('\\', '/')));
    }

    /** What ScenarioLines prints when the scenario finishes with {@code status} and {@code error}. */
    private static String finished(Status status, Throwable error) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream before = System.out;
        ScenarioLines lines;
        // Buffered, as a console may be: the line must be flushed to show while other scenarios still run.
        System.setOut(new PrintStream(new BufferedOutputStream(console, 1 << 16), false, StandardCharsets.UTF_8));
        try {
            lines = new ScenarioLines();
        } finally {
            System.setOut(before);
        }
        OnePublisher publisher = new OnePublisher();
        lines.setEventPublisher(publisher);
        publisher.handler.receive(new TestCaseFinished(Instant.now(), new Scenario(), new Result(status, Duration.ZERO, error)));
        return console.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static final class OnePublisher implements EventPublisher {
        EventHandler<TestCaseFinished> handler;

        @Override
        @SuppressWarnings("unchecked")
        public <T> void registerHandlerFor(Class<T> event, EventHandler<T> handler) {
            assertThat(event, equalTo(TestCaseFinished.class));
            this.handler = (EventHandler<TestCaseFinished>) handler;
        }

        @Override
        public <T> void removeHandlerFor(Class<T> event, EventHandler<T> handler) {
            throw new UnsupportedOperationException();
        }
    }

    /** A scenario as Cucumber describes it to a plugin. */
    private static final class Scenario implements TestCase {
        @Override public Integer getLine() { return 7; }
        @Override public Location getLocation() { return new Location(7, 3); }
        @Override public String getKeyword() { return "Scenario"; }
        @Override public String getName() { return "A funded team reads its balance"; }
        @Override public String getScenarioDesignation() { return "features/credits/balance.feature:7"; }
        @Override public List<String> getTags() { return List.of(); }
        @Override public List<TestStep> getTestSteps() { return List.of(); }
        @Override public URI getUri() { return FEATURE; }
        @Override public UUID getId() { return UUID.nameUUIDFromBytes(new byte[] {7}); }
    }
}
