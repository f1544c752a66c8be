package dev.aigateway.contract.evidence;

import dev.aigateway.contract.record.Exchange;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The curl command that sends an exchange's request again, with the secrets left as shell variables. */
public final class CurlLine {

    /**
     * What curl writes the same from its command line: Host from the URL, Content-Length from the body,
     * Connection (keep-alive, HTTP/1.1's default). User-Agent and Accept-Encoding are repeated as sent:
     * a gateway or a firewall in front of it may answer another client differently.
     */
    private static final Set<String> SET_BY_CURL = Set.of("content-length", "host", "connection");
    private static final String UNNAMED_CREDENTIAL = "[redacted";

    private CurlLine() {}

    /**
     * One bash line that repeats {@code exchange}'s request once the user has exported the variables
     * whose placeholders the redactor wrote into it ({@code $AI_GATEWAY_API_KEY}, {@link Exchange#placeholders}):
     * only those expand, every other character of the URL, the headers and the body arrives as recorded
     * ({@code $HOME}, {@code $(id)}, backticks, {@code !} and quotes included). A request whose body was
     * recorded cut gets no curl line, which would send another body: a shell comment saying so instead.
     */
    public static String of(Exchange exchange) {
        return line(exchange, new LinkedHashSet<>());
    }

    /** The variables {@link #of}'s line expands, in order of first use: the ones to export before running it. */
    public static Set<String> variables(Exchange exchange) {
        Set<String> used = new LinkedHashSet<>();
        line(exchange, used);
        return used;
    }

    private static String line(Exchange exchange, Set<String> used) {
        if (exchange.requestBodyCut() != null) {
            return "# not repeated here: " + exchange.requestBodyCutNote();
        }
        Pattern placeholder = placeholderOf(exchange.placeholders());
        StringBuilder line = new StringBuilder("curl -sS -i -X ")
                .append(exchange.method()).append(' ').append(quoted(exchange.url(), placeholder, used));
        if (exchange.requestHeaders() != null) {
            // Every line in the order sent, a name sent twice as two -H (curl sends both).
            for (Exchange.Header header : exchange.requestHeaders()) {
                if (!SET_BY_CURL.contains(header.name().toLowerCase(Locale.ROOT))) {
                    line.append(" -H ").append(quoted(header.name() + ": " + header.value(), placeholder, used));
                }
            }
        }
        if (exchange.requestHeaders() != null && exchange.requestHeaders().stream()
                .anyMatch(header -> header.name().equalsIgnoreCase("accept-encoding"))) {
            // The same Accept-Encoding, and the answer shown decoded, as the client read it.
            line.append(" --compressed");
        }
        String body = exchange.requestBody();
        if (body != null) {
            // --data-binary reads a file when its value starts with @; --data-raw never does.
            line.append(body.startsWith("@") ? " --data-raw " : " --data-binary ").append(quoted(body, placeholder, used));
        }
        return line.toString();
    }

    /** {@code $NAME} for each of {@code variables}, the longest first; null when there is none. */
    private static Pattern placeholderOf(List<String> variables) {
        if (variables == null || variables.isEmpty()) {
            return null;
        }
        return Pattern.compile("\\$(" + variables.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|")) + ")");
    }

    private static String quoted(String text, Pattern placeholder, Set<String> used) {
        if (placeholder == null || text.contains(UNNAMED_CREDENTIAL) || !placeholder.matcher(text).find()) {
            return singleQuoted(text);
        }
        return expandingPlaceholders(text, placeholder, used);
    }

    private static String singleQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String expandingPlaceholders(String text, Pattern placeholderPattern, Set<String> used) {
        StringBuilder quoted = new StringBuilder("\"");
        Matcher placeholder = placeholderPattern.matcher(text);
        int literalStart = 0;
        while (placeholder.find()) {
            appendLiteral(quoted, text.substring(literalStart, placeholder.start()));
            literalStart = placeholder.end();
            used.add(placeholder.group(1));
            boolean wordFollows = literalStart < text.length() && isWordCharacter(text.charAt(literalStart));
            quoted.append(wordFollows ? "${" + placeholder.group(1) + "}" : placeholder.group());
        }
        appendLiteral(quoted, text.substring(literalStart));
        return quoted.append('"').toString();
    }

    private static void appendLiteral(StringBuilder quoted, String literal) {
        for (char c : literal.toCharArray()) {
            switch (c) {
                case '\\', '"', '`', '$' -> quoted.append('\\').append(c);
                // A backslash does not stop history expansion inside double quotes of an interactive
                // bash, where these lines are pasted; a single-quoted ! between two double-quoted parts does.
                case '!' -> quoted.append("\"'!'\"");
                default -> quoted.append(c);
            }
        }
    }

    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
