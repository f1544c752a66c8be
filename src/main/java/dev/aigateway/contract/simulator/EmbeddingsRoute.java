package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/embeddings} ({@code {model, input: string|string[], dimensions?}}): the request checked
 * (400), the team's gates, the model (404), then one unit vector per input, the same for the same text,
 * {@code dimensions} long (1536 by default, as {@code openai/text-embedding-3-small}, the catalog's
 * embedding model, answers live). The generation id is only in {@code providerMetadata.gateway}:
 * there is no top-level {@code id} (Vercel's docs,
 * https://github.com/superbuilders/superstarter/blob/fcc3e65/docs/vercel/ai-gateway/sdks-and-apis/openai-compat/embeddings.md;
 * https://github.com/maton-ai/api-gateway-skill/blob/HEAD/providers/kiro/.kiro/powers/api-gateway/references/vercel-ai-gateway/README.md).
 * A mapping that names a body file ({@code body}) gets its reply in it instead: {@code {data}} (the embeddings),
 * {@code {generationId}}, {@code {model}}, {@code {promptTokens}} and {@code {cost}} filled in.
 */
final class EmbeddingsRoute implements SimulatedRoute {

    private static final int DEFAULT_DIMENSIONS = 1536;
    private static final int MAX_DIMENSIONS = 4096;

    @Override
    public ResponseDefinition serve(RouteCall call) {
        JsonNode body = Replies.body(call.request().getBodyAsString());
        ResponseDefinition invalid = Replies.invalidInference(body, false);
        if (invalid != null) {
            return invalid;
        }
        List<String> inputs = inputs(body.path("input"));
        if (inputs.isEmpty()) {
            return Replies.invalidRequest("input");
        }
        JsonNode dimensions = body.path("dimensions");
        if (!dimensions.isMissingNode() && !dimensions.isNull()
                && (!dimensions.canConvertToInt() || !dimensions.isIntegralNumber()
                || dimensions.asInt() < 1 || dimensions.asInt() > MAX_DIMENSIONS)) {
            return Replies.error(400, "invalid_request_error",
                    "Invalid request: 'dimensions' must be an integer from 1 to " + MAX_DIMENSIONS);
        }
        RouteCall.Admission admission = call.admitInference(body.path("model").asText());
        if (admission.refused()) {
            return admission.refusal();
        }
        Catalog.Model model = admission.model();
        if (!"embedding".equals(model.type())) {
            return Replies.error(400, "invalid_request_error",
                    "Invalid request: model '" + model.id() + "' is a " + model.type() + " model, not an embedding model");
        }
        int size = dimensions.asInt(DEFAULT_DIMENSIONS);
        ObjectNode reply = Replies.JSON.createObjectNode().put("object", "list");
        ArrayNode data = reply.putArray("data");
        int promptTokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ArrayNode embedding = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
            for (double value : vector(inputs.get(i), size)) {
                embedding.add(value);
            }
            promptTokens += Math.max(1, (inputs.get(i).length() + 3) / 4);
        }
        reply.put("model", model.id());
        BigDecimal cost = model.cost(promptTokens, 0);
        String generationId = call.gateway().newGenerationId();
        call.gateway().remember(generationId, UsageEvent.of(generationId, model, promptTokens, 0, cost, false, "stop"));
        if (TemplatedCompletionRoute.templated(call)) {
            String text = TemplatedCompletionRoute.file(call, call.parameters().getString("body"))
                    .replace("{generationId}", generationId).replace("{model}", model.id())
                    .replace("{promptTokens}", String.valueOf(promptTokens)).replace("{cost}", cost.toPlainString())
                    .replace("{data}", data.toString());
            return TemplatedCompletionRoute.withGenerationIdHeader(call, TemplatedCompletionRoute.withHeaders(call,
                    ResponseDefinitionBuilder.like(Replies.json(200, Replies.JSON.createObjectNode())).withBody(text).build(),
                    value -> value.replace("{cost}", cost.toPlainString()).replace("{provider}", model.creator())), generationId);
        }
        reply.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
        reply.putObject("providerMetadata").set("gateway", GatewayMetadata.of(model, cost, generationId));
        return Replies.json(200, reply);
    }

    /** A string or an array of strings; empty when it is neither or holds anything else. */
    private static List<String> inputs(JsonNode input) {
        if (input.isTextual()) {
            return List.of(input.asText());
        }
        List<String> inputs = new ArrayList<>();
        if (input.isArray()) {
            for (JsonNode item : input) {
                if (!item.isTextual()) {
                    return List.of();
                }
                inputs.add(item.asText());
            }
        }
        return inputs;
    }

    /** A unit vector drawn from the SHA-256 chain of the text, so equal inputs embed equally. */
    static double[] vector(String text, int dimensions) {
        double[] vector = new double[dimensions];
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] block = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(block);
            double norm = 0;
            for (int i = 0; i < dimensions; i++) {
                if (bytes.remaining() < 2) {
                    block = sha256.digest(block);
                    bytes = ByteBuffer.wrap(block);
                }
                vector[i] = bytes.getShort() / 32768.0;
                norm += vector[i] * vector[i];
            }
            norm = norm == 0 ? 1 : Math.sqrt(norm);
            for (int i = 0; i < dimensions; i++) {
                vector[i] = Math.round(vector[i] / norm * 1e6) / 1e6;
            }
            return vector;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
