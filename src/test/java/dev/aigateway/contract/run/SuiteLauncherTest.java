package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.aigateway.contract.RunContractIT;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The build's run selects the contract without naming a test class, and selects what an IDE runs as RunContractIT. */
class SuiteLauncherTest {

    @Test
    void theBuildsRunSelectsTheScenariosOfRunContractITOnTheCucumberEngineAlone() {
        TestPlan build = LauncherFactory.create().discover(SuiteLauncher.contract(Path.of(System.getProperty("contract.root", "."))).build());
        Set<String> scenarios = scenarios(build);
        assertThat("scenarios found under features/", scenarios.size(), greaterThan(0));
        assertThat(build.getRoots().stream().map(TestIdentifier::getUniqueId).toList(), everyItem(startsWith("[engine:cucumber]")));
        LauncherDiscoveryRequest ide = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(RunContractIT.class)).build();
        assertThat(scenarios, equalTo(scenarios(LauncherFactory.create().discover(ide))));
    }

    /** Each scenario (each example of an outline) by where it is written: the feature file and its line. */
    private static Set<String> scenarios(TestPlan plan) {
        Set<String> found = new TreeSet<>();
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream().filter(TestIdentifier::isTest)
                .forEach(test -> found.add(test.getSource().map(Object::toString).orElse(test.getUniqueId()))));
        return found;
    }
}
