package dev.aigateway.contract.steps;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.opentest4j.TestAbortedException;

/** Scenario set-up: the recorder learns the scenario's name; billable scenarios run only where allowed. */
public class Hooks {

    private final ScenarioContext context;

    public Hooks(ScenarioContext context) {
        this.context = context;
    }

    @Before(order = 0)
    public void nameTheScenario(Scenario scenario) {
        context.begin(scenario.getName());
    }

    @Before(value = "@billable", order = 1)
    public void onlyWhereBillableCallsAreAllowed() {
        if (!context.environment().allowBillable()) {
            throw new TestAbortedException("skipped: environment " + context.environment().name()
                    + " does not allow billable calls (allowBillable: false)");
        }
    }
}
