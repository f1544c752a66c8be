package dev.aigateway.contract.simulator;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.aigateway.contract.environment.OidcToken;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.simulator.Teams.Team;
import java.util.Map;
import java.util.Optional;

/**
 * The dynamic part of the simulated gateway, named {@value #NAME} in the stub mappings, whose
 * {@code transformerParameters.route} names the {@link SimulatedRoute} that serves it. Checks run in
 * the order observed on the real gateway: the key first (401; skipped where {@code public: true}),
 * then each route checks the request (400), the team's account and billing gates (its refusals in
 * {@code teams.yaml}) and the model (404) before it replies. A team's {@code delayMs} delays every
 * answer it gets. Errors, the 401 included, are written in the route's {@link ErrorEnvelope}
 * ({@code envelope: anthropic} on {@code /v1/messages}).
 */
public final class GatewayResponses implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "simulated-gateway";

    /**
     * The route name of a mapping that states its own answer (status, headers, body file): served as
     * mapped once the key is checked, as the gateway checks the key before the request. A refusal of
     * one kind of request is then data: a mapping file that matches it, and its body.
     */
    static final String AS_MAPPED = "as-mapped";

    private final GatewayState state;
    private final Map<String, SimulatedRoute> routes;

    /** Passes for the gateway of {@code profile} (which has a {@code simulator:} section), hosting {@code teams}. */
    public GatewayResponses(GatewayProfile profile, Teams teams) {
        this.state = new GatewayState(profile, teams, Catalog.load(profile));
        Providers providers = Providers.load();
        this.routes = Map.ofEntries(
                Map.entry("credits", new CreditsRoute()),
                Map.entry("team-answer", new TeamAnswerRoute()),
                Map.entry("templated-completion", new TemplatedCompletionRoute()),
                Map.entry("chat-completions", new ChatCompletionsRoute(providers)),
                Map.entry("model-entry", new ModelEntryRoute()),
                Map.entry("model-endpoints", new ModelEndpointsRoute()),
                Map.entry("embeddings", new EmbeddingsRoute()),
                Map.entry("messages", new MessagesRoute()),
                Map.entry("messages-count-tokens", new CountTokensRoute()),
                Map.entry("responses", new ResponsesRoute()),
                Map.entry("generation", new GenerationRoute()),
                Map.entry("available-models", new AvailableModelsRoute()),
                Map.entry("language-model", new LanguageModelRoute()),
                Map.entry("provider-anthropic-messages", new ProviderAnthropicMessagesRoute(providers)),
                Map.entry("provider-anthropic-chat-completions", new ProviderAnthropicChatCompletionsRoute(providers)));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        Parameters parameters = serveEvent.getTransformerParameters();
        String name = parameters.getString("route");
        SimulatedRoute route = AS_MAPPED.equals(name) ? call -> serveEvent.getResponseDefinition() : routes.get(name);
        if (route == null) {
            throw new IllegalArgumentException("no simulated route named " + name);
        }
        ErrorEnvelope envelope = ErrorEnvelope.named(parameters.getString("envelope", null));
        if (Boolean.TRUE.equals(parameters.getBoolean("public", false))) {
            return envelope.wrap(route.serve(new RouteCall(null, request, parameters, state)));
        }
        String key = apiKey(request, parameters);
        Optional<Team> team = state.teams.owning(key);
        if (team.isEmpty()) {
            String teamHeader = state.profile.headers().accessTokenTeam();
            team = state.teams.owningToken(key, teamHeader == null ? null : request.getHeader(teamHeader));
            Optional<OidcToken> oidc = OidcToken.parse(key);
            if (team.isPresent() && oidc.isPresent() && oidc.get().expiredAt(java.time.Instant.now())) {
                return envelope.wrap(Replies.error(401, "authentication_error", state.profile.simulator().oidcExpiredMessage()));
            }
        }
        GatewayProfile.Reply missingKey = reply(parameters, "missingKey", state.profile.simulator().missingKey());
        if (team.isEmpty() && missingKey != null && key == null) {
            return Replies.of(missingKey, null);
        }
        GatewayProfile.Reply unknownKey = reply(parameters, "unknownKey", state.profile.simulator().unknownKey());
        if (team.isEmpty() && unknownKey != null) {
            return Replies.of(unknownKey, null, key);
        }
        if (team.isEmpty()) {
            return envelope.wrap(Replies.error(401, "authentication_error", key == null
                    ? "Missing authentication. Provide an API key or OIDC token in the Authorization header."
                    : "Invalid API key or token."));
        }
        ResponseDefinition response = envelope.wrap(route.serve(new RouteCall(team.get(), request, parameters, state)));
        return team.get().delayMs() == null ? response
                : ResponseDefinitionBuilder.like(response).withFixedDelay(team.get().delayMs()).build();
    }

    /**
     * The mapping's own answer {@code name} ({@code missingKey}, {@code unknownKey}: {@code {status, body}}), where a
     * route answers in an envelope of its own (OpenRouter's Anthropic skin); else the profile's {@code otherwise}.
     */
    private static GatewayProfile.Reply reply(Parameters parameters, String name, GatewayProfile.Reply otherwise) {
        if (!parameters.containsKey(name)) {
            return otherwise;
        }
        return Replies.JSON.convertValue(parameters.get(name), GatewayProfile.Reply.class);
    }

    /** The bearer token, or on routes with {@code acceptsXApiKey: true} (Anthropic's), the {@code x-api-key} header. */
    private static String apiKey(Request request, Parameters parameters) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank()) {
            return authorization.substring(7).trim();
        }
        if (Boolean.TRUE.equals(parameters.getBoolean("acceptsXApiKey", false))) {
            String apiKey = request.getHeader("x-api-key");
            return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        }
        return null;
    }
}
