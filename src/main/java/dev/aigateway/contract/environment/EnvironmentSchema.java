package dev.aigateway.contract.environment;

import static dev.aigateway.contract.SchemaFile.names;
import static dev.aigateway.contract.SchemaFile.ownWords;
import static dev.aigateway.contract.SchemaFile.typeWords;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.aigateway.contract.SchemaFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code environments/environment.schema.json} (packaged on the class path by the build), the rules of an
 * environment file as written, before its variables are read: required fields, known fields, types, ranges
 * and names. Its first violation becomes one sentence that names the file, the line, the field and what the
 * field takes; never the value, which may be a secret, except a name from a closed list.
 */
final class EnvironmentSchema {

    static final String RESOURCE = "environments/environment.schema.json";
    private static final SchemaFile SCHEMA = new SchemaFile(RESOURCE);
    private static final JsonNode TREE = SCHEMA.tree();
    /** The schema's ${VAR} form, which most fields accept beside a value. */
    private static final String VARIABLE = TREE.at("/definitions/variable/pattern").asText();
    /**
     * Fields the loader checks itself, on the value their variable gives: baseUrl, with a sentence that names
     * what is wrong ("has no host"); the secrets, which the schema wants read from a variable and the loader
     * has always also taken as written (then checks their characters). The schema's rules for them serve editors.
     */
    private static final Set<String> CHECKED_BY_THE_LOADER = Set.of("$.baseUrl", "$.apiKey", "$.notify.webhookUrl");
    private static final Pattern ITEM = Pattern.compile("^(.*)/(\\d+)$");

    private EnvironmentSchema() {}

    /**
     * Nothing when {@code file} follows the schema; else the sentence of its first problem in the file (the
     * one on the lowest line), placed by {@code lines} (a field's path, {@code probe/model}, to its line).
     */
    static String problem(JsonNode file, String display, Map<String, Integer> lines) {
        Map<String, List<ValidationMessage>> byField = new LinkedHashMap<>();
        for (ValidationMessage message : SCHEMA.validate(file)) {
            if (CHECKED_BY_THE_LOADER.contains(message.getInstanceLocation().toString())) {
                continue;
            }
            byField.computeIfAbsent(message.getInstanceLocation().toString(), at -> new ArrayList<>()).add(message);
        }
        if (byField.isEmpty()) {
            return null;
        }
        List<ValidationMessage> first = byField.values().stream()
                .min(java.util.Comparator.comparingInt(messages -> line(messages.get(0), lines))).orElseThrow();
        ValidationMessage message = first.get(0);
        String path = path(message.getInstanceLocation().toString());
        return switch (message.getType()) {
            case "required" -> required(first, display, path, lines);
            case "additionalProperties" -> {
                String field = (path.isEmpty() ? "" : path + "/") + message.getProperty();
                yield display + ", line " + line(message, lines) + ": unknown field \"" + dotted(field)
                        + "\". Known fields: "
                        + String.join(", ", new TreeSet<>(names(SCHEMA.ruleOf(message).path("properties")))) + ".";
            }
            // A name the schema's propertyNames refuses (a header name with a space): on the name's own line.
            case "propertyNames" -> display + ", line " + YamlLines.lineOf(path + "/" + message.getProperty(), lines)
                    + " (" + field(path) + "): \"" + message.getProperty() + "\" is not a name this field takes. Its description: "
                    + TREE.at(SchemaFile.location(message).replaceFirst("/propertyNames$", "")).path("description")
                            .asText();
            default -> display + ", line " + line(message, lines) + " (" + field(path) + "): "
                    + expected(first) + "." + described(first);
        };
    }

    /** The line a violation is on: a missing field's parent, an unknown field's own line, a value's line. */
    private static int line(ValidationMessage message, Map<String, Integer> lines) {
        String path = path(message.getInstanceLocation().toString());
        return YamlLines.lineOf("additionalProperties".equals(message.getType())
                ? (path.isEmpty() ? "" : path + "/") + message.getProperty() : path, lines);
    }

