package dev.aigateway.contract.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** The application's own request ({@code -Drequest}, {@code requests:}), sent as its file gives it. */
public class ApplicationRequestSteps {

    private final ScenarioContext context;

    public ApplicationRequestSteps(ScenarioContext context) {
        this.context = context;
    }

    /** Sent past the gates every billable send passes, where it is sent: one that refuses it skips the scenario with why. */
    @When("I send my application's request {int}")
    public void iSendMyApplicationsRequest(int slot) {
        context.answered(context.run().sendApplicationRequest(slot, context.gateway(), context.credential()));
    }

    @When("if the gateway refuses request {int}, variants of it find what it refuses")
    public void variantsFindWhatItRefuses(int slot) {
        var outcome = context.run().findWhatIsRefused(slot, context.gateway(), context.credential(), context.response());
        if (outcome.found()) {
            io.qameta.allure.Allure.step("What the gateway refuses: " + outcome.finding().sentence()
                    + " (" + outcome.requests() + " extra requests)");
        }
    }

    @Then("the gateway answers 2xx")
    public void theGatewayAnswersSuccess() {
        assertThat(context.lastExchange(), context.response().statusCode(), allOf(greaterThanOrEqualTo(200), lessThan(300)));
    }
}
