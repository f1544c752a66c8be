package dev.aigateway.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.matchesPattern;

import dev.aigateway.contract.diagnosis.Diagnosis;
import dev.aigateway.contract.simulator.Teams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every simulated team and every verdict rule says where it comes from: a URL (docs, thread, issue),
 * the {@code @ai-sdk/gateway} source, a captured body, or {@code guess: } with the reason.
 */
class SourcesTest {

    /** Where the simulated teams are documented, each with its source. */
    private static final String SIMULATOR_PAGE = "src/site/markdown/simulator.md";

    /** A URL, the SDK's source or a named capture somewhere in it; or "guess: " and at least three words of why. */
    private static final String CITES = "(?s)(.*(https://\\S+|@ai-sdk/gateway|captured).*|guess: \\S+( \\S+){2,}.*)";

    @Test
    void everySimulatedTeamCitesItsSource() {
        for (Teams.Team team : Teams.load().all()) {
            assertThat("source of team " + team.name() + " in " + Teams.RESOURCE, team.source(), matchesPattern(CITES));
        }
        for (Teams.Team team : Teams.load(dev.aigateway.contract.gateway.GatewayProfile.named("openrouter")).all()) {
            assertThat("source of account " + team.name() + " in simulator/openrouter/teams.yaml", team.source(), matchesPattern(CITES));
        }
        for (Teams.Team team : Teams.load(dev.aigateway.contract.gateway.GatewayProfile.named("litellm")).all()) {
            assertThat("source of key state " + team.name() + " in simulator/litellm/teams.yaml", team.source(), matchesPattern(CITES));
        }
    }

    @Test
    void everyVerdictRuleCitesItsSource() {
        for (Diagnosis.Rule rule : Diagnosis.load().verdicts()) {
            assertThat("source of verdict " + rule.id() + " in " + Diagnosis.RESOURCE, String.valueOf(rule.source()),
                    matchesPattern(CITES));
        }
    }

    @Test
    void theSimulatorPagesTeamTableShowsEveryTeamWithItsSource() throws Exception {
        List<String> readme = Files.readAllLines(Path.of(System.getProperty("contract.root", "."), SIMULATOR_PAGE));
        List<String> missing = Teams.load().all().stream()
                .filter(team -> readme.stream().noneMatch(line -> line.startsWith("| `" + team.name() + "` |")
                        && line.contains(team.source())))
                .map(Teams.Team::name).toList();
        assertThat(SIMULATOR_PAGE + ": teams whose row lacks the source from " + Teams.RESOURCE, missing, empty());
    }

    @Test
    void aTeamWithoutASourceIsCaught() {
        assertThat("", not(CITES));
        assertThat("guess", not(CITES));
    }

    private static org.hamcrest.Matcher<String> not(String pattern) {
        return org.hamcrest.Matchers.not(matchesPattern(pattern));
    }

    @Test
    void theSimulatorPageNamesTheSourceColumn() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("contract.root", "."), SIMULATOR_PAGE));
        assertThat(readme, containsString("| team | what the gateway does | source |"));
    }
}
