package dev.aigateway.contract.steps;

import dev.aigateway.contract.http.Credential;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

/** Who the scenario calls the gateway as. */
public class AuthSteps {

    private final ScenarioContext context;

    public AuthSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("my team's API key")
    public void myTeamsApiKey() {
        context.callAs(Credential.teamKey(context.environment().apiKey()));
    }

    @Given("a key the gateway never issued")
    public void aKeyTheGatewayNeverIssued() {
        context.callAs(Credential.notIssued(context.profile()));
    }

    @Given("no key")
    public void noKey() {
        context.callAs(Credential.none());
    }

    /** On the route the gateway's profile names as its key check (Vercel's /v1/credits, OpenRouter's /api/v1/key). */
    @When("the key is checked without spending")
    public void theKeyIsCheckedWithoutSpending() {
        context.answered(context.gateway().keyCheck(context.credential()));
    }
}
