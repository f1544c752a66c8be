package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A {@link Completion} in the AI SDK's own language-model shapes (LanguageModelV3/V4 of
 * {@code @ai-sdk/provider}, identical in what is used here): the generate result, and the stream parts
 * as SSE {@code data:} lines. {@code finishReason} is {@code {unified, raw}} and {@code usage} splits
 * input and output tokens, since {@code ai} reads {@code finishReason.unified} and
 * {@code usage.inputTokens.total}. For {@code @ai-sdk/gateway} 1.x and 2.x ({@code /v1/ai}, LanguageModelV2,
 * which {@code ai@5} reads) the finish reason is a plain string and usage is flat
 * ({@code inputTokens}, {@code outputTokens}, {@code totalTokens}: {@code @ai-sdk/provider} 2.x).
 * The gateway's metadata rides in {@code providerMetadata.gateway}.
 */
final class LanguageModelResult {

    private static final String TEXT_ID = "txt-0";

    private LanguageModelResult() {}

    static ObjectNode generateResult(Completion completion, boolean v2) {
        ObjectNode result = Replies.JSON.createObjectNode();
        result.putArray("content").addObject().put("type", "text").put("text", completion.text());
        setFinish(result, completion, v2);
        result.putObject("providerMetadata").set("gateway", completion.gatewayMetadata());
        result.set("response", responseMetadata(Replies.JSON.createObjectNode(), completion));
        result.putArray("warnings");
        return result;
    }

    /** {@code stream-start}, {@code response-metadata}, one text block a word at a time, {@code finish}. */
    static String streamParts(Completion completion, boolean v2) {
        StringBuilder stream = new StringBuilder();
        ObjectNode start = part("stream-start");
        start.putArray("warnings");
        data(stream, start);
        data(stream, responseMetadata(part("response-metadata"), completion));
        data(stream, part("text-start").put("id", TEXT_ID));
        List<String> words = completion.words();
        for (int i = 0; i < words.size(); i++) {
            data(stream, part("text-delta").put("id", TEXT_ID).put("delta", (i == 0 ? "" : " ") + words.get(i)));
        }
        data(stream, part("text-end").put("id", TEXT_ID));
        ObjectNode finish = part("finish");
        setFinish(finish, completion, v2);
        finish.putObject("providerMetadata").set("gateway", completion.gatewayMetadata());
        data(stream, finish);
        return stream.toString();
    }

    private static void setFinish(ObjectNode node, Completion completion, boolean v2) {
        if (v2) {
            node.put("finishReason", completion.finishReason());
            node.putObject("usage").put("inputTokens", completion.promptTokens())
                    .put("outputTokens", completion.words().size())
                    .put("totalTokens", completion.promptTokens() + completion.words().size());
        } else {
            node.set("finishReason", finishReason(completion));
            node.set("usage", usage(completion));
        }
    }

    private static ObjectNode finishReason(Completion completion) {
        return Replies.JSON.createObjectNode()
                .put("unified", completion.finishReason())
                .put("raw", completion.finishReason());
    }

    private static ObjectNode usage(Completion completion) {
        ObjectNode usage = Replies.JSON.createObjectNode();
        usage.putObject("inputTokens")
                .put("total", completion.promptTokens())
                .put("noCache", completion.promptTokens())
                .put("cacheRead", 0)
                .put("cacheWrite", 0);
        usage.putObject("outputTokens")
                .put("total", completion.words().size())
                .put("text", completion.words().size())
                .put("reasoning", 0);
        return usage;
    }

    private static ObjectNode responseMetadata(ObjectNode node, Completion completion) {
        return node.put("id", completion.generationId())
                .put("modelId", completion.model().id())
                .put("timestamp", Instant.ofEpochSecond(completion.created()).toString());
    }

    private static ObjectNode part(String type) {
        return Replies.JSON.createObjectNode().put("type", type);
    }

    private static void data(StringBuilder stream, ObjectNode part) {
        stream.append("data: ").append(part).append("\n\n");
    }
}
