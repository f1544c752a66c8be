package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.DataFiles;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The simulated teams of {@code simulator/teams.yaml}, and which team a key belongs to. */
public final class Teams {

    public static final String RESOURCE = "simulator/teams.yaml";

    /** One state of an account, and where that state comes from ({@code source}: a URL, a capture, or "guess: why"). */
    public record Team(String name, String teamId, Credits credits, Integer delayMs, List<Refusal> refusals,
                       String source, String keyPrefix, Map<String, JsonNode> answers) {

        /** The team's demo key, as the environments use it. */
        public String demoKey() {
            return keyPrefix + name + "_demo";
        }

        /** What the team's account answers with 200 on a route that serves a record of it ({@code answers:}), if it has one. */
        public Optional<JsonNode> answer(String name) {
            return Optional.ofNullable(answers.get(name));
        }
    }

    public record Credits(String balance, String totalUsed) {}

    /**
     * What the gateway answers instead of serving a route kind: {@code on} lists route kinds
     * ({@code credits}, {@code generation}, {@code config}, {@code inference}); {@code models}, when set,
     * is a regex of the model ids it applies to, {@code streaming} to streamed requests only (true) or
     * unstreamed ones (false); {@code times}, when set, limits it to the first requests of a run.
     */
    public record Refusal(List<String> on, String models, Boolean streaming, int status, JsonNode body, Map<String, String> headers,
                          String contentType, String bodyFileName, Integer times) {}

    private final Map<String, Team> teams;
    private final Pattern simulatedKey;

    private Teams(Map<String, Team> teams, String keyPrefix) {
        this.teams = teams;
        this.simulatedKey = Pattern.compile("^" + Pattern.quote(keyPrefix) + "([a-z0-9-]+)_.+$");
    }

    /** The teams of the default gateway's simulator. */
    public static Teams load() {
        return load(GatewayProfile.standard());
    }

    /** The teams of {@code profile}'s simulator: {@code teams.yaml} in its data folder, keys of its prefix. */
    public static Teams load(GatewayProfile profile) {
        return load(profile.simulator().folder() + "/teams.yaml", profile.simulator().teamKeyPrefix());
    }

    private static Teams load(String resource, String keyPrefix) {
        Map<String, Team> teams = new LinkedHashMap<>();
        DataFiles.read(resource).fields().forEachRemaining(entry -> {
            JsonNode team = entry.getValue();
            Credits credits = Json.DATA.convertValue(team.path("credits"), Credits.class);
            List<Refusal> refusals = team.has("refusals")
                    ? List.of(Json.DATA.convertValue(team.get("refusals"), Refusal[].class))
                    : List.of();
            Integer delayMs = team.has("delayMs") ? team.get("delayMs").asInt() : null;
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            team.path("answers").fields().forEachRemaining(answer -> answers.put(answer.getKey(), answer.getValue()));
            teams.put(entry.getKey(), new Team(entry.getKey(), team.path("teamId").asText(), credits, delayMs, refusals,
                    team.path("source").asText(""), keyPrefix, Map.copyOf(answers)));
        });
        return new Teams(teams, keyPrefix);
    }

    public List<Team> all() {
        return List.copyOf(teams.values());
    }

    public Optional<Team> named(String name) {
        return Optional.ofNullable(teams.get(name));
    }

    private static final Pattern ACCESS_TOKEN = Pattern.compile("^vc[ap]_sim_.+$");

    /**
     * The team a credential other than an AI Gateway key belongs to: a Vercel OIDC token (a JWT) whose
     * {@code owner} claim names the team (its expiry is checked by the caller), or a simulated Vercel
     * access token ({@code vca_sim_...}, {@code vcp_sim_...}) with the access-token team header
     * ({@code headers.accessTokenTeam} of the gateway's profile) naming the team by name or id.
     */
    public Optional<Team> owningToken(String token, String teamHeader) {
        if (token == null) {
            return Optional.empty();
        }
        if (ACCESS_TOKEN.matcher(token).matches()) {
            return teamHeader == null ? Optional.empty() : teams.values().stream()
                    .filter(team -> team.name().equals(teamHeader.trim()) || team.teamId().equals(teamHeader.trim()))
                    .findFirst();
        }
        return dev.aigateway.contract.environment.OidcToken.parse(token).flatMap(jwt -> named(jwt.claim("owner")));
    }

    /** The team a bearer key belongs to; empty for any key the simulated gateway never issued. */
    public Optional<Team> owning(String apiKey) {
        if (apiKey == null) {
            return Optional.empty();
        }
        Matcher matcher = simulatedKey.matcher(apiKey);
        return matcher.matches() ? named(matcher.group(1)) : Optional.empty();
    }
}
