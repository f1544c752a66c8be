package dev.aigateway.contract.environment;

import dev.aigateway.contract.Json;
import dev.aigateway.contract.gateway.GatewayProfile;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads {@code environments/<name>.yaml}: parses it, checks it against {@code environments/environment.schema.json}
 * ({@link EnvironmentSchema}), resolves {@code ${VAR}} and {@code ${VAR:-default}} from the process environment,
 * then checks what the schema cannot see (the values variables give, the gateway's profile, the key's
 * characters), and applies defaults. Every problem becomes an {@link EnvironmentException} naming the file,
 * the field and the line, never a stack trace.
 */
public final class EnvironmentLoader {

    public static final String FOLDER = "environments";
    static final java.math.BigDecimal DEFAULT_MAX_SPEND_USD = new java.math.BigDecimal("0.01");
    static final String DEFAULT_BYOK_MODEL = "anthropic/claude-haiku-4.5";
    static final String DEFAULT_DIRECT_MODEL = "claude-haiku-4-5";
    static final String DEFAULT_EMBEDDING_MODEL = "openai/text-embedding-3-small";
    static final int DEFAULT_RUN_SECONDS = 60;
    /** Longer text is not an environment value but a mistake (a pasted file, a runaway variable). */
    static final int LONGEST_TEXT = 1000;
    private static final List<String> REQUIRED = List.of("description", "teamId", "apiKey", "probe/model");

    private final Path root;
    private final Variables variables;
    /** What the last {@link #load} made of a baseUrl written as the gateway's documented API base, or "". */
    private String baseUrlNote = "";

    public EnvironmentLoader(Path root, Map<String, String> processEnvironment) {
        this.root = root;
        this.variables = new Variables(processEnvironment);
    }

    public EnvironmentLoader(Path root) {
        this(root, System.getenv());
    }

