package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract suite against the simulated Portkey gateway (gateway: portkey, simulator/portkey/): the healthy setup
 * passes every scenario through Portkey's routes and headers, and every simulated failure (its own routing refusals,
 * a provider's refusals rewritten, the html-message forms, its 408) gives its verdict from the answers alone.
 */
class PortkeySimulatorTest {

    @TempDir
    Path output;

    @Test
    void theHealthySetupPassesEveryScenarioThroughPortkey() throws Exception {
        RunRecord run = ContractSuite.run("local-portkey", output);
        assertThat(run.scenarios().stream().filter(s -> s.status().equals("FAILED")).map(s -> s.name() + ": " + s.message())
                .toList(), equalTo(List.of()));
        assertThat(run.verdict().id(), equalTo("healthy"));
        // Every answer names the provider Portkey routed to, and echoes the run's trace id, the request id summary.md quotes.
        assertThat(run.exchanges().stream().map(Exchange::requestId).distinct().toList(), equalTo(List.of("ai-gateway-contract-local")));
        assertThat(run.exchanges().stream().map(exchange -> exchange.responseHeaders().get("x-portkey-provider")).distinct().toList(),
                equalTo(List.of("openai")));
        // The cost the provider's answers carry, passed through Portkey: known for every billable answer.
        assertThat(dev.aigateway.contract.http.Spending.of(run.exchanges(), dev.aigateway.contract.gateway.GatewayProfile.named("portkey"))
                .unknownCost(), equalTo(0));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "local-portkey-no-provider,              gateway-misconfigured, Either x-portkey-config or x-portkey-provider header is required",
            "local-portkey-unknown-provider,         gateway-misconfigured, Invalid provider passed",
            "local-portkey-config-without-provider,  gateway-misconfigured, Either x-portkey-provider needs to be passed.",
            "local-portkey-invalid-key,              invalid-key,           Invalid API key or token.",
            "local-portkey-provider-outage,          provider-unavailable,  openai error: Service temporarily unavailable.",
            "local-portkey-rate-limited,             rate-limited,          openai error: Free tier requests on this model are rate-limited.",
            "local-portkey-upstream-html,            provider-unavailable,  <center><h1>502 Bad Gateway</h1></center>",
            "local-portkey-upstream-down,            provider-unavailable,  connect ECONNREFUSED",
            "local-portkey-timeout,                  provider-unavailable,  Request exceeded the timeout sent in the request: 10000ms",
    })
    void eachSimulatedFailureGetsItsVerdict(String environment, String verdict, String quoted) throws Exception {
        RunRecord run = run(environment);
        assertThat(run.verdict().id() + ": " + run.verdict().title(), run.verdict().id(), equalTo(verdict));
        assertThat(run.verdict().meaning(), containsString(quoted.strip()));
    }

    /** Portkey's routing refusal is its own: no x-portkey-* header, nothing sent to a provider, so no key refused. */
    @Test
    void aRoutingRefusalIsPortkeysOwnAndNeverTheKeys() throws Exception {
        RunRecord run = run("local-portkey-no-provider");
        assertThat(run.exchanges().stream().map(Exchange::status).distinct().toList(), equalTo(List.of(400)));
        assertThat(run.exchanges().stream().map(exchange -> String.join(",", exchange.responseHeaders().keySet())).toList(),
                everyItem(not(containsString("x-portkey"))));
        assertThat(run.exchanges().stream().map(exchange -> exchange.status() + " " + exchange.responseBody()).toList().toString(),
                run.verdict().title(), containsString("not your key"));
    }

    /** The provider named when the body names none: the 408 and the html-message forms by x-portkey-provider. */
    @Test
    void theProviderIsNamedByTheHeaderWhenTheBodyNamesNone() throws Exception {
        RunRecord run = run("local-portkey-timeout");
        assertThat(run.verdict().title(), equalTo("Provider timed out (Portkey's request_timeout passed, 408)"));
        assertThat(run.verdict().meaning(), containsString("to openai, which did not answer"));
        assertThat(run.exchanges().stream().map(Exchange::responseBody).toList(),
                hasItem("{\"error\":{\"message\":\"Request exceeded the timeout sent in the request: 10000ms\",\"type\":\"timeout_error\",\"param\":null,\"code\":null}}"));
    }

    /** The run of {@code environment}; one that reached no verdict fails with what the suite reported. */
    private RunRecord run(String environment) throws Exception {
        RunRecord run = ContractSuite.run(environment, output);
        assertThat(java.nio.file.Files.readString(output.resolve("failures.txt")) + java.nio.file.Files.readString(output.resolve("console.txt")), run.verdict() == null, equalTo(false));
        return run;
    }
}
