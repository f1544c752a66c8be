package dev.aigateway.contract.request;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each variant of a refused request changes one thing: a limit halved, a field dropped, one message or content part dropped. */
class VariantPlanTest {

    private static ApplicationRequest request(String body) {
        return new ApplicationRequest("POST", "/v1/chat/completions", List.of(), body, Path.of("app.json"), null, null, List.of(), List.of());
    }

    @Test
    void streamIsFlippedAloneAndAnUnsetStreamIsTurnedOn() {
        RequestVariant off = VariantPlan.streamFlipped(request("{\"model\":\"m\",\"stream\":true,\"max_tokens\":9}")).orElseThrow();
        assertThat(off.body(), equalTo("{\"model\":\"m\",\"stream\":false,\"max_tokens\":9}"));
        assertThat(off.servedPart(), equalTo("not streamed"));
        RequestVariant on = VariantPlan.streamFlipped(request("{\"model\":\"m\"}")).orElseThrow();
        assertThat(on.body(), equalTo("{\"model\":\"m\",\"stream\":true}"));
        assertThat(on.refusedPart(), equalTo("`stream` unset"));
        assertThat(VariantPlan.streamFlipped(request("not json")).isPresent(), equalTo(false));
    }

    @Test
    void aNumericLimitIsHalvedAndAnyOtherTopLevelFieldDroppedButNeverTheModelStreamOrMessages() {
        List<RequestVariant> variants = VariantPlan.topLevel(request("{\"model\":\"m\",\"max_tokens\":21334,\"stream\":false,"
                + "\"temperature\":3.5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        assertThat(variants.stream().map(RequestVariant::change).toList(), equalTo(List.of("max_tokens: 10667", "without temperature")));
        assertThat(variants.get(0).body(), equalTo("{\"model\":\"m\",\"max_tokens\":10667,\"stream\":false,"
                + "\"temperature\":3.5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        assertThat(variants.get(1).refusedPart(), equalTo("`temperature: 3.5`"));
        assertThat("halving is the smaller change", variants.get(0).size() < variants.get(1).size(), equalTo(true));
    }

    @Test
    void messagesAreDroppedOneAtATimeNeverTheLastThenContentParts() {
        List<RequestVariant> variants = VariantPlan.items(request("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"s\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"look\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"u\"}}]}]}"));
        assertThat(variants.stream().map(RequestVariant::field).toList(), equalTo(List.of("messages[0]", "messages[1]",
                "messages[1].content[0]", "messages[1].content[1]")));
        assertThat(variants.get(3).refusedPart(), equalTo("`messages[1].content[1]` (an image_url part)"));
        assertThat(variants.get(0).refusedPart(), equalTo("`messages[0]` (a system message)"));
        assertThat(VariantPlan.items(request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"only\"}]}")), empty());
    }

    @Test
    void theFindingSaysTheFieldTheStreamAndWhatIsServed() {
        ApplicationRequest r1 = request("{\"model\":\"anthropic/claude-opus-5\",\"max_tokens\":21334,\"stream\":false}");
        RequestVariant stream = VariantPlan.streamFlipped(r1).orElseThrow();
        RequestVariant half = VariantPlan.topLevel(r1).get(0);
        assertThat(RequestFinding.field(half, stream, "anthropic/claude-opus-5").sentence(), equalTo("the gateway refuses"
                + " `max_tokens: 21334` with `stream: false` on anthropic/claude-opus-5; streamed, or with `max_tokens: 10667`, it is served"));
        assertThat(RequestFinding.stream(stream, "m").sentence(), equalTo("the gateway refuses this request with `stream: false` on m;"
                + " streamed, it is served"));
    }
}
