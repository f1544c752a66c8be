package dev.aigateway.contract;

/**
 * Text a gateway wrote, made safe to print on the user's terminal: a gateway's message can carry
 * escape sequences that recolour or rewrite the terminal ({@code ESC [31m}, OSC titles and links), a
 * NUL, or bytes that are not UTF-8. Control characters are shown escaped ({@code \x1b}, {@code \x00},
 * {@code \u009b}), so the text stays readable and nothing reaches the terminal as a command; what
 * was not valid UTF-8 is already U+FFFD once decoded, and a lone surrogate becomes U+FFFD too.
 */
public final class ConsoleText {

    private ConsoleText() {}

    public static String safe(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                safe.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                safe.append('\uFFFD');
            } else if (c == '\t') {
                safe.append(c);
            } else if (c < 0x20 || c == 0x7f) {
                safe.append(String.format("\\x%02x", (int) c));
            } else if ((c >= 0x80 && c <= 0x9f) || isBidiControl(c)) {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    /** Characters that reorder what follows them on screen, so printed text can read differently from what was sent. */
    private static boolean isBidiControl(char c) {
        return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
