package dev.aigateway.contract.request;

/**
 * The application's request with one thing changed, sent to find what the gateway refuses in it.
 *
 * @param kind        what was changed: the whole request for the probe's smallest, {@code stream}, a top-level
 *                    field of the body, or one item of its messages (or input) or of a message's content parts
 * @param field       the field changed, as the finding names its trigger: {@code max_tokens}, {@code stream},
 *                    {@code messages[1]}, {@code messages[0].content[1]}; {@code model} for the probe's smallest request
 * @param change      what the variant changed, as its exchange is marked: {@code max_tokens: 10667}, {@code stream: true},
 *                    {@code without temperature}
 * @param refusedPart the original's part, as the finding quotes it: {@code `max_tokens: 21334`}
 * @param servedPart  the change, as the finding says it was served: {@code with `max_tokens: 10667`}, {@code streamed}
 * @param body        the variant's body
 * @param size        how much it changes, in bytes of the body (at least 1): of two variants that are served,
 *                    the smaller change is the finding
 */
public record RequestVariant(Kind kind, String field, String change, String refusedPart, String servedPart, String body,
                             int size) {

    /** What a variant changes, in the order they are tried; DIRECT is the same request sent to the provider itself. */
    public enum Kind { SMALLEST, STREAM, TOP_LEVEL, ITEM, DIRECT }

    /** The application's request with this variant's body. */
    public ApplicationRequest applyTo(ApplicationRequest request) {
        return request.withBody(body);
    }
}
