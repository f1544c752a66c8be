package dev.aigateway.contract.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.gateway.GatewayProfile.Keys;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.request.ApplicationRequest.Header;
import dev.aigateway.contract.request.ApplicationRequest.Replaced;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Takes the credentials out of a request read from a file, so that only the environment's are ever
 * sent: credential headers by name, any header whose value looks like a key, key fields of the body
 * (everything credential-like under {@code byok}, fields named like a key whose value looks like one),
 * key parameters of the query, and user info in the URL. Each literal value becomes a {@link Secret}
 * named {@code REQUEST_<where>}; each removal a {@link Replaced} note without the value.
 */
final class Credentials {

    /** Headers a client computes for itself: the run's own client sets them for what it sends. */
    private static final Set<String> CLIENT_HEADERS = Set.of("host", "content-length", "connection", "keep-alive",
            "transfer-encoding", "te", "upgrade", "proxy-connection", "accept-encoding");
    /** Any gateway's: HTTP's own, the providers' (x-api-key, api-key), and each profile's {@code keys.requestHeaders}. */
    private static final Set<String> CREDENTIAL_HEADERS = everyProfiles(Keys::requestHeaders,
            "authorization", "proxy-authorization", "x-api-key", "api-key", "cookie");
    private static final Pattern CREDENTIAL_HEADER_NAME = Pattern.compile("(?i).*(api[-_]?key|token|secret|password|cookie|credential).*");
    /** Headers that choose how the credential is read: the environment's auth sets its own. */
    private static final Set<String> AUTH_HEADERS = everyProfiles(Keys::selectors);
    /** Body fields that are a credential whatever they hold (compared without case, '-' or '_'). */
    private static final Set<String> CREDENTIAL_FIELDS = Set.of("authorization", "apikey", "xapikey", "aigatewayapikey",
            "password", "secret", "clientsecret", "privatekey", "secretaccesskey", "accesstoken", "refreshtoken",
            "sessiontoken", "oidctoken", "bearertoken");
    private static final Pattern CREDENTIAL_LIKE_FIELD = Pattern.compile("(?i).*(key|token|secret|password|credential).*");
    private static final Set<String> QUERY_CREDENTIALS = Set.of("key", "apikey", "xapikey", "token", "accesstoken", "auth");

    /** A file names no gateway, so the headers of every profile are taken out, besides {@code common}. */
    private static Set<String> everyProfiles(Function<Keys, List<String>> headers, String... common) {
        Set<String> names = new HashSet<>(List.of(common));
        GatewayProfile.names().forEach(name -> headers.apply(GatewayProfile.named(name).keys()).stream()
                .map(header -> header.toLowerCase(Locale.ROOT)).forEach(names::add));
        return Set.copyOf(names);
    }

    /** A cookie value shorter than this is a setting ({@code theme=dark}), and too short to redact (SecretForms.SHORTEST). */
    private static final int SHORTEST_SECRET = 8;

    private final List<Replaced> replaced = new ArrayList<>();
    private final Map<String, String> variableByValue = new LinkedHashMap<>();

    List<Replaced> replaced() {
        return replaced;
    }

    List<Secret> secrets() {
        return variableByValue.entrySet().stream().map(entry -> new Secret(entry.getValue(), entry.getKey())).toList();
    }

