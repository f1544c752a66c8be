package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.run.RunRecord.ScenarioResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract suite itself, run in this JVM against shipped environments: it passes where it must, fails where it must. */
class ContractSuiteTest {

    @TempDir
    Path output;

    @Test
    void theHealthySimulatedTeamPassesEveryScenario() throws Exception {
        RunRecord run = ContractSuite.run("local", output);
        assertThat(run.failed(), equalTo(0));
        assertThat(run.passed(), greaterThanOrEqualTo(10));
        assertThat(run.targetUrl(), startsWith("http://127.0.0.1:"));
    }

    @Test
    void aKeyTheGatewayNeverIssuedFailsTheRun() throws Exception {
        RunRecord run = ContractSuite.run("local", output, "vck_unknown_1");
        assertThat(run.failed(), greaterThanOrEqualTo(1));
        assertThat(run.scenarios().stream().filter(s -> s.name().equals("The team's key is recognised"))
                .map(ScenarioResult::status).toList(), hasItem("FAILED"));
    }

    @Test
    void nothingListeningFailsEveryScenarioNamingTheHost() throws Exception {
        RunRecord run = ContractSuite.run("local-nothing-listening", output);
        assertThat(run.passed(), equalTo(0));
        assertThat(run.scenarios().stream().map(ScenarioResult::message).toList(),
                everyItem(startsWith("could not connect to 127.0.0.1:9")));
    }

    @Test
    void aBlockedTeamFailsButItsCatalogScenariosHold() throws Exception {
        RunRecord run = ContractSuite.run("local-team-blocked", output);
        assertThat(run.failed(), greaterThanOrEqualTo(1));
        assertThat(run.scenarios().stream().filter(s -> s.feature().contains("models/")).map(ScenarioResult::status).toList(),
                everyItem(equalTo("PASSED")));
        assertThat(run.scenarios().stream().filter(s -> s.name().equals("A team reads its balance"))
                .map(ScenarioResult::status).toList(), not(hasItem("PASSED")));
    }
}
