package dev.aigateway.contract.http;

/** The body of {@code POST /v1/embeddings}: one short input, the smallest billable embedding. */
public record EmbeddingsRequest(String model, String input) {

    public static EmbeddingsRequest smallest(String model) {
        return new EmbeddingsRequest(model, "pong");
    }
}