    /** Names of the environments that exist, sorted. */
    public List<String> names() {
        try (Stream<Path> files = Files.list(root.resolve(FOLDER))) {
            return files.map(path -> path.getFileName().toString())
                    .filter(file -> file.endsWith(".yaml"))
                    .map(file -> file.substring(0, file.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public Environment load(String name) {
        String display = FOLDER + "/" + name + ".yaml";
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new EnvironmentException("-Denv=" + name + " is not an environment name. " + existing());
        }
        Path file = root.resolve(FOLDER).resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new EnvironmentException("No environment \"" + name + "\": " + display + " does not exist. "
                    + existing() + " To target your own gateway: cp " + GatewayProfile.template() + " " + display);
        }
        Map<String, Integer> lines = new HashMap<>();
        JsonNode tree = parse(file, display, lines);
        if (!(tree instanceof ObjectNode fields)) {
            throw new EnvironmentException(display + ": expected a YAML mapping of fields (description, teamId, apiKey, ...).");
        }
        String problem = EnvironmentSchema.problem(fields, display, lines);
        if (problem != null) {
            throw new EnvironmentException(problem);
        }
        List<Environment.Secret> secrets = new ArrayList<>();
        resolve(fields, "", display, lines, secrets);
        EnvironmentFile raw = bind(fields, display, lines);
        requireFields(fields, raw, display, lines);
        String gateway = gateway(raw, display, lines);
        GatewayProfile profile = GatewayProfile.named(gateway);
        checkBaseUrl(raw, display, lines, profile);
        // The schema holds a written latency to 0 or more; this, the one a variable gives.
        if (raw.simulator() != null && raw.simulator().latencyMs() != null && raw.simulator().latencyMs() < 0) {
            throw new EnvironmentException(display + ", line " + lineOf("simulator/latencyMs", lines)
                    + ": simulator.latencyMs is a delay in milliseconds, 0 or more.");
        }
        Environment.Auth auth = auth(raw, display, lines, secrets, profile);
        // The forms of a secret its gateway's answers quote (keys.forms: a hash of the key), secrets of their own.
        List.copyOf(secrets).forEach(secret -> profile.keys().formsOf(secret.value()).forEach((form, value) ->
                secrets.add(new Environment.Secret(secret.variable() + " (" + form + ")", value))));
        String baseUrl = raw.simulator() == null ? profile.hostBaseUrl(raw.baseUrl()) : null;
        baseUrlNote = baseUrl == null || baseUrl.equals(stripTrailingSlash(raw.baseUrl())) ? ""
                : "baseUrl " + raw.baseUrl() + " ends with " + theGateway(profile) + "'s documented API base, "
                        + profile.apiBasePath() + ", which its routes carry: the run calls them on " + baseUrl;
        return Environment.builder()
                .name(name)
                .description(raw.description())
                .baseUrl(baseUrl)
                .teamId(raw.teamId() == null || raw.teamId().isBlank() ? null : raw.teamId())
                .apiKey(raw.apiKey())
                .funded(Boolean.TRUE.equals(raw.funded()))
                .expectedModels(raw.expectedModels() == null ? List.of() : List.copyOf(raw.expectedModels()))
                .probe(new Environment.Probe(raw.probe().model(), orDefault(raw.probe().maxTokens(), 1),
                        orDefault(raw.probe().embeddingModel(), DEFAULT_EMBEDDING_MODEL)))
                .allowBillable(Boolean.TRUE.equals(raw.allowBillable()))
                .timeouts(new Environment.Timeouts(
                        raw.timeouts() == null ? 5000 : orDefault(raw.timeouts().connectMs(), 5000),
                        raw.timeouts() == null ? 30000 : orDefault(raw.timeouts().readMs(), 30000),
                        raw.timeouts() == null ? DEFAULT_RUN_SECONDS : orDefault(raw.timeouts().runSeconds(), DEFAULT_RUN_SECONDS)))
                .simulator(raw.simulator() == null ? null : new Environment.Simulator(orDefault(raw.simulator().team(), "healthy"),
                        orDefault(raw.simulator().latencyMs(), 0)))
                .byok(byok(raw))
                .maxSpendUsd(raw.maxSpendUsd() == null ? DEFAULT_MAX_SPEND_USD : raw.maxSpendUsd())
                .secrets(List.copyOf(secrets))
                .routes(routes(raw, profile, display, lines))
                .auth(auth)
                .webhookUrl(raw.notifyFields() == null || raw.notifyFields().webhookUrl() == null
                        || raw.notifyFields().webhookUrl().isBlank() ? null : raw.notifyFields().webhookUrl())
                .limits(limits(raw))
                .gateway(gateway)
                .requests(requests(raw, display, lines))
                .request(request(raw, display, lines))
                .headers(headers(raw, display, lines, profile))
                .build();
    }

    /**
     * Headers the run sets itself, which {@code headers:} may not replace: the credential's (as the redactor
     * knows them by name) and the protocol's. The profile's own header names are added per gateway.
     */
    static final java.util.Set<String> HEADERS_THE_RUN_SETS = java.util.Set.of("authorization", "x-api-key",
            "x-ai-gateway-api-key", "cookie", "content-type", "content-length", "content-encoding", "transfer-encoding",
            "host", "connection", "accept-encoding", "expect", "upgrade", "te");

    /**
     * {@code headers:}, sent on every request to the gateway (a gateway in front of another routes by them). A name
     * the run sets itself is refused, as is a value a variable gives that no header can carry; a value is never
     * quoted, since it may be a secret: one whose header's name says it carries a credential (registered when read),
     * or one that reads a variable apiKey or credentials: reads too (whose value the redactor hides wherever it is).
     */
    private static Map<String, String> headers(EnvironmentFile raw, String display, Map<String, Integer> lines,
                                               GatewayProfile profile) {
        if (raw.headers() == null) {
            return Map.of();
        }
        java.util.Set<String> reserved = new java.util.TreeSet<>(HEADERS_THE_RUN_SETS);
        GatewayProfile.Headers names = profile.headers();
        java.util.stream.Stream.of(names.accessTokenTeam(), names.anthropicVersion() == null ? null : names.anthropicVersion().name())
                .filter(java.util.Objects::nonNull).forEach(name -> reserved.add(name.toLowerCase(java.util.Locale.ROOT)));
        if (names.aiSdk() != null) {
            GatewayProfile.AiSdk sdk = names.aiSdk();
            Stream.of(sdk.protocolVersion().name(), sdk.authMethod(), sdk.specificationVersion(), sdk.modelId(), sdk.streaming())
                    .forEach(name -> reserved.add(name.toLowerCase(java.util.Locale.ROOT)));
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> header : raw.headers().entrySet()) {
            String name = header.getKey();
            String where = display + ", line " + lineOf("headers/" + name, lines) + " (headers." + name + "): ";
            if (reserved.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new EnvironmentException(where + "the run sets " + name + " itself (the credential from apiKey and auth,"
                        + " the protocol's headers from the route), so headers: may not replace it; remove it.");
            }
            String value = header.getValue() == null ? "" : header.getValue();
            // Sent exactly as given, like a key: a value with a space at either end is refused, never trimmed.
            if (value.isBlank() || !value.equals(value.strip()) || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c > 0x7e)) {
                throw new EnvironmentException(where + "a header's value is one line of printable ASCII, not empty"
                        + " (no line break, no control character, no accented letter, no space at either end); the value"
                        + " given is not.");
            }
            headers.put(name, value);
        }
        return headers;
    }

    /** The gateway as its advice calls it ({@code words.theGateway}: "the Vercel AI Gateway", "OpenRouter"), else its title. */
    private static String theGateway(GatewayProfile profile) {
        return profile.words() != null && profile.words().containsKey("theGateway") ? profile.words().get("theGateway") : profile.title();
    }

    /**
     * What the last {@link #load} did to a {@code baseUrl} written as the gateway's documented API base (e.g.
     * https://openrouter.ai/api/v1, the one SDKs take): the sentence the console says, or "" when it is used as written.
     */
    public String baseUrlNote() {
        return baseUrlNote;
    }

    /** {@code gateway:}, the name of a profile that exists; the default profile when the field is absent. */
    private static String gateway(EnvironmentFile raw, String display, Map<String, Integer> lines) {
        if (raw.gateway() == null) {
            return GatewayProfile.defaultName();
        }
        if (!GatewayProfile.names().contains(raw.gateway())) {
            throw new EnvironmentException(display + ", line " + lineOf("gateway", lines) + " (gateway): unknown gateway \""
                    + raw.gateway() + "\". Gateways that exist: " + String.join(", ", GatewayProfile.names()) + ".");
        }
        return raw.gateway();
    }

    /** {@code limits:}; the schema holds answerBytes to 1024 or more. */
    private static Environment.Limits limits(EnvironmentFile raw) {
        Long answerBytes = raw.limits() == null ? null : raw.limits().answerBytes();
        return answerBytes == null ? Environment.Limits.DEFAULT : new Environment.Limits(answerBytes);
    }

    /**
     * The auth kind, checked: a kind that exists, access-token with its team, oidc with a JWT (whose
     * payload and signature parts become secrets of their own, under the key's variable, so every form
     * of the token is redacted and scanned for).
     */
    private static Environment.Auth auth(EnvironmentFile raw, String display, Map<String, Integer> lines,
                                         List<Environment.Secret> secrets, GatewayProfile profile) {
        EnvironmentFile.AuthFields fields = raw.auth();
        String kind = fields == null || fields.kind() == null || fields.kind().isBlank() ? "api-key" : fields.kind().trim();
        String kinds = " Kinds that exist: " + String.join(", ", Environment.Auth.KINDS) + ".";
        // A kind whose header the gateway's profile does not name cannot be sent: one sentence, not a crash at the first request.
        if (kind.equals("access-token") && profile.headers().accessTokenTeam() == null
                || kind.equals("oidc") && (profile.headers().aiSdk() == null || profile.oidc() == null)) {
            throw new EnvironmentException(display + ", line " + lineOf("auth", lines) + " (auth.kind): " + profile.title()
                    + " takes no " + kind + " credential; use auth kind api-key (or leave auth out).");
        }
        if (kind.equals("access-token")) {
            if (fields.team() == null || fields.team().isBlank()) {
                throw new EnvironmentException(display + ", line " + lineOf("auth", lines) + " (auth.team): auth kind "
                        + "access-token needs auth.team, the team id or slug sent as " + profile.headers().accessTokenTeam() + "." + kinds);
            }
            return new Environment.Auth(kind, fields.team().trim(), null);
        }
        if (kind.equals("api-key")) {
            return Environment.Auth.API_KEY;
        }
        String variable = secrets.stream().filter(secret -> secret.value().equals(raw.apiKey()))
                .map(Environment.Secret::variable).findFirst().orElse("apiKey");
        OidcToken token = OidcToken.parse(raw.apiKey()).orElseThrow(() -> new EnvironmentException(display + ", line "
                + lineOf("apiKey", lines) + " (apiKey): auth kind oidc needs " + profile.oidc().token() + ", a JWT (three base64url "
                + "parts separated by dots); the value of " + variable + " is not one. Run " + profile.oidc().refresh()
                + " for a fresh token."));
        secrets.add(new Environment.Secret(variable, token.payload()));
        if (!token.signature().isEmpty()) {
            secrets.add(new Environment.Secret(variable, token.signature()));
        }
        return new Environment.Auth(kind, null, token.expiresAt().orElse(null));
    }

    /**
     * {@code routes:}, names the schema lists, each a {@link Route} the gateway's profile lists ({@code routes:} of
     * {@code gateways/<name>.yaml}); chat-completions alone when the field is absent. A route the gateway does not
     * have is refused with the ones it has, since checking it would check nothing.
     */
    private static List<Route> routes(EnvironmentFile raw, GatewayProfile profile, String display, Map<String, Integer> lines) {
        if (raw.routes() == null) {
            return Route.DEFAULT;
        }
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < raw.routes().size(); i++) {
            String name = raw.routes().get(i);
            Route route = Route.named(name).orElseThrow(() -> new IllegalStateException(
                    "route " + name + " is in " + EnvironmentSchema.RESOURCE + " and not in Route"));
            if (profile.route(route.id()).isEmpty()) {
                throw new EnvironmentException(display + ", line " + lineOf("routes/" + i, lines) + " (routes, item " + (i + 1)
                        + "): " + profile.title() + " has no route " + route.id() + " (gateways/" + profile.name()
                        + ".yaml); the routes it has are " + String.join(", ", routesOf(profile)) + ".");
            }
            if (!routes.contains(route)) {
                routes.add(route);
            }
        }
        return List.copyOf(routes);
    }

