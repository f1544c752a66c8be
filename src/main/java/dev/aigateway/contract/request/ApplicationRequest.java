package dev.aigateway.contract.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.environment.Environment.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The request an application sends, as read from a request file by {@link RequestFile#read}, ready
 * to be sent at the environment's {@code baseUrl}: never with the file's credentials, which are in
 * {@link #replaced} (where they were, as a placeholder) and {@link #secrets} (their literal values, to
 * register with the redactor and the secret scan before anything is written).
 *
 * @param method       as the file gives it or implies it ({@code -d} and {@code --json} imply POST)
 * @param pathAndQuery the path and query of the file's URL; the host is never used
 * @param headers      in the file's order, without credentials and without the headers a client
 *                     computes for itself (Host, Content-Length, Connection, Accept-Encoding, HTTP/2 pseudo-headers)
 * @param body         the body; a JSON body as compact JSON in its own field order; null when there is none
 * @param file         the request file, as given
 * @param entry        the HAR entry (1-based), or null for a curl or JSON file
 * @param host         the host the file named (a host name, or a {@code $VAR} as written), or null
 * @param replaced     the credentials removed, one note each, with no literal value in it
 * @param secrets      every literal credential found, to register; a {@code $VAR} reference is not one
 */
public record ApplicationRequest(String method, String pathAndQuery, List<Header> headers, String body, Path file,
                                 Integer entry, String host, List<Replaced> replaced, List<Secret> secrets) {

    public ApplicationRequest {
        headers = List.copyOf(headers);
        replaced = List.copyOf(replaced);
        secrets = List.copyOf(secrets);
    }

    /** One header as the file wrote it. */
    public record Header(String name, String value) {}

    /**
     * A credential the file carried and the run does not send.
     *
     * @param where       {@code header Authorization}, {@code body providerOptions.gateway.byok.anthropic[0].apiKey}, {@code query key}, ...
     * @param placeholder what the file held there, its literal secret written as the secret's variable
     *                    ({@code Bearer $REQUEST_AUTHORIZATION}) or its own reference as written ({@code Bearer $AI_GATEWAY_API_KEY})
     * @param literal     whether the file held a literal value, registered in {@link #secrets}
     */
    public record Replaced(String where, String placeholder, boolean literal) {

        /** For the evidence: "the file's header Authorization (Bearer $REQUEST_AUTHORIZATION) is not sent; the environment's credential is". */
        public String sentence() {
            return "the file's " + where + " (" + placeholder + ") is not sent; the environment's credential is";
        }
    }

    /** The route the path calls on the gateway of {@code profile}, {@code unknown} when it lists none there. */
    public RequestRoute route(dev.aigateway.contract.gateway.GatewayProfile profile) {
        return RequestRoute.of(pathAndQuery, profile);
    }

    /** Fields that bound a request's output, as the routes name them (OpenAI's, Anthropic's, OpenResponses', the AI SDK's). */
    private static final List<String> OUTPUT_LIMITS = List.of("max_tokens", "max_completion_tokens", "max_output_tokens",
            "maxOutputTokens");

    /** The model the request asks for: the body's {@code model}, else the AI SDK's model header; null when neither says. */
    public String model() {
        String model = bodyJson().path("model").asText("");
        if (!model.isBlank()) {
            return model;
        }
        return headers.stream().filter(header -> header.name().equalsIgnoreCase("ai-language-model-id"))
                .map(Header::value).findFirst().orElse(null);
    }

    /** The most output tokens the request allows ({@code max_tokens} and its kin); null when it sets no bound. */
    public Integer maxTokens() {
        JsonNode body = bodyJson();
        for (String field : OUTPUT_LIMITS) {
            if (body.path(field).canConvertToInt() && body.path(field).isNumber()) {
                return body.path(field).intValue();
            }
        }
        return null;
    }

    private JsonNode bodyJson() {
        try {
            return body == null ? MissingNode.getInstance() : Json.DATA.readTree(body);
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** The same request with {@code body} instead of its own: a variant that changes one thing. */
    public ApplicationRequest withBody(String body) {
        return new ApplicationRequest(method, pathAndQuery, headers, body, file, entry, host, replaced, secrets);
    }

    /** The path without its query. */
    public String path() {
        return pathAndQuery.replaceFirst("\\?.*$", "");
    }

    /** The file and, for a HAR, the entry: {@code app.har#2}. */
    public String source() {
        return file + (entry == null ? "" : "#" + entry);
    }

    /**
     * {@link #source()} as the evidence shows it, with no absolute path of this machine: the file relative to
     * {@code root} (the checkout) when it is inside it, else its name alone ({@code app.har#2}).
     */
    public String sourceIn(Path root) {
        Path base = root.toAbsolutePath().normalize();
        Path absolute = base.resolve(file).normalize();
        Path shown = absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute) : absolute.getFileName();
        return shown.toString().replace('\\', '/') + (entry == null ? "" : "#" + entry);
    }

    /** Never prints a secret's value: only the variables they are registered under. */
    @Override
    public String toString() {
        return "ApplicationRequest[" + method + " " + pathAndQuery + " from " + source() + (host == null ? "" : " (host " + host + ")")
                + ", headers=" + headers + ", body=" + (body == null ? "none" : body.length() + " chars")
                + ", replaced=" + replaced + ", secrets="
                + secrets.stream().map(Secret::variable).collect(Collectors.joining(", ", "[", "]")) + "]";
    }
}
