package dev.aigateway.contract.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.request.RequestVariant.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The variants of a refused request that each change one thing (a cheaper {@code max_tokens} in a variant
 * that tests {@code stream} would confound the two), coarse before fine, as delta debugging tries them:
 * {@code stream} flipped; then each top-level field of the body, a numeric limit halved ({@code max_tokens:
 * 21334} becomes 10667: dropped, it would fall back to a default the request never asked for) and any other
 * field dropped; then each item of {@code messages} (or {@code input}) dropped, and each part of a message's
 * content. The model is never changed (the probe's smallest request on the same model asks that), nor the
 * list of messages emptied. A body that is not a JSON object has no variants.
 */
public final class VariantPlan {

    /** The lists of a request's content, whose items are varied one by one, not dropped whole. */
    private static final List<String> CONTENT_LISTS = List.of("messages", "input", "contents", "prompt");
    /** Fields a variant never changes here: the model (the probe's smallest request varies it) and stream (its own variant). */
    private static final List<String> KEPT = List.of("model", "stream");
    /** A numeric field named like a bound: halved, never dropped. */
    private static final Pattern LIMIT = Pattern.compile("(?i).*(max|limit|budget|tokens).*");
    private static final int QUOTED = 40;

    private VariantPlan() {}

    /** {@code stream} flipped: true when the request does not stream (set false or unset), false when it does. */
    public static Optional<RequestVariant> streamFlipped(ApplicationRequest request) {
        ObjectNode body = object(request.body());
        if (body == null || (body.has("stream") && !body.get("stream").isBoolean())) {
            return Optional.empty();
        }
        boolean streamed = body.path("stream").asBoolean(false);
        String was = body.has("stream") ? "`stream: " + streamed + "`" : "`stream` unset";
        body.put("stream", !streamed);
        return Optional.of(variant(Kind.STREAM, "stream", "stream: " + !streamed, was, streamed ? "not streamed" : "streamed",
                body, request.body()));
    }

    /** One variant per top-level field but the model, stream and the content lists, in the body's order. */
    public static List<RequestVariant> topLevel(ApplicationRequest request) {
        ObjectNode body = object(request.body());
        List<RequestVariant> variants = new ArrayList<>();
        if (body == null) {
            return variants;
        }
        for (String field : List.copyOf(fieldNames(body))) {
            if (KEPT.contains(field) || CONTENT_LISTS.contains(field)) {
                continue;
            }
            JsonNode value = body.get(field);
            ObjectNode changed = body.deepCopy();
            String was = "`" + field + ": " + quoted(value) + "`";
            if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 2 && LIMIT.matcher(field).matches()) {
                long half = value.longValue() / 2;
                changed.put(field, half);
                variants.add(variant(Kind.TOP_LEVEL, field, field + ": " + half, was, "with `" + field + ": " + half + "`",
                        changed, request.body()));
            } else {
                changed.remove(field);
                variants.add(variant(Kind.TOP_LEVEL, field, "without " + field, was, "without `" + field + "`", changed,
                        request.body()));
            }
        }
        return variants;
    }

    /**
     * One variant per item of the content lists (never the last one left), then one per part of each item's
     * {@code content} when it has two or more.
     */
    public static List<RequestVariant> items(ApplicationRequest request) {
        ObjectNode body = object(request.body());
        List<RequestVariant> items = new ArrayList<>();
        List<RequestVariant> parts = new ArrayList<>();
        if (body == null) {
            return items;
        }
        for (String list : CONTENT_LISTS) {
            if (!(body.get(list) instanceof ArrayNode array)) {
                continue;
            }
            for (int i = 0; i < array.size(); i++) {
                String field = list + "[" + i + "]";
                if (array.size() > 1) {
                    ObjectNode changed = body.deepCopy();
                    ((ArrayNode) changed.get(list)).remove(i);
                    items.add(variant(Kind.ITEM, field, "without " + field, "`" + field + "` (" + describe(array.get(i), "message") + ")",
                            "without `" + field + "`", changed, request.body()));
                }
                if (array.get(i).path("content") instanceof ArrayNode content && content.size() > 1) {
                    for (int part = 0; part < content.size(); part++) {
                        String partField = field + ".content[" + part + "]";
                        ObjectNode changed = body.deepCopy();
                        ((ArrayNode) changed.get(list).get(i).get("content")).remove(part);
                        parts.add(variant(Kind.ITEM, partField, "without " + partField,
                                "`" + partField + "` (" + describe(content.get(part), "part") + ")", "without `" + partField + "`",
                                changed, request.body()));
                    }
                }
            }
        }
        items.addAll(parts);
        return items;
    }

    /** "a user message", "an image_url part": what an item is, by its role or type, never by its content. */
    private static String describe(JsonNode item, String noun) {
        String kind = item.path("role").isTextual() ? item.path("role").asText() : item.path("type").asText("");
        kind = kind.replaceAll("[^A-Za-z0-9_.-]", "");
        if (kind.isEmpty()) {
            return "an item";
        }
        String article = "aeiou".indexOf(Character.toLowerCase(kind.charAt(0))) >= 0 ? "an " : "a ";
        return article + kind + " " + noun;
    }

    private static RequestVariant variant(Kind kind, String field, String change, String was, String served, ObjectNode body,
                                          String original) {
        String text = body.toString();
        int size = Math.max(1, Math.abs(original.length() - text.length()));
        return new RequestVariant(kind, field, change, was, served, text, size);
    }

    /** A value as the finding quotes it: its JSON, cut at {@value #QUOTED} characters. */
    private static String quoted(JsonNode value) {
        String text = value.toString();
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED - 3) + "...";
    }

    private static List<String> fieldNames(ObjectNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The body as a JSON object, or null when it is none. */
    static ObjectNode object(String body) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            return Json.DATA.readTree(body) instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
