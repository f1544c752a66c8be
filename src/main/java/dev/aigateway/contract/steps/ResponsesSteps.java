package dev.aigateway.contract.steps;

import static dev.aigateway.contract.http.MatchesSchema.matchesSchema;
import static org.hamcrest.MatcherAssert.assertThat;

import dev.aigateway.contract.http.ResponsesRequest;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** {@code POST /v1/responses}: OpenResponses, what the OpenAI SDK's {@code responses.create} calls. */
public class ResponsesSteps {

    private final ScenarioContext context;

    public ResponsesSteps(ScenarioContext context) {
        this.context = context;
    }

    private ResponsesRequest smallest() {
        return ResponsesRequest.smallest(context.environment().probe().model(), context.environment().probe().maxTokens());
    }

    @When("I ask the probe model for the smallest response through the Responses API")
    public void iAskForTheSmallestResponse() {
        context.answered(context.gateway().response(context.credential(), smallest()));
    }

    @When("I ask the probe model for the smallest response through the Responses API, streamed")
    public void iAskForTheSmallestResponseStreamed() {
        context.answered(context.gateway().response(context.credential(), smallest().streamed()));
    }

    @Then("the answer is a completed response with a generation id, output and its token usage")
    public void theAnswerIsACompletedResponse() {
        assertThat(context.lastExchange(), context.jsonAnswer().asString(), matchesSchema(context.profile().answers().responseSchema()));
    }

    @Then("the stream's named events run from response.created to response.completed")
    public void theStreamRunsFromCreatedToCompleted() {
        context.namedEventsRunFrom("response.created", "response.completed");
    }
}
