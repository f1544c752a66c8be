package dev.aigateway.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The project's data files on the classpath (simulated teams, providers, catalog, diagnosis rules), read as JSON trees. */
public final class DataFiles {

    private DataFiles() {}

    /** The tree of {@code resource}, a {@code .json} or {@code .yaml} file; a missing or unreadable file is a packaging error. */
    public static JsonNode read(String resource) {
        try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return (resource.endsWith(".json") ? Json.DATA : Json.YAML).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
