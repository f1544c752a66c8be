package dev.aigateway.contract.environment;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.aigateway.contract.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code environments/environment.schema.json}, which editors use to complete and check environment
 * files, agrees with the loader: the same field names, every shipped environment valid under both.
 */
class EnvironmentSchemaTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));
    private static final Path SCHEMA = ROOT.resolve("environments/environment.schema.json");
    private static final String HEADER = "# yaml-language-server: $schema=environment.schema.json";
    private static final ObjectMapper JSON = Json.DATA;
    private static final ObjectMapper YAML = Json.YAML;

    static List<String> shipped() {
        return new EnvironmentLoader(ROOT, Map.of()).names();
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void everyShippedEnvironmentNamesTheSchemaAndIsValidUnderIt(String env) throws IOException {
        Path file = EnvironmentFolders.file(ROOT, env);
        // The schema beside the file's folder: environments/local/ names ../environment.schema.json.
        String schema = file.getParent().relativize(SCHEMA).toString().replace('\\', '/');
        assertThat(Files.readAllLines(file).get(0), equalTo(HEADER.replace("environment.schema.json", schema)));
        Set<ValidationMessage> violations = schema().validate(YAML.readTree(file.toFile()));
        assertThat(violations.stream().map(ValidationMessage::getMessage).toList(), empty());
    }

    @Test
    void theSchemaAndTheLoaderKnowTheSameFields() throws IOException {
        assertThat(fields(JSON.readTree(SCHEMA.toFile()), ""), equalTo(fields(JSON.constructType(EnvironmentFile.class), "")));
    }

    @Test
    void theSchemaOffersEverySimulatedTeamAndNoOther() throws IOException {
        Set<String> offered = new TreeSet<>();
        JSON.readTree(SCHEMA.toFile()).at("/properties/simulator/properties/team/anyOf/0/enum").forEach(team -> offered.add(team.asText()));
        Set<String> teams = new TreeSet<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("simulator/teams.yaml")) {
            YAML.readTree(in).fieldNames().forEachRemaining(teams::add);
        }
        assertThat(offered, equalTo(teams));
    }

    @Test
    void theSchemaOffersEverySimulatedOpenRouterAccountAndNoOther() throws IOException {
        Set<String> offered = new TreeSet<>();
        JSON.readTree(SCHEMA.toFile()).at("/properties/simulator/properties/team/anyOf/2/enum").forEach(team -> offered.add(team.asText()));
        Set<String> teams = new TreeSet<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("simulator/openrouter/teams.yaml")) {
            YAML.readTree(in).fieldNames().forEachRemaining(teams::add);
        }
        assertThat(offered, equalTo(teams));
    }

    @Test
    void theSchemaOffersEveryRouteTheLoaderKnowsAndAuthKind() throws IOException {
        JsonNode schema = JSON.readTree(SCHEMA.toFile());
        Set<String> routes = new TreeSet<>();
        schema.at("/properties/routes/items/enum").forEach(route -> routes.add(route.asText()));
        Set<String> known = new TreeSet<>();
        for (Route route : Route.values()) {
            known.add(route.id());
        }
        assertThat(routes, equalTo(known));
        Set<String> kinds = new TreeSet<>();
        schema.at("/properties/auth/properties/kind/enum").forEach(kind -> kinds.add(kind.asText()));
        assertThat(kinds, equalTo(new TreeSet<>(Environment.Auth.KINDS)));
    }

    @Test
    void aMisspelledFieldIsRefusedByBothTheSchemaAndTheLoader(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("environments"));
        String yaml = Files.readString(EnvironmentFolders.file(ROOT, "local")).replace("  maxTokens: 1", "  maxTokns: 1");
        Files.writeString(root.resolve("environments/typo.yaml"), yaml);
        assertThat(schema().validate(YAML.readTree(yaml)).stream().map(ValidationMessage::getMessage).toList(),
                hasItem(containsString("maxTokns")));
        EnvironmentException error = assertThrows(EnvironmentException.class,
                () -> new EnvironmentLoader(root, Map.of()).load("typo"));
        assertThat(error.getMessage(), containsString("unknown field \"probe.maxTokns\""));
    }

    @Test
    void aFileWithoutTheRequiredFieldsIsInvalid() throws IOException {
        assertThat(schema().validate(YAML.readTree("description: x\n")), not(empty()));
    }

    /** Field paths under an object of the schema ("probe.model"), and the free-form maps as "credentials.*". */
    private static Set<String> fields(JsonNode schema, String prefix) {
        Set<String> fields = new TreeSet<>();
        Map<String, JsonNode> properties = new TreeMap<>();
        schema.path("properties").fields().forEachRemaining(field -> properties.put(field.getKey(), field.getValue()));
        properties.forEach((name, property) -> {
            String path = prefix + name;
            fields.add(path);
            if (property.has("properties") && property.path("additionalProperties").isBoolean()) {
                fields.addAll(fields(property, path + "."));
            }
        });
        return fields;
    }

    /** Field paths of the loader's record, as Jackson binds it (property names, not Java names). */
    private static Set<String> fields(JavaType type, String prefix) {
        Set<String> fields = new TreeSet<>();
        BeanDescription description = JSON.getDeserializationConfig().introspect(type);
        for (BeanPropertyDefinition property : description.findProperties()) {
            String path = prefix + property.getName();
            fields.add(path);
            JavaType child = property.getPrimaryType();
            if (child.getRawClass().isRecord()) {
                fields.addAll(fields(child, path + "."));
            }
        }
        return fields;
    }

}
