package dev.aigateway.contract.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.DataFiles;
import dev.aigateway.contract.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every fact of every gateway profile ({@code gateways/<name>.yaml}) says where it comes from, with
 * {@code source:} or {@code guess:}: each section (or each fact of a section that is a map of them, as cost: by route)
 * and each route in the file, and the load of a profile
 * refuses one whose fact lost both.
 */
class ProfileSourcesTest {

    @Test
    void everySectionAndEveryRouteOfEveryProfileSaysItsSourceOrThatItIsAGuess() {
        List<String> unsourced = new ArrayList<>();
        for (String name : GatewayProfile.names()) {
            JsonNode profile = DataFiles.read(resource(name));
            for (Iterator<Map.Entry<String, JsonNode>> fields = profile.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isObject() && !sourced(field.getValue())) {
                    // A map of facts (cost: by route) is sourced fact by fact.
                    boolean mapOfFacts = field.getValue().size() > 0;
                    for (Iterator<Map.Entry<String, JsonNode>> facts = field.getValue().fields(); facts.hasNext(); ) {
                        Map.Entry<String, JsonNode> fact = facts.next();
                        if (!fact.getValue().isObject()) {
                            mapOfFacts = false;
                        } else if (!sourced(fact.getValue())) {
                            unsourced.add(resource(name) + ": " + field.getKey() + " " + fact.getKey());
                        }
                    }
                    if (!mapOfFacts) {
                        unsourced.add(resource(name) + ": " + field.getKey());
                    }
                }
                if (field.getValue().isArray()) {
                    for (JsonNode element : field.getValue()) {
                        if (element.isObject() && !sourced(element)) {
                            unsourced.add(resource(name) + ": " + field.getKey() + " " + element.path("id").asText(element.toString()));
                        }
                    }
                }
            }
        }
        assertThat("facts without source: or guess:", unsourced, empty());
    }

    @Test
    void aProfileWhoseFactLostItsSourceIsRefusedWhenLoaded() {
        List<String> accepted = new ArrayList<>();
        int facts = 0;
        for (String name : GatewayProfile.names()) {
            JsonNode profile = DataFiles.read(resource(name));
            List<String> pointers = new ArrayList<>();
            sourcedObjects(profile, "", pointers);
            for (String pointer : pointers) {
                facts++;
                ObjectNode unsourced = profile.deepCopy();
                ObjectNode fact = (ObjectNode) unsourced.at(pointer);
                fact.remove(List.of("source", "guess"));
                GatewayProfileException refused = null;
                try {
                    Json.DATA.treeToValue(unsourced, GatewayProfile.class).check(resource(name));
                } catch (GatewayProfileException e) {
                    refused = e;
                } catch (Exception e) {
                    throw new AssertionError(resource(name) + pointer + " without a source is not even a profile", e);
                }
                if (refused == null || !refused.getMessage().contains("says neither source: nor guess:")) {
                    accepted.add(resource(name) + " " + pointer + (refused == null ? "" : ": " + refused.getMessage()));
                }
            }
        }
        assertThat("the profiles' facts", facts, greaterThan(30));
        assertThat("facts whose source: and guess: can go without the load noticing", accepted, empty());
    }

    @Test
    void theLoadSaysWhichFactLacksItsSource() {
        ObjectNode profile = DataFiles.read(resource("vercel")).deepCopy();
        ((ObjectNode) profile.at("/routes/0")).remove(List.of("source", "guess"));
        GatewayProfileException refused = assertThrows(GatewayProfileException.class,
                () -> Json.DATA.treeToValue(profile, GatewayProfile.class).check(resource("vercel")));
        assertThat(refused.getMessage(), containsString("gateways/vercel.yaml: RouteEntry[id=" + profile.at("/routes/0/id").asText()));
    }

    /** The JSON pointer of every object in {@code node} that carries source: or guess:. */
    private static void sourcedObjects(JsonNode node, String pointer, List<String> pointers) {
        if (node.isObject()) {
            if (sourced(node)) {
                pointers.add(pointer);
            }
            node.fields().forEachRemaining(field -> sourcedObjects(field.getValue(), pointer + "/" + field.getKey(), pointers));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                sourcedObjects(node.get(i), pointer + "/" + i, pointers);
            }
        }
    }

    private static boolean sourced(JsonNode fact) {
        return !fact.path("source").asText("").isBlank() || !fact.path("guess").asText("").isBlank();
    }

    private static String resource(String name) {
        return "gateways/" + name + ".yaml";
    }
}
