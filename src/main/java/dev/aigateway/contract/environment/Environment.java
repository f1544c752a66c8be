package dev.aigateway.contract.environment;

import dev.aigateway.contract.gateway.GatewayProfile;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One target of a contract run, as read from {@code environments/<name>.yaml} with every
 * {@code ${VAR}} resolved. {@link #baseUrl()} is empty when the run targets the embedded simulator:
 * the simulator's own URL is only known once it listens. {@link #webhookUrl()} ({@code notify.webhookUrl})
 * is where a change of verdict is announced, a secret; null when none is set. {@link #requests()}
 * ({@code requests:}) are the application's own request files, relative to the project root, each
 * {@code FILE} or {@code FILE#N}; empty when none is listed. {@link #headers()} ({@code headers:}) are sent on
 * every request to the gateway, in the file's order, beside the credential and protocol headers; empty when none.
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
        List<Route> routes,
        Auth auth,
        String webhookUrl,
        Limits limits,
        String gateway,
        List<String> requests,
        RequestSettings request,
        Map<String, String> headers) {

    public Environment {
        requests = requests == null ? List.of() : List.copyOf(requests);
        request = request == null ? RequestSettings.DEFAULT : request;
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }

    /** A new environment, every component named (see {@link Builder}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this environment, to change some of its components. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * How the application's own request is examined when the gateway refuses it ({@code request:}):
     * at most {@code maxVariants} extra requests, each changing one thing, find what the refusal follows.
     */
    public record RequestSettings(int maxVariants) {
        public static final int DEFAULT_MAX_VARIANTS = 8;
        public static final RequestSettings DEFAULT = new RequestSettings(DEFAULT_MAX_VARIANTS);
    }

    /**
     * How {@code apiKey} authenticates (src/site/markdown/environments.md, {@code auth.kind}):
     * {@code api-key} (an AI Gateway key),
     * {@code oidc} (a Vercel OIDC token: sent with {@code ai-gateway-auth-method: oidc}, its expiry read
     * locally into {@code expiresAt}) or {@code access-token} (a Vercel access token, sent with
     * the gateway profile's team header: team); the headers themselves are built with the request's others,
     * in {@code http.RequestHeaders}.
     */
    public record Auth(String kind, String team, java.time.Instant expiresAt) {

        public static final List<String> KINDS = List.of("api-key", "oidc", "access-token");
        public static final Auth API_KEY = new Auth("api-key", null, null);

        /** True when the credential is a token whose expiry has passed at {@code now}. */
        public boolean expired(java.time.Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    /** The model and token budget of every billable call; the model of the embeddings route's one call. */
    public record Probe(String model, int maxTokens, String embeddingModel) {

        /** The model the contract asks for to see the gateway refuse a model that does not exist. */
        public static final String MODEL_THAT_DOES_NOT_EXIST = "contract-probe/no-such-model";
    }

    /**
     * What the run reads of one answer: at most {@code answerBytes} of its body, decoded; the rest is
     * discarded, and an encoded answer that inflates past it is a decompression bomb.
     */
    public record Limits(long answerBytes) {
        public static final long DEFAULT_ANSWER_BYTES = 4L * 1024 * 1024;
        public static final Limits DEFAULT = new Limits(DEFAULT_ANSWER_BYTES);
    }

    /** HTTP timeouts of each request, and the deadline of the whole run. */
    public record Timeouts(int connectMs, int readMs, int runSeconds) {}

    /**
     * Present when the run targets the embedded simulated gateway; {@code team} is the simulated team,
     * {@code latencyMs} what it waits before every answer (0 unless the file sets it).
     */
    public record Simulator(String team, int latencyMs) {}

    /**
     * Bring-your-own-key: the team's own provider keys by provider slug, the model a BYOK request
     * asks for, and whether to check the key directly against the provider as well ({@code verifyDirect},
     * with the provider's own id of the model, {@code directModel}, at {@code directBaseUrl}: null for
     * the provider's own API).
     */
    public record Byok(Map<String, String> keys, String model, boolean verifyDirect, String directModel,
                       String directBaseUrl) {

        public Byok(Map<String, String> keys, String model, boolean verifyDirect, String directModel) {
            this(keys, model, verifyDirect, directModel, null);
        }

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

    /** The profile of the gateway this environment targets ({@code gateway:}, the default one when absent). */
    public GatewayProfile profile() {
        return GatewayProfile.named(gateway == null ? GatewayProfile.defaultName() : gateway);
    }

    public boolean usesSimulator() {
        return simulator != null;
    }

    /** The same environment pointed at a gateway that listens at {@code url}. */
    public Environment targeting(String url) {
        return toBuilder().baseUrl(url).build();
    }

    public String host() {
        URI uri = URI.create(baseUrl);
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    /**
     * Builds an environment by naming its components. A new one starts where a file that leaves a field out
     * starts: no expected models, secrets, requests or headers, the default routes, auth, limits, request
     * settings and gateway; every other component null or false. {@link #toBuilder()} starts from an environment.
     * The one place that calls the canonical constructor, so a new component is one edit here.
     */
    public static final class Builder {
        private String name;
        private String description;
        private String baseUrl;
        private String teamId;
        private String apiKey;
        private boolean funded;
        private List<String> expectedModels = List.of();
        private Probe probe;
        private boolean allowBillable;
        private Timeouts timeouts;
        private Simulator simulator;
        private Byok byok;
        private BigDecimal maxSpendUsd;
        private List<Secret> secrets = List.of();
        private List<Route> routes = Route.DEFAULT;
        private Auth auth = Auth.API_KEY;
        private String webhookUrl;
        private Limits limits = Limits.DEFAULT;
        private String gateway = GatewayProfile.defaultName();
        private List<String> requests = List.of();
        private RequestSettings request = RequestSettings.DEFAULT;
        private Map<String, String> headers = Map.of();

        private Builder() {}

        private Builder(Environment environment) {
            name = environment.name;
            description = environment.description;
            baseUrl = environment.baseUrl;
            teamId = environment.teamId;
            apiKey = environment.apiKey;
            funded = environment.funded;
            expectedModels = environment.expectedModels;
            probe = environment.probe;
            allowBillable = environment.allowBillable;
            timeouts = environment.timeouts;
            simulator = environment.simulator;
            byok = environment.byok;
            maxSpendUsd = environment.maxSpendUsd;
            secrets = environment.secrets;
            routes = environment.routes;
            auth = environment.auth;
            webhookUrl = environment.webhookUrl;
            limits = environment.limits;
            gateway = environment.gateway;
            requests = environment.requests;
            request = environment.request;
            headers = environment.headers;
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder baseUrl(String baseUrl) { this.baseUrl = baseUrl; return this; }
        public Builder teamId(String teamId) { this.teamId = teamId; return this; }
        public Builder apiKey(String apiKey) { this.apiKey = apiKey; return this; }
        public Builder funded(boolean funded) { this.funded = funded; return this; }
        public Builder expectedModels(List<String> expectedModels) { this.expectedModels = expectedModels; return this; }
        public Builder probe(Probe probe) { this.probe = probe; return this; }
        public Builder allowBillable(boolean allowBillable) { this.allowBillable = allowBillable; return this; }
        public Builder timeouts(Timeouts timeouts) { this.timeouts = timeouts; return this; }
        public Builder simulator(Simulator simulator) { this.simulator = simulator; return this; }
        public Builder byok(Byok byok) { this.byok = byok; return this; }
        public Builder maxSpendUsd(BigDecimal maxSpendUsd) { this.maxSpendUsd = maxSpendUsd; return this; }
        public Builder secrets(List<Secret> secrets) { this.secrets = secrets; return this; }
        public Builder routes(List<Route> routes) { this.routes = routes; return this; }
        public Builder auth(Auth auth) { this.auth = auth; return this; }
        public Builder webhookUrl(String webhookUrl) { this.webhookUrl = webhookUrl; return this; }
        public Builder limits(Limits limits) { this.limits = limits; return this; }
        public Builder gateway(String gateway) { this.gateway = gateway; return this; }
        public Builder requests(List<String> requests) { this.requests = requests; return this; }
        public Builder request(RequestSettings request) { this.request = request; return this; }
        public Builder headers(Map<String, String> headers) { this.headers = headers; return this; }

        public Environment build() {
            return new Environment(name, description, baseUrl, teamId, apiKey, funded, expectedModels, probe, allowBillable,
                    timeouts, simulator, byok, maxSpendUsd, secrets, routes, auth, webhookUrl, limits, gateway, requests,
                    request, headers);
        }
    }
}
