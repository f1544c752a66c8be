package dev.aigateway.contract.steps;

import dev.aigateway.contract.environment.Environment;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.math.BigDecimal;
import org.opentest4j.TestAbortedException;

/**
 * Scenario set-up: the recorder learns the scenario's name; billable scenarios run only where
 * allowed and while the run is under its spend cap; BYOK scenarios only with a BYOK key.
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
    public void onlyWhereBillableCallsAreAllowedAndWithinTheSpendCap() {
        if (!context.environment().allowBillable()) {
            throw new TestAbortedException("skipped: environment " + context.environment().name()
                    + " does not allow billable calls (allowBillable: false)");
        }
        if (context.environment().auth().expired(java.time.Instant.now())) {
            throw new TestAbortedException("skipped: the OIDC token expired at " + context.environment().auth().expiresAt()
                    + " (its exp claim, read before sending); no billable call is spent on it");
        }
        BigDecimal spent = context.run().spend().usd();
        BigDecimal cap = context.environment().maxSpendUsd();
        if (spent.compareTo(cap) >= 0) {
            throw new TestAbortedException("skipped: the run has spent $" + spent.toPlainString()
                    + ", and environment " + context.environment().name() + " caps it at maxSpendUsd: " + cap.toPlainString());
        }
    }

    @Before(value = "@byok", order = 2)
    public void onlyWithABYOKKey() {
        Environment.Byok byok = context.environment().byok();
        if (byok.key() == null) {
            throw new TestAbortedException("skipped: environment " + context.environment().name()
                    + " has no BYOK key for " + byok.provider() + " (credentials.byok." + byok.provider() + ")");
        }
    }
}
