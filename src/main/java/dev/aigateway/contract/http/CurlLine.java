package dev.aigateway.contract.http;

import dev.aigateway.contract.record.Exchange;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
     * whose placeholders the redactor wrote into it ({@code $AI_GATEWAY_API_KEY}, where {@link Exchange#placeholders}
     * says it wrote them): only those expand, every other character of the URL, the headers and the body arrives as recorded
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
        StringBuilder line = new StringBuilder("curl -sS -i -X ")
                .append(exchange.method()).append(' ')
                .append(quoted(exchange.url(), 0, placeholdersIn(exchange, Exchange.Placeholder.URL), used));
        if (exchange.requestHeaders() != null) {
            // Every line in the order sent, a name sent twice as two -H (curl sends both).
            for (int i = 0; i < exchange.requestHeaders().size(); i++) {
                Exchange.Header header = exchange.requestHeaders().get(i);
                if (!SET_BY_CURL.contains(header.name().toLowerCase(Locale.ROOT))) {
                    String prefix = header.name() + ": ";
                    line.append(" -H ").append(quoted(prefix + header.value(), prefix.length(),
                            placeholdersIn(exchange, Exchange.Placeholder.header(i)), used));
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
            line.append(body.startsWith("@") ? " --data-raw " : " --data-binary ")
                    .append(quoted(body, 0, placeholdersIn(exchange, Exchange.Placeholder.BODY), used));
        }
        return line.toString();
    }

    /** Where the redactor wrote placeholders into one part of the request ({@code in}), in order. */
    private static List<Exchange.Placeholder> placeholdersIn(Exchange exchange, String in) {
        if (exchange.placeholders() == null) {
            return List.of();
        }
        return exchange.placeholders().stream().filter(placeholder -> placeholder.in().equals(in))
                .sorted(Comparator.comparingInt(Exchange.Placeholder::at)).toList();
    }

    /**
     * {@code text} as one bash word: single-quoted when nothing in it expands; else double-quoted, every
     * character escaped but the placeholders written at {@code placeholders} (offsets from {@code offset} on).
     */
    private static String quoted(String text, int offset, List<Exchange.Placeholder> placeholders, Set<String> used) {
        List<Exchange.Placeholder> expanding = placeholders.stream()
                .filter(placeholder -> text.startsWith("$" + placeholder.variable(), offset + placeholder.at())).toList();
        if (expanding.isEmpty() || text.contains(UNNAMED_CREDENTIAL)) {
            return singleQuoted(text);
        }
        StringBuilder quoted = new StringBuilder("\"");
        int literalStart = 0;
        for (Exchange.Placeholder placeholder : expanding) {
            int start = offset + placeholder.at();
            if (start < literalStart) {
                continue;
            }
            appendLiteral(quoted, text.substring(literalStart, start));
            literalStart = start + 1 + placeholder.variable().length();
            used.add(placeholder.variable());
            boolean wordFollows = literalStart < text.length() && isWordCharacter(text.charAt(literalStart));
            quoted.append(wordFollows ? "${" + placeholder.variable() + "}" : "$" + placeholder.variable());
        }
        appendLiteral(quoted, text.substring(literalStart));
        return quoted.append('"').toString();
    }

    private static String singleQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
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
