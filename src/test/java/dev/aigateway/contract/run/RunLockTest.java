package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.Processes;
import dev.aigateway.contract.Stop;
import dev.aigateway.contract.environment.EnvironmentFolders;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run per checkout: a second process that starts a run while this one holds the lock stops with
 * one sentence, before reading anything; each checkout has its own lock, and the run gives it back
 * when it ends, so that a JVM that outlives the build (mvnd, an IDE's embedded Maven) can run again.
 */
class RunLockTest {

    @TempDir
    Path root;

    @TempDir
    Path otherCheckout;

    @AfterEach
    void releaseWhatTheTestTook() throws Exception {
        RunLock.release(root);
        RunLock.release(otherCheckout);
    }

    @Test
    void aSecondRunInTheSameCheckoutStopsBeforeTouchingAnythingAndSaysWhoHoldsTheLock() throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/local.yaml"), Files.readString(EnvironmentFolders.file(Path.of("."), "local")));
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

    @Test
    void twoCheckoutsInOneJvmEachGetTheirOwnLock() throws Exception {
        RunLock.take(root);
        RunLock.take(otherCheckout);
        assertThat("the first checkout's lock", heldByThisJvm(root), equalTo(true));
        assertThat("the second checkout's lock", heldByThisJvm(otherCheckout), equalTo(true));

        RunLock.release(root);
        assertThat(heldByThisJvm(root), equalTo(false));
        assertThat("releasing one checkout keeps the other's", heldByThisJvm(otherCheckout), equalTo(true));
    }

    @Test
    void theFinishingStepReleasesTheLockWhenTheRunPassedSoTheNextRunInThisJvmTakesIt() throws Exception {
        RunLock.take(root);
        // No run record and no outcome: the finishing step says so and ends without failing the build.
        RunFinish.main(new String[] {root.toString()});
        assertThat(heldByThisJvm(root), equalTo(false));

        RunLock.take(root);
        assertThat("the next run in this JVM holds it again", heldByThisJvm(root), equalTo(true));
    }

    @Test
    void theFinishingStepReleasesTheLockWhenItFailsTheBuild() throws Exception {
        RunLock.take(root);
        SuiteOutcome.stopped(3).write(root);
        assertThrows(Stop.class, () -> RunFinish.main(new String[] {root.toString()}));
        assertThat(heldByThisJvm(root), equalTo(false));
    }

    @Test
    void anEnvironmentCheckThatStopsTheBuildReleasesTheLockItTook() throws Exception {
        Files.createDirectories(root.resolve("environments"));
        assertThrows(Stop.class, () -> EnvironmentCheck.main(new String[] {root.toString(), "no-such-environment"}));
        assertThat(heldByThisJvm(root), equalTo(false));
    }

    @Test
    void withNoContractRunToFollowTheCheckReleasesTheLockItself() throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/local.yaml"), Files.readString(EnvironmentFolders.file(Path.of("."), "local")));
        EnvironmentCheck.main(new String[] {root.toString(), "local", "false"});
        assertThat("a run follows: still held", heldByThisJvm(root), equalTo(true));
        RunLock.release(root);
        EnvironmentCheck.main(new String[] {root.toString(), "local", "true"});
        assertThat("-DskipITs: released", heldByThisJvm(root), equalTo(false));
    }

    /**
     * Whether this JVM holds the checkout's lock, as another process sees it (another channel on the
     * file in this JVM would drop the lock when closed, on Linux).
     */
    private static boolean heldByThisJvm(Path checkout) throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(), checkout.resolve(RunLock.FILE).toString())
                .redirectErrorStream(true).start();
        String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat("the probe ends", probe.waitFor(30, TimeUnit.SECONDS), equalTo(true));
        assertThat(said, said, org.hamcrest.Matchers.oneOf("held", "free"));
        return said.equals("held");
    }

    /** Another process: says whether the lock file is locked. */
    public static final class LockProbe {
        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            if (!Files.exists(file)) {
                System.out.println("free");
                return;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                System.out.println(lock == null ? "held" : "free");
            }
        }
    }
}