    /** The headers to send: without client-computed headers, credentials and auth selectors. */
    List<Header> headers(List<Header> written) {
        List<Header> kept = new ArrayList<>();
        for (Header header : written) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (name.startsWith(":") || CLIENT_HEADERS.contains(name)) {
                continue;
            }
            if (AUTH_HEADERS.contains(name)) {
                replaced.add(new Replaced("header " + header.name(), header.value(), false));
            } else if (name.equals("cookie")) {
                cookies(header);
            } else if (CREDENTIAL_HEADERS.contains(name) || CREDENTIAL_HEADER_NAME.matcher(name).matches()
                    || KeyShapes.looksLikeKey(header.value())) {
                credential("header " + header.name(), header.name(), header.value());
            } else {
                kept.add(header);
            }
        }
        return kept;
    }

    /** {@code pathAndQuery} without key parameters ({@code ?key=AIza...}). */
    String query(String pathAndQuery) {
        int question = pathAndQuery.indexOf('?');
        if (question < 0) {
            return pathAndQuery;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : pathAndQuery.substring(question + 1).split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (equals > 0 && QUERY_CREDENTIALS.contains(normal(decoded(name)))) {
                String value = decoded(parameter.substring(equals + 1));
                credential("query parameter " + decoded(name), "query " + decoded(name), value);
                if (!value.equals(parameter.substring(equals + 1))) {
                    register("query " + decoded(name), parameter.substring(equals + 1));
                }
            } else {
                kept.add(parameter);
            }
        }
        String path = pathAndQuery.substring(0, question);
        return kept.isEmpty() ? path : path + "?" + String.join("&", kept);
    }

    /** The user info of a URL ({@code user:password@host}), which curl would send as Basic auth. */
    void userInfo(String userInfo) {
        credential("user info of the URL", "url user", userInfo);
    }

    /** Removes the body's credentials from {@code body} (a JSON tree), in place. */
    void body(JsonNode body) {
        walk(body, "", false);
    }

    private void walk(JsonNode node, String path, boolean inByok) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), path + "[" + i + "]", inByok);
            }
        } else if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(iterable(object))) {
                JsonNode child = object.get(name);
                String childPath = path.isEmpty() ? name : path + "." + name;
                boolean byok = inByok || name.equals("byok");
                if (child.isTextual() && isCredentialField(name, child.asText(), inByok)) {
                    object.remove(name);
                    credential("body field " + childPath, childPath, child.asText());
                } else if (child.isContainerNode() && inByok && CREDENTIAL_LIKE_FIELD.matcher(name).matches()) {
                    object.remove(name);
                    leaves(child, childPath);
                } else {
                    walk(child, childPath, byok);
                }
            }
        }
    }

    private static List<String> iterable(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every text value of a removed credential object ({@code googleCredentials: {privateKey, clientEmail}}). */
    private void leaves(JsonNode node, String path) {
        if (node.isTextual()) {
            credential("body field " + path, path, node.asText());
        } else if (node.isContainerNode()) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    leaves(node.get(i), path + "[" + i + "]");
                }
            } else {
                node.fields().forEachRemaining(field -> leaves(field.getValue(), path + "." + field.getKey()));
            }
        }
    }

    private static boolean isCredentialField(String name, String value, boolean inByok) {
        return CREDENTIAL_FIELDS.contains(normal(name)) || (inByok && CREDENTIAL_LIKE_FIELD.matcher(name).matches())
                || (CREDENTIAL_LIKE_FIELD.matcher(name).matches() && KeyShapes.looksLikeKey(value));
    }

    private void cookies(Header header) {
        List<String> written = new ArrayList<>();
        boolean literal = false;
        for (String cookie : header.value().split(";")) {
            int equals = cookie.indexOf('=');
            String name = (equals < 0 ? cookie : cookie.substring(0, equals)).strip();
            String value = equals < 0 ? "" : cookie.substring(equals + 1).strip();
            if (value.length() < SHORTEST_SECRET || KeyShapes.isReference(value)) {
                written.add(cookie.strip());
            } else {
                written.add(name + "=$" + register("cookie " + name, value));
                literal = true;
            }
        }
        replaced.add(new Replaced("header " + header.name(), String.join("; ", written), literal));
    }

    /** Notes one removed credential and registers its literal value, if it holds one. */
    private void credential(String where, String hint, String value) {
        String scheme = KeyShapes.scheme(value);
        String credential = KeyShapes.withoutScheme(value).strip();
        if (credential.isEmpty()) {
            replaced.add(new Replaced(where, value, false));
        } else if (KeyShapes.isReference(credential)) {
            String fallback = KeyShapes.referenceDefault(credential);
            if (fallback == null) {
                replaced.add(new Replaced(where, scheme + credential, false));
            } else {
                String variable = register(hint, fallback);
                replaced.add(new Replaced(where, scheme + credential.replace(fallback, "$" + variable), true));
            }
        } else {
            String variable = register(hint, credential);
            if (scheme.strip().equalsIgnoreCase("basic")) {
                basic(hint, credential);
            }
            replaced.add(new Replaced(where, scheme + "$" + variable, true));
        }
    }

    /** A Basic credential's decoded {@code user:password}, and its password, are secrets as well. */
    private void basic(String hint, String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            register(hint + " decoded", decoded);
            int colon = decoded.indexOf(':');
            if (colon >= 0 && colon < decoded.length() - 1) {
                register(hint + " password", decoded.substring(colon + 1));
            }
        } catch (IllegalArgumentException notBase64) {
            // Not base64: the value itself is registered, which is all the file holds.
        }
    }

    /** Registers {@code value} and returns its variable ({@code REQUEST_AUTHORIZATION}); one variable per value. */
    String register(String hint, String value) {
        String known = variableByValue.get(value);
        if (known != null) {
            return known;
        }
        String base = "REQUEST_" + hint.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
        String variable = base;
        for (int n = 2; variableByValue.containsValue(variable); n++) {
            variable = base + "_" + n;
        }
        variableByValue.put(value, variable);
        return variable;
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return text;
        }
    }
}
