package dev.aigateway.contract.steps;

import static dev.aigateway.contract.http.MatchesSchema.matchesSchema;
import static org.hamcrest.MatcherAssert.assertThat;

import dev.aigateway.contract.http.AnthropicMessageRequest;
import dev.aigateway.contract.http.CountTokensRequest;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** {@code POST /v1/messages}: Anthropic's Messages API on the gateway, as Claude Code calls it. */
public class MessagesSteps {

    private final ScenarioContext context;

    public MessagesSteps(ScenarioContext context) {
        this.context = context;
    }

    private AnthropicMessageRequest smallest() {
        return AnthropicMessageRequest.smallest(context.environment().probe().model(), context.environment().probe().maxTokens());
    }

    @When("I send the probe model the smallest message through the Messages API")
    public void iSendTheSmallestMessage() {
        context.answered(context.gateway().message(context.credential(), smallest()));
    }

    @When("I send the probe model the smallest message through the Messages API, streamed")
    public void iSendTheSmallestMessageStreamed() {
        context.answered(context.gateway().message(context.credential(), smallest().streamed()));
    }

    @When("I count the tokens of the probe model's smallest message")
    public void iCountTheTokensOfTheSmallestMessage() {
        context.answered(context.gateway().countTokens(context.credential(), CountTokensRequest.smallest(context.environment().probe().model())));
    }

    @Then("the answer counts the message's input tokens")
    public void theAnswerCountsTheInputTokens() {
        assertThat(context.lastExchange(), context.jsonAnswer().asString(), matchesSchema("anthropic-count-tokens"));
    }

    @Then("the answer is an Anthropic message with a generation id and its token usage")
    public void theAnswerIsAnAnthropicMessage() {
        assertThat(context.lastExchange(), context.jsonAnswer().asString(), matchesSchema(context.profile().answers().messageSchema()));
    }

    @Then("the stream's named events run from message_start to message_stop")
    public void theStreamRunsFromMessageStartToMessageStop() {
        context.namedEventsRunFrom("message_start", "message_stop");
    }
}
