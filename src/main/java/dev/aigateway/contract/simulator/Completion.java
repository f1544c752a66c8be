package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** One computed reply: the model echoed, tokens counted roughly, cost from the catalog's prices. */
record Completion(Catalog.Model model, String generationId, long created, List<String> words,
                  int promptTokens, String finishReason, Routing routing) {

    private static final String SYSTEM_FINGERPRINT = "fp_simulated";
    private static final List<String> REPLY = List.of("pong", "from", "the", "simulated", "gateway.");

    /**
     * A reply, with id {@code generationId}, to a chat completion or an Anthropic message: {@code messages},
     * {@code system}, {@code max_tokens}.
     */
    static Completion of(String generationId, Catalog.Model model, JsonNode request) {
        return of(generationId, model, request, Routing.system(model));
    }

    /** The same, routed as {@code routing} says (BYOK or system credentials). */
    static Completion of(String generationId, Catalog.Model model, JsonNode request, Routing routing) {
        int systemTokens = request.has("system") ? promptTokens(List.of(request.get("system"))) : 0;
        return of(generationId, model, promptTokens(request.path("messages")) + systemTokens,
                request.path("max_tokens").asInt(REPLY.size()), routing);
    }

    static Completion of(String generationId, Catalog.Model model, int promptTokens, int maxTokens) {
        return of(generationId, model, promptTokens, maxTokens, Routing.system(model));
    }

    static Completion of(String generationId, Catalog.Model model, int promptTokens, int maxTokens, Routing routing) {
        List<String> words = REPLY.subList(0, Math.max(0, Math.min(maxTokens, REPLY.size())));
        return new Completion(model, generationId, System.currentTimeMillis() / 1000, words, promptTokens,
                words.size() < REPLY.size() ? "length" : "stop", routing);
    }

    /** Roughly: three tokens a message plus one per four characters of its text. */
    static int promptTokens(Iterable<JsonNode> messages) {
        int tokens = 0;
        for (JsonNode message : messages) {
            JsonNode content = message.has("content") ? message.get("content") : message;
            tokens += 3 + (text(content).length() + 3) / 4;
        }
        return tokens;
    }

    /** A content's text: a string, or the {@code text} of each of its parts. */
    static String text(JsonNode content) {
        if (!content.isArray()) {
            return content.asText("");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            text.append(part.path("text").asText(""));
        }
        return text.toString();
    }

    String text() {
        return String.join(" ", words);
    }

    /** What the provider charges at the catalog's prices. */
    BigDecimal marketCost() {
        return model.cost(promptTokens, words.size());
    }

    /** What is debited from the gateway balance: nothing when the user's own key served it. */
    BigDecimal cost() {
        return routing.servedByByok() ? BigDecimal.ZERO : marketCost();
    }

    ObjectNode usage() {
        ObjectNode usage = Replies.JSON.createObjectNode()
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", words.size())
                .put("total_tokens", promptTokens + words.size())
                .put("cost", cost())
                .put("is_byok", routing.servedByByok());
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("image_tokens", 0);
        ObjectNode costDetails = usage.putObject("cost_details");
        if (routing.servedByByok()) {
            costDetails.put("upstream_inference_cost", marketCost());
        } else {
            costDetails.putNull("upstream_inference_cost");
        }
        costDetails.put("upstream_inference_prompt_cost", 0).put("upstream_inference_completions_cost", 0);
        usage.put("cache_creation_input_tokens", 0);
        usage.put("market_cost", marketCost());
        return usage;
    }

    /** The usage of the final chunk of a stream: the same, plus {@code gateway_cost} (a live recording, 2026-09). */
    ObjectNode streamedUsage() {
        return usage().put("gateway_cost", cost());
    }

    ObjectNode gatewayMetadata() {
        return GatewayMetadata.of(model, routing, cost(), marketCost(), generationId);
    }

    ObjectNode usageEvent(boolean streamed) {
        return UsageEvent.of(generationId, model, promptTokens, words.size(), cost(), marketCost(), routing.servedByByok(),
                streamed, finishReason);
    }

    ObjectNode body() {
        ObjectNode body = Replies.JSON.createObjectNode()
                .put("id", generationId)
                .put("object", "chat.completion")
                .put("created", created)
                .put("model", model.id());
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message")
                .put("role", "assistant")
                .put("content", text());
        message.putObject("provider_metadata").set("gateway", gatewayMetadata());
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        body.set("usage", usage());
        body.put("system_fingerprint", SYSTEM_FINGERPRINT);
        body.put("generationId", generationId);
        return body;
    }

    /**
     * SSE as a live recording (2026-09) has it: the role alone first, one delta per word, then the final
     * chunk with {@code finish_reason}, usage, the gateway's metadata inside its delta and the generation
     * id, then {@code end} (the gateway's terminator event). Every chunk carries {@code system_fingerprint}.
     */
    String eventStream(String end) {
        List<ObjectNode> chunks = new ArrayList<>();
        chunks.add(chunk(delta -> delta.put("role", "assistant")));
        for (int i = 0; i < words.size(); i++) {
            String text = (i == 0 ? "" : " ") + words.get(i);
            chunks.add(chunk(delta -> delta.put("content", text)));
        }
        ObjectNode last = chunk(delta -> delta.putObject("provider_metadata").set("gateway", gatewayMetadata()));
        ((ObjectNode) last.get("choices").get(0)).put("finish_reason", finishReason);
        last.set("usage", streamedUsage());
        last.put("generationId", generationId);
        chunks.add(last);
        StringBuilder stream = new StringBuilder();
        for (ObjectNode chunk : chunks) {
            stream.append("data: ").append(chunk).append("\n\n");
        }
        return stream.append(end).toString();
    }

    private ObjectNode chunk(Consumer<ObjectNode> delta) {
        ObjectNode chunk = Replies.JSON.createObjectNode()
                .put("id", generationId)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model.id());
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        delta.accept(choice.putObject("delta"));
        choice.putNull("logprobs");
        chunk.put("system_fingerprint", SYSTEM_FINGERPRINT);
        return chunk;
    }
}
