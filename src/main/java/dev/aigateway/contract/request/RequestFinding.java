package dev.aigateway.contract.request;

/**
 * What the refusal of the application's request follows, found by its variants, in one sentence, and
 * the field it names ({@code max_tokens}; {@code model} when even the probe's smallest request is
 * refused; {@code stream}; empty when no single change settled it).
 */
public record RequestFinding(String sentence, String trigger) {

    /** Even the probe's smallest request on the same route and model is refused: the model or the account, not the request. */
    public static RequestFinding model(String path, String model, String answer) {
        return new RequestFinding("the gateway refuses even the probe's smallest request to " + path + " on " + model + " ("
                + answer + "): the refusal follows the model or the account, not this request", "model");
    }

    /**
     * A field whose one change is served: "the gateway refuses `max_tokens: 21334` with `stream: false` on
     * anthropic/claude-opus-5; streamed, or with `max_tokens: 10667`, it is served" ({@code stream} null when
     * the request flipped to or from streaming was refused too, or not tried).
     */
    public static RequestFinding field(RequestVariant found, RequestVariant stream, String model) {
        return new RequestFinding("the gateway refuses " + found.refusedPart() + (stream == null ? "" : " with " + stream.refusedPart())
                + " on " + model + "; " + (stream == null ? "" : stream.servedPart() + ", or ") + found.servedPart()
                + ", it is served", found.field());
    }

    /** Only the request flipped to or from streaming is served. */
    public static RequestFinding stream(RequestVariant stream, String model) {
        return new RequestFinding("the gateway refuses this request with " + stream.refusedPart() + " on " + model + "; "
                + stream.servedPart() + ", it is served", "stream");
    }

    /**
     * No variant that changes one thing is served: the refusal follows more than one part of the request, or one
     * not varied. {@code tried}: the variants of the request itself that were sent (the probe's smallest request is
     * not one); {@code smallestServed}: the probe's smallest request on the same model was served;
     * {@code notTried}: changes left out by {@code request.maxVariants}.
     */
    public static RequestFinding none(String model, int tried, boolean smallestServed, int notTried, int maxVariants) {
        String start = "the gateway refuses this request on " + model + (smallestServed ? ", yet serves the probe's smallest request there" : "");
        String left = notTried == 0 ? "" : " (" + notTried + (notTried == 1 ? " change" : " changes") + " not tried: request.maxVariants: "
                + maxVariants + ")";
        if (tried == 0) {
            return new RequestFinding(start + "; no variant that changes one thing of it was sent" + left, "");
        }
        return new RequestFinding(start + "; none of the " + tried + (tried == 1 ? " variant" : " variants")
                + " that change one thing of it is served: the refusal follows more than one part of it, or one not varied" + left, "");
    }

    /**
     * The same finding, with what the provider itself answered the same request sent directly with the user's own
     * key ({@code status}, {@code answer} as "400 invalid_request_error"): served there, the refusal is the gateway's
     * own limit; refused there too, it is the provider's; the key itself refused (401, 403) settles neither.
     */
    public RequestFinding directly(String provider, int status, String answer) {
        String clause = "; sent directly to " + provider + " with your own key, ";
        if (status == 401 || status == 403) {
            return new RequestFinding(sentence + clause + "the key was refused (" + answer + "), so whose limit it is stays open", trigger);
        }
        boolean served = status >= 200 && status < 300;
        return new RequestFinding(sentence + clause + "the same request is "
                + (served ? "served (" + answer + "): the limit is the gateway's, not " + provider + "'s"
                        : "refused too (" + answer + "): the limit is " + provider + "'s, not the gateway's"), trigger);
    }
}
