package dev.aigateway.contract;

import dev.aigateway.contract.gateway.GatewayProfile;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logs of the HTTP client and of the simulated gateway: nothing at all by default, the
 * client's headers and wire bytes and WireMock's messages on standard error with -Dcontract.wire.log=true.
 */
class WireLogTest {

    @TempDir
    Path work;

    @Test
    void byDefaultTheHttpClientAndTheSimulatedGatewayPrintNothing() throws Exception {
        Printed printed = probe();
        assertThat(printed.out(), equalTo("probe done"));
        assertThat(printed.err(), equalTo(""));
    }

    @Test
    void theSwitchPrintsTheClientsWireAndWireMocksMessagesOnStandardErrorOnly() throws Exception {
        Printed printed = probe("-Dcontract.wire.log=true");
        assertThat(printed.out(), equalTo("probe done"));
        assertThat(printed.err(), allOf(containsString("[org.apache.http.wire]  >> \"GET /v1/credits HTTP/1.1"),
                containsString("[org.apache.http.headers] >> Authorization: Bearer vck_sim_"),
                containsString("[wire] wiremock: Request received:"), containsString("GET /not-served")));
    }

    private record Printed(String out, String err) {}

    private Printed probe(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Path err = work.resolve("err.txt");
        Process java = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat("the probe ends", java.waitFor(), equalTo(0));
        return new Printed(out, Files.readString(err).strip());
    }

    /** A request the simulated gateway serves and one it does not, through REST Assured, as a run sends them. */
    public static final class Probe {
        public static void main(String[] args) {
            WireLog.apply();
            try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
                given().baseUri(gateway.baseUrl()).header("Authorization", "Bearer " + gateway.teams().all().get(0).demoKey())
                        .get("/v1/credits").then().statusCode(200);
                given().baseUri(gateway.baseUrl()).get("/not-served");
            }
            System.out.println("probe done");
        }
    }
}
