package dev.aigateway.contract.steps;

import static dev.aigateway.contract.http.MatchesSchema.matchesSchema;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.http.AnswerJson;
import io.cucumber.java.en.Then;
import io.restassured.response.Response;
import io.cucumber.java.en.When;

/** Generic contract checks: status, the error envelope, any route by method and path. */
public class ContractSteps {

    private final ScenarioContext context;

    public ContractSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("I send {word} {word}")
    public void iSend(String method, String path) {
        context.answered(context.gateway().request(context.credential()).request(method, path));
    }

    @Then("the gateway answers {int}")
    public void theGatewayAnswers(int status) {
        assertThat(context.lastExchange(), context.response().statusCode(), is(status));
    }

    @Then("the gateway does not answer {int}")
    public void theGatewayDoesNotAnswer(int status) {
        assertThat(context.lastExchange(), context.response().statusCode(), not(status));
    }

    @Then("the refusal is a(n) {string} in either the gateway's or Anthropic's error envelope")
    public void theRefusalIsInEitherEnvelope(String type) {
        GatewayProfile.Expected own = context.profile().answers().unknownKey();
        // A gateway whose own envelope names an unknown key otherwise (its profile's answers.unknownKey, e.g. a type of
        // its own) refuses it in those words on this route too.
        if ("authentication_error".equals(type) && !own.matches().contains(type)
                && AnswerJson.object(context.jsonAnswer().asString()).at(own.at()).asText("").matches(own.matches())) {
            theGatewaysOwnAnswer(own);
            return;
        }
        Response answer = context.jsonAnswer();
        String requestId = context.profile().requestId().header();
        assertThat(requestId + ", the request id support asks for", answer.header(requestId), notNullValue());
        assertThat(context.lastExchange(), answer.asString(), anyOf(matchesSchema("error-envelope"), matchesSchema("anthropic-error")));
        answer.then().body("error.type", equalTo(type));
    }

    @Then("the refusal is a(n) {string} in the gateway's error envelope")
    public void theRefusalIsInTheErrorEnvelope(String type) {
        Response answer = context.jsonAnswer();
        String requestId = context.profile().requestId().header();
        assertThat(requestId + ", the request id support asks for", answer.header(requestId), notNullValue());
        assertThat(context.lastExchange(), answer.asString(), matchesSchema("error-envelope"));
        answer.then().body("error.type", equalTo(type));
    }

    @Then("the refusal is the gateway's own answer to a key it does not know")
    public void theGatewaysOwnAnswerToAnUnknownKey() {
        theGatewaysOwnAnswer(context.profile().answers().unknownKey());
    }

    @Then("the refusal is the gateway's own answer to a request without a key")
    public void theGatewaysOwnAnswerToNoKey() {
        theGatewaysOwnAnswer(context.profile().answers().noKey());
    }

    @Then("the gateway refuses the model that does not exist in its own words")
    public void theGatewayRefusesTheModelThatDoesNotExist() {
        theGatewaysOwnAnswer(context.profile().answers().unknownModel());
    }

    /** The answer as the gateway's profile expects it: status, request id, schema, and its words at a pointer. */
    private void theGatewaysOwnAnswer(GatewayProfile.Expected expected) {
        assertThat(context.lastExchange(), context.response().statusCode(), is(expected.status()));
        Response answer = context.jsonAnswer();
        String requestId = context.profile().requestId().header();
        assertThat(requestId + ", the request id support asks for", answer.header(requestId), notNullValue());
        assertThat(context.lastExchange(), answer.asString(), matchesSchema(expected.schema()));
        assertThat(expected.at() + " of " + context.lastExchange(), AnswerJson.object(answer.asString()).at(expected.at()).asText(""),
                matchesPattern(expected.matches()));
    }
}
