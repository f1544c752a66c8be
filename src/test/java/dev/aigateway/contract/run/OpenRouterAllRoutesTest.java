package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated OpenRouter with every route its profile lists ({@code environments/local/local-openrouter-all-routes.yaml}):
 * the features of chat completions, Messages, Responses and embeddings all hold, each route answered 200 with a
 * generation id, and the run is healthy; as {@code ./mvnw verify -Denv=local-openrouter-all-routes} ends.
 */
class OpenRouterAllRoutesTest {

    @TempDir
    Path output;

    @Test
    void everyRouteOfTheProfileIsServedAndTheRunIsHealthy() throws Exception {
        RunRecord run = ContractSuite.run("local-openrouter-all-routes", output);

        assertThat(run.scenarios().stream().filter(s -> s.status().equals("FAILED")).map(s -> s.name() + ": " + s.message())
                .toList(), equalTo(List.of()));
        assertThat(run.verdict().id(), equalTo("healthy"));
        for (String route : List.of("chat-completions", "messages", "responses", "embeddings")) {
            List<Exchange> served = run.exchanges().stream()
                    .filter(e -> e.path().equals("/api/v1/" + route.replace('-', '/')) && e.status() == 200).toList();
            assertThat(route + " answered 200", served.isEmpty(), equalTo(false));
            assertThat(route, served.stream().map(Exchange::generationId).toList(), everyItem(matchesPattern("gen-[0-9A-Z]{26}")));
        }
        // The Anthropic skin refuses a key OpenRouter never issued in Anthropic's envelope, as its OpenAPI file documents.
        assertThat(run.exchanges().stream().filter(e -> e.path().equals("/api/v1/messages") && e.status() == 401)
                .map(Exchange::responseBody).toList(),
                hasItem("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"Invalid API key\"},\"request_id\":null}"));
    }
}
