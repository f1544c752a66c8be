package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A {@link Completion} in the shape of Anthropic's Messages API, as {@code @anthropic-ai/sdk} parses it:
 * one {@code text} block, {@code stop_reason} {@code end_turn} or {@code max_tokens}, and the gateway's
 * extra {@code provider_metadata} (maton). Streamed, it is Anthropic's named SSE events, which the SDK
 * needs: it skips any event without an {@code event:} line.
 */
final class AnthropicMessage {

    private AnthropicMessage() {}

    static ObjectNode body(Completion completion) {
        ObjectNode message = start(completion);
        message.putArray("content").addObject().put("type", "text").put("text", completion.text());
        message.put("stop_reason", stopReason(completion)).putNull("stop_sequence");
        message.putObject("usage")
                .put("input_tokens", completion.promptTokens())
                .put("output_tokens", completion.words().size());
        message.putObject("provider_metadata").set("gateway", completion.gatewayMetadata());
        return message;
    }

    /**
     * {@code message_start}, one text block ({@code content_block_start}, a {@code text_delta} per word,
     * {@code content_block_stop}), {@code message_delta} with the stop reason and the usage, {@code message_stop}.
     */
    static String eventStream(Completion completion) {
        StringBuilder stream = new StringBuilder();
        ObjectNode message = start(completion);
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", completion.promptTokens()).put("output_tokens", 0);
        event(stream, "message_start", event("message_start").set("message", message));
        ObjectNode blockStart = event("content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        event(stream, "content_block_start", blockStart);
        List<String> words = completion.words();
        for (int i = 0; i < words.size(); i++) {
            ObjectNode delta = event("content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", (i == 0 ? "" : " ") + words.get(i));
            event(stream, "content_block_delta", delta);
        }
        event(stream, "content_block_stop", event("content_block_stop").put("index", 0));
        ObjectNode messageDelta = event("message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason(completion)).putNull("stop_sequence");
        messageDelta.putObject("usage")
                .put("input_tokens", completion.promptTokens())
                .put("output_tokens", words.size());
        messageDelta.putObject("provider_metadata").set("gateway", completion.gatewayMetadata());
        event(stream, "message_delta", messageDelta);
        event(stream, "message_stop", event("message_stop"));
        return stream.toString();
    }

    private static ObjectNode start(Completion completion) {
        return Replies.JSON.createObjectNode()
                .put("id", completion.generationId())
                .put("type", "message")
                .put("role", "assistant")
                .put("model", completion.model().id());
    }

    private static String stopReason(Completion completion) {
        return "length".equals(completion.finishReason()) ? "max_tokens" : "end_turn";
    }

    private static ObjectNode event(String type) {
        return Replies.JSON.createObjectNode().put("type", type);
    }

    private static void event(StringBuilder stream, String name, ObjectNode data) {
        stream.append("event: ").append(name).append('\n').append("data: ").append(data).append("\n\n");
    }
}
