package dev.aigateway.contract.replay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.captured.Captured;
import dev.aigateway.contract.request.RequestFile;
import org.junit.jupiter.api.Test;

class RefusedWhenTest {

    private static JsonNode json(String text) {
        try {
            return dev.aigateway.contract.Json.ANSWERS.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static boolean holds(String tests, String body) {
        return RefusedWhen.holds(tests == null ? null : json(tests), json(body));
    }

    @Test
    void noTestsRefuseEveryRequest() {
        assertThat(holds(null, "{}"), equalTo(true));
        assertThat(holds("[]", "{\"model\":\"a/b\"}"), equalTo(true));
    }

    @Test
    void r1sLimitHoldsOnlyUnstreamedAbove21333() {
        String r1 = Captured.named("r1-max-tokens-21k").refusedWhen().toString();
        assertThat(holds(r1, "{\"max_tokens\":21334,\"stream\":false}"), equalTo(true));
        assertThat(holds(r1, "{\"max_tokens\":21334}"), equalTo(true));
        assertThat(holds(r1, "{\"max_tokens\":21334,\"stream\":true}"), equalTo(false));
        assertThat(holds(r1, "{\"max_tokens\":21333,\"stream\":false}"), equalTo(false));
        assertThat(holds(r1, "{\"max_tokens\":10667}"), equalTo(false));
        assertThat(holds(r1, "{\"stream\":false}"), equalTo(false));
    }

    @Test
    void aWildcardFindsTheSignedThinkingPartWhereverItSits() {
        String r5 = Captured.named("r5-provider-rejected-thinking-signature").refusedWhen().toString();
        String request = RequestFile.read("src/test/resources/requests/r5-thinking.json").body();
        assertThat(holds(r5, request), equalTo(true));
        assertThat(holds(r5, request.replace("\"signature\"", "\"note\"")), equalTo(false));
        assertThat(holds(r5, "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"), equalTo(false));
    }

    @Test
    void eachTest() {
        assertThat(holds("[{\"pointer\":\"/a/b\",\"equals\":true}]", "{\"a\":{\"b\":true}}"), equalTo(true));
        assertThat(holds("[{\"pointer\":\"/a/b\",\"equals\":true}]", "{\"a\":{\"b\":\"true\"}}"), equalTo(false));
        assertThat(holds("[{\"pointer\":\"/a\",\"notEquals\":1}]", "{}"), equalTo(true));
        assertThat(holds("[{\"pointer\":\"/a\",\"notEquals\":1}]", "{\"a\":1}"), equalTo(false));
        assertThat(holds("[{\"pointer\":\"/n\",\"greaterThan\":2}]", "{\"n\":2.5}"), equalTo(true));
        assertThat(holds("[{\"pointer\":\"/n\",\"greaterThan\":2}]", "{\"n\":\"3\"}"), equalTo(false));
        assertThat(holds("[{\"pointer\":\"/x/1\",\"present\":true}]", "{\"x\":[0,1]}"), equalTo(true));
        assertThat(holds("[{\"pointer\":\"/x/2\",\"present\":true}]", "{\"x\":[0,1]}"), equalTo(false));
        assertThat(holds("[{\"pointer\":\"/x/2\",\"present\":false}]", "{\"x\":[0,1]}"), equalTo(true));
        assertThat(holds("[{\"pointer\":\"/a~1b\",\"present\":true}]", "{\"a/b\":0}"), equalTo(true));
        assertThat(holds("[{\"pointer\":\"/model\",\"matches\":\"(?!anthropic/).*\"}]", "{\"model\":\"xai/grok-4.5\"}"), equalTo(true));
        assertThat(holds("[{\"pointer\":\"/model\",\"matches\":\"(?!anthropic/).*\"}]", "{\"model\":\"anthropic/claude-haiku-4.5\"}"),
                equalTo(false));
    }

    @Test
    void everyTestMustHold() {
        String both = "[{\"pointer\":\"/a\",\"equals\":1},{\"pointer\":\"/b\",\"equals\":2}]";
        assertThat(holds(both, "{\"a\":1,\"b\":2}"), equalTo(true));
        assertThat(holds(both, "{\"a\":1,\"b\":3}"), equalTo(false));
    }

    @Test
    void aTestThatNamesNoneOrTwoIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> holds("[{\"pointer\":\"/a\"}]", "{}"));
        assertThrows(IllegalArgumentException.class, () -> holds("[{\"pointer\":\"/a\",\"equals\":1,\"present\":true}]", "{}"));
        assertThrows(IllegalArgumentException.class, () -> holds("[{\"pointer\":\"a\",\"equals\":1}]", "{}"));
    }

    @Test
    void everyCapturedConditionIsWellFormed() {
        for (Captured answer : Captured.all()) {
            RefusedWhen.holds(answer.refusedWhen(), json("{}"));
        }
    }
}
