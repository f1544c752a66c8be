package dev.aigateway.contract.environment;

/**
 * What is wrong with a key's characters, said without the key: whitespace at either end (a key
 * exported from a file with its newline), control characters, or characters outside printable ASCII.
 * Gateway and provider keys are printable ASCII; the run refuses a key rather than changing it.
 */
final class KeyCharacters {

    private KeyCharacters() {}

    /** A phrase such as "ends with a newline (character 41 of 41)", or null when the key is clean. */
    static String flaw(String key) {
        int length = key.length();
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            boolean atEnd = i == length - 1;
            String position = " (character " + (i + 1) + " of " + length + ")";
            if (Character.isWhitespace(c) && (i == 0 || atEnd)) {
                return (i == 0 ? "starts with " : "ends with ") + name(c) + position;
            }
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                return "has " + name(c) + " inside it" + position;
            }
            if (c > 0x7e) {
                return "has a non-ASCII character (U+" + String.format("%04X", (int) c) + ")" + position;
            }
        }
        return null;
    }

    private static String name(char c) {
        return switch (c) {
            case '\n' -> "a newline";
            case '\r' -> "a carriage return";
            case '\t' -> "a tab";
            case ' ' -> "a space";
            default -> "a control character (U+" + String.format("%04X", (int) c) + ")";
        };
    }
}
