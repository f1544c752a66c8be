package dev.aigateway.contract.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.Json;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A profile's {@code simulator:} section agrees with the facts the engine reads, or the profile is refused. */
class SimulatorSectionTest {

    private static final ObjectMapper JSON = Json.DATA;

    /** The default profile, changed by {@code change}, checked as if it were {@code gateways/vercel.yaml}. */
    private static void check(Consumer<ObjectNode> change) throws Exception {
        ObjectNode profile = JSON.valueToTree(GatewayProfile.standard());
        change.accept(profile);
        JSON.treeToValue(profile, GatewayProfile.class).check("gateways/" + GatewayProfile.defaultName() + ".yaml");
    }

    @Test
    void theDefaultProfileIsSimulatedWithTodaysIdentity() throws Exception {
        GatewayProfile.Simulator simulator = GatewayProfile.standard().simulator();
        assertThat(simulator.generationIdPrefix(), equalTo("gen_"));
        assertThat(List.copyOf(simulator.edgeHeaders().keySet()), equalTo(List.of("server", "x-vercel-id", "x-vercel-cache",
                "cache-control", "strict-transport-security")));
        assertThat(simulator.edgeHeaders().get("server"), equalTo("Vercel"));
        check(profile -> { });
    }

    @Test
    void simulatedIdsOutsideTheGenerationIdPatternAreRefused() {
        GatewayProfileException refusal = assertThrows(GatewayProfileException.class,
                () -> check(profile -> ((ObjectNode) profile.get("simulator")).put("generationIdPrefix", "run_")));
        assertThat(refusal.getMessage(), equalTo("gateways/vercel.yaml: simulator generationIdPrefix run_ and a ULID do not "
                + "match generationId gen_[0-9A-HJKMNP-TV-Z]{26}"));
    }

    @Test
    void edgeHeadersWithoutTheRequestIdHeaderAreRefused() {
        GatewayProfileException refusal = assertThrows(GatewayProfileException.class,
                () -> check(profile -> ((ObjectNode) profile.get("requestId")).put("header", "x-request-id")));
        assertThat(refusal.getMessage(), equalTo("gateways/vercel.yaml: simulator edgeHeaders lack the request-id header "
                + "x-request-id"));
    }

    @Test
    void aProfileWithoutASimulatorSectionIsValid() throws Exception {
        check(profile -> profile.remove("simulator"));
    }
}
