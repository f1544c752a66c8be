package dev.aigateway.contract.request;

import java.util.regex.Pattern;

/**
 * What a key looks like when it is pasted into a request: a known prefix ({@code vck_}, {@code sk-},
 * {@code sk-ant-}, {@code sk-or-}, ...), a JWT, or a long token of mixed-case letters and digits with
 * the entropy of a random string. A {@code $VAR}, {@code ${VAR}}, {@code %VAR%} or {@code $env:VAR} reference is never a
 * key: it names one.
 */
final class KeyShapes {

    /** Vercel (key, access tokens), OpenAI-style ({@code sk-}, {@code sk-ant-}, {@code sk-or-}), Groq, xAI, Perplexity, Google, Hugging Face, Replicate. */
    private static final Pattern PREFIXED = Pattern.compile(
            "(?:vck_|vca_|vcp_|sk-|sk_|gsk_|xai-|pplx-|AIza|hf_|r8_)[A-Za-z0-9_\\-]{16,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-+/=.~]{32,}");
    /** {@code $VAR}, {@code ${VAR}} (with a default), cmd's {@code %VAR%}, PowerShell's {@code $env:VAR}, {@code ${env:VAR}}, JavaScript's {@code ${process.env.VAR}}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$(?:[A-Za-z_][A-Za-z0-9_]*|\\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+]([^}]*))?})"
            + "|%[A-Za-z_][A-Za-z0-9_]*%|\\$(?i:env):[A-Za-z_][A-Za-z0-9_]*|\\$\\{(?i:env):[A-Za-z_][A-Za-z0-9_]*}"
            + "|\\$\\{process\\.env\\.[A-Za-z_][A-Za-z0-9_]*}");
    private static final Pattern SCHEME = Pattern.compile("(?i)^(bearer|basic|token)\\s+");
    /**
     * How close to a random string's entropy (log2 of its length, up to base64's 6 bits) a long token must be to be taken
     * for a key: a random 32-character key is near 0.95 of it, a long mixed-case name such as
     * {@code MyApplicationName2026ProductionBuild} near 0.83.
     */
    private static final double RANDOM_SHARE = 0.88;

    private KeyShapes() {}

    /** Whether {@code value}, without an auth scheme ({@code Bearer }), looks like a key. */
    static boolean looksLikeKey(String value) {
        String credential = withoutScheme(value).strip();
        if (isReference(credential)) {
            return false;
        }
        return PREFIXED.matcher(credential).matches() || JWT.matcher(credential).matches() || isRandomToken(credential);
    }

    /** The value without a leading auth scheme: {@code Bearer vck_x} is {@code vck_x}. */
    static String withoutScheme(String value) {
        return SCHEME.matcher(value.strip()).replaceFirst("");
    }

    /** The auth scheme and its space ({@code "Bearer "}), or the empty string. */
    static String scheme(String value) {
        String stripped = value.strip();
        return stripped.substring(0, stripped.length() - withoutScheme(stripped).length());
    }

    /** A whole {@code $VAR}, {@code ${VAR}} (with an optional {@code :-default}), {@code %VAR%} or {@code $env:VAR}: named, not held. */
    static boolean isReference(String value) {
        return REFERENCE.matcher(value.strip()).matches();
    }

    /** The default of a {@code ${VAR:-default}} reference, which the file does hold; null when there is none. */
    static String referenceDefault(String value) {
        var matcher = REFERENCE.matcher(value.strip());
        return matcher.matches() && matcher.group(1) != null && !matcher.group(1).isEmpty() ? matcher.group(1) : null;
    }

    private static boolean isRandomToken(String value) {
        if (!TOKEN.matcher(value).matches()) {
            return false;
        }
        boolean upper = value.chars().anyMatch(Character::isUpperCase);
        boolean lower = value.chars().anyMatch(Character::isLowerCase);
        boolean digit = value.chars().anyMatch(Character::isDigit);
        return upper && lower && digit
                && entropy(value) >= RANDOM_SHARE * Math.log(Math.min(value.length(), 64)) / Math.log(2);
    }

    private static double entropy(String value) {
        int[] counts = new int[128];
        for (char c : value.toCharArray()) {
            counts[c & 0x7f]++;
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / value.length();
                bits -= p * Math.log(p) / Math.log(2);
            }
        }
        return bits;
    }
}
