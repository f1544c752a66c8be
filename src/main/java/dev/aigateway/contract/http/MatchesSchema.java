package dev.aigateway.contract.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.aigateway.contract.Json;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * A Hamcrest matcher for the gateway's shapes: a JSON body that validates against
 * {@code schemas/<name>.json} (JSON Schema 2020-12). A mismatch lists every violation.
 */
public final class MatchesSchema extends TypeSafeDiagnosingMatcher<String> {

    private static final ObjectMapper JSON = Json.ANSWERS;
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private final String name;

    private MatchesSchema(String name) {
        this.name = name;
    }

    public static Matcher<String> matchesSchema(String name) {
        return new MatchesSchema(name);
    }

    @Override
    protected boolean matchesSafely(String body, Description mismatch) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (Exception notJson) {
            mismatch.appendText("was not JSON: ").appendValue(body.length() > 200 ? body.substring(0, 200) + "..." : body);
            return false;
        }
        Set<ValidationMessage> violations = schema(name).validate(json);
        if (!violations.isEmpty()) {
            mismatch.appendText("violated it: ");
            violations.forEach(violation -> mismatch.appendText("\n  ").appendText(violation.getMessage()));
        }
        return violations.isEmpty();
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("JSON of the shape schemas/" + name + ".json");
    }

    private static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, key -> {
            try (InputStream in = MatchesSchema.class.getClassLoader().getResourceAsStream("schemas/" + key + ".json")) {
                if (in == null) {
                    throw new IllegalArgumentException("no schema schemas/" + key + ".json on the classpath");
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
