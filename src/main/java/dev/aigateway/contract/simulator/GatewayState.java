package dev.aigateway.contract.simulator;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.simulator.Teams.Refusal;
import dev.aigateway.contract.simulator.Teams.Team;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * What one simulated gateway knows and remembers: the gateway it passes for (its profile), its teams,
 * its catalog, refusals served, generations made.
 */
final class GatewayState {

    /** In a refusal's body, stands for a fresh generation id (the gateway gives some refusals one). */
    static final String GENERATION_ID = "{generationId}";

    final GatewayProfile profile;
    final Teams teams;
    final Catalog catalog;
    private final Pattern generationIdForm;
    private final Map<String, AtomicInteger> refusalsServed = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> generations = new ConcurrentHashMap<>();

    GatewayState(GatewayProfile profile, Teams teams, Catalog catalog) {
        this.profile = profile;
        this.teams = teams;
        this.catalog = catalog;
        this.generationIdForm = Pattern.compile(profile.generationId().pattern(), Pattern.CASE_INSENSITIVE);
    }

    /** A fresh generation id: the profile's prefix and a ULID. */
    String newGenerationId() {
        return profile.simulator().generationIdPrefix() + Ulid.next();
    }

    /** True when {@code id} has the form of a generation id (the profile's pattern, in either case). */
    boolean isGenerationId(String id) {
        return generationIdForm.matcher(id).matches();
    }

    /** The last event of an OpenAI-compatible stream, as sent ({@code data: } and the profile's terminator). */
    String streamEnd() {
        return "data: " + profile.stream().terminator() + "\n\n";
    }

    /** The team's first refusal that covers this kind of route, if it still applies. */
    Optional<ResponseDefinition> refusal(Team team, String kind) {
        return refusal(team, kind, null);
    }

    /**
     * The same, for a request that asked for {@code modelId}: "{model}" and "{provider}" in the body
     * become that model and its creator, as the gateway names them in a provider's failure.
     */
    Optional<ResponseDefinition> refusal(Team team, String kind, String modelId) {
        return refusal(team, kind, modelId, false);
    }

    /** The same, for a request that asked to be streamed or not. */
    Optional<ResponseDefinition> refusal(Team team, String kind, String modelId, boolean streaming) {
        for (int i = 0; i < team.refusals().size(); i++) {
            Refusal refusal = team.refusals().get(i);
            if (!refusal.on().contains(kind)
                    || refusal.models() != null && (modelId == null || !modelId.matches(refusal.models()))
                    || refusal.streaming() != null && refusal.streaming() != streaming) {
                continue;
            }
            if (refusal.times() != null
                    && refusalsServed.computeIfAbsent(team.name() + "#" + i, k -> new AtomicInteger()).incrementAndGet()
                    > refusal.times()) {
                continue;
            }
            ResponseDefinitionBuilder response = responseDefinition().withStatus(refusal.status());
            if (refusal.headers() != null) {
                refusal.headers().forEach(response::withHeader);
            }
            if (refusal.bodyFileName() != null) {
                response.withHeader("content-type", refusal.contentType() == null ? "text/html; charset=utf-8"
                        : refusal.contentType()).withBodyFile(refusal.bodyFileName());
            } else if (refusal.body() != null) {
                String body = refusal.body().toString().replace(GENERATION_ID, newGenerationId());
                if (modelId != null) {
                    body = body.replace("{model}", modelId).replace("{provider}", modelId.replaceFirst("/.*", ""));
                }
                response.withHeader("content-type", "application/json").withBody(body);
            }
            return Optional.of(response.build());
        }
        return Optional.empty();
    }

    /** Remembers a generation for {@code GET /v1/generation?id=}, keyed by its id. */
    void remember(String generationId, ObjectNode generation) {
        generations.put(generationId, generation);
    }

    Optional<ObjectNode> generation(String generationId) {
        return Optional.ofNullable(generations.get(generationId));
    }
}
