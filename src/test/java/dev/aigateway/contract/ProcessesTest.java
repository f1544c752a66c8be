package dev.aigateway.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void aProgramsExitCodeAndBothItsStreamsComeBack() throws Exception {
        Processes.Result result = Processes.run(null, Duration.ofSeconds(30), "sh", "-c", "echo said; echo complained >&2; exit 3");
        assertThat(result.exitCode(), equalTo(3));
        assertThat(result.output(), allOf(containsString("said"), containsString("complained")));
    }

    @Test
    void aProgramThatPrintsMoreThanAPipeHoldsEnds() throws Exception {
        Processes.Result result = Processes.run(null, Duration.ofSeconds(30), "sh", "-c", "head -c 1000000 /dev/zero | tr '\\0' x");
        assertThat(result.exitCode(), equalTo(0));
        assertThat(result.output().length(), equalTo(1_000_000));
    }

    @Test
    void aProgramPastItsDeadlineIsKilledAndOneNotInstalledIsNamedSo() throws Exception {
        long start = System.nanoTime();
        Processes.Result slow = Processes.run(null, Duration.ofMillis(500), "sleep", "30");
        assertThat(slow.exitCode(), equalTo(Processes.TIMED_OUT));
        assertThat((System.nanoTime() - start) / 1_000_000, lessThan(15_000L));
        assertThat(Processes.run(null, Duration.ofSeconds(5), "no-such-program-here").exitCode(), equalTo(Processes.NOT_STARTED));
    }
}