    /** A required field that is missing; of two alternatives (baseUrl or simulator), the first, and the other as a way out. */
    private static String required(List<ValidationMessage> messages, String display, String path, Map<String, Integer> lines) {
        ValidationMessage message = messages.get(0);
        String field = (path.isEmpty() ? "" : path + "/") + message.getProperty();
        String sentence = display + ", line " + line(message, lines) + ": required field \"" + dotted(field)
                + "\" is missing";
        if (SchemaFile.location(message).matches(".*/anyOf/\\d+/required")) {
            List<String> others = messages.stream().filter(other -> other != message && "required".equals(other.getType())
                    && SchemaFile.location(other).matches(".*/anyOf/\\d+/required"))
                    .map(ValidationMessage::getProperty).toList();
            for (String other : others) {
                sentence += " (or add a " + other + ": block: " + lower(TREE.at("/properties/" + other + "/description").asText(""))
                        .replaceAll("\\.$", "") + ")";
            }
        }
        return sentence + ".";
    }

    /** What the field takes, from every alternative the schema offers for it: "a whole number of 1 or more, or a variable". */
    private static String expected(List<ValidationMessage> messages) {
        List<String> alternatives = new ArrayList<>();
        for (ValidationMessage message : messages) {
            JsonNode rule = SCHEMA.ruleOf(message);
            Object[] arguments = message.getArguments();
            String alternative = VARIABLE.equals(rule.path("pattern").asText()) ? "a variable, ${VAR} or ${VAR:-default}"
                    : switch (message.getType()) {
                case "type" -> typed(String.valueOf(arguments[arguments.length - 1]), rule);
                case "minimum" -> typed(rule.path("type").asText("number"), rule);
                case "pattern" -> "a value of the form its description gives";
                case "enum" -> "one of " + String.join(", ", names(rule.path("enum")));
                case "minLength" -> "text, not empty";
                case "minItems" -> "a list of at least " + rule.path("minItems").asInt() + " item" + (rule.path("minItems").asInt() == 1 ? "" : "s");
                case "maxItems" -> "a list of at most " + rule.path("maxItems").asInt() + " items";
                case "uniqueItems" -> "a list that names each item once";
                default -> ownWords(message);
            };
            if (!alternatives.contains(alternative)) {
                alternatives.add(alternative);
            }
        }
        return "expected " + String.join(", or ", alternatives);
    }

    /** The field's own description, when a value did not match a form only it states (a URL, a model id). */
    private static String described(List<ValidationMessage> messages) {
        boolean byForm = messages.stream().anyMatch(message -> "pattern".equals(message.getType())
                && !VARIABLE.equals(SCHEMA.ruleOf(message).path("pattern").asText()));
        if (!byForm) {
            return "";
        }
        String location = SchemaFile.location(messages.get(0)).replaceFirst("/(anyOf/\\d+/)?pattern$", "");
        JsonNode described = TREE.at(location.replaceFirst("/anyOf$", ""));
        return described.has("description") ? " Its description: " + described.path("description").asText() : "";
    }

    private static String typed(String type, JsonNode rule) {
        String words = typeWords(type);
        return rule.has("minimum") ? words + " of " + rule.path("minimum").asText() + " or more" : words;
    }

    /** {@code $.probe.maxTokens} or {@code $.routes[1]} as the loader's paths: {@code probe/maxTokens}, {@code routes/1}. */
    private static String path(String instanceLocation) {
        return instanceLocation.replaceFirst("^\\$\\.?", "").replace('.', '/').replaceAll("\\[(\\d+)]", "/$1");
    }

    /** {@code routes/1} as a person reads it: {@code routes, item 2}. */
    private static String field(String path) {
        Matcher item = ITEM.matcher(path);
        return item.matches() ? dotted(item.group(1)) + ", item " + (Integer.parseInt(item.group(2)) + 1) : dotted(path);
    }

    private static String dotted(String path) {
        return path.replace('/', '.');
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
