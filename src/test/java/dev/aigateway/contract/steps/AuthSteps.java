package dev.aigateway.contract.steps;

import dev.aigateway.contract.http.Credential;
import io.cucumber.java.en.Given;

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
}
