package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A {@link Completion} in the OpenResponses shape: {@code object: "response"}, {@code id}: the generation
 * id, {@code error: null} on success, one {@code message} output item with {@code output_text}
 * (Vercel's docs, https://github.com/superbuilders/superstarter/blob/fcc3e65/docs/vercel/ai-gateway/sdks-and-apis/openresponses.md;
 * live ids are generation ids, https://github.com/maton-ai/api-gateway-skill/blob/HEAD/providers/kiro/.kiro/powers/api-gateway/references/vercel-ai-gateway/README.md). Streamed, it is the Responses API's named SSE events,
 * each data's {@code type} the event's name, numbered by {@code sequence_number}: created,
 * in_progress, the item and its text, then {@code response.completed} carrying the usage.
 */
final class OpenResponse {

    private OpenResponse() {}

    static ObjectNode body(Completion completion, String status) {
        ObjectNode response = Replies.JSON.createObjectNode()
                .put("id", completion.generationId())
                .put("object", "response")
                .put("created_at", completion.created())
                .put("status", status)
                .putNull("error")
                .putNull("incomplete_details")
                .put("model", completion.model().id());
        if (status.equals("completed")) {
            response.putArray("output").add(message(completion, "completed"));
            response.putObject("usage")
                    .put("input_tokens", completion.usage().path("prompt_tokens").asInt())
                    .put("output_tokens", completion.usage().path("completion_tokens").asInt())
                    .put("total_tokens", completion.usage().path("total_tokens").asInt())
                    .put("cost", completion.cost());
            response.putObject("providerMetadata").set("gateway", completion.gatewayMetadata());
        } else {
            response.putArray("output");
            response.putNull("usage");
        }
        return response;
    }

    static String eventStream(Completion completion) {
        StringBuilder stream = new StringBuilder();
        int[] sequence = {0};
        event(stream, sequence, "response.created", node -> node.set("response", body(completion, "in_progress")));
        event(stream, sequence, "response.in_progress", node -> node.set("response", body(completion, "in_progress")));
        event(stream, sequence, "response.output_item.added",
                node -> node.put("output_index", 0).set("item", message(completion, "in_progress")));
        event(stream, sequence, "response.content_part.added", node -> node.put("item_id", itemId(completion))
                .put("output_index", 0).put("content_index", 0).set("part", text("")));
        List<String> words = completion.words();
        for (int i = 0; i < words.size(); i++) {
            String delta = (i == 0 ? "" : " ") + words.get(i);
            event(stream, sequence, "response.output_text.delta", node -> node.put("item_id", itemId(completion))
                    .put("output_index", 0).put("content_index", 0).put("delta", delta));
        }
        event(stream, sequence, "response.output_text.done", node -> node.put("item_id", itemId(completion))
                .put("output_index", 0).put("content_index", 0).put("text", completion.text()));
        event(stream, sequence, "response.content_part.done", node -> node.put("item_id", itemId(completion))
                .put("output_index", 0).put("content_index", 0).set("part", text(completion.text())));
        event(stream, sequence, "response.output_item.done",
                node -> node.put("output_index", 0).set("item", message(completion, "completed")));
        event(stream, sequence, "response.completed", node -> node.set("response", body(completion, "completed")));
        return stream.toString();
    }

    private static ObjectNode message(Completion completion, String status) {
        ObjectNode item = Replies.JSON.createObjectNode()
                .put("type", "message")
                .put("id", itemId(completion))
                .put("status", status)
                .put("role", "assistant");
        var content = item.putArray("content");
        if (status.equals("completed")) {
            content.add(text(completion.text()));
        }
        return item;
    }

    private static ObjectNode text(String text) {
        ObjectNode part = Replies.JSON.createObjectNode().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        return part;
    }

    private static String itemId(Completion completion) {
        return "msg_" + Ulid.endOf(completion.generationId());
    }

    private static void event(StringBuilder stream, int[] sequence, String name,
                              java.util.function.Consumer<ObjectNode> fill) {
        ObjectNode data = Replies.JSON.createObjectNode().put("type", name).put("sequence_number", sequence[0]++);
        fill.accept(data);
        stream.append("event: ").append(name).append('\n').append("data: ").append(data).append("\n\n");
    }
}
