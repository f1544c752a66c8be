package dev.aigateway.contract.steps;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.run.Spend;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.math.BigDecimal;
import dev.aigateway.contract.Skipped;

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
            throw new Skipped("skipped: environment " + context.environment().name()
                    + " does not allow billable calls (allowBillable: false)");
        }
        if (context.environment().auth().expired(java.time.Instant.now())) {
            throw new Skipped("skipped: the OIDC token expired at " + context.environment().auth().expiresAt()
                    + " (its exp claim, read before sending); no billable call is spent on it");
        }
        Spend spend = context.run().spend();
        if (spend.unknownCost() > 0) {
            throw new Skipped("skipped: the answer to " + spend.unknownCost() + " earlier billable request(s) was lost,"
                    + " so what the run has spent is not known; it stays under maxSpendUsd by sending no more");
        }
        BigDecimal spent = spend.usd();
        BigDecimal cap = context.environment().maxSpendUsd();
        if (spent.compareTo(cap) >= 0) {
            throw new Skipped("skipped: the run has spent $" + spent.toPlainString()
                    + ", and environment " + context.environment().name() + " caps it at maxSpendUsd: " + cap.toPlainString());
        }
    }

    @Before(value = "@byok", order = 2)
    public void onlyWithABYOKKey() {
        Environment.Byok byok = context.environment().byok();
        if (byok.key() == null) {
            throw new Skipped("skipped: environment " + context.environment().name()
                    + " has no BYOK key for " + byok.provider() + " (credentials.byok." + byok.provider() + ")");
        }
    }
}
