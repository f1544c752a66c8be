package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.environment.EnvironmentLoader;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The run's tag expression keeps the scenarios of the environment's own gateway: an OpenRouter environment keeps
 * OpenRouter's scenarios and leaves out the ones that exist for Vercel only (BYOK, count_tokens, the AI SDK), and
 * the other way round; each environment's routes, and no other. Through {@link RouteSelection}, as the contract
 * run's JVM (and every self-test, through ContractSuite) makes it.
 */
class RouteSelectionTest {

    private static final EnvironmentLoader SHIPPED = new EnvironmentLoader(Path.of("."), Map.of());

    @Test
    void anOpenRouterEnvironmentKeepsOpenRoutersScenariosAndLeavesOutVercelsOnly() {
        Expression tags = tags("local-openrouter-all-routes");

        assertThat("chat completions", tags.evaluate(List.of("@chat-completions", "@billable")), equalTo(true));
        assertThat("Messages", tags.evaluate(List.of("@messages", "@billable")), equalTo(true));
        assertThat("a scenario for OpenRouter only", tags.evaluate(List.of("@chat-completions", "@openrouter")), equalTo(true));
        assertThat("BYOK, Vercel's only", tags.evaluate(List.of("@chat-completions", "@byok", "@billable", "@vercel")), equalTo(false));
        assertThat("count_tokens, Vercel's only", tags.evaluate(List.of("@messages", "@vercel")), equalTo(false));
        assertThat("a route it does not list", tags.evaluate(List.of("@ai-sdk-v4", "@vercel")), equalTo(false));
        assertThat("@wip", tags.evaluate(List.of("@chat-completions", "@wip")), equalTo(false));
    }

    @Test
    void aVercelEnvironmentKeepsVercelsScenariosAndLeavesOutOpenRoutersOnly() {
        Expression tags = tags("local-all-routes");

        assertThat("BYOK", tags.evaluate(List.of("@chat-completions", "@byok", "@billable", "@vercel")), equalTo(true));
        assertThat("the AI SDK", tags.evaluate(List.of("@ai-sdk-v4", "@vercel")), equalTo(true));
        assertThat("a scenario for OpenRouter only", tags.evaluate(List.of("@chat-completions", "@openrouter")), equalTo(false));
    }

    @Test
    void theDefaultRouteAloneWhenTheEnvironmentListsNone() {
        Expression tags = tags("local-openrouter");

        assertThat(tags.evaluate(List.of("@chat-completions")), equalTo(true));
        assertThat(tags.evaluate(List.of("@messages")), equalTo(false));
        assertThat(tags.evaluate(List.of("@embeddings")), equalTo(false));
    }

    @Test
    void anEnvironmentThatCannotBeReadLeavesTheExpressionToTheRun() {
        assertThat(RouteSelection.tags(SHIPPED, "no-such-environment", null, null), equalTo(Optional.empty()));
    }

    private static Expression tags(String env) {
        return TagExpressionParser.parse(RouteSelection.tags(SHIPPED, env, null, null).orElseThrow());
    }
}
