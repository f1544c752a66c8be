package dev.aigateway.contract.simulator;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.aigateway.contract.simulator.Teams.Refusal;
import dev.aigateway.contract.simulator.Teams.Team;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dynamic part of the simulated gateway, named {@value #NAME} in the stub mappings. Checks run
 * in the order observed on the real gateway: the key (401), then the request (400), then the team's
 * account and billing gates (its refusals in {@code teams.yaml}), then the model (404); only then
 * is the route served, with a reply computed from the request.
 */
public final class GatewayResponses implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "simulated-gateway";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Teams teams;
    private final Catalog catalog;
    private final Map<String, AtomicInteger> refusalsServed = new ConcurrentHashMap<>();

    public GatewayResponses(Teams teams) {
        this.teams = teams;
        this.catalog = Catalog.load();
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
        String route = serveEvent.getTransformerParameters().getString("route");
        String key = bearer(request);
        Optional<Team> team = teams.owning(key);
        if (team.isEmpty()) {
            return error(401, "authentication_error", key == null
                    ? "Missing authentication. Provide an API key or OIDC token in the Authorization header."
                    : "Invalid API key or token.");
        }
        ResponseDefinition response = switch (route) {
            case "credits" -> refusal(team.get(), "credits").orElseGet(() -> credits(team.get()));
            case "chat-completions" -> chatCompletion(team.get(), request);
            default -> throw new IllegalArgumentException("unknown simulated route " + route);
        };
        return team.get().delayMs() == null ? response
                : ResponseDefinitionBuilder.like(response).withFixedDelay(team.get().delayMs()).build();
    }

    private static String bearer(Request request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The team's first refusal that covers this kind of route, if it still applies. */
    private Optional<ResponseDefinition> refusal(Team team, String kind) {
        for (int i = 0; i < team.refusals().size(); i++) {
            Refusal refusal = team.refusals().get(i);
            if (!refusal.on().contains(kind)) {
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
                response.withHeader("content-type", "application/json").withBody(refusal.body().toString());
            }
            return Optional.of(response.build());
        }
        return Optional.empty();
    }

    private static ResponseDefinition credits(Team team) {
        ObjectNode body = JSON.createObjectNode()
                .put("balance", team.credits().balance())
                .put("total_used", team.credits().totalUsed());
        return json(200, body);
    }

    private ResponseDefinition chatCompletion(Team team, Request request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.getBodyAsString());
        } catch (Exception e) {
            return error(400, "invalid_request_error", "Invalid request: body is not valid JSON");
        }
        if (body == null || !body.path("model").isTextual()) {
            return invalidRequest("model");
        }
        if (!body.path("messages").isArray() || body.path("messages").isEmpty()) {
            return invalidRequest("messages");
        }
        Optional<ResponseDefinition> refused = refusal(team, "inference");
        if (refused.isPresent()) {
            return refused.get();
        }
        String modelId = body.path("model").asText();
        Optional<Catalog.Model> model = catalog.find(modelId);
        if (model.isEmpty()) {
            ObjectNode envelope = errorEnvelope("Model '" + modelId + "' not found", "model_not_found");
            ((ObjectNode) envelope.get("error")).putObject("param").put("modelId", modelId);
            return json(404, envelope);
        }
        Completion completion = Completion.of(model.get(), body);
        return body.path("stream").asBoolean(false)
                ? responseDefinition().withStatus(200)
                        .withHeader("content-type", "text/event-stream")
                        .withHeader("x-matched-path", "/v1/chat/completions")
                        .withBody(completion.eventStream()).build()
                : json(200, completion.body());
    }

    private static ResponseDefinition invalidRequest(String parameter) {
        ObjectNode envelope = errorEnvelope("Invalid request: missing required parameter '" + parameter + "'",
                "invalid_request_error");
        ((ObjectNode) envelope.get("error")).put("param", parameter).put("code", "missing_parameter");
        return json(400, envelope);
    }

    static ObjectNode errorEnvelope(String message, String type) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.putObject("error").put("message", message).put("type", type);
        return envelope;
    }

    private static ResponseDefinition error(int status, String type, String message) {
        return json(status, errorEnvelope(message, type));
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return responseDefinition().withStatus(status)
                .withHeader("content-type", "application/json")
                .withBody(body.toString())
                .build();
    }

    /** One computed reply: the model echoed, tokens counted roughly, cost from the catalog's prices. */
    record Completion(Catalog.Model model, String generationId, long created, List<String> words,
                      int promptTokens, String finishReason) {

        private static final List<String> REPLY = List.of("pong", "from", "the", "simulated", "gateway.");

        static Completion of(Catalog.Model model, JsonNode request) {
            int promptTokens = 0;
            for (JsonNode message : request.path("messages")) {
                promptTokens += 3 + (message.path("content").asText("").length() + 3) / 4;
            }
            int maxTokens = request.path("max_tokens").asInt(REPLY.size());
            List<String> words = REPLY.subList(0, Math.max(0, Math.min(maxTokens, REPLY.size())));
            return new Completion(model, Ulid.generationId(), System.currentTimeMillis() / 1000, words, promptTokens,
                    words.size() < REPLY.size() ? "length" : "stop");
        }

        BigDecimal cost() {
            return model.cost(promptTokens, words.size());
        }

        ObjectNode usage() {
            ObjectNode usage = JSON.createObjectNode()
                    .put("prompt_tokens", promptTokens)
                    .put("completion_tokens", words.size())
                    .put("total_tokens", promptTokens + words.size())
                    .put("cost", cost())
                    .put("is_byok", false);
            usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
            usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("image_tokens", 0);
            usage.put("market_cost", cost());
            return usage;
        }

        ObjectNode gatewayMetadata() {
            ObjectNode gateway = JSON.createObjectNode();
            ObjectNode routing = gateway.putObject("routing")
                    .put("originalModelId", model.id())
                    .put("resolvedProvider", model.creator())
                    .put("finalProvider", model.creator());
            ObjectNode attempt = routing.putArray("modelAttempts").addObject()
                    .put("modelId", model.id()).put("success", true);
            attempt.putArray("providerAttempts").addObject()
                    .put("provider", model.creator()).put("credentialType", "system").put("success", true);
            routing.put("totalProviderAttemptCount", 1);
            gateway.put("cost", cost().toPlainString())
                    .put("marketCost", cost().toPlainString())
                    .put("generationId", generationId);
            return gateway;
        }

        ObjectNode body() {
            ObjectNode body = JSON.createObjectNode()
                    .put("id", generationId)
                    .put("object", "chat.completion")
                    .put("created", created)
                    .put("model", model.id());
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
            ObjectNode message = choice.putObject("message")
                    .put("role", "assistant")
                    .put("content", String.join(" ", words));
            message.putObject("provider_metadata").set("gateway", gatewayMetadata());
            choice.putNull("logprobs");
            choice.put("finish_reason", finishReason);
            body.set("usage", usage());
            body.put("system_fingerprint", "fp_simulated");
            body.put("generationId", generationId);
            return body;
        }

        /** SSE: the role first, one delta per word, usage only on the final chunk, then {@code [DONE]}. */
        String eventStream() {
            List<ObjectNode> chunks = new ArrayList<>();
            chunks.add(chunk(delta -> delta.put("role", "assistant").put("content", "")));
            for (int i = 0; i < words.size(); i++) {
                String text = (i == 0 ? "" : " ") + words.get(i);
                chunks.add(chunk(delta -> delta.put("content", text)));
            }
            ObjectNode last = chunk(delta -> {});
            ((ObjectNode) last.get("choices").get(0)).put("finish_reason", finishReason);
            last.set("usage", usage());
            last.putObject("provider_metadata").set("gateway", gatewayMetadata());
            last.put("generationId", generationId);
            chunks.add(last);
            StringBuilder stream = new StringBuilder();
            for (ObjectNode chunk : chunks) {
                stream.append("data: ").append(chunk).append("\n\n");
            }
            return stream.append("data: [DONE]\n\n").toString();
        }

        private ObjectNode chunk(java.util.function.Consumer<ObjectNode> delta) {
            ObjectNode chunk = JSON.createObjectNode()
                    .put("id", generationId)
                    .put("object", "chat.completion.chunk")
                    .put("created", created)
                    .put("model", model.id());
            ArrayNode choices = chunk.putArray("choices");
            ObjectNode choice = choices.addObject().put("index", 0);
            delta.accept(choice.putObject("delta"));
            choice.putNull("logprobs");
            return chunk;
        }
    }
}
