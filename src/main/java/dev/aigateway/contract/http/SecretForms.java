package dev.aigateway.contract.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every form a secret can take once a server has echoed it or a library has written it: raw and
 * trimmed; URL-encoded (upper- and lower-case hex); JSON-escaped in each style (plain, {@code \/},
 * {@code \}{@code uXXXX} for non-ASCII or for everything that is not a letter or digit); base64 and
 * base64url of the value, of {@code Bearer <value>} and of {@code Authorization: Bearer <value>} at
 * each of the three byte offsets it can sit at inside a longer encoded text; and the value without
 * its first 8 characters. The redactor replaces them and the secret scan looks for them.
 */
public final class SecretForms {

    /** Shorter forms would match ordinary text; every real key is far longer. */
    static final int SHORTEST = 8;

    private SecretForms() {}

    /**
     * One pattern per form that matches it however each character was written: as itself, behind any
     * number of backslashes ({@code \/}, or {@code \\/} once a JSON text is put inside another),
     * as {@code \}{@code u00XX} or as {@code %XX} in either case, and any mix of these. Covers the
     * URL-encoded and JSON-escaped forms of the value, of its base64 and of its tail.
     */
    public static List<Pattern> patterns(String value) {
        Set<String> cores = new LinkedHashSet<>();
        for (String text : new LinkedHashSet<>(List.of(value, value.strip()))) {
            cores.add(text);
            for (String payload : List.of(text, "Bearer " + text, "Authorization: Bearer " + text)) {
                cores.addAll(base64Cores(payload));
            }
            if (text.length() > 16) {
                cores.add(text.substring(8));
            }
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String core : cores) {
            if (core.length() >= SHORTEST) {
                patterns.add(anyEscaping(core));
            }
        }
        return patterns;
    }

    private static Pattern anyEscaping(String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            String hex = String.format("%02x", (int) c);
            String literal = Character.isLetterOrDigit(c) && c < 0x80 ? String.valueOf(c) : "\\\\*" + Pattern.quote(String.valueOf(c));
            regex.append("(?:").append(literal).append("|\\\\+(?i:u").append(String.format("%04x", (int) c)).append(")");
            if (c < 0x80) {
                regex.append("|(?i:%").append(hex).append(")");
            }
            regex.append(")");
        }
        return Pattern.compile(regex.toString());
    }

    /** The literal forms, for messages and tests; {@link #patterns} is what redaction and the scan match. */
    public static List<String> of(String value) {
        Set<String> forms = new LinkedHashSet<>();
        Set<String> texts = new LinkedHashSet<>(List.of(value, value.strip()));
        for (String text : texts) {
            forms.add(text);
            forms.addAll(urlEncoded(text));
            forms.addAll(jsonEscaped(text));
            for (String payload : List.of(text, "Bearer " + text, "Authorization: Bearer " + text)) {
                for (String encoded : base64Cores(payload)) {
                    forms.add(encoded);
                    forms.add(encoded.replace("/", "\\/"));
                }
            }
            if (text.length() > 16) {
                forms.add(text.substring(8));
            }
        }
        List<String> kept = new ArrayList<>();
        for (String form : forms) {
            if (form.length() >= SHORTEST) {
                kept.add(form);
            }
        }
        return kept;
    }

    private static List<String> urlEncoded(String text) {
        String upper = URLEncoder.encode(text, StandardCharsets.UTF_8);
        StringBuilder lower = new StringBuilder();
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            lower.append(c);
            if (c == '%' && i + 2 < upper.length()) {
                lower.append(upper.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
                i += 2;
            }
        }
        return List.of(upper, upper.replace("+", "%20"), lower.toString());
    }

    private static List<String> jsonEscaped(String text) {
        String plain = text.replace("\\", "\\\\").replace("\"", "\\\"");
        String slashes = plain.replace("/", "\\/");
        return List.of(plain, slashes, unicodeEscaped(plain, false, false), unicodeEscaped(plain, false, true),
                unicodeEscaped(slashes, false, false), unicodeEscaped(text, true, false), unicodeEscaped(text, true, true));
    }

    /** {@code \}{@code uXXXX} for non-ASCII characters, or for every character but letters and digits when {@code all}. */
    private static String unicodeEscaped(String text, boolean all, boolean upperHex) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            boolean escape = c > 0x7e || c < 0x20 || (all && !Character.isLetterOrDigit(c));
            if (escape) {
                String hex = String.format("\\u%04x", (int) c);
                out.append(upperHex ? "\\u" + hex.substring(2).toUpperCase(Locale.ROOT) : hex);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The part of the base64 (and base64url) text of {@code payload} that is the same wherever the
     * payload sits inside a longer encoded text: for each of the three byte offsets, only the
     * 4-character groups made of payload bytes alone.
     */
    static List<String> base64Cores(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        List<String> cores = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int firstGroup = (offset + 2) / 3;
            int lastGroupExclusive = (offset + bytes.length) / 3;
            if (lastGroupExclusive <= firstGroup) {
                continue;
            }
            String core = encoded.substring(firstGroup * 4, lastGroupExclusive * 4);
            cores.add(core);
            cores.add(core.replace('+', '-').replace('/', '_'));
        }
        return cores;
    }
}
