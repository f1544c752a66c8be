package dev.aigateway.contract.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Which requests a captured answer refuses, as its source shows ({@code refusedWhen} in a captured file): a
 * list of tests on the request's JSON body, every one of which must hold. A test names a JSON pointer (RFC
 * 6901; a {@code *} segment stands for every item of an array or every field of an object, so
 * {@code /messages/*}{@code /content/*}{@code /signature} finds a signed part wherever it sits) and one of:
 * <ul>
 *   <li>{@code equals}: a value there equals it;</li>
 *   <li>{@code notEquals}: no value there equals it (absent holds: {@code stream} unset is not {@code true});</li>
 *   <li>{@code greaterThan}: a number there is greater;</li>
 *   <li>{@code present}: {@code true}, something is there; {@code false}, nothing is;</li>
 *   <li>{@code matches}: a string there matches the regular expression, whole.</li>
 * </ul>
 * No {@code refusedWhen} (null or missing): every request on the answer's route and model is refused.
 */
final class RefusedWhen {

    private static final List<String> TESTS = List.of("equals", "notEquals", "greaterThan", "present", "matches");

    private RefusedWhen() {}

    /** True when every test of {@code tests} (a JSON array, or null) holds for {@code body} (null: not JSON). */
    static boolean holds(JsonNode tests, JsonNode body) {
        if (tests == null || tests.isNull() || tests.isMissingNode()) {
            return true;
        }
        if (!tests.isArray()) {
            throw new IllegalArgumentException("refusedWhen is a list of tests, not " + tests);
        }
        for (JsonNode test : tests) {
            if (!holdsOne(test, body)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holdsOne(JsonNode test, JsonNode body) {
        String pointer = test.path("pointer").asText(null);
        List<String> named = new ArrayList<>();
        test.fieldNames().forEachRemaining(field -> {
            if (TESTS.contains(field)) {
                named.add(field);
            }
        });
        if (pointer == null || named.size() != 1) {
            throw new IllegalArgumentException("a test of refusedWhen names a pointer and one of " + TESTS + ": " + test);
        }
        List<JsonNode> found = at(body, pointer);
        JsonNode expected = test.get(named.get(0));
        return switch (named.get(0)) {
            case "equals" -> found.stream().anyMatch(expected::equals);
            case "notEquals" -> found.stream().noneMatch(expected::equals);
            case "greaterThan" -> found.stream().anyMatch(node -> node.isNumber()
                    && node.decimalValue().compareTo(expected.decimalValue()) > 0);
            case "present" -> expected.asBoolean() != found.isEmpty();
            default -> found.stream().anyMatch(node -> node.isTextual() && node.asText().matches(expected.asText()));
        };
    }

    /** Every node at {@code pointer} in {@code root}, a {@code *} segment taking each child. */
    static List<JsonNode> at(JsonNode root, String pointer) {
        List<JsonNode> nodes = new ArrayList<>();
        if (root == null || root.isMissingNode()) {
            return nodes;
        }
        nodes.add(root);
        if (pointer.isEmpty()) {
            return nodes;
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with /: " + pointer);
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                if (raw.equals("*")) {
                    node.elements().forEachRemaining(next::add);
                } else if (node.isArray() && segment.matches("0|[1-9][0-9]*")) {
                    JsonNode item = node.get(Integer.parseInt(segment));
                    if (item != null) {
                        next.add(item);
                    }
                } else if (node.isObject() && node.has(segment)) {
                    next.add(node.get(segment));
                }
            }
            nodes = next;
        }
        return nodes;
    }
}
