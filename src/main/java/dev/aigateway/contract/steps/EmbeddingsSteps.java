package dev.aigateway.contract.steps;

import static dev.aigateway.contract.http.MatchesSchema.matchesSchema;
import static org.hamcrest.MatcherAssert.assertThat;

import dev.aigateway.contract.http.EmbeddingsRequest;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** {@code POST /v1/embeddings}: one short input, the smallest billable embedding. */
public class EmbeddingsSteps {

    private final ScenarioContext context;

    public EmbeddingsSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("I ask the embedding model to embed one short input")
    public void iAskToEmbedOneShortInput() {
        context.answered(context.gateway().embeddings(context.credential(),
                EmbeddingsRequest.smallest(context.environment().probe().embeddingModel())));
    }

    @Then("the answer holds one embedding and its token usage")
    public void theAnswerHoldsOneEmbedding() {
        assertThat(context.lastExchange(), context.jsonAnswer().asString(), matchesSchema(context.profile().answers().embeddingsSchema()));
    }
}
