package dev.aigateway.contract.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.diagnosis.BaseUrlCorrection;
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
        confirmBaseUrl(request, context.response().statusCode());
    }

    /**
     * A path the gateway does not serve but that ends like one it does (a wrong base URL): the same
     * request sent once to the corrected path, recorded like every exchange; the scenario's outcome
     * stays the application's own.
     */
    private void confirmBaseUrl(ApplicationRequest request, int status) {
        if (status != 404 && status != 405) {
            return;
        }
        BaseUrlCorrection.of(request.path(), context.environment().profile()).ifPresent(correction -> {
            String query = request.pathAndQuery().substring(request.path().length());
            context.gateway().applicationRequest(context.credential(), new ApplicationRequest(request.method(),
                    correction.correctedPath() + query, request.headers(), request.body(), request.file(), request.entry(),
                    request.host(), request.replaced(), request.secrets()));
        });
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
