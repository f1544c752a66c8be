package dev.aigateway.contract.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.DataFiles;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.record.RunRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What one gateway is, as data ({@code gateways/<name>.yaml}): how its own answers are recognised,
 * its request-id header, its envelope, its routes, its stream, its catalog's prices, its free
 * credits, the key it never issues, its protocol headers, its links and the words a verdict's advice calls
 * its things by ({@code words}: each a fact a verdict's text names as {@code {name}}). The engine reads these and
 * names no gateway; {@code gateways/gateways.yaml} lists the profiles and the default one.
 */
public record GatewayProfile(
        String name,
        String title,
        Map<String, String> links,
        HeaderFact requestId,
        OwnAnswer ownAnswer,
        HeaderFact mitigatedHeader,
        GenerationId generationId,
        Envelope.Pointers envelope,
        List<RouteEntry> routes,
        KeyCheck keyCheck,
        PatternFact billablePathPattern,
        Stream stream,
        Catalog catalog,
        Credits credits,
        Keys keys,
        Headers headers,
        Answers answers,
        AccountId accountId,
        Map<String, String> words,
        DataPolicy dataPolicy,
        Simulator simulator) {

    private static final String FOLDER = "gateways/";
    private static final ObjectMapper MAPPER = Json.DATA;
    private static final Map<String, GatewayProfile> LOADED = new ConcurrentHashMap<>();

    /** Every fact says where it comes from: a public URL or a file of the repository, or that it is a guess. */
    public interface Sourced {
        String source();

        String guess();
    }

    /** A header the gateway puts on its answers. */
    public record HeaderFact(String header, String source, String guess) implements Sourced {}

    /** The gateway itself answered: {@code header} present and not blank, and a content type containing {@code contentType}. */
    public record OwnAnswer(String header, String contentType, String source, String guess) implements Sourced {}

    public record PatternFact(String pattern, String source, String guess) implements Sourced {
        public Pattern compiled() {
            return Pattern.compile(pattern);
        }
    }

    /**
     * The generation id: its form ({@code pattern}) and, when the gateway sends it as a header of its
     * own, that header ({@code header}, null when the id is only in the body).
     */
    public record GenerationId(String pattern, String header, String source, String guess) implements Sourced {
        public Pattern compiled() {
            return Pattern.compile(pattern);
        }
    }

    /** The route that checks the team's key without spending anything (its id in {@code routes}). */
    public record KeyCheck(String route, String source, String guess) implements Sourced {}

    /** One route the engine calls: {@code id} is the contract's name for it (an environment's {@code routes:}, a feature's tag). */
    public record RouteEntry(String id, String method, String path, boolean billable, String source, String guess)
            implements Sourced {}

    /**
     * A stream's last event ({@code terminator}), where a chunk keeps its text and its usage, and the
     * comment line the gateway may send to keep a slow stream alive ({@code comment}; not an event, null if none).
     */
    public record Stream(String terminator, String comment, String text, String usage, String source, String guess)
            implements Sourced {}

    /** Where the public catalog keeps its entries, an entry's id and its prices per token. */
    public record Catalog(String entries, String id, String inputPrice, String outputPrice, String source, String guess)
            implements Sourced {}

    /**
     * Where the balance is, and the free credits (US dollars) a balance above which was bought; the route that
     * reads it ({@code route}, {@code credits} when not set) and the schema of its answer ({@code schema},
     * {@code schemas/<schema>.json}, {@code credits} when not set).
     */
    public record Credits(String balance, BigDecimal freeUsd, String route, String schema, Budgets budgets, String source,
                          String guess) implements Sourced {

        public String balanceRoute() {
            return route == null ? "credits" : route;
        }

        public String answerSchema() {
            return schema == null ? "credits" : schema;
        }
    }

    /**
     * The budgets the balance's answer lists, each a layer that refuses the key once its remaining amount is
     * zero or less: where the list is ({@code entries}) and, in an entry, its name, remaining, limit, spent
     * amounts (US dollars), its reset interval and when it resets (JSON pointers). Null where answers list none.
     */
    public record Budgets(String entries, String name, String remaining, String limit, String spent, String interval,
                          String resets, String source, String guess) implements Sourced {}

    /**
     * The fields of a request that ask for a data policy (Zero Data Retention, no prompt training): each a JSON
     * pointer into the request's body, the text it must hold ({@code equals}), and the name a verdict quotes.
     */
    public record DataPolicy(List<PolicyField> fields, String source, String guess) implements Sourced {}

    public record PolicyField(String pointer, String equals, String name) {}

    /**
     * {@code notIssued}: obviously not a key the gateway issued; public, so shown in evidence as is.
     * {@code echoes}: JSON pointers of an answer's values that repeat part of the key (a prefix and a
     * suffix), redacted wherever an answer is recorded; none when not set. {@code requestHeaders}: the
     * headers of this gateway that carry a credential, and {@code selectors} those that choose how it is read;
     * an application's request file is sent without them (the environment's credential sets its own).
     */
    public record Keys(String notIssued, List<String> echoes, List<String> requestHeaders, List<String> selectors,
                       String source, String guess) implements Sourced {
        public Keys {
            echoes = echoes == null ? List.of() : echoes;
            requestHeaders = requestHeaders == null ? List.of() : requestHeaders;
            selectors = selectors == null ? List.of() : selectors;
        }
    }

    /**
     * Where the gateway's answers name the account ({@code pointers}): an id kept in the private bundle and
     * masked in the public one, as an environment's team id is. Null where answers name none.
     */
    public record AccountId(List<String> pointers, String source, String guess) implements Sourced {}

    public record NamedValue(String name, String value) {}

    /**
     * One of the gateway's own answers as the contract expects it: its status, the schema its body has
     * ({@code schemas/<schema>.json}), and the text at the JSON pointer {@code at} matching the regex {@code matches}.
     */
    public record Expected(int status, String schema, String at, String matches, String source, String guess)
            implements Sourced {}

    /**
     * The gateway's own answers the features check in its words: to a key it never issued, to a request
     * without a key, to a model that does not exist; and the schemas of its catalog and of a completion.
     */
    public record Answers(Expected unknownKey, Expected noKey, Expected unknownModel, String catalogSchema,
                          String completionSchema, String source, String guess) implements Sourced {}

    /** The AI SDK's protocol headers. */
    public record AiSdk(NamedValue protocolVersion, String authMethod, String specificationVersion, String modelId,
                        String streaming) {}

    /** The headers a request carries beside its credential. */
    public record Headers(String accessTokenTeam, NamedValue anthropicVersion, AiSdk aiSdk, String source, String guess)
            implements Sourced {}

    /**
     * What the embedded simulated gateway answers as, beside the facts above: its generation ids
     * ({@code generationIdPrefix} and a ULID) and the headers on every answer, in order, the request-id
     * header among them; in a value, {@code {alnum:N}}, {@code {hex:N}} and {@code {epochMs}} are drawn
     * afresh for each answer; where its data lives and the form of its keys; the answers it gives in the
     * gateway's words to no key, an unknown key and an unknown model. Null when the gateway is not simulated.
     */
    public record Simulator(String generationIdPrefix, Map<String, String> edgeHeaders, String root, String keyPrefix,
                            Reply missingKey, Reply unknownKey, Reply unknownModel, String source, String guess)
            implements Sourced {

        /**
         * The classpath folder of the simulator's data ({@code mappings/}, {@code __files/}, {@code teams.yaml},
         * {@code __files/models.json}): {@code root}, {@code simulator} when not set.
         */
        public String folder() {
            return root == null ? "simulator" : root;
        }

        /** A key {@code <keyPrefix><team>_<anything>} belongs to the simulated team; {@code vck_sim_} when not set. */
        public String teamKeyPrefix() {
            return keyPrefix == null ? "vck_sim_" : keyPrefix;
        }
    }

    /**
     * An answer the simulated gateway gives in the gateway's own words, where its profile sets one (null:
     * the simulator's built-in answer): a status and a JSON body, in which {@code {model}} is the model asked for.
     */
    public record Reply(int status, JsonNode body) {}

    /** The profile an environment without {@code gateway:} targets. */
    public static GatewayProfile standard() {
        return named(index().path("default").asText());
    }

    /** The profile of the gateway {@code run} checked, which its record names. */
    public static GatewayProfile of(RunRecord run) {
        return named(run.gateway());
    }

    /** The names of the profiles that exist. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        index().path("profiles").forEach(name -> names.add(name.asText()));
        return List.copyOf(names);
    }

    /** The default profile's name. */
    public static String defaultName() {
        return index().path("default").asText();
    }

    /** The profile {@code name}; an unknown name is refused with the names that exist. */
    public static GatewayProfile named(String name) {
        if (name == null || !names().contains(name)) {
            throw new IllegalArgumentException("unknown gateway \"" + name + "\". Gateways that exist: "
                    + String.join(", ", names()) + ".");
        }
        return LOADED.computeIfAbsent(name, GatewayProfile::load);
    }

    private static JsonNode index() {
        return DataFiles.read(FOLDER + "gateways.yaml");
    }

    private static GatewayProfile load(String name) {
        String resource = FOLDER + name + ".yaml";
        GatewayProfile profile;
        try {
            profile = MAPPER.treeToValue(DataFiles.read(resource), GatewayProfile.class);
        } catch (Exception e) {
            throw new IllegalStateException(resource + " is not a gateway profile: " + e.getMessage(), e);
        }
        profile.check(resource);
        return profile;
    }

    /** Every fact present and sourced, every route sourced; a profile that is not is a packaging error. */
    void check(String resource) {
        if (!name().equals(resource.substring(FOLDER.length(), resource.length() - ".yaml".length()))) {
            throw new IllegalStateException(resource + ": name " + name() + " is not the file's");
        }
        List<Sourced> facts = new ArrayList<>(List.of(requestId, ownAnswer, mitigatedHeader, generationId, envelope,
                keyCheck, billablePathPattern, stream, catalog, credits, keys, headers, answers,
                answers.unknownKey(), answers.noKey(), answers.unknownModel()));
        facts.addAll(routes);
        if (simulator != null) {
            facts.add(simulator);
        }
        if (accountId != null) {
            facts.add(accountId);
        }
        if (credits.budgets() != null) {
            facts.add(credits.budgets());
        }
        if (dataPolicy != null) {
            facts.add(dataPolicy);
        }
        if (words != null && isBlank(words.get("source")) && isBlank(words.get("guess"))) {
            throw new IllegalStateException(resource + ": words says neither source: nor guess:");
        }
        if (links != null && isBlank(links.get("source")) && isBlank(links.get("guess"))) {
            throw new IllegalStateException(resource + ": links says neither source: nor guess:");
        }
        for (Sourced fact : facts) {
            if (isBlank(fact.source()) && isBlank(fact.guess())) {
                throw new IllegalStateException(resource + ": " + fact + " says neither source: nor guess:");
            }
        }
        if (route(keyCheck.route()).isEmpty()) {
            throw new IllegalStateException(resource + ": keyCheck names route " + keyCheck.route() + ", which routes lack");
        }
        if (simulator != null) {
            checkSimulator(resource);
        }
    }

    /** The simulated gateway's ids match the generation-id pattern, and its answers carry the request-id header. */
    private void checkSimulator(String resource) {
        if (!generationId.compiled().matcher(simulator.generationIdPrefix() + "0".repeat(26)).matches()) {
            throw new IllegalStateException(resource + ": simulator generationIdPrefix " + simulator.generationIdPrefix()
                    + " and a ULID do not match generationId " + generationId.pattern());
        }
        if (simulator.edgeHeaders() == null || !simulator.edgeHeaders().containsKey(requestId.header())) {
            throw new IllegalStateException(resource + ": simulator edgeHeaders lack the request-id header "
                    + requestId.header());
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The route {@code id}, if this gateway has it. */
    public Optional<RouteEntry> route(String id) {
        return routes.stream().filter(route -> route.id().equals(id)).findFirst();
    }

    /** The path of route {@code id}; a route this gateway does not have is a programming error. */
    public String path(String id) {
        return route(id).map(RouteEntry::path)
                .orElseThrow(() -> new IllegalStateException(title + " has no route " + id));
    }

    /** The route {@code path} (without its query) is, if any ("/v1/messages" is messages). */
    public Optional<RouteEntry> routeServing(String path) {
        return routes.stream().filter(route -> route.path().equals(path)).findFirst();
    }

    /** True when a {@code method} request to {@code path} (without its query) is inference the gateway may charge for. */
    public boolean billable(String method, String path) {
        return routes.stream().anyMatch(route -> route.billable() && route.method().equals(method) && route.path().equals(path))
                || "POST".equals(method) && billablePathPattern.compiled().matcher(path).matches();
    }

    /** The route that checks the team's key without spending anything. */
    public RouteEntry keyCheckRoute() {
        return route(keyCheck.route()).orElseThrow();
    }

    /** {@code answer} (parsed; a missing node when it is not JSON) as this gateway's envelope. */
    public Envelope envelopeOf(JsonNode answer) {
        return Envelope.of(envelope, answer);
    }

    /**
     * The generation id of an answer: the profile's generation-id header when it carries one of the
     * id's form ({@code headers} by any case of the name), else the first id its body names; or null.
     */
    public String generationIdOf(Map<String, String> headers, String body) {
        if (generationId.header() != null && headers != null) {
            String sent = headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(generationId.header()))
                    .map(Map.Entry::getValue).findFirst().orElse("");
            if (generationId.compiled().matcher(sent.strip()).matches()) {
                return sent.strip();
            }
        }
        return generationIdIn(body);
    }

    /** The generation id an answer names, or null. */
    public String generationIdIn(String body) {
        if (body == null) {
            return null;
        }
        java.util.regex.Matcher matcher = generationId.compiled().matcher(body);
        return matcher.find() ? matcher.group() : null;
    }

    /** The account ids {@code answers} (bodies, as recorded) name where the profile's {@code accountId} says; none without one. */
    public List<String> accountIdsIn(List<String> answers) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        if (accountId != null) {
            for (String answer : answers) {
                JsonNode json = json(answer);
                accountId.pointers().forEach(pointer -> {
                    if (json.at(pointer).isTextual() && !json.at(pointer).asText().isBlank()) {
                        ids.add(json.at(pointer).asText());
                    }
                });
            }
        }
        return List.copyOf(ids);
    }

    /** {@code body} with each value at the profile's {@code keys.echoes} pointers (part of the key) replaced by a placeholder. */
    public String withoutKeyEchoes(String body) {
        if (keys.echoes() == null || body == null) {
            return body;
        }
        JsonNode json = json(body);
        String redacted = body;
        for (String pointer : keys.echoes()) {
            if (json.at(pointer).isTextual() && !json.at(pointer).asText().isEmpty()) {
                redacted = redacted.replace(json.at(pointer).asText(), "[redacted: part of the key]");
            }
        }
        return redacted;
    }

    private static JsonNode json(String text) {
        try {
            return text == null || !text.strip().startsWith("{") ? MAPPER.missingNode() : MAPPER.readTree(text);
        } catch (Exception notJson) {
            return MAPPER.missingNode();
        }
    }
}
