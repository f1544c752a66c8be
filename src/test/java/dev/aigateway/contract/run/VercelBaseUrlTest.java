package dev.aigateway.contract.run;

import dev.aigateway.contract.gateway.GatewayProfile;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Vercel AI Gateway's base URL as its users write it, over a URL with the shipped {@code simulator-url}
 * environment: its documented OpenAI-compatible base ({@code …/v1}, links.apiBase) is read as the host and the
 * healthy team passes; {@code …/v1/v1} (the version segment twice) ends wrong-base-url naming {@code …/v1}.
 */
class VercelBaseUrlTest {

    @TempDir
    Path output;

    @Test
    void theDocumentedBaseIsReadAsTheHostAndItsVersionTwiceIsAWrongBaseUrl() throws Exception {
        try (SimulatedGateway simulated = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            RunRecord documented = ContractSuite.run("simulator-url", output, Map.of("SIMULATOR_URL", simulated.baseUrl() + "/v1"));
            assertThat(documented.verdict().meaning(), documented.verdict().id(), equalTo("healthy"));
            assertThat(documented.targetUrl(), equalTo(simulated.baseUrl()));
            RunRecord twice = ContractSuite.run("simulator-url", output, Map.of("SIMULATOR_URL", simulated.baseUrl() + "/v1/v1"));
            assertThat(twice.verdict().meaning(), twice.verdict().id(), equalTo("wrong-base-url"));
            assertThat(twice.verdict().meaning(), containsString("Write baseUrl: " + simulated.baseUrl() + "/v1 "));
            assertThat(twice.verdict().meaning(), containsString("/v1/v1/"));
        }
    }
}
