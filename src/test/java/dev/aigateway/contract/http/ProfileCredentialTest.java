package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.DataFiles;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Exchange;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The key goes out in the headers the profile's {@code credential:} names, in the form it gives, and the redactor
 * blanks those headers by name: a gateway whose key is not {@code Authorization: Bearer} needs no Java.
 */
class ProfileCredentialTest {

    private static final GatewayProfile VERCEL = GatewayProfile.named("vercel");

    /** Vercel's profile with its key in a header of its own, as a self-hosted gateway may take it. */
    private static GatewayProfile ownHeader() {
        ObjectNode tree = DataFiles.read("gateways/vercel.yaml").deepCopy();
        ObjectNode header = ((ObjectNode) tree.at("/credential/headers/0"));
        header.put("name", "x-own-gateway-key").put("value", "{key}");
        return GatewayProfile.read(tree, "gateways/vercel.yaml");
    }

    @Test
    void theKeyGoesOutInTheProfilesHeadersInTheirForm() {
        assertThat(RequestHeaders.of(Credential.teamKey("k_FAKE"), null, RequestHeaders.OPENAI, VERCEL),
                equalTo(List.of(new Exchange.Header("Authorization", "Bearer k_FAKE"))));
        assertThat(RequestHeaders.of(Credential.teamKey("k_FAKE"), null, RequestHeaders.OPENAI, ownHeader()),
                equalTo(List.of(new Exchange.Header("x-own-gateway-key", "k_FAKE"))));
        assertThat(RequestHeaders.of(Credential.none(), null, RequestHeaders.OPENAI, ownHeader()), equalTo(List.of()));
    }

    @Test
    void theRedactorBlanksTheProfilesCredentialHeadersByName() {
        assertThat(new Redactor(List.of(), ownHeader()).redactHeader("x-own-gateway-key", "someone_elses_FAKE"),
                equalTo("[redacted]"));
        // A header no profile names as a credential stays readable, for a run on a gateway and before one is known.
        assertThat(new Redactor(List.of(), VERCEL).redactHeader("x-own-gateway-key", "someone_elses_FAKE"),
                equalTo("someone_elses_FAKE"));
        assertThat(new Redactor(List.of(), java.util.Set.of()).redactHeader("x-own-gateway-key", "someone_elses_FAKE"),
                equalTo("someone_elses_FAKE"));
        // The headers Vercel's profile says carry a request file's credential are blanked too.
        assertThat(new Redactor(List.of(), VERCEL).redactHeader("x-vercel-oidc-token", "eyJ_FAKE"), equalTo("[redacted]"));
        assertThat(new Redactor(List.of(), VERCEL).redactHeader("Authorization", "Bearer " + VERCEL.keys().notIssued()),
                equalTo("Bearer " + VERCEL.keys().notIssued()));
    }

    @Test
    void theRequestsOwnProviderKeyGoesWhereTheProfileSays() throws Exception {
        ChatCompletionRequest smallest = ChatCompletionRequest.smallest("anthropic/claude-haiku-4.5", 1);
        assertThat(dev.aigateway.contract.Json.DATA.writeValueAsString(smallest.withByok("anthropic", "sk-ant-FAKE", VERCEL.byok())),
                equalTo("{\"model\":\"anthropic/claude-haiku-4.5\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}],"
                        + "\"max_tokens\":1,\"providerOptions\":{\"gateway\":{\"only\":[\"anthropic\"],"
                        + "\"byok\":{\"anthropic\":[{\"apiKey\":\"sk-ant-FAKE\"}]}}}}"));
        assertThat(dev.aigateway.contract.Json.DATA.writeValueAsString(smallest), equalTo("{\"model\":\"anthropic/claude-haiku-4.5\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}],\"max_tokens\":1}"));
        GatewayProfile elsewhere = GatewayProfile.read(((ObjectNode) DataFiles.read("gateways/vercel.yaml").deepCopy())
                .set("byok", dev.aigateway.contract.Json.DATA.readTree("{\"keys\":\"/byok\",\"source\":\"a test\"}")),
                "gateways/vercel.yaml");
        assertThat(dev.aigateway.contract.Json.DATA.writeValueAsString(smallest.withByok("anthropic", "sk-ant-FAKE", elsewhere.byok()).streamed()),
                equalTo("{\"model\":\"anthropic/claude-haiku-4.5\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}],"
                        + "\"max_tokens\":1,\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"byok\":{\"anthropic\":[{\"apiKey\":\"sk-ant-FAKE\"}]}}"));
    }
}
