package dev.aigateway.contract.steps;

import static dev.aigateway.contract.http.MatchesSchema.matchesSchema;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/models}: the public catalog. */
public class ModelsSteps {

    private final ScenarioContext context;

    public ModelsSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("anyone asks for the model catalog without a key")
    public void anyoneAsksForTheModelCatalog() {
        if (context.profile().catalog().needsKey()) {
            throw dev.aigateway.contract.Skipped.notApplicable(context.profile().title()
                    + "'s catalog answers only a valid key (gateways/" + context.profile().name() + ".yaml, catalog.needsKey)");
        }
        context.answered(context.gateway().modelCatalog());
    }

    /** The catalog where only a valid key reads it: the run's one catalog request, sent with the team's key. */
    @When("I ask for the model catalog with my key")
    public void iAskForTheModelCatalogWithMyKey() {
        if (!context.profile().catalog().needsKey()) {
            throw dev.aigateway.contract.Skipped.notApplicable(context.profile().title() + "'s catalog is public");
        }
        context.answered(context.gateway().modelCatalog());
    }

    @Then("the catalog lists models in the gateway's own shape")
    public void theCatalogListsModelsInItsShape() {
        theCatalogListsModels();
    }

    @Then("every model my environment expects is listed")
    public void everyExpectedModelIsListedWithoutPrices() {
        List<String> listed = context.jsonAnswer().path("data.id");
        for (String expected : context.environment().expectedModels()) {
            assertThat("the catalog at " + context.environment().baseUrl() + context.profile().path("models"), listed,
                    hasItem(expected));
        }
    }

    @Then("the catalog lists models in the gateway's own shape, each with an id and its pricing")
    public void theCatalogListsModels() {
        assertThat("the catalog at " + context.environment().baseUrl() + context.profile().path("models"),
                context.jsonAnswer().asString(), matchesSchema(context.profile().answers().catalogSchema()));
    }

    @Then("every model my environment expects is listed with its pricing")
    public void everyExpectedModelIsListed() {
        List<String> listed = context.jsonAnswer().path("data.id");
        for (String expected : context.environment().expectedModels()) {
            assertThat("the catalog at " + context.environment().baseUrl() + "/v1/models", listed, hasItem(expected));
            Map<String, Object> pricing = context.response().path("data.find { it.id == '" + expected + "' }.pricing");
            assertThat("pricing of " + expected, pricing, notNullValue());
        }
    }
}
