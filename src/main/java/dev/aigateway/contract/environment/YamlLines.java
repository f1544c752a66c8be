package dev.aigateway.contract.environment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * An environment file read as a YAML tree with the line of every field (by path: {@code probe/model}), so that
 * every problem found later names the line it is on.
 */
final class YamlLines {

    private YamlLines() {}

    /** The tree of {@code file} ({@code display} in a message), noting in {@code lines} the line of every field. */
    static JsonNode parse(Path file, String display, Map<String, Integer> lines) {
        try (JsonParser parser = Json.YAML.createParser(file.toFile())) {
            if (parser.nextToken() == null) {
                throw new EnvironmentException(display + " is empty.");
            }
            return read(parser, "", lines);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new EnvironmentException(display + (at == null ? "" : ", line " + at.getLineNr())
                    + ": not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new EnvironmentException(display + ": cannot be read: " + e.getMessage());
        }
    }

    /** Builds the tree and notes the line of every field, by JSON-pointer-like path. */
    private static JsonNode read(JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    String child = path.isEmpty() ? field : path + "/" + field;
                    lines.put(child, parser.currentTokenLocation().getLineNr());
                    parser.nextToken();
                    object.set(field, read(parser, child, lines));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, path + "/" + index++, lines));
                }
                return array;
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(parser.getBooleanValue());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDecimalValue());
            }
            default -> {
                return nodes.textNode(parser.getText());
            }
        }
    }

    /** The line of the field at {@code path} ({@code probe/model}), else of its nearest parent that has one. */
    static int lineOf(String path, Map<String, Integer> lines) {
        String probe = path;
        while (!lines.containsKey(probe) && probe.contains("/")) {
            probe = probe.substring(0, probe.lastIndexOf('/'));
        }
        return lines.getOrDefault(probe, lines.getOrDefault("", 1));
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").trim();
    }
}
