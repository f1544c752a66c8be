package dev.aigateway.contract.simulator;

import dev.aigateway.contract.gateway.GatewayProfile;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code -Dsimulator.latencyMs=N}: every answer of the simulated gateway comes N ms late, never sooner. */
class LatencyTest {

    @AfterEach
    void clearTheProperty() {
        System.clearProperty(SimulatedGateway.LATENCY_PROPERTY);
    }

    @Test
    void everyAnswerWaitsTheLatency() throws Exception {
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 300, GatewayProfile.named("vercel"))) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : new String[] {"/v1/models", "/v1/credits"}) {
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                        .header("Authorization", "Bearer vck_sim_healthy_test").build(), HttpResponse.BodyHandlers.ofString());
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;
                assertThat(path + " answered", answer.statusCode(), equalTo(200));
                assertThat(path + " waited (ms)", elapsedMs, greaterThanOrEqualTo(300L));
            }
        }
    }

    @Test
    void thePropertyWinsOverTheEnvironmentAndIsChecked() {
        assertThat(SimulatedGateway.latencyMs(120), equalTo(120));
        System.setProperty(SimulatedGateway.LATENCY_PROPERTY, "300");
        assertThat(SimulatedGateway.latencyMs(120), equalTo(300));
        System.setProperty(SimulatedGateway.LATENCY_PROPERTY, "soon");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SimulatedGateway.latencyMs(0));
        assertThat(refused.getMessage(), allOf(containsString("-Dsimulator.latencyMs=soon is not a delay in milliseconds"),
                containsString("-Dsimulator.latencyMs=300")));
    }
}
