package dev.aigateway.contract.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.request.ApplicationRequest;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** The application's own request ({@code -Drequest}, {@code requests:}), sent as its file gives it. */
public class ApplicationRequestSteps {

    private final ScenarioContext context;

    public ApplicationRequestSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("I send my application's request {int}")
    public void iSendMyApplicationsRequest(int slot) {
        ApplicationRequest request = context.run().request(slot);
        if (request.route().inference() && !context.environment().allowBillable()) {
            throw Skipped.notApplicable("environment " + context.environment().name() + " does not allow billable calls"
                    + " (allowBillable: false), and " + request.source() + " runs a model");
        }
        context.answered(context.gateway().applicationRequest(context.credential(), request));
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
