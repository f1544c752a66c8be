package dev.aigateway.contract.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.DataFiles;
import dev.aigateway.contract.Stop;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code gateways/gateway.schema.json}: every profile {@code gateways.yaml} lists follows it (a profile added later
 * included), and a profile that does not is refused at load with one sentence naming the file, the field and what
 * it takes; a profile of the required sections alone loads, the others taking the engine's defaults.
 */
class GatewaySchemaTest {

    private static final String VERCEL = "gateways/vercel.yaml";

    @Test
    void everyListedProfileFollowsTheSchemaAndLoads() {
        List<String> problems = new ArrayList<>();
        for (String name : GatewayProfile.names()) {
            String resource = "gateways/" + name + ".yaml";
            String problem = GatewaySchema.problem(DataFiles.read(resource), resource);
            if (problem != null) {
                problems.add(problem);
            }
            assertThat(resource, GatewayProfile.named(name).name(), equalTo(name));
        }
        assertThat("profiles that break gateway.schema.json", problems, empty());
        assertThat(GatewayProfile.names().size() >= 2, equalTo(true));
    }

    @Test
    void aMissingRequiredSectionIsOneSentenceNamingTheFileTheFieldAndWhatItTakes() {
        ObjectNode profile = vercel();
        profile.remove("keyCheck");
        assertThat(refusal(profile), equalTo(VERCEL + ": required field \"keyCheck\" is missing (The id of the route "
                + "(one of routes) that checks the team's key without spending)."));
        ObjectNode noKey = vercel();
        ((ObjectNode) noKey.path("answers")).remove("noKey");
        assertThat(refusal(noKey), equalTo(VERCEL + ": required field \"answers.noKey\" is missing."));
    }

    @Test
    void aMisspeltKeyIsNamedWithTheKeysItsSectionKnows() {
        ObjectNode profile = vercel();
        ((ObjectNode) profile.at("/routes/0")).set("pth", profile.at("/routes/0/path"));
        assertThat(refusal(profile), equalTo(VERCEL + ": unknown field \"routes[0].pth\". Known fields of routes[0]: "
                + "billable, guess, id, method, path, source."));
        ObjectNode topLevel = vercel();
        topLevel.set("credentials", topLevel.path("credential"));
        assertThat(refusal(topLevel).startsWith(VERCEL + ": unknown field \"credentials\". Known fields: accountId, answers, "),
                equalTo(true));
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatTheFieldTakes() {
        ObjectNode billable = vercel();
        ((ObjectNode) billable.at("/routes/0")).put("billable", "no");
        assertThat(refusal(billable), equalTo(VERCEL + ": field \"routes[0].billable\" expected true or false."));
        ObjectNode pointer = vercel();
        ((ObjectNode) pointer.path("envelope")).put("error", "error");
        assertThat(refusal(pointer), equalTo(VERCEL + ": field \"envelope.error\" expected text matching ^(/.*)?$ "
                + "(A JSON pointer (RFC 6901): empty, or starting with /)."));
        ObjectNode status = vercel();
        ((ObjectNode) status.at("/answers/unknownKey")).put("status", "401");
        assertThat(refusal(status), equalTo(VERCEL + ": field \"answers.unknownKey.status\" expected a whole number."));
    }

    @Test
    void theRefusalIsAStopWithoutAStackTrace() {
        ObjectNode profile = vercel();
        profile.remove("routes");
        GatewayProfileException refused = assertThrows(GatewayProfileException.class, () -> GatewayProfile.read(profile, VERCEL));
        assertThat(refused instanceof Stop, equalTo(true));
        assertThat(refused.getStackTrace().length, equalTo(0));
        assertThat(refused.toString(), equalTo(refused.getMessage()));
    }

    @Test
    void aProfileOfTheRequiredSectionsAloneLoadsWithTheDefaults() {
        JsonNode schema = DataFiles.read(GatewaySchema.RESOURCE);
        ObjectNode minimal = vercel();
        List<String> optional = new ArrayList<>();
        minimal.fieldNames().forEachRemaining(field -> {
            boolean required = false;
            for (JsonNode name : schema.path("required")) {
                required |= name.asText().equals(field);
            }
            if (!required) {
                optional.add(field);
            }
        });
        minimal.remove(optional);
        // Without cost: no billable route.
        ArrayNode routes = (ArrayNode) minimal.path("routes");
        routes.forEach(route -> ((ObjectNode) route).put("billable", false));
        GatewayProfile profile = GatewayProfile.read(minimal, VERCEL);
        assertThat(optional.contains("credential") && optional.contains("catalog") && optional.contains("credits"), equalTo(true));
        assertThat(profile.credential().carrying("k_FAKE"), equalTo(List.of(new GatewayProfile.NamedValue("Authorization", "Bearer k_FAKE"))));
        assertThat(profile.catalog().priced(), equalTo(false));
        assertThat(profile.catalog().needsKey(), equalTo(false));
        assertThat(profile.credits().balanceIn(DataFiles.read(VERCEL)).isMissingNode(), equalTo(true));
        assertThat(profile.generationIdIn("gen_01KXGJG3XC3MJ511VVF87ZSBTC"), nullValue());
        assertThat(profile.billable("POST", "/v1/chat/completions"), equalTo(false));
        assertThat(profile.billable("POST", "/v1/somewhere-else"), equalTo(true));
        assertThat(profile.mitigatedHeader().header(), nullValue());
        assertThat(profile.headers().anthropicVersion(), nullValue());
    }

    @Test
    void theSchemaNamesEveryComponentOfTheProfile() {
        JsonNode properties = DataFiles.read(GatewaySchema.RESOURCE).path("properties");
        List<String> missing = new ArrayList<>();
        for (RecordComponent component : GatewayProfile.class.getRecordComponents()) {
            if (!properties.has(component.getName())) {
                missing.add(component.getName());
            }
        }
        assertThat("GatewayProfile components gateway.schema.json does not describe", missing, empty());
    }

    @Test
    void aProfileThatSaysItsOwnAnswersByABodyFieldIsReadSo() {
        ObjectNode profile = vercel();
        ((ObjectNode) profile.path("ownAnswer")).put("at", "/status").put("matches", "failure");
        GatewayProfile.OwnAnswer own = GatewayProfile.read(profile, VERCEL).ownAnswer();
        assertThat(own.bodySays("{\"status\":\"failure\",\"message\":\"m\"}"), equalTo(true));
        assertThat(own.bodySays("{\"error\":{\"message\":\"m\"}}"), equalTo(false));
        assertThat(own.bodySays("<html>"), equalTo(false));
        assertThat(GatewayProfile.named("vercel").ownAnswer().bodySays("<html>"), equalTo(true));
    }

    private static ObjectNode vercel() {
        return DataFiles.read(VERCEL).deepCopy();
    }

    private static String refusal(JsonNode profile) {
        return assertThrows(GatewayProfileException.class, () -> GatewayProfile.read(profile, VERCEL)).getMessage();
    }
}
