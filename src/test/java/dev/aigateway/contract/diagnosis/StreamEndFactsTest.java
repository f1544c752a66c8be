package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A whole 200 stream is one that ends as its route's protocol ends it: chat completions with data: [DONE],
 * Anthropic's Messages with message_stop, the Responses API with response.completed, the AI SDK's own
 * protocol with its finish part. A variant's stream on those routes, whole but with no [DONE], is not broken.
 * The streams are written here as each protocol's docs show them, not taken from the simulator.
 */
class StreamEndFactsTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));

    private static final Map<String, List<String>> STREAMS = Map.of(
            "chat-completions", List.of(
                    "data: {\"id\":\"gen_1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}",
                    "data: {\"id\":\"gen_1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
                    "data: [DONE]"),
            "messages", List.of(
                    "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\"}}",
                    "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}",
                    "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"}}",
                    "event: message_stop\ndata: {\"type\":\"message_stop\"}"),
            "responses", List.of(
                    "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0}",
                    "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"Hi\",\"sequence_number\":1}",
                    "event: response.completed\ndata: {\"type\":\"response.completed\",\"sequence_number\":2}"),
            "ai-sdk", List.of(
                    "data: {\"type\":\"stream-start\",\"warnings\":[]}",
                    "data: {\"type\":\"text-delta\",\"id\":\"0\",\"delta\":\"Hi\"}",
                    "data: {\"type\":\"finish\",\"finishReason\":{\"unified\":\"stop\",\"raw\":\"stop\"},\"usage\":{}}"));

    @ParameterizedTest(name = "{0} {1}: whole, not broken; without its last event, broken")
    @CsvSource({
            "local,            /v1/chat/completions,       chat-completions, data: [DONE]",
            "local,            /v1/messages,               messages,         message_stop",
            "local,            /v1/responses,              responses,        response\\.(completed|incomplete)",
            "local,            /v1/ai/language-model,      ai-sdk,           finish",
            "local,            /v3/ai/language-model,      ai-sdk,           finish",
            "local,            /v4/ai/language-model,      ai-sdk,           finish",
            "local-openrouter, /api/v1/chat/completions,   chat-completions, data: [DONE]",
            "local-openrouter, /api/v1/messages,           messages,         message_stop",
            "local-openrouter, /api/v1/responses,          responses,        response\\.(completed|incomplete)"})
    void aStreamIsWholeWhenItEndsAsItsRouteEndsIt(String env, String path, String protocol, String end) {
        Environment environment = new EnvironmentLoader(ROOT, Map.of()).load(env);
        List<String> events = STREAMS.get(protocol);

        Map<String, String> whole = Facts.of(streamed(path, events), environment);
        assertThat(whole.get("streamBroken"), equalTo("false"));

        Map<String, String> cut = Facts.of(streamed(path, events.subList(0, events.size() - 1)), environment);
        assertThat(cut.get("streamBroken"), equalTo("true"));
        assertThat(cut.get("streamProblem"), containsString(end));
    }

    private static Exchange streamed(String path, List<String> events) {
        return Exchange.builder().sequence(1).scenario("Your application's request 1").startedAt(Instant.EPOCH)
                .method("POST").url("https://gateway.example" + path).path(path)
                .requestBody("{\"model\":\"openai/gpt-4o-mini\",\"stream\":true}").status(200)
                .responseHeaders(Map.of("content-type", "text/event-stream"))
                .responseBody(String.join("\n\n", events) + "\n\n").durationMs(5).caller(Caller.TEAM_KEY).build();
    }
}