    /** The routes of {@code profile} an environment can name, in the profile's order. */
    static List<String> routesOf(GatewayProfile profile) {
        return profile.routes().stream().map(GatewayProfile.RouteEntry::id).filter(id -> Route.named(id).isPresent()).toList();
    }

    /** {@code request:}: how many variants of a refused application request the run may send (0 sends none). */
    private static Environment.RequestSettings request(EnvironmentFile raw, String display, Map<String, Integer> lines) {
        Integer maxVariants = raw.request() == null ? null : raw.request().maxVariants();
        if (maxVariants == null) {
            return Environment.RequestSettings.DEFAULT;
        }
        if (maxVariants < 0) {
            throw new EnvironmentException(display + ", line " + lineOf("request/maxVariants", lines)
                    + ": request.maxVariants is how many extra requests may find what the gateway refuses in your application's"
                    + " request, 0 or more (default " + Environment.RequestSettings.DEFAULT_MAX_VARIANTS + ").");
        }
        return new Environment.RequestSettings(maxVariants);
    }

    /** {@code requests:}, the application's request files ({@code FILE} or {@code FILE#N}); read, later, by the run. */
    private static List<String> requests(EnvironmentFile raw, String display, Map<String, Integer> lines) {
        if (raw.requests() == null) {
            return List.of();
        }
        for (int i = 0; i < raw.requests().size(); i++) {
            String file = raw.requests().get(i);
            if (file == null || file.isBlank()) {
                throw new EnvironmentException(display + ", line " + lineOf("requests/" + i, lines) + " (requests): item "
                        + (i + 1) + " is empty; each item is a request file relative to the project root (a curl command,"
                        + " a HAR or a JSON request), FILE#N for the N-th entry of a HAR.");
            }
        }
        return List.copyOf(raw.requests().stream().map(String::strip).toList());
    }

