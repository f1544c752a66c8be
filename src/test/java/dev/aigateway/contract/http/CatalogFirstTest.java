package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.record.Exchange;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The run's first request is the catalog, whichever scenario asks first: against a host where
 * nothing listens, the scenario whose client sent it fails with why (so the build turns red), even a
 * billable one that only wanted the catalog's prices, and the other scenarios are not sent.
 */
class CatalogFirstTest {

    private final Environment environment = new EnvironmentLoader(Path.of(System.getProperty("contract.root", ".")), Map.of())
            .load("local-nothing-listening");
    private final Redactor redactor = new Redactor(environment.secrets(), environment.profile());
    private final ExchangeLog exchanges = new ExchangeLog();
    private final RunLimits limits = new RunLimits(60);
    private final SharedAnswer catalog = new SharedAnswer();

    @Test
    void aBillableScenarioThatAskedFirstFailsWithWhyAndTheOthersAreNotSent() {
        Credential teamKey = Credential.teamKey(environment.apiKey());
        GatewayClient billable = client("The smallest chat completion");
        GatewayUnreachableException noAnswer = assertThrows(GatewayUnreachableException.class,
                () -> billable.chatCompletion(teamKey, ChatCompletionRequest.smallest("openai/gpt-4o-mini", 1)));
        assertThat(noAnswer.getMessage(), startsWith("could not connect to 127.0.0.1:9"));

        Skipped credits = assertThrows(Skipped.class, () -> client("A team reads its balance").creditBalance(teamKey));
        assertThat(credits.getMessage(), startsWith("skipped: not sent: 127.0.0.1:9 did not answer earlier in this run"));
        Skipped catalogReader = assertThrows(Skipped.class, () -> client("Anyone can read the catalog").modelCatalog());
        assertThat(catalogReader.getMessage(), startsWith("skipped: not sent: 127.0.0.1:9 did not answer earlier in this run"));

        List<Exchange> sent = exchanges.all();
        assertThat(sent.size(), equalTo(1));
        assertThat(sent.get(0).method() + " " + sent.get(0).path(), equalTo("GET /v1/models"));
        assertThat(sent.get(0).requestHeaders().stream().map(h -> h.name().toLowerCase()).toList(), not(hasItem("authorization")));
    }

    private GatewayClient client(String scenario) {
        return new GatewayClient(environment, redactor, exchanges.forScenario(), scenario, limits, SpendGuard.NONE, catalog);
    }
}
