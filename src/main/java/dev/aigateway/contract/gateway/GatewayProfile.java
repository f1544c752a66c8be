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
        List<OtherPath> otherPaths,
        KeyCheck keyCheck,
        PatternFact billablePathPattern,
        Stream stream,
        Map<String, Cost> cost,
        Catalog catalog,
        Credits credits,
        Keys keys,
        Headers headers,
        Answers answers,
        AccountId accountId,
        Map<String, String> words,
        DataPolicy dataPolicy,
        Simulator simulator,
        ErrorFields errorFields,
        KeyHeaders credential,
        Oidc oidc,
        Byok byok) {

    private static final String FOLDER = "gateways/";
    private static final ObjectMapper MAPPER = Json.DATA;
    private static final Map<String, GatewayProfile> LOADED = new ConcurrentHashMap<>();
    /** What a section the profile leaves out says instead of a source: the engine's default stands for it. */
    static final String DEFAULTED = "not in the profile: the engine's default for a gateway without it";
    /** A pattern no text matches: a gateway without such ids or paths. */
    private static final String NOTHING = "(?!)";

    /**
     * The sections a profile may leave out (see {@code gateways/gateway.schema.json}'s required ones) take the
     * engine's defaults: no firewall header, no generation id, no billable path beyond the routes, a catalog of
     * OpenAI's shape without prices, no balance, no protocol headers, the key as {@code Authorization: Bearer}.
     */
    public GatewayProfile {
        mitigatedHeader = mitigatedHeader == null ? new HeaderFact(null, null, DEFAULTED) : mitigatedHeader;
        generationId = generationId == null ? new GenerationId(NOTHING, null, null, DEFAULTED) : generationId;
        billablePathPattern = billablePathPattern == null ? new PatternFact(NOTHING, null, DEFAULTED) : billablePathPattern;
        catalog = catalog == null ? new Catalog("/data", "/id", null, null, false, null, null, DEFAULTED) : catalog;
        credits = credits == null ? new Credits(null, null, BigDecimal.ZERO, null, null, null, null, DEFAULTED) : credits;
        headers = headers == null ? new Headers(null, null, null, null, DEFAULTED) : headers;
        credential = credential == null ? KeyHeaders.BEARER : credential;
    }

    /** Every fact says where it comes from: a public URL or a file of the repository, or that it is a guess. */
    public interface Sourced {
        String source();

        String guess();
    }

    /** A header the gateway puts on its answers. */
    public record HeaderFact(String header, String source, String guess) implements Sourced {}

    /**
     * The gateway itself answered: {@code header} present and not blank, a content type containing {@code contentType},
     * and, where {@code at} is set, the text at that JSON pointer of the body matching {@code matches} in full (a
     * gateway that tells its own answers by a body field).
     */
    public record OwnAnswer(String header, String contentType, String at, String matches, String source, String guess)
            implements Sourced {
        public OwnAnswer {
            contentType = contentType == null ? "" : contentType;
        }

        /** True when {@code body} says the answer is the gateway's own: always, for a profile that tells them by headers alone. */
        public boolean bodySays(String body) {
            if (at == null) {
                return true;
            }
            JsonNode value = json(body).at(at);
            return value.isValueNode() && !value.isNull() && value.asText().matches(matches == null ? ".+" : matches);
        }
    }

    /**
     * How a request carries the key: each header's {@code name} and {@code value}, {@code {key}} in it standing for
     * the key ({@code Authorization: Bearer {key}}). The redactor blanks these headers by name wherever it writes one.
     */
    public record KeyHeaders(List<NamedValue> headers, String source, String guess) implements Sourced {
        static final KeyHeaders BEARER = new KeyHeaders(List.of(new NamedValue("Authorization", "Bearer {key}")),
                "https://www.rfc-editor.org/rfc/rfc6750 (the Bearer scheme)", DEFAULTED);

        /** The headers that carry {@code key}, in order. */
        public List<NamedValue> carrying(String key) {
            return headers.stream().map(header -> new NamedValue(header.name(), header.value().replace("{key}", key))).toList();
        }

        /** The names of the headers that carry the key. */
        public List<String> names() {
            return headers.stream().map(NamedValue::name).toList();
        }
    }

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

    /**
     * A path an application's request may call beyond {@code routes}, which the contract does not check:
     * {@code path} a regular expression over the whole path, {@code id} its name (the groups of {@code path}
     * as {@code $1}, {@code $2}), {@code billable} whether calling it runs a model the gateway may charge for.
     */
    public record OtherPath(String id, String path, boolean billable, String source, String guess) implements Sourced {

        /** This path's name for {@code path}, or empty when it is not this one. */
        public Optional<String> idOf(String path) {
            java.util.regex.Matcher matcher = Pattern.compile(this.path).matcher(path);
            return matcher.matches() ? Optional.of(matcher.replaceFirst(id)) : Optional.empty();
        }
    }

    /** One route the engine calls: {@code id} is the contract's name for it (an environment's {@code routes:}, a feature's tag). */
    public record RouteEntry(String id, String method, String path, boolean billable, String source, String guess)
            implements Sourced {}

    /**
     * A stream's last event ({@code terminator}), where a chunk keeps its text, and the comment line the
     * gateway may send to keep a slow stream alive ({@code comment}; not an event, null if none).
     */
    public record Stream(String terminator, String comment, String text, List<StreamEnd> ends, String source, String guess)
            implements Sourced {

        /** How a whole stream on route {@code routeId} ends: its own last event, else the profile's terminator. */
        public Optional<StreamEnd> endOf(String routeId) {
            return ends == null ? Optional.empty() : ends.stream().filter(end -> end.route().equals(routeId)).findFirst();
        }
    }

    /**
     * The last event of a whole stream on {@code route}, where it is not the terminator: an event named
     * {@code event}, or one whose data's {@code at} matches {@code matches} in full.
     */
    public record StreamEnd(String route, String event, String at, String matches, String source, String guess)
            implements Sourced {

        /** True when the event {@code name} with {@code data} ends a whole stream. */
        public boolean endsWith(String name, JsonNode data) {
            if (event != null && event.equals(name)) {
                return true;
            }
            return at != null && matches != null && data.at(at).isTextual() && data.at(at).asText().matches(matches);
        }

        /** The end, in a few words, as a finding quotes it. */
        public String named() {
            return event != null ? "event: " + event : at + " " + matches;
        }
    }

    /**
     * Where a billable route's answer keeps what it cost (US dollars) and how many tokens it used: in a JSON
     * answer ({@code answer}), in the events of a streamed one ({@code stream}), or in a response header
     * ({@code header}, the cost only). The profile's {@code cost:} names one per billable route id, and
     * {@code billablePathPattern} for the inference paths no route lists.
     */
    public record Cost(Reading answer, StreamReading stream, String header, String source, String guess)
            implements Sourced {}

    /**
     * In a JSON object: the cost at the first of {@code usd} that holds a number (or a decimal string), and the
     * tokens, the sum of the numbers at {@code tokens} (input and output apart, or one total).
     */
    public record Reading(List<String> usd, List<String> tokens) {
        public Reading {
            usd = usd == null ? List.of() : usd;
            tokens = tokens == null ? List.of() : tokens;
        }
    }

    /**
     * In a stream: the events named {@code event} (its {@code event:} line; every event when not set) are each
     * read as {@link Reading}, and the last one whose cost is there counts.
     */
    public record StreamReading(String event, List<String> usd, List<String> tokens) {
        public StreamReading {
            usd = usd == null ? List.of() : usd;
            tokens = tokens == null ? List.of() : tokens;
        }

        public Reading reading() {
            return new Reading(usd, tokens);
        }
    }

    /**
     * Where the catalog keeps its entries, an entry's id and its prices per token (null: the catalog carries no
     * prices), whether reading it needs the key ({@code needsKey}; false, a public catalog, when not set), and
     * {@code otherModel}, which of its entries a refused probe is tried on once more (null: none).
     */
    public record Catalog(String entries, String id, String inputPrice, String outputPrice, Boolean needsKey,
                          OtherModel otherModel, String source, String guess) implements Sourced {
        public Catalog {
            needsKey = needsKey != null && needsKey;
        }

        /** True when the catalog lists prices where {@code inputPrice} and {@code outputPrice} say. */
        public boolean priced() {
            return inputPrice != null && outputPrice != null;
        }

        /** True when only a valid key may read the catalog. */
        public boolean keyed() {
            return Boolean.TRUE.equals(needsKey);
        }
    }

    /**
     * The routes whose refused probe is tried once more on another model of the catalog, each route's id with the
     * kind of model it takes: a regular expression, in full, over what an entry reads at {@code kind} (a JSON pointer).
     * The models are the catalog's, or, with {@code route}, those the answer of that route lists (read with the team's
     * key), an entry's id and prices then at {@code entries}, {@code id}, {@code inputPrice} and {@code outputPrice}
     * (none: unpriced). {@code none} says why the gateway has no list of its own to choose another model from: then no
     * route is tried.
     */
    public record OtherModel(String route, String entries, String id, String kind, String inputPrice, String outputPrice,
                             Map<String, String> routes, String none, String source, String guess) implements Sourced {

        /** The kind of model the route {@code routeId} takes (a regular expression), or empty when it is not tried. */
        public Optional<String> kindOf(String routeId) {
            return Optional.ofNullable(routes == null || none != null ? null : routes.get(routeId));
        }

        /** Where the models to choose from are listed: {@code catalog} itself, or the answer of {@link #route}. */
        public Catalog listing(Catalog catalog) {
            return route == null ? catalog
                    : new Catalog(entries == null ? "/data" : entries, id == null ? "/id" : id, inputPrice, outputPrice, true, this, source, guess);
        }
    }

    /**
     * Where the balance is, and the free credits (US dollars) a balance above which was bought; the route that
     * reads it ({@code route}, {@code credits} when not set) and the schema of its answer ({@code schema},
     * {@code schemas/<schema>.json}, {@code credits} when not set). Where the answer keeps a limit and what was
     * spent of it, not what is left, {@code balance} points at the limit and {@code spent} at the amount spent.
     */
    public record Credits(String balance, String spent, BigDecimal freeUsd, String route, String schema, Budgets budgets,
                          String source, String guess) implements Sourced {

        /**
         * The balance {@code answer} holds: the value at {@code balance}, or, where {@code spent} is set, that limit
         * less the number at {@code spent} (a number; null when the limit is null, as for a key without one); a
         * missing node for a gateway that reports no balance.
         */
        public JsonNode balanceIn(JsonNode answer) {
            if (balance == null) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            JsonNode limit = answer.at(balance);
            JsonNode used = spent == null ? null : answer.at(spent);
            if (used == null || !limit.isNumber()) {
                return limit;
            }
            return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(
                    limit.decimalValue().subtract(used.isNumber() ? used.decimalValue() : BigDecimal.ZERO));
        }

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
     * Fields of the error envelope the diagnosis reads as facts of their own, beside type and message: each
     * {@link #NAMES name} with its JSON pointers, tried in order (a list joined with ", ", a boolean or a number as
     * its text); a name the profile leaves out is "" for every answer.
     */
    public record ErrorFields(Map<String, List<String>> pointers, String source, String guess) implements Sourced {
        /**
         * moderationReasons: why a moderation flagged the input; flaggedInput: the text it flagged; byokAttempt: true
         * when the failed attempt used the account's own provider key; availableProviders and requestedProviders: the
         * providers that serve the model and those the account's or the request's provider settings allow;
         * availabilityCode: why the model cannot be served (withdrawn, no endpoints, filtered), excludedBy: the routing
         * filters that removed its last endpoints, fallbackModels: the models the gateway suggests instead.
         */
        public static final List<String> NAMES = List.of("moderationReasons", "flaggedInput", "byokAttempt",
                "availableProviders", "requestedProviders", "availabilityCode", "excludedBy", "fallbackModels");

        /** The value of field {@code name} in {@code answer}, or "". */
        public String read(String name, JsonNode answer) {
            for (String pointer : pointers == null ? List.<String>of() : pointers.getOrDefault(name, List.of())) {
                JsonNode value = answer.at(pointer);
                if (value.isArray()) {
                    List<String> items = new ArrayList<>();
                    value.forEach(item -> items.add(item.asText()));
                    return String.join(", ", items);
                }
                if (value.isValueNode() && !value.isNull()) {
                    return value.asText();
                }
            }
            return "";
        }
    }

    /**
     * {@code notIssued}: obviously not a key the gateway issued; public, so shown in evidence as is.
     * {@code echoes}: JSON pointers of an answer's values that repeat part of the key (a prefix and a
     * suffix), redacted wherever an answer is recorded; none when not set. {@code requestHeaders}: the
     * headers of this gateway that carry a credential, and {@code selectors} those that choose how it is read;
     * an application's request file is sent without them (the environment's credential sets its own).
     * {@code forms}: forms of the key the gateway's answers may quote, each a secret of its own, redacted and
     * scanned for as the key is ({@link #FORMS}: {@code sha256-hex}, the SHA-256 of the key in lower-case hex).
     */
    public record Keys(String notIssued, List<String> echoes, List<String> requestHeaders, List<String> selectors,
                       List<String> forms, String source, String guess) implements Sourced {
        /** The forms of a key a profile may name. */
        public static final List<String> FORMS = List.of("sha256-hex");

        public Keys {
            echoes = echoes == null ? List.of() : echoes;
            requestHeaders = requestHeaders == null ? List.of() : requestHeaders;
            selectors = selectors == null ? List.of() : selectors;
            forms = forms == null ? List.of() : forms;
        }

        /** Each of {@code forms} of {@code key}, by its name. */
        public Map<String, String> formsOf(String key) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (String form : forms) {
                if (form.equals("sha256-hex")) {
                    try {
                        values.put(form, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                    } catch (java.security.NoSuchAlgorithmException everyJvmHasIt) {
                        throw new IllegalStateException(everyJvmHasIt);
                    }
                }
            }
            return values;
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
     * without a key, to a model that does not exist; and the schemas of its catalog and of a completion, and of a
     * message, a response and embeddings where the gateway's differ from the shared ones ({@code anthropic-message},
     * {@code response}, {@code embeddings} when not set).
     */
    public record Answers(Expected unknownKey, Expected noKey, Expected unknownModel, String catalogSchema,
                          String completionSchema, String messageSchema, String responseSchema, String embeddingsSchema,
                          String source, String guess) implements Sourced {

        @Override
        public String messageSchema() {
            return messageSchema == null ? "anthropic-message" : messageSchema;
        }

        @Override
        public String responseSchema() {
            return responseSchema == null ? "response" : responseSchema;
        }

        @Override
        public String embeddingsSchema() {
            return embeddingsSchema == null ? "embeddings" : embeddingsSchema;
        }
    }

    /**
     * An OIDC token the gateway takes in place of a key ({@code auth: {kind: oidc}} in an environment): what its
     * docs call it ({@code token}, "an X OIDC token") and the command that fetches a fresh one ({@code refresh}).
     * Null for a gateway that takes none.
     */
    public record Oidc(String token, String refresh, String source, String guess) implements Sourced {}

    /**
     * A provider key a request carries itself (BYOK per request): the JSON pointer of the object that lists, by
     * provider, the credentials to try ({@code keys}: {@code {"anthropic":[{"apiKey":"..."}]}}), and of the list of
     * providers the request may be served by ({@code only}). Null for a gateway whose requests carry none.
     */
    public record Byok(String keys, String only, String source, String guess) implements Sourced {}

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
     * gateway's words to no key, an unknown key and an unknown model; and, for a catalog that lists no prices, what
     * each model costs ({@code prices}, by model id, US dollars per token). Null when the gateway is not simulated.
     */
    public record Simulator(String generationIdPrefix, Map<String, String> edgeHeaders, String root, String keyPrefix,
                            Reply missingKey, Reply unknownKey, Reply unknownModel, String oidcExpired,
                            Map<String, Price> prices, String source, String guess) implements Sourced {

        /** A model's price per token, in and out (US dollars). */
        public record Price(BigDecimal input, BigDecimal output) {}

        /** The message of its 401 to an expired OIDC token ({@code oidcExpired}); a plain one when not set. */
        public String oidcExpiredMessage() {
            return oidcExpired == null ? "The OIDC token has expired." : oidcExpired;
        }

        /**
         * The classpath folder of the simulator's data ({@code mappings/}, {@code __files/}, {@code teams.yaml},
         * {@code __files/models.json}): {@code root}, {@code simulator} when not set.
         */
        public String folder() {
            return root == null ? "simulator" : root;
        }

        /** A key {@code <keyPrefix><team>_<anything>} belongs to the simulated team; {@code sim_} when not set. */
        public String teamKeyPrefix() {
            return keyPrefix == null ? "sim_" : keyPrefix;
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

    /** The environment file a user copies to target their own gateway ({@code template} in {@code gateways.yaml}). */
    public static String template() {
        return index().path("template").asText();
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
        return read(DataFiles.read(resource), resource);
    }

    /**
     * The profile {@code tree}, written as {@code resource}: checked against {@code gateways/gateway.schema.json},
     * read, and its facts checked ({@link #check}). A profile that is not one is refused with one sentence
     * naming the file, the field and what it takes.
     */
    public static GatewayProfile read(JsonNode tree, String resource) {
        String problem = GatewaySchema.problem(tree, resource);
        if (problem != null) {
            throw new GatewayProfileException(problem);
        }
        GatewayProfile profile;
        try {
            profile = MAPPER.treeToValue(tree, GatewayProfile.class);
        } catch (Exception e) {
            throw new GatewayProfileException(resource + " is not a gateway profile: " + e.getMessage().lines().findFirst().orElse(""));
        }
        profile.check(resource);
        return profile;
    }

    /** Every fact present and sourced, every route sourced; a profile that is not is a packaging error. */
    void check(String resource) {
        if (!name().equals(resource.substring(FOLDER.length(), resource.length() - ".yaml".length()))) {
            throw new GatewayProfileException(resource + ": name " + name() + " is not the file's");
        }
        List<Sourced> facts = new ArrayList<>(List.of(requestId, ownAnswer, mitigatedHeader, generationId, envelope,
                keyCheck, billablePathPattern, stream, catalog, credits, keys, headers, answers, credential,
                answers.unknownKey(), answers.noKey(), answers.unknownModel()));
        facts.addAll(routes);
        facts.addAll(cost().values());
        if (stream.ends() != null) {
            facts.addAll(stream.ends());
        }
        if (simulator != null) {
            facts.add(simulator);
        }
        if (accountId != null) {
            facts.add(accountId);
        }
        if (oidc != null) {
            facts.add(oidc);
        }
        if (byok != null) {
            facts.add(byok);
        }
        facts.addAll(otherPaths());
        if (catalog.otherModel() != null) {
            facts.add(catalog.otherModel());
            OtherModel other = catalog.otherModel();
            if ((other.routes() == null) == (other.none() == null)) {
                throw new GatewayProfileException(resource + ": catalog.otherModel says " + (other.none() == null
                        ? "neither routes: (the routes tried on another model) nor none: (why none is)" : "both routes: and none:"));
            }
            if (other.route() != null && route(other.route()).isEmpty()) {
                throw new GatewayProfileException(resource + ": catalog.otherModel names route " + other.route() + ", which routes lack");
            }
        }
        if (credits.budgets() != null) {
            facts.add(credits.budgets());
        }
        if (dataPolicy != null) {
            facts.add(dataPolicy);
        }
        if (errorFields != null) {
            facts.add(errorFields);
            errorFields.pointers().keySet().stream().filter(field -> !ErrorFields.NAMES.contains(field)).findFirst()
                    .ifPresent(field -> {
                        throw new GatewayProfileException(resource + ": errorFields names " + field + ", not one of " + ErrorFields.NAMES);
                    });
        }
        keys.forms().stream().filter(form -> !Keys.FORMS.contains(form)).findFirst().ifPresent(form -> {
            throw new GatewayProfileException(resource + ": keys.forms names " + form + ", not one of " + Keys.FORMS);
        });
        if (words != null && isBlank(words.get("source")) && isBlank(words.get("guess"))) {
            throw new GatewayProfileException(resource + ": words says neither source: nor guess:");
        }
        if (links != null && isBlank(links.get("source")) && isBlank(links.get("guess"))) {
            throw new GatewayProfileException(resource + ": links says neither source: nor guess:");
        }
        for (Sourced fact : facts) {
            if (isBlank(fact.source()) && isBlank(fact.guess())) {
                throw new GatewayProfileException(resource + ": " + fact + " says neither source: nor guess:");
            }
        }
        for (RouteEntry route : routes) {
            if (route.billable() && !cost().containsKey(route.id())) {
                throw new GatewayProfileException(resource + ": billable route " + route.id()
                        + " says nowhere in cost: where its answers keep what they cost");
            }
        }
        if (route(keyCheck.route()).isEmpty()) {
            throw new GatewayProfileException(resource + ": keyCheck names route " + keyCheck.route() + ", which routes lack");
        }
        if (simulator != null) {
            checkSimulator(resource);
        }
    }

    /** The simulated gateway's ids match the generation-id pattern, and its answers carry the request-id header. */
    private void checkSimulator(String resource) {
        if (!generationId.compiled().matcher(simulator.generationIdPrefix() + "0".repeat(26)).matches()) {
            throw new GatewayProfileException(resource + ": simulator generationIdPrefix " + simulator.generationIdPrefix()
                    + " and a ULID do not match generationId " + generationId.pattern());
        }
        if (simulator.edgeHeaders() == null || !simulator.edgeHeaders().containsKey(requestId.header())) {
            throw new GatewayProfileException(resource + ": simulator edgeHeaders lack the request-id header "
                    + requestId.header());
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * The path the gateway's documented API base ({@code links.apiBase}, what its SDKs take as their base URL) adds
     * to its host ({@code links.baseUrl}, where the routes' paths are): {@code /api/v1}, {@code /v1}; "" when the
     * profile names none.
     */
    public String apiBasePath() {
        String host = links == null ? null : links.get("baseUrl");
        String api = links == null ? null : links.get("apiBase");
        if (host == null || api == null || !api.startsWith(host)) {
            return "";
        }
        return api.substring(host.length()).replaceFirst("/+$", "");
    }

    /**
     * The paths a client's base URL may add before a route's own path: none, then each leading part of
     * {@link #apiBasePath()} ({@code "", "/api", "/api/v1"}): the host, and the bases SDKs of the gateway's
     * protocols are given (an Anthropic SDK the one without the version segment, an OpenAI SDK the documented one).
     */
    public List<String> clientBasePaths() {
        List<String> paths = new ArrayList<>(List.of(""));
        String api = apiBasePath();
        for (int slash = api.indexOf('/', 1); api.length() > 0; slash = api.indexOf('/', slash + 1)) {
            paths.add(slash < 0 ? api : api.substring(0, slash));
            if (slash < 0) {
                break;
            }
        }
        return List.copyOf(paths);
    }

    /**
     * {@code baseUrl} as the run uses it: the host when it is written as the gateway's documented API base
     * (it ends with {@link #apiBasePath()}, whose routes' paths already carry it), else as written; without a
     * trailing slash.
     */
    public String hostBaseUrl(String baseUrl) {
        String url = baseUrl.replaceFirst("/+$", "");
        String api = apiBasePath();
        return !api.isEmpty() && url.endsWith(api) ? url.substring(0, url.length() - api.length()) : url;
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

    /** The paths an application's request may call beyond {@link #routes()}; none when the profile lists none. */
    @Override
    public List<OtherPath> otherPaths() {
        return otherPaths == null ? List.of() : otherPaths;
    }

    /**
     * True when a {@code method} request to {@code path} (without its query) is inference the gateway may charge for:
     * a billable route or other path, and, failing closed as the send gate does, a POST to a path the profile does
     * not know at all.
     */
    public boolean billable(String method, String path) {
        boolean listed = routes.stream().anyMatch(route -> route.path().equals(path))
                || otherPaths().stream().anyMatch(other -> other.idOf(path).isPresent());
        return routes.stream().anyMatch(route -> route.billable() && route.method().equals(method) && route.path().equals(path))
                || "POST".equals(method) && billablePathPattern.compiled().matcher(path).matches()
                || "POST".equals(method) && otherPaths().stream().anyMatch(other -> other.billable() && other.idOf(path).isPresent())
                || "POST".equals(method) && !listed;
    }

    /**
     * Where the answer of a {@code method} request to {@code path} (without its query) keeps its cost: its route's
     * entry in {@code cost:}, else {@code billablePathPattern}'s for inference on a path no route lists; empty when
     * the profile does not say.
     */
    public Optional<Cost> costOf(String method, String path) {
        Optional<RouteEntry> route = routes.stream()
                .filter(entry -> entry.method().equals(method) && entry.path().equals(path)).findFirst();
        if (route.isPresent()) {
            return Optional.ofNullable(cost().get(route.get().id()));
        }
        return billable(method, path) ? Optional.ofNullable(cost().get("billablePathPattern")) : Optional.empty();
    }

    /** Where each billable route's answer keeps its cost, by route id; none when the profile says nothing. */
    @Override
    public Map<String, Cost> cost() {
        return cost == null ? Map.of() : cost;
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
