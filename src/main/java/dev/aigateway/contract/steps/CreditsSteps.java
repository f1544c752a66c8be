package dev.aigateway.contract.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static dev.aigateway.contract.http.MatchesSchema.matchesSchema;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigDecimal;
import dev.aigateway.contract.Skipped;

/** The balance, on the route the gateway's profile reads it from ({@code GET /v1/credits}, OpenRouter's {@code GET /api/v1/key}). */
public class CreditsSteps {

    private final ScenarioContext context;

    public CreditsSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("my environment says the team is funded")
    public void myEnvironmentSaysTheTeamIsFunded() {
        if (!context.environment().funded()) {
            throw Skipped.notApplicable("environment " + context.environment().name()
                    + " does not say the team is funded (funded: false)");
        }
    }

    @When("I ask for my credit balance")
    public void iAskForMyCreditBalance() {
        context.answered(context.gateway().creditBalance(context.credential()));
    }

    @Then("the balance and the total used are decimal amounts in US dollars")
    public void theBalanceAndTheTotalUsedAreDecimalAmounts() {
        assertThat(context.lastExchange(), context.jsonAnswer().asString(),
                matchesSchema(context.profile().credits().answerSchema()));
    }

    @Then("the balance is more than zero")
    public void theBalanceIsMoreThanZero() {
        com.fasterxml.jackson.databind.JsonNode balance = context.profile().credits().balanceIn(
                dev.aigateway.contract.http.AnswerJson.object(context.jsonAnswer().asString()));
        if (balance.isNull()) {
            throw Skipped.notApplicable(context.profile().title() + " reports no balance for this key ("
                    + context.profile().credits().balance() + " is null: a key without a limit of its own spends the account's credits)");
        }
        assertThat(context.lastExchange(), new BigDecimal(balance.asText()), greaterThan(BigDecimal.ZERO));
    }
}
