package dev.aigateway.contract.environment;

import java.net.URI;
import java.util.List;

/**
 * One target of a contract run, as read from {@code environments/<name>.yaml} with every
 * {@code ${VAR}} resolved. {@link #baseUrl()} is empty when the run targets the embedded simulator:
 * the simulator's own URL is only known once it listens.
 */
public record Environment(
        String name,
        String description,
        String baseUrl,
        String teamId,
        String apiKey,
        boolean funded,
        List<String> expectedModels,
        Probe probe,
        boolean allowBillable,
        Timeouts timeouts,
        Simulator simulator,
        List<Secret> secrets) {

    /** The model and token budget of every billable call. */
    public record Probe(String model, int maxTokens) {}

    public record Timeouts(int connectMs, int readMs) {}

    /** Present when the run targets the embedded simulated gateway; {@code team} is the simulated team. */
    public record Simulator(String team) {}

    /** A value that must never be written anywhere, and the variable it was read from. */
    public record Secret(String variable, String value) {}

    public boolean usesSimulator() {
        return simulator != null;
    }

    /** The same environment pointed at a gateway that listens at {@code url}. */
    public Environment targeting(String url) {
        return new Environment(name, description, url, teamId, apiKey, funded, expectedModels, probe,
                allowBillable, timeouts, simulator, secrets);
    }

    public String host() {
        URI uri = URI.create(baseUrl);
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
