package dev.aigateway.contract.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
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

    /**
     * Whether {@code pattern}, one of {@link #patterns}, matches anywhere in {@code text}: the same
     * answer as {@code pattern.matcher(text).find()}, found faster ({@link #matching}).
     */
    public static boolean find(Pattern pattern, String text) {
        return !matching(List.of(pattern), text).isEmpty();
    }

    /**
     * Which of {@code patterns}, each one of {@link #patterns}, match anywhere in {@code text} (their
     * indexes): the same answers as {@code matcher(text).find()} on each, found in one pass over the
     * text. A match of any form starts with the secret's first character as itself, with a backslash
     * or with {@code %}, so a pattern is tried only where one of those stands, not at every character
     * of a report of several megabytes, and only where what follows can still be the secret
     * ({@link #canStartAt}).
     */
    public static BitSet matching(List<Pattern> patterns, String text) {
        int count = patterns.size();
        String[] cores = new String[count];
        Matcher[] matchers = new Matcher[count];
        Map<Character, int[]> byFirst = new HashMap<>();
        int[] every = new int[count];
        for (int i = 0; i < count; i++) {
            cores[i] = core(patterns.get(i));
            matchers[i] = patterns.get(i).matcher(text);
            every[i] = i;
            int[] before = byFirst.getOrDefault(cores[i].charAt(0), new int[0]);
            int[] with = java.util.Arrays.copyOf(before, before.length + 1);
            with[before.length] = i;
            byFirst.put(cores[i].charAt(0), with);
        }
        // Where each text character may start a match: an array for the one-byte characters a scanned file is read as.
        int[][] startingWith = new int[256][];
        byFirst.forEach((first, indexes) -> {
            if (first < 256) {
                startingWith[first] = indexes;
            }
        });
        startingWith['\\'] = every;
        startingWith['%'] = every;
        BitSet found = new BitSet(count);
        int left = count;
        int end = text.length();
        for (int at = 0; at < end && left > 0; at++) {
            char here = text.charAt(at);
            int[] candidates = here < 256 ? startingWith[here] : byFirst.get(here);
            if (candidates == null) {
                continue;
            }
            for (int i : candidates) {
                if (!found.get(i) && canStartAt(cores[i], text, at) && matchers[i].region(at, end).lookingAt()) {
                    found.set(i);
                    left--;
                }
            }
        }
        return found;
    }

    /**
     * Where {@code pattern}, one of {@link #patterns}, matches in {@code text}: the start and end of each match,
     * the ones {@code matcher(text).find()} finds one after the other, tried only where a match can start
     * ({@link #canStartAt}), so a text of megabytes costs one pass, not one regex attempt per character.
     */
    public static List<int[]> matches(Pattern pattern, String text) {
        String core = core(pattern);
        char first = core.charAt(0);
        Matcher matcher = pattern.matcher(text);
        List<int[]> found = new ArrayList<>();
        int end = text.length();
        for (int at = 0; at < end; at++) {
            char here = text.charAt(at);
            if ((here == first || here == '\\' || here == '%') && canStartAt(core, text, at)
                    && matcher.region(at, end).lookingAt()) {
                found.add(new int[] {at, matcher.end()});
                at = matcher.end() - 1;
            }
        }
        return found;
    }

    /**
     * False only where no form of {@code core} can start at {@code at}: what {@link #anyEscaping}
     * allows for its first character, and, after that character as itself, what it allows for the second.
     */
    private static boolean canStartAt(String core, String text, int at) {
        char first = core.charAt(0);
        char here = text.charAt(at);
        if (first == '\\' || first == '%') {
            return true;
        }
        if (here == first) {
            if (at + 1 >= text.length()) {
                return false;
            }
            char next = text.charAt(at + 1);
            return next == core.charAt(1) || next == '\\' || next == '%';
        }
        if (here == '\\') {
            int after = at;
            while (after < text.length() && text.charAt(after) == '\\') {
                after++;
            }
            if (after >= text.length()) {
                return false;
            }
            char escaped = text.charAt(after);
            return escaped == 'u' || escaped == 'U' || (escaped == first && !isLiteral(first));
        }
        // here == '%': the first character's two hex digits, in either case.
        return first < 0x80 && at + 2 < text.length()
                && Character.digit(text.charAt(at + 1), 16) == first >> 4 && Character.digit(text.charAt(at + 2), 16) == (first & 0xF);
    }

    /** The text a pattern of {@link #anyEscaping} stands for, read back group by group. */
    private static String core(Pattern pattern) {
        String regex = pattern.pattern();
        StringBuilder core = new StringBuilder();
        for (int at = 0; at < regex.length(); ) {
            char c = regex.charAt(at + 3) == '\\' ? regex.charAt(at + 8) : regex.charAt(at + 3);
            core.append(c);
            at += group(c).length();
        }
        return core.toString();
    }

    private static Pattern anyEscaping(String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            regex.append(group(c));
        }
        return Pattern.compile(regex.toString());
    }

    /** The regex for one character written any way: itself (behind backslashes unless a letter or digit), {@code \\}{@code uXXXX}, {@code %XX}. */
    private static String group(char c) {
        String literal = isLiteral(c) ? String.valueOf(c) : "\\\\*" + Pattern.quote(String.valueOf(c));
        StringBuilder group = new StringBuilder("(?:").append(literal)
                .append("|\\\\+(?i:u").append(String.format("%04x", (int) c)).append(")");
        if (c < 0x80) {
            group.append("|(?i:%").append(String.format("%02x", (int) c)).append(")");
        }
        return group.append(")").toString();
    }

    private static boolean isLiteral(char c) {
        return Character.isLetterOrDigit(c) && c < 0x80;
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
