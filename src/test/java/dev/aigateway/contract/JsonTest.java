package dev.aigateway.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shared mappers keep the configuration their readers rely on, and no class makes a mapper of its own. */
class JsonTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));
    private static final Pattern NEW_MAPPER = Pattern.compile("new (?:ObjectMapper|YAMLMapper|JsonMapper)\\(|(?:JsonMapper|YAMLMapper)\\.builder\\(");
    /** The files that may make one, and why: Json itself; FetchCall reads JavaScript literals, which no shared mapper accepts. */
    private static final Set<String> OWN_MAPPER = Set.of("Json.java", "FetchCall.java", "JsonTest.java");

    record Named(String name) {}

    @Test
    void answersAreReadWithinTheDepthLimitAndNoDeeper() throws Exception {
        String atTheLimit = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        String deeper = "[" + atTheLimit + "]";
        assertThat(Json.ANSWERS.readTree(atTheLimit).isArray(), equalTo(true));
        assertThrows(StreamConstraintsException.class, () -> Json.ANSWERS.readTree(deeper));
    }

    @Test
    void recordsWriteTimesAsIsoTextIndented() throws Exception {
        String written = Json.RECORDS.writeValueAsString(Map.of("at", Instant.parse("2025-01-02T03:04:05Z"))).replace("\r\n", "\n");
        assertThat(written, equalTo("{\n  \"at\" : \"2025-01-02T03:04:05Z\"\n}"));
    }

    @Test
    void dataFilesWithAPropertyNoReaderKnowsAreRefused() {
        assertThrows(UnrecognizedPropertyException.class, () -> Json.DATA.readValue("{\"name\":\"a\",\"nmae\":\"b\"}", Named.class));
        assertThrows(UnrecognizedPropertyException.class, () -> Json.YAML.readValue("name: a\nnmae: b\n", Named.class));
    }

    @Test
    void noClassButTheAllowedMakesAMapperOfItsOwn() throws IOException {
        List<String> makers = new ArrayList<>();
        for (String tree : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(tree))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (!OWN_MAPPER.contains(file.getFileName().toString()) && NEW_MAPPER.matcher(Files.readString(file)).find()) {
                        makers.add(ROOT.relativize(file).toString());
                    }
                }
            }
        }
        assertThat("files that make a mapper instead of using dev.aigateway.contract.Json's", makers, empty());
        assertThat(NEW_MAPPER.matcher("JSON = JsonMapper.builder().build()").find(), equalTo(true));
    }
}
