package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * How the gateway served a request: its provider attempts in order. A request-scoped BYOK
 * credential (where the profile's {@code byok.keys} points, by provider) is tried first, each in turn; when
 * the provider refuses them all, the system credentials serve it.
 */
record Routing(List<Attempt> attempts) {

    record Attempt(String provider, String credentialType, boolean success, String error, Integer statusCode) {}

    static Routing of(Catalog.Model model, JsonNode request, Providers providers, GatewayProfile.Byok byok) {
        String provider = model.creator();
        List<Attempt> attempts = new ArrayList<>();
        JsonNode credentials = byok == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : request.at(byok.keys()).path(provider);
        for (JsonNode credential : credentials) {
            if (providers.accepts(provider, credential)) {
                attempts.add(new Attempt(provider, "byok", true, null, null));
                return new Routing(attempts);
            }
            attempts.add(new Attempt(provider, "byok", false, "Unauthorized", 401));
        }
        attempts.add(new Attempt(provider, "system", true, null, null));
        return new Routing(attempts);
    }

    static Routing system(Catalog.Model model) {
        return new Routing(List.of(new Attempt(model.creator(), "system", true, null, null)));
    }

    boolean servedByByok() {
        return "byok".equals(attempts.get(attempts.size() - 1).credentialType());
    }

    void writeProviderAttempts(ArrayNode into) {
        for (Attempt attempt : attempts) {
            var node = into.addObject()
                    .put("provider", attempt.provider())
                    .put("credentialType", attempt.credentialType())
                    .put("success", attempt.success());
            if (attempt.error() != null) {
                node.put("error", attempt.error()).put("statusCode", attempt.statusCode());
            }
        }
    }
}
