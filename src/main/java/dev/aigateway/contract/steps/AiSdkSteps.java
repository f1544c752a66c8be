package dev.aigateway.contract.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.http.LanguageModelCall;
import dev.aigateway.contract.http.ServerSentEvents;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;

/** {@code POST <base>/language-model}: the AI SDK's own protocol, as {@code @ai-sdk/gateway} streams text. */
public class AiSdkSteps {

    private static final ObjectMapper JSON = Json.ANSWERS;
    private final ScenarioContext context;

    public AiSdkSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("I stream the smallest text from the probe model through {word} as specification version {word}")
    public void iStreamTheSmallestText(String base, String specificationVersion) {
        context.answered(context.gateway().languageModel(context.credential(), base, specificationVersion,
                context.environment().probe().model(), true,
                LanguageModelCall.smallest(context.environment().probe().maxTokens())));
    }

    @Then("the stream's parts run from stream-start to a finish part with its usage")
    public void theStreamRunsFromStreamStartToFinish() throws Exception {
        List<String> parts = new ArrayList<>();
        JsonNode finish = null;
        for (String data : ServerSentEvents.data(context.response().asString())) {
            JsonNode part = JSON.readTree(data);
            parts.add(part.path("type").asText());
            if ("finish".equals(part.path("type").asText())) {
                finish = part;
            }
        }
        assertThat(context.lastExchange(), parts.size(), greaterThanOrEqualTo(2));
        assertThat("the first part of " + parts, parts.get(0), equalTo("stream-start"));
        assertThat("the last part of " + parts, parts.get(parts.size() - 1), equalTo("finish"));
        assertThat("the parts", parts, hasItem("text-delta"));
        assertThat("the finish part carries usage", finish != null && finish.path("usage").isObject(), equalTo(true));
    }
}
