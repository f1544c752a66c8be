package dev.aigateway.contract.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.http.ChatCompletionRequest;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;
import dev.aigateway.contract.Skipped;

/** Bring-your-own-key: the user's own provider key, through the gateway and directly with the provider. */
public class ByokSteps {

    /** Not a key any provider issued: the provider refuses it, so the gateway must fall back. Public. */
    static final String KEY_THE_PROVIDER_REFUSES = "sk-not-accepted-by-the-provider-0000";
    private static final String ATTEMPTS = "choices[0].message.provider_metadata.gateway.routing.modelAttempts[0].providerAttempts";
    private final ScenarioContext context;

    public ByokSteps(ScenarioContext context) {
        this.context = context;
    }

    private Environment.Byok byok() {
        return context.environment().byok();
    }

    @Given("my own provider key")
    public void myOwnProviderKey() {
        context.useByokKey(byok().key());
    }

    @Given("a provider key the provider refuses")
    public void aProviderKeyTheProviderRefuses() {
        context.useByokKey(KEY_THE_PROVIDER_REFUSES);
    }

    @Given("my environment says the team's balance is zero")
    public void myEnvironmentSaysTheBalanceIsZero() {
        if (context.environment().funded()) {
            throw Skipped.notApplicable("environment " + context.environment().name()
                    + " says the team is funded (funded: true)");
        }
    }

    @Given("my environment asks to check the key directly with the provider")
    public void myEnvironmentAsksForTheDirectCheck() {
        if (!byok().verifyDirect()) {
            throw Skipped.notApplicable("environment " + context.environment().name()
                    + " does not ask for the direct check (byok.verifyDirect: false)");
        }
    }

    @When("I ask the BYOK model for the smallest chat completion through that key only")
    public void iAskTheByokModelThroughThatKey() {
        ChatCompletionRequest request = ChatCompletionRequest
                .smallest(byok().model(), context.environment().probe().maxTokens())
                .withByok(byok().provider(), context.byokKey(), context.profile().byok());
        context.answered(context.gateway().chatCompletion(context.credential(), request));
    }

    @When("I call the provider directly with it for one token")
    public void iCallTheProviderDirectly() {
        if (!"anthropic".equals(byok().provider())) {
            throw Skipped.notApplicable("the direct check knows Anthropic's API only, not " + byok().provider());
        }
        context.answered(context.gateway().anthropicMessageDirect(
                context.run().providerBaseUrl(byok().provider()), context.byokKey(), byok().directModel()));
    }

    @Then("the routing metadata shows the attempt served with byok credentials")
    public void theAttemptWasServedWithByok() {
        List<Map<String, Object>> attempts = context.jsonAnswer().path(ATTEMPTS);
        assertThat(context.lastExchange(), attempts.size(), greaterThanOrEqualTo(1));
        Map<String, Object> served = attempts.get(attempts.size() - 1);
        assertThat("credentialType of the attempt that served it", served.get("credentialType"), equalTo("byok"));
        assertThat("success of the attempt that served it", served.get("success"), equalTo(true));
    }

    @Then("the routing metadata shows the failed byok attempt, then the system attempt")
    public void theByokAttemptFailedThenSystemServed() {
        List<Map<String, Object>> attempts = context.jsonAnswer().path(ATTEMPTS);
        assertThat(context.lastExchange(), attempts.size(), greaterThanOrEqualTo(2));
        assertThat("the first attempt", List.of(attempts.get(0).get("credentialType"), attempts.get(0).get("success")),
                equalTo(List.of("byok", false)));
        Map<String, Object> last = attempts.get(attempts.size() - 1);
        assertThat("the attempt that served it", List.of(last.get("credentialType"), last.get("success")),
                equalTo(List.of("system", true)));
    }

    @Then("the provider answers {int}")
    public void theProviderAnswers(int status) {
        assertThat(context.lastExchange(), context.response().statusCode(), equalTo(status));
    }
}