    private static Environment.Byok byok(EnvironmentFile raw) {
        Map<String, String> keys = new java.util.TreeMap<>();
        if (raw.credentials() != null && raw.credentials().get("byok") != null) {
            raw.credentials().get("byok").forEach((provider, key) -> {
                if (key != null && !key.isBlank()) {
                    keys.put(provider, key);
                }
            });
        }
        EnvironmentFile.ByokFields fields = raw.byok();
        return new Environment.Byok(Map.copyOf(keys),
                fields == null ? DEFAULT_BYOK_MODEL : orDefault(fields.model(), DEFAULT_BYOK_MODEL),
                fields != null && Boolean.TRUE.equals(fields.verifyDirect()),
                fields == null ? DEFAULT_DIRECT_MODEL : orDefault(fields.directModel(), DEFAULT_DIRECT_MODEL),
                fields == null || fields.directBaseUrl() == null || fields.directBaseUrl().isBlank() ? null
                        : stripTrailingSlash(fields.directBaseUrl()));
    }

    private String existing() {
        List<String> names = names();
        return names.isEmpty()
                ? "There are no environment files in " + FOLDER + "/."
                : "Environments that exist: " + String.join(", ", names) + ".";
    }

    private static JsonNode parse(Path file, String display, Map<String, Integer> lines) {
        try (JsonParser parser = Json.YAML.createParser(file.toFile())) {
            if (parser.nextToken() == null) {
                throw new EnvironmentException(display + " is empty.");
            }
            return read(parser, "", lines);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new EnvironmentException(display + (at == null ? "" : ", line " + at.getLineNr())
                    + ": not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new EnvironmentException(display + ": cannot be read: " + e.getMessage());
        }
    }

    /** Builds the tree and notes the line of every field, by JSON-pointer-like path. */
    private static JsonNode read(JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    String child = path.isEmpty() ? field : path + "/" + field;
                    lines.put(child, parser.currentTokenLocation().getLineNr());
                    parser.nextToken();
                    object.set(field, read(parser, child, lines));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, path + "/" + index++, lines));
                }
                return array;
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(parser.getBooleanValue());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDecimalValue());
            }
            default -> {
                return nodes.textNode(parser.getText());
            }
        }
    }

    private void resolve(JsonNode node, String path, String display, Map<String, Integer> lines,
                         List<Environment.Secret> secrets) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "/" + field.getKey();
                if (field.getValue().isTextual()) {
                    field.setValue(resolveText(field.getValue().asText(), child, display, lines, secrets));
                } else {
                    resolve(field.getValue(), child, display, lines, secrets);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, resolveText(array.get(i).asText(), path + "/" + i, display, lines, secrets));
                } else {
                    resolve(array.get(i), path + "/" + i, display, lines, secrets);
                }
            }
        }
    }

    private TextNode resolveText(String text, String path, String display, Map<String, Integer> lines,
                                 List<Environment.Secret> secrets) {
        String where = display + ", line " + lineOf(path, lines) + " (" + path.replace('/', '.') + ")";
        try {
            Variables.Resolved resolved = variables.resolve(text);
            String from = resolved.variables().isEmpty() ? "the value" : "environment variable " + resolved.variables().get(0);
            if (resolved.value().length() > LONGEST_TEXT) {
                throw new EnvironmentException(where + ": " + from + " is " + resolved.value().length()
                        + " characters long; an environment value may have at most " + LONGEST_TEXT + ".");
            }
            if (isSecretHeader(path) && !resolved.value().isEmpty()) {
                // Its characters are checked with the other headers' (a header may carry "Bearer <key>").
                secrets.add(new Environment.Secret(resolved.variables().isEmpty() ? path.replace('/', '.')
                        : resolved.variables().get(0), resolved.value()));
            }
            if (isSecret(path) && !resolved.value().isEmpty()) {
                String variable = resolved.variables().isEmpty() ? path.replace('/', '.') : resolved.variables().get(0);
                secrets.add(new Environment.Secret(variable, resolved.value()));
                String flaw = KeyCharacters.flaw(resolved.value());
                if (flaw != null) {
                    throw new EnvironmentException(where + ": " + from + " " + flaw + ". A key is sent exactly as"
                            + " given, never changed: export it again without that character (a key read from a file:"
                            + " \"$(tr -d '[:space:]' < keyfile)\").");
                }
            }
            return TextNode.valueOf(resolved.value());
        } catch (Variables.Empty empty) {
            throw new EnvironmentException(where + ": environment variable " + empty.variable + " is set but empty."
                    + " Export its value, e.g. " + empty.variable + "=... ./mvnw verify -Denv="
                    + display.replaceAll(".*/|\\.yaml$", "") + ", or give a default: ${" + empty.variable + ":-value}.");
        } catch (Variables.Unset unset) {
            throw new EnvironmentException(display + ", line " + lineOf(path, lines) + " (" + path.replace('/', '.')
                    + "): environment variable " + unset.variable + " is not set and has no default. Set it, e.g. "
                    + unset.variable + "=... ./mvnw verify -Denv=" + display.replaceAll(".*/|\\.yaml$", "")
                    + ", or give a default: ${" + unset.variable + ":-value}.");
        }
    }

    /** baseUrl is an http:// or https:// URL with a host: anything else would fail every scenario alike. */
    private static void checkBaseUrl(EnvironmentFile raw, String display, Map<String, Integer> lines, GatewayProfile profile) {
        if (raw.simulator() != null || raw.baseUrl() == null) {
            return;
        }
        String problem;
        try {
            java.net.URI uri = new java.net.URI(raw.baseUrl());
            if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                problem = "does not start with https:// or http://";
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                problem = "has no host";
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problem = "carries a query, a fragment or user info";
            } else {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            problem = "is not a URL (" + e.getReason() + " at character " + e.getIndex() + ")";
        }
        throw new EnvironmentException(display + ", line " + lineOf("baseUrl", lines) + ": baseUrl " + problem
                + ". Write the gateway's URL in full, e.g. baseUrl: " + profile.links().get("baseUrl"));
    }

    /**
     * A part of a header's name (between dashes) that says it carries a credential ({@code x-portkey-api-key},
     * {@code x-session-token}, {@code apikey}); a word that merely ends in "key" (a gateway's name in its
     * {@code x-<name>-provider}) does not.
     */
    private static final java.util.regex.Pattern CREDENTIAL_NAME = java.util.regex.Pattern.compile(
            "(?i)key|keys|\\w*api_?key|\\w*token\\w*|\\w*secret\\w*|passw\\w*|\\w*auth\\w*|\\w*signature|\\w*session\\w*|cookie\\w*|credential\\w*");

    /** A {@code headers:} value that is a secret whatever it reads: its header's name says it carries a credential. */
    private static boolean isSecretHeader(String path) {
        return path.startsWith("headers/") && java.util.Arrays.stream(path.substring("headers/".length()).split("-"))
                .anyMatch(part -> CREDENTIAL_NAME.matcher(part).matches());
    }

    private static boolean isSecret(String path) {
        return path.equals("apiKey") || path.startsWith("credentials/") || path.equals("notify/webhookUrl");
    }

    private static EnvironmentFile bind(ObjectNode fields, String display, Map<String, Integer> lines) {
        ObjectMapper mapper = Json.DATA;
        try {
            return mapper.treeToValue(fields, EnvironmentFile.class);
        } catch (JsonProcessingException e) {
            // A value a variable gave that the field cannot take (the schema saw only the variable).
            String path = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
            throw new EnvironmentException(display + ", line " + lineOf(path, lines) + " (" + path.replace('/', '.')
                    + "): " + firstLine(e.getOriginalMessage()));
        }
    }

    /** The required fields, once more after the variables are read: a variable may give nothing ({@code ${TEAM_ID:-}}). */
    private static void requireFields(ObjectNode fields, EnvironmentFile raw, String display, Map<String, Integer> lines) {
        List<String> required = new ArrayList<>(REQUIRED);
        // A gateway whose answers name the account (its profile's accountId) needs no team id from the environment.
        if (raw.gateway() != null && GatewayProfile.names().contains(raw.gateway())
                && GatewayProfile.named(raw.gateway()).accountId() != null) {
            required.remove("teamId");
        }
        if (raw.simulator() == null) {
            required.add("baseUrl");
        }
        for (String path : required) {
            JsonNode value = fields.at("/" + path);
            if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
                String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                throw new EnvironmentException(display + ", line " + lineOf(parent, lines) + ": required field \""
                        + path.replace('/', '.') + "\" is missing" + (path.equals("baseUrl")
                        ? " (or add a simulator: block to target the embedded simulated gateway)." : "."));
            }
        }
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("/"));
    }

    static int lineOf(String path, Map<String, Integer> lines) {
        String probe = path;
        while (!lines.containsKey(probe) && probe.contains("/")) {
            probe = probe.substring(0, probe.lastIndexOf('/'));
        }
        return lines.getOrDefault(probe, lines.getOrDefault("", 1));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").trim();
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String stripTrailingSlash(String url) {
        return url == null ? null : url.replaceAll("/+$", "");
    }
}
