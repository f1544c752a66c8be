package dev.aigateway.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared mappers keep the configuration their readers rely on. */
class JsonTest {

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
}
