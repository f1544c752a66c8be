package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.DataFiles;
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
        Map<String, Pattern> accepted = new HashMap<>();
        DataFiles.read(RESOURCE).fields().forEachRemaining(provider ->
                accepted.put(provider.getKey(), Pattern.compile(provider.getValue().path("acceptsKeys").asText())));
        return new Providers(accepted);
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
