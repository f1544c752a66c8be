package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which outcome of the contract suite fails the build, without running it: a failed scenario, a JVM that
 * stopped, a failure outside the scenarios, and a run that could not carry out every scenario (incomplete).
 */
class SuiteOutcomeTest {

    @TempDir
    Path root;

    @Test
    void aRunThatCouldNotCarryOutAScenarioFailsTheBuildAsIncomplete() {
        SuiteOutcome everyScenarioPassed = new SuiteOutcome(13, 0, 0, 0);
        assertThat(everyScenarioPassed.failure(1), equalTo("The contract run is incomplete: 1 scenario could not be"
                + " carried out; the verdict above says which and why."));
        assertThat(everyScenarioPassed.failure(2), containsString("The contract run is incomplete: 2 scenarios could not"));
        assertThat(everyScenarioPassed.failure(0), nullValue());
        assertThat(everyScenarioPassed.failure(), nullValue());
    }

    @Test
    void aFailedScenarioOrAStoppedJvmIsSaidBeforeScenariosNotCarriedOut() {
        assertThat(new SuiteOutcome(13, 1, 0, 0).failure(2), equalTo("The contract failed: 1 scenario failed; the verdict above says why."));
        assertThat(new SuiteOutcome(13, 5, 0, 0).failure(0), containsString("The contract failed: 5 scenarios failed"));
        assertThat(SuiteOutcome.stopped(134).failure(3), containsString("stopped with exit code 134 before its end"));
        assertThat(new SuiteOutcome(13, 0, 1, 0).failure(3), containsString("failed outside its scenarios"));
        assertThat(new SuiteOutcome(13, 0, 1, 0).failure(), containsString("failed outside its scenarios"));
    }

    @Test
    void theOutcomeTheSuitesJvmWritesIsTheOneTheFinishingStepReads() throws Exception {
        assertThat(SuiteOutcome.read(root), nullValue());
        new SuiteOutcome(13, 2, 1, 3).write(root);
        assertThat(SuiteOutcome.read(root), equalTo(new SuiteOutcome(13, 2, 1, 3)));
    }

    @Test
    void aDamagedOutcomeFileIsSaidInOneSentence() throws Exception {
        Path file = root.resolve(SuiteOutcome.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "scenarios=13\nscenarios.failed=many\n");
        IllegalStateException damaged = assertThrows(IllegalStateException.class, () -> SuiteOutcome.read(root));
        assertThat(damaged.getMessage(), equalTo(SuiteOutcome.FILE + " is damaged: scenarios.failed is \"many\", not a number"));
    }
}
