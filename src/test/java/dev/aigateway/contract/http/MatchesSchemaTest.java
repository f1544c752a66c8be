package dev.aigateway.contract.http;

import static dev.aigateway.contract.http.MatchesSchema.matchesSchema;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MatchesSchemaTest {

    @Test
    void theGatewaysOwnShapesMatch() {
        assertThat("{\"balance\":\"3.7889479\",\"total_used\":\"2.1194771\"}", matchesSchema("credits"));
        assertThat("{\"error\":{\"message\":\"Forbidden.\",\"type\":\"access_denied\"}}", matchesSchema("error-envelope"));
    }

    @Test
    void aBalanceAsANumberIsNotTheGatewaysShape() {
        assertThat("{\"balance\":3.78,\"total_used\":\"0\"}", not(matchesSchema("credits")));
    }

    @Test
    void aFlatErrorIsNotTheEnvelopeAndTheMismatchSaysWhy() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> assertThat("{\"error\":\"Usage event not found\"}", matchesSchema("error-envelope")));
        assertThat(failure.getMessage(), allOf(containsString("schemas/error-envelope.json"), containsString("error")));
    }

    @Test
    void aCompletionWithoutCostIsRefused() {
        String noCost = "{\"id\":\"gen_01M8C464CKWW395HJRN7NH0Z68\",\"object\":\"chat.completion\",\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"pong\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":6,\"completion_tokens\":1,\"total_tokens\":7}}";
        assertThat(noCost, not(matchesSchema("chat-completion")));
        assertThat(noCost.replace("\"total_tokens\":7", "\"total_tokens\":7,\"cost\":0.0000015"), matchesSchema("chat-completion"));
    }
}
