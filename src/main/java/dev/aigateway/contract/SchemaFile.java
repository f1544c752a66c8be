package dev.aigateway.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One of the project's JSON Schema files on the classpath (draft 7), read once, and the words its violations are
 * told in: the rule a violation broke, the names a rule lists, what a type is called. The gateway profile's and the
 * environment's schemas each build their one sentence from these.
 */
public final class SchemaFile {

    private static final Map<String, String> TYPES = Map.of("integer", "a whole number", "number", "a number",
            "boolean", "true or false", "string", "text", "array", "a list", "object", "a block of fields");

    private final JsonNode tree;
    private final JsonSchema schema;

    public SchemaFile(String resource) {
        this.tree = DataFiles.read(resource);
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(tree);
    }

    /** The schema as written. */
    public JsonNode tree() {
        return tree;
    }

    public Set<ValidationMessage> validate(JsonNode document) {
        return schema.validate(document);
    }

    /** The schema object that holds the keyword a violation broke. */
    public JsonNode ruleOf(ValidationMessage message) {
        String location = location(message);
        return tree.at(location.substring(0, Math.max(0, location.lastIndexOf('/'))));
    }

    /** The broken keyword's JSON pointer into the schema: {@code /properties/probe/additionalProperties}. */
    public static String location(ValidationMessage message) {
        return message.getSchemaLocation().getFragment().toString().replaceFirst("^#", "");
    }

    /** A JSON type in words: "integer" is "a whole number", "object" "a block of fields". */
    public static String typeWords(String type) {
        return TYPES.getOrDefault(type, type);
    }

    /** The validator's own words for a violation of a keyword no sentence is written for, without the field it names. */
    public static String ownWords(ValidationMessage message) {
        String text = message.getMessage();
        return (text == null ? "" : text.lines().findFirst().orElse("")).replaceFirst("^[^:]*: ", "");
    }

    /** The items of a list ({@code enum}) or the fields of an object ({@code properties}). */
    public static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> names.add(value.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
