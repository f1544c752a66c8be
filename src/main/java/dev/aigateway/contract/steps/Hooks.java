package dev.aigateway.contract.steps;

import dev.aigateway.contract.environment.Environment;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import dev.aigateway.contract.Skipped;

/**
 * Scenario set-up: the recorder learns the scenario's name; billable scenarios run only where
 * allowed (the spend cap is held as each request is sent); BYOK scenarios only with a BYOK key.
 */
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
            throw Skipped.notApplicable("environment " + context.environment().name()
                    + " does not allow billable calls (allowBillable: false)");
        }
        if (context.environment().auth().expired(java.time.Instant.now())) {
            throw new Skipped("skipped: the OIDC token expired at " + context.environment().auth().expiresAt()
                    + " (its exp claim, read before sending); no billable call is spent on it");
        }
        // The spend cap is held where each billable request is sent (GatewayClient through SpendCap), never
        // checked here: a scenario the environment leaves out (a funded team's zero-balance check) is then
        // named not applicable, never counted as one the cap stopped.
    }

    @Before(value = "@byok", order = 2)
    public void onlyWithABYOKKey() {
        Environment.Byok byok = context.environment().byok();
        if (byok.key() == null) {
            throw Skipped.notApplicable("environment " + context.environment().name()
                    + " has no BYOK key for " + byok.provider() + " (credentials.byok." + byok.provider() + ")");
        }
    }
}
