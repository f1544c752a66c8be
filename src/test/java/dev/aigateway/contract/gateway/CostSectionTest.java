package dev.aigateway.contract.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.Json;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every billable route of every profile says where its answers keep their cost, with a source, or the profile is refused. */
class CostSectionTest {

    private static final ObjectMapper JSON = Json.DATA;

    private static void check(String name, Consumer<ObjectNode> change) throws Exception {
        ObjectNode profile = JSON.valueToTree(GatewayProfile.named(name));
        change.accept(profile);
        JSON.treeToValue(profile, GatewayProfile.class).check("gateways/" + name + ".yaml");
    }

    @Test
    void everyBillableRouteOfEveryProfileSaysWhereItsCostIs() throws Exception {
        for (String name : GatewayProfile.names()) {
            check(name, profile -> { });
            GatewayProfile profile = GatewayProfile.named(name);
            for (GatewayProfile.RouteEntry route : profile.routes()) {
                assertThat(name + " " + route.id(), profile.costOf(route.method(), route.path()).isPresent(), equalTo(route.billable()));
            }
        }
    }

    @Test
    void aBillableRouteThatSaysNowhereIsRefused() {
        GatewayProfileException refusal = assertThrows(GatewayProfileException.class,
                () -> check("openrouter", profile -> ((ObjectNode) profile.get("cost")).remove("embeddings")));
        assertThat(refusal.getMessage(), equalTo("gateways/openrouter.yaml: billable route embeddings says nowhere in cost:"
                + " where its answers keep what they cost"));
    }

    @Test
    void aCostWithoutASourceIsRefused() {
        GatewayProfileException refusal = assertThrows(GatewayProfileException.class,
                () -> check("vercel", profile -> ((ObjectNode) profile.get("cost").get("messages")).remove(java.util.List.of("source", "guess"))));
        assertThat(refusal.getMessage(), startsWith("gateways/vercel.yaml: Cost[answer=Reading[usd=[/provider_metadata/gateway/cost]"));
    }

    @Test
    void anAiSdkPathNoRouteListsIsReadAsTheProtocolKeepsItsCost() {
        GatewayProfile vercel = GatewayProfile.named("vercel");
        assertThat(vercel.costOf("POST", "/v3/ai/embedding-model").orElseThrow(), equalTo(vercel.cost().get("billablePathPattern")));
        assertThat(vercel.costOf("GET", "/v1/models").isPresent(), equalTo(false));
    }
}
