package dev.aigateway.contract.environment;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One target of a contract run, as read from {@code environments/<name>.yaml} with every
 * {@code ${VAR}} resolved. {@link #baseUrl()} is empty when the run targets the embedded simulator:
 * the simulator's own URL is only known once it listens. {@link #webhookUrl()} ({@code notify.webhookUrl})
 * is where a change of verdict is announced, a secret; null when none is set.
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
        Byok byok,
        BigDecimal maxSpendUsd,
        List<Secret> secrets,
        String webhookUrl) {

    /** The model and token budget of every billable call. */
    public record Probe(String model, int maxTokens) {}

    /** HTTP timeouts of each request, and the deadline of the whole run. */
    public record Timeouts(int connectMs, int readMs, int runSeconds) {}

    /** Present when the run targets the embedded simulated gateway; {@code team} is the simulated team. */
    public record Simulator(String team) {}

    /**
     * Bring-your-own-key: the team's own provider keys by provider slug, the model a BYOK request
     * asks for, and whether to check the key directly against the provider as well ({@code verifyDirect},
     * with the provider's own id of the model, {@code directModel}).
     */
    public record Byok(Map<String, String> keys, String model, boolean verifyDirect, String directModel) {

        /** The provider of {@link #model()}: the creator in {@code creator/model}. */
        public String provider() {
            return model.substring(0, model.indexOf('/'));
        }

        public String key() {
            return keys.get(provider());
        }
    }

    /** A value that must never be written anywhere, and the variable it was read from. */
    public record Secret(String variable, String value) {}

    public boolean usesSimulator() {
        return simulator != null;
    }

    /** The same environment pointed at a gateway that listens at {@code url}. */
    public Environment targeting(String url) {
        return new Environment(name, description, url, teamId, apiKey, funded, expectedModels, probe,
                allowBillable, timeouts, simulator, byok, maxSpendUsd, secrets, webhookUrl);
    }

    public String host() {
        URI uri = URI.create(baseUrl);
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
