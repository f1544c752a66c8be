package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The simulated providers of {@code simulator/providers.yaml}: which BYOK keys each accepts. */
final class Providers {

    static final String RESOURCE = "simulator/providers.yaml";
    private final Map<String, Pattern> acceptedKeys;

    private Providers(Map<String, Pattern> acceptedKeys) {
        this.acceptedKeys = acceptedKeys;
    }

    static Providers load() {
        try (InputStream in = Providers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            Map<String, Pattern> accepted = new HashMap<>();
            new ObjectMapper(new YAMLFactory()).readTree(in).fields().forEachRemaining(provider ->
                    accepted.put(provider.getKey(), Pattern.compile(provider.getValue().path("acceptsKeys").asText())));
            return new Providers(accepted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    boolean accepts(String provider, JsonNode credential) {
        Pattern accepted = acceptedKeys.get(provider);
        String key = credential.path("apiKey").asText("");
        return accepted != null && accepted.matcher(key).matches();
    }

    boolean accepts(String provider, String key) {
        Pattern accepted = acceptedKeys.get(provider);
        return accepted != null && key != null && accepted.matcher(key).matches();
    }
}
