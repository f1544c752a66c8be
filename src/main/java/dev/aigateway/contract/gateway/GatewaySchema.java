package dev.aigateway.contract.gateway;

import static dev.aigateway.contract.SchemaFile.names;
import static dev.aigateway.contract.SchemaFile.ownWords;
import static dev.aigateway.contract.SchemaFile.typeWords;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.aigateway.contract.SchemaFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code gateways/gateway.schema.json}, the rules of a gateway profile as written: its required sections, its
 * known keys and their types. A profile's first violation becomes one sentence that names the file, the field
 * and what the field takes (the schema's description of it), as {@code environment.schema.json}'s do for an
 * environment.
 */
final class GatewaySchema {

    static final String RESOURCE = "gateways/gateway.schema.json";
    private static final SchemaFile SCHEMA = new SchemaFile(RESOURCE);
    private static final JsonNode TREE = SCHEMA.tree();
    /** Which problem is told first when a profile has several: a missing section, an unknown key, then a wrong value. */
    private static final List<String> ORDER = List.of("required", "additionalProperties", "propertyNames");

    private GatewaySchema() {}

    /** Nothing when {@code profile} follows the schema; else the sentence of its first problem, in {@code resource}. */
    static String problem(JsonNode profile, String resource) {
        List<ValidationMessage> messages = new ArrayList<>(SCHEMA.validate(profile));
        if (messages.isEmpty()) {
            return null;
        }
        messages.sort(Comparator.comparingInt((ValidationMessage message) -> rank(message.getType()))
                .thenComparing(message -> message.getInstanceLocation().toString()));
        ValidationMessage message = messages.get(0);
        String path = path(message.getInstanceLocation().toString());
        return switch (message.getType()) {
            case "required" -> {
                String field = join(path, message.getProperty());
                JsonNode rule = SCHEMA.ruleOf(message).path("properties").path(message.getProperty());
                yield resource + ": required field \"" + field + "\" is missing" + described(rule) + ".";
            }
            case "additionalProperties" -> resource + ": unknown field \"" + join(path, message.getProperty())
                    + "\". Known fields" + (path.isEmpty() ? "" : " of " + path) + ": "
                    + String.join(", ", new TreeSet<>(names(SCHEMA.ruleOf(message).path("properties")))) + ".";
            case "propertyNames" -> resource + ": \"" + join(path, message.getProperty()) + "\" is not a name "
                    + path + " takes; expected one of "
                    + String.join(", ", names(TREE.at(SchemaFile.location(message) + "/enum"))) + ".";
            default -> resource + ": field \"" + path + "\" " + expected(message) + described(SCHEMA.ruleOf(message)) + ".";
        };
    }

    private static int rank(String type) {
        int rank = ORDER.indexOf(type);
        return rank < 0 ? ORDER.size() : rank;
    }

    /** What the field takes: "expected true or false", "expected text of the form ^/". */
    private static String expected(ValidationMessage message) {
        JsonNode rule = SCHEMA.ruleOf(message);
        Object[] arguments = message.getArguments();
        return "expected " + switch (message.getType()) {
            case "type" -> typeWords(String.valueOf(arguments[arguments.length - 1]));
            case "enum" -> "one of " + String.join(", ", names(rule.path("enum")));
            case "pattern" -> "text matching " + rule.path("pattern").asText();
            case "minLength" -> "text, not empty";
            case "minItems" -> "a list of at least " + rule.path("minItems").asInt() + " item"
                    + (rule.path("minItems").asInt() == 1 ? "" : "s");
            case "minimum", "maximum" -> "a whole number from " + rule.path("minimum").asText("?") + " to "
                    + rule.path("maximum").asText("?");
            default -> ownWords(message);
        };
    }

    /** " (its description)" of the field's rule, else of the rule it refers to ({@code $ref}), or "". */
    private static String described(JsonNode rule) {
        String description = rule.path("description").asText("");
        if (description.isEmpty() && rule.has("$ref")) {
            description = TREE.at(rule.path("$ref").asText().substring(1)).path("description").asText("");
        }
        return description.isEmpty() ? "" : " (" + description.replaceFirst("\\.$", "") + ")";
    }

    /** {@code $.routes[2].path} as a person reads it: {@code routes[2].path}; the whole profile "". */
    private static String path(String instanceLocation) {
        return instanceLocation.replaceFirst("^\\$\\.?", "");
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
