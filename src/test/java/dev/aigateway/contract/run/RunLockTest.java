package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run per checkout: a second process that starts a run while this one holds the lock stops with one sentence, before reading anything. */
class RunLockTest {

    @TempDir
    Path root;

    @Test
    void aSecondRunInTheSameCheckoutStopsBeforeTouchingAnythingAndSaysWhoHoldsTheLock() throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/local.yaml"), Files.readString(Path.of("environments/local.yaml")));
        RunLock.take(root);

        Processes.Result second = Processes.run(null, Duration.ofSeconds(60), Processes.java(),
                "-cp", System.getProperty("java.class.path"), EnvironmentCheck.class.getName(), root.toString(), "local");
        assertThat("the second run ends", second.exitCode() != Processes.TIMED_OUT, equalTo(true));
        String said = second.output();

        assertThat(said, second.exitCode(), not(equalTo(0)));
        assertThat(said, allOf(containsString("Another contract run is in progress in this checkout (process "
                + ProcessHandle.current().pid()), containsString("wait for it to finish"), not(containsString("\tat "))));
        // It stopped before it read the environment; the build's own order (the check before reports/ is
        // emptied) is checked on real builds by .ci/run, where a second healthy run must be refused.
        assertThat(said, not(containsString("[contract] environment")));
    }
}
