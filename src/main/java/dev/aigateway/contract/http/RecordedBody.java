package dev.aigateway.contract.http;

import dev.aigateway.contract.environment.Environment;

/** What an exchange's record keeps of a body: an answer's first part, a request's whole up to its cap. */
final class RecordedBody {

    /** What an answer's recorded body keeps (the steps read all of it, up to limits.answerBytes). */
    static final int BODY_CAP = 64 * 1024;
    /**
     * A request body is recorded whole up to the answer cap, {@code limits.answerBytes}, and never less than its
     * default, 4 MiB: the application's request is replayed from the evidence, so it must be what was sent.
     */
    static final long REQUEST_BODY_CAP_AT_LEAST = Environment.Limits.DEFAULT_ANSWER_BYTES;

    private RecordedBody() {}

    /** An answer's body as recorded: its first {@link #BODY_CAP} characters, and how many more there were. */
    static String cap(String body) {
        if (body == null || body.length() <= BODY_CAP) {
            return body;
        }
        return body.substring(0, BODY_CAP) + "\n[... " + (body.length() - BODY_CAP) + " more characters not recorded]";
    }

    /** {@code text} whole when its UTF-8 form is at most {@code cap} bytes, else its longest start that is (never half a character). */
    static String firstBytes(String text, long cap) {
        if (text == null || text.length() * 3L <= cap) {
            return text;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes > cap) {
                return text.substring(0, i);
            }
            i += Character.charCount(codePoint);
        }
        return text;
    }
}
