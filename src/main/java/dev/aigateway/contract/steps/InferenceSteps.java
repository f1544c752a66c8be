package dev.aigateway.contract.steps;

import static dev.aigateway.contract.http.MatchesSchema.matchesSchema;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.http.ChatCompletionRequest;
import dev.aigateway.contract.http.ServerSentEvents;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** {@code POST /v1/chat/completions}: the smallest billable calls the contract makes. */
public class InferenceSteps {

    static final String MODEL_THAT_DOES_NOT_EXIST = dev.aigateway.contract.environment.Environment.Probe.MODEL_THAT_DOES_NOT_EXIST;
    private static final ObjectMapper JSON = Json.ANSWERS;
    private final ScenarioContext context;

    public InferenceSteps(ScenarioContext context) {
        this.context = context;
    }

    private ChatCompletionRequest smallest() {
        return ChatCompletionRequest.smallest(context.environment().probe().model(),
                context.environment().probe().maxTokens());
    }

    @When("I ask the probe model for the smallest chat completion")
    public void iAskForTheSmallestChatCompletion() {
        context.answered(context.gateway().chatCompletion(context.credential(), smallest()));
    }

    @When("I ask the probe model for the smallest chat completion, streamed")
    public void iAskForTheSmallestChatCompletionStreamed() {
        context.answered(context.gateway().chatCompletion(context.credential(), smallest().streamed()));
    }

    @When("I ask for a chat completion from a model that does not exist")
    public void iAskForAModelThatDoesNotExist() {
        ChatCompletionRequest request = ChatCompletionRequest.smallest(MODEL_THAT_DOES_NOT_EXIST,
                context.environment().probe().maxTokens());
        context.answered(context.gateway().chatCompletion(context.credential(), request));
    }

    @Then("the answer carries a generation id, token usage and its cost")
    public void theAnswerCarriesAGenerationIdUsageAndCost() {
        assertThat(context.lastExchange(), context.jsonAnswer().asString(), matchesSchema(context.profile().answers().completionSchema()));
    }

    /** The first event that carries an error, as sent; empty when none does. */
    private String firstError(List<String> events) throws Exception {
        String terminator = context.profile().stream().terminator();
        for (String event : events) {
            if (!event.equals(terminator) && context.profile().envelopeOf(JSON.readTree(event)).hasError()) {
                return event;
            }
        }
        return "";
    }

    /** What a stream delivered before its first error event (or in all): chunks and text. */
    private String arrivedBefore(List<String> events) throws Exception {
        String terminator = context.profile().stream().terminator();
        StringBuilder text = new StringBuilder();
        int chunks = 0;
        for (String event : events) {
            if (event.equals(terminator) || context.profile().envelopeOf(JSON.readTree(event)).hasError()) {
                break;
            }
            chunks++;
            text.append(JSON.readTree(event).at(context.profile().stream().text()).asText(""));
        }
        return chunks + " chunks with the text \"" + text + "\"";
    }

    @Then("the stream opens with the assistant's role, ends with a usage chunk and then {string}")
    public void theStreamEndsWithUsageAndDone(String terminator) throws Exception {
        List<String> events = ServerSentEvents.data(context.response().asString());
        assertThat("the stream carried no error event; before any, it had " + arrivedBefore(events),
                firstError(events), equalTo(""));
        assertThat(context.lastExchange(), events.size(), greaterThanOrEqualTo(3));
        assertThat("the last event", "data: " + events.get(events.size() - 1), equalTo(terminator));
        JsonNode first = JSON.readTree(events.get(0));
        assertThat("the first chunk's delta role", first.at("/choices/0/delta/role").asText(), equalTo("assistant"));
        assertThat("the first chunk's id", first.path("id").asText(), matchesPattern(context.profile().generationId().pattern()));
        JsonNode last = JSON.readTree(events.get(events.size() - 2));
        assertThat("the final chunk carries usage", last.path("usage").isObject(), equalTo(true));
        assertThat("the final chunk's finish_reason", last.at("/choices/0/finish_reason").textValue(), notNullValue());
        for (String event : events.subList(0, events.size() - 2)) {
            assertThat("usage arrives only on the final chunk: " + event,
                    JSON.readTree(event).has("usage") && !JSON.readTree(event).get("usage").isNull(), equalTo(false));
        }
    }
}
