package dev.aigateway.contract.request;

import dev.aigateway.contract.request.ApplicationRequest.Header;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads PowerShell's {@code Invoke-WebRequest} (or {@code Invoke-RestMethod}) as the browsers' "Copy as
 * PowerShell" writes it (Chromium DevTools, front_end/panels/network/NetworkLogView.ts,
 * {@code generatePowerShellCommand}): a {@code $session} whose {@code UserAgent} and cookies are the
 * request's, then {@code -Uri}, {@code -Method}, {@code -Headers @{...}}, {@code -ContentType} and {@code -Body},
 * in double-quoted strings where {@code `} escapes ({@code `"}, {@code `$}, {@code ``}, {@code `n}) and
 * {@code $([char]233)} is a character; lines joined by a closing {@code `}. Nothing is run: {@code $env:KEY}
 * and other variables stay as written. Other statements are read only for the keys they hold.
 */
final class PowerShellCommand {

    private static final Pattern COMMAND = Pattern.compile("(?im)^[ \\t]*(?:Invoke-WebRequest|Invoke-RestMethod|iwr|irm)(?:[ \\t`]|$)");
    private static final Set<String> COMMANDS = Set.of("invoke-webrequest", "invoke-restmethod", "iwr", "irm");
    private static final Set<String> SWITCHES = Set.of("usebasicparsing", "skipcertificatecheck", "disablekeepalive",
            "skiphttperrorcheck", "skipheadervalidation", "allowunencryptedauthentication", "noproxy", "passthru",
            "usedefaultcredentials", "resume", "allowinsecureredirect", "preservehttpmethodonredirect",
            "preserveauthorizationonredirect", "proxyusedefaultcredentials", "verbose");
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("websession", "sessionvariable", "outfile", "timeoutsec",
            "proxy", "maximumredirection", "maximumretrycount", "retryintervalsec", "transferencoding", "httpversion",
            "connectiontimeoutseconds", "operationtimeoutseconds", "sslprotocol", "responseheadersvariable",
            "statuscodevariable", "certificatethumbprint");
    /** HTTP/2 pseudo-headers, which "Copy as PowerShell" writes as headers without their colon. */
    private static final Set<String> PSEUDO_HEADERS = Set.of("authority", "method", "path", "scheme");
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:env:)?([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|token|secret|password).*");

    /** One token of a statement: a bare word, a string's value, a hashtable, or a group's strings; and where it starts. */
    private record Token(Kind kind, String text, Map<String, String> table, List<String> strings, int offset) {}

    private enum Kind { WORD, STRING, TABLE, GROUP }

    private static final Pattern OWN_VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final String text;
    private final String file;
    private int i;
    /** {@code $name = "text"} or {@code $name = @{...}} set before the command, by lower-case name; null for one set otherwise. */
    private final Map<String, Token> variables = new java.util.HashMap<>();

    private PowerShellCommand(String text, String file) {
        this.text = text;
        this.file = file;
    }

    /** Whether {@code text} holds an {@code Invoke-WebRequest} or {@code Invoke-RestMethod} command. */
    static boolean isPowerShell(String text) {
        return COMMAND.matcher(text.replace("\r\n", "\n")).find();
    }

    static CurlCommand.Parsed parse(String text, String file) {
        return new PowerShellCommand(text.replace("\r\n", "\n"), file).parse();
    }

    private CurlCommand.Parsed parse() {
        List<List<Token>> statements = statements();
        List<List<Token>> invocations = statements.stream().filter(statement -> statement.get(0).kind() == Kind.WORD
                && COMMANDS.contains(statement.get(0).text().toLowerCase(Locale.ROOT))).toList();
        if (invocations.size() != 1) {
            throw new RequestFileException(file + " holds " + invocations.size() + " Invoke-WebRequest commands (lines "
                    + String.join(", ", invocations.stream().map(s -> String.valueOf(line(s.get(0).offset()))).toList())
                    + "); keep only the one your application sends.");
        }
        List<Header> headers = new ArrayList<>();
        Map<String, String> fileSecrets = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (List<Token> statement : statements) {
            var own = OWN_VARIABLE.matcher(statement.get(0).text() == null ? "" : statement.get(0).text());
            if (statement != invocations.get(0) && own.matches() && statement.size() >= 3 && "=".equals(statement.get(1).text())) {
                boolean plain = statement.size() == 3 && (statement.get(2).kind() == Kind.STRING || statement.get(2).kind() == Kind.TABLE);
                variables.put(own.group(1).toLowerCase(Locale.ROOT), plain ? statement.get(2) : null);
            }
            if (statement != invocations.get(0)) {
                session(statement, headers, cookies, fileSecrets);
            }
        }
        if (!cookies.isEmpty()) {
            headers.add(new Header("Cookie", String.join("; ", cookies)));
        }
        return invocation(invocations.get(0), headers, fileSecrets);
    }

    /** {@code $session.UserAgent = "..."}, {@code $session.Cookies.Add(...)}, and any key a statement holds. */
    private void session(List<Token> statement, List<Header> headers, List<String> cookies, Map<String, String> secrets) {
        Token first = statement.get(0);
        if (first.kind() == Kind.WORD && first.text().toLowerCase(Locale.ROOT).endsWith(".useragent")
                && statement.size() == 3 && statement.get(2).kind() == Kind.STRING) {
            headers.add(new Header("User-Agent", statement.get(2).text()));
            return;
        }
        if (first.kind() == Kind.WORD && first.text().toLowerCase(Locale.ROOT).endsWith(".cookies.add") && statement.size() == 2
                && statement.get(1).strings().size() >= 2) {
            cookies.add(statement.get(1).strings().get(0) + "=" + statement.get(1).strings().get(1));
            return;
        }
        var variable = VARIABLE.matcher(first.text());
        if (first.kind() == Kind.WORD && variable.matches() && statement.size() == 3 && statement.get(1).text().equals("=")
                && statement.get(2).kind() == Kind.STRING) {
            String value = statement.get(2).text();
            if (!value.isEmpty() && !KeyShapes.isReference(value)
                    && (SECRET_NAME.matcher(variable.group(1)).matches() || KeyShapes.looksLikeKey(value))) {
                secrets.putIfAbsent(value, variable.group(1));
                return;
            }
        }
        for (Token token : statement) {
            List<String> values = token.kind() == Kind.GROUP ? token.strings() : token.kind() == Kind.TABLE
                    ? List.copyOf(token.table().values()) : List.of(token.text());
            values.stream().filter(KeyShapes::looksLikeKey).forEach(value -> secrets.putIfAbsent(value, "FILE_KEY"));
        }
    }

    private CurlCommand.Parsed invocation(List<Token> tokens, List<Header> headers, Map<String, String> fileSecrets) {
        String url = null;
        String method = "GET";
        String body = null;
        String contentType = null;
        for (int k = 1; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            boolean parameter = token.kind() == Kind.WORD && token.text().startsWith("-") && token.text().length() > 1;
            if (!parameter) {
                if (url != null) {
                    throw new RequestFileException(at(token) + ": a second URL; a request file holds one request, so keep one URL.");
                }
                url = value(resolved(token), "the URL");
                continue;
            }
            String name = token.text().substring(1).toLowerCase(Locale.ROOT);
            if (SWITCHES.contains(name)) {
                continue;
            }
            if (k + 1 >= tokens.size()) {
                throw new RequestFileException(at(token) + ": " + token.text() + " needs a value after it.");
            }
            Token value = tokens.get(++k);
            if (Set.of("uri", "method", "custommethod", "contenttype", "useragent", "body", "headers").contains(name)) {
                value = resolved(value);
            }
            switch (name) {
                case "uri" -> url = value(value, "-Uri");
                case "method", "custommethod" -> method = value(value, token.text()).toUpperCase(Locale.ROOT);
                case "contenttype" -> contentType = value(value, "-ContentType");
                case "useragent" -> headers.add(new Header("User-Agent", value(value, "-UserAgent")));
                case "body" -> body = value(value, "-Body");
                case "headers" -> {
                    if (value.kind() != Kind.TABLE) {
                        throw new RequestFileException(at(value) + ": -Headers is read as a table @{\"Name\"=\"value\"}, and"
                                + " this is not one.");
                    }
                    value.table().forEach((headerName, headerValue) -> {
                        if (!PSEUDO_HEADERS.contains(headerName.toLowerCase(Locale.ROOT))) {
                            headers.add(new Header(headerName, headerValue));
                        }
                    });
                }
                case "infile" -> throw new RequestFileException(at(token) + ": the body is read from a file (-InFile); put"
                        + " the body itself in the command as -Body, or use a HAR or JSON request file.");
                default -> {
                    if (!IGNORED_WITH_VALUE.contains(name)) {
                        throw new RequestFileException(at(token) + ": parameter " + (token.text().matches("-[A-Za-z]{1,40}")
                                ? token.text() : "this") + " is not one this reader knows; it reads -Uri, -Method, -Headers,"
                                + " -ContentType, -Body, -UserAgent and -WebSession.");
                    }
                }
            }
        }
        if (url == null) {
            throw new RequestFileException(at(tokens.get(0)) + ": the command has no -Uri.");
        }
        if (contentType != null) {
            headers.removeIf(header -> header.name().equalsIgnoreCase("content-type"));
            headers.add(new Header("Content-Type", contentType));
        }
        return new CurlCommand.Parsed(method, url, headers, body, fileSecrets);
    }

    /** The value a {@code $variable} was set to in the file; a token that is no variable as it is. */
    private Token resolved(Token token) {
        var own = OWN_VARIABLE.matcher(token.kind() == Kind.WORD ? token.text() : "");
        if (!own.matches()) {
            return token;
        }
        String name = own.group(1).toLowerCase(Locale.ROOT);
        Token value = variables.get(name);
        if (value == null) {
            throw new RequestFileException(at(token) + ": " + token.text() + (variables.containsKey(name)
                    ? " is made by an expression here (such as ConvertTo-Json); put the text it makes in the command as a quoted string."
                    : " is not set in this file; put its value in the command as a quoted string."));
        }
        return value;
    }

    /** A parameter's value: a string, a bare word, or the string of a group ({@code ([Text.Encoding]::UTF8.GetBytes("..."))}). */
    private String value(Token token, String what) {
        return switch (token.kind()) {
            case STRING, WORD -> token.text();
            case GROUP -> {
                if (token.strings().size() != 1) {
                    throw new RequestFileException(at(token) + ": " + what + " is an expression; give it as one quoted string.");
                }
                yield token.strings().get(0);
            }
            case TABLE -> throw new RequestFileException(at(token) + ": " + what + " is a table; give it as one quoted string.");
        };
    }

    // ---- PowerShell's tokens ----------------------------------------------------------------

    private List<List<Token>> statements() {
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == ';') {
                if (!current.isEmpty()) {
                    statements.add(current);
                    current = new ArrayList<>();
                }
                i++;
            } else if (blank()) {
                continue;
            } else {
                current.add(token());
            }
        }
        if (!current.isEmpty()) {
            statements.add(current);
        }
        return statements;
    }

    /** Skips a space, a tab, a {@code `} line continuation or a {@code #} comment; false when there is none here. */
    private boolean blank() {
        char c = text.charAt(i);
        if (c == ' ' || c == '\t') {
            i++;
            return true;
        }
        if (c == '`' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i += 2;
            return true;
        }
        int lineEnd = c == '`' ? text.indexOf('\n', i) : -1;
        if (lineEnd > i + 1 && text.substring(i + 1, lineEnd).isBlank()) {
            throw new RequestFileException(file + " line " + line(i) + ": a space after the closing `, which ends the"
                    + " command there; take the space out.");
        }
        if (c == '#') {
            while (i < text.length() && text.charAt(i) != '\n') {
                i++;
            }
            return true;
        }
        return false;
    }

    private Token token() {
        int start = i;
        if (i >= text.length()) {
            throw new RequestFileException(file + " line " + line(i) + ": the file ends where a value was expected.");
        }
        char c = text.charAt(i);
        if (c == '"') {
            return new Token(Kind.STRING, doubleQuoted(), null, null, start);
        }
        if (c == '\'') {
            return new Token(Kind.STRING, singleQuoted(), null, null, start);
        }
        if (c == '@' && (text.startsWith("@\"\n", i) || text.startsWith("@'\n", i))) {
            return new Token(Kind.STRING, hereString(), null, null, start);
        }
        if (c == '@' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
            i += 2;
            return new Token(Kind.TABLE, null, table(start), null, start);
        }
        if (c == '(') {
            i++;
            return new Token(Kind.GROUP, null, null, group(start), start);
        }
        StringBuilder word = new StringBuilder();
        while (i < text.length() && " \t\n;()\"'{}".indexOf(text.charAt(i)) < 0
                && !(text.charAt(i) == '`' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
            word.append(text.charAt(i++));
        }
        if (word.isEmpty()) {
            throw new RequestFileException(file + " line " + line(i) + ": a " + text.charAt(i) + " this reader does not"
                    + " expect at column " + column(i) + ".");
        }
        return new Token(Kind.WORD, word.toString(), null, null, start);
    }

    /** The strings of a parenthesised group, however deep: {@code (New-Object System.Net.Cookie("n", "v", "/", "d"))}. */
    private List<String> group(int open) {
        List<String> strings = new ArrayList<>();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ')') {
                i++;
                return strings;
            }
            if (c == '\n' || c == ',' || c == ';') {
                i++;
            } else if (!blank()) {
                Token token = token();
                if (token.kind() == Kind.STRING) {
                    strings.add(token.text());
                } else if (token.kind() == Kind.GROUP) {
                    strings.addAll(token.strings());
                }
            }
        }
        throw unclosed("(", open);
    }

    /** {@code @{"name"="value"; name2 = 'value'}}: entries by line or {@code ;}. */
    private Map<String, String> table(int open) {
        Map<String, String> table = new LinkedHashMap<>();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                i++;
                return table;
            }
            if (c == '\n' || c == ';') {
                i++;
                continue;
            }
            if (blank()) {
                continue;
            }
            int entry = i;
            String name = text.charAt(i) == '"' ? doubleQuoted() : text.charAt(i) == '\'' ? singleQuoted() : bareName();
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i >= text.length() || text.charAt(i) != '=') {
                throw new RequestFileException(file + " line " + line(entry) + ": a -Headers entry is \"Name\"=\"value\","
                        + " and this one has no =.");
            }
            i++;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            Token value = token();
            table.put(name, value(value, "the value of header " + name));
        }
        throw unclosed("@{", open);
    }

    private String bareName() {
        StringBuilder name = new StringBuilder();
        while (i < text.length() && " \t\n=;}".indexOf(text.charAt(i)) < 0) {
            name.append(text.charAt(i++));
        }
        return name.toString();
    }

    private String singleQuoted() {
        int open = i;
        StringBuilder value = new StringBuilder();
        i++;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                i++;
                return value.toString();
            }
            value.append(c);
            i++;
        }
        throw unclosed("single quote", open);
    }

    /** A here-string, {@code @"} or {@code @'} and a newline up to a newline and {@code "@} or {@code '@}: the JSON body people paste. */
    private String hereString() {
        int open = i;
        char quote = text.charAt(i + 1);
        int end = text.indexOf("\n" + quote + "@", i + 2);
        if (end < 0) {
            throw unclosed("here-string @" + quote, open);
        }
        String content = text.substring(i + 3, end);
        i = end + 3;
        if (quote == '\'') {
            return content;
        }
        StringBuilder value = new StringBuilder();
        for (int k = 0; k < content.length(); k++) {
            char c = content.charAt(k);
            if (c == '`' && k + 1 < content.length()) {
                char e = content.charAt(++k);
                value.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e);
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    /** A double-quoted string: {@code `} escapes, {@code ""} for a quote, {@code $([char]N)}; variables as written. */
    private String doubleQuoted() {
        int open = i;
        StringBuilder value = new StringBuilder();
        i++;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i += 2;
                    continue;
                }
                i++;
                return value.toString();
            }
            if (c == '`' && i + 1 < text.length()) {
                char e = text.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case '0' -> value.append('\0');
                    case 'a' -> value.append('\u0007');
                    case 'b' -> value.append('\b');
                    case 'e' -> value.append('\u001b');
                    case 'f' -> value.append('\f');
                    case 'v' -> value.append('\u000b');
                    case 'u' -> {
                        int close = text.indexOf('}', i);
                        if (i < text.length() && text.charAt(i) == '{' && close > i + 1
                                && text.substring(i + 1, close).matches("[0-9A-Fa-f]{1,6}")) {
                            value.appendCodePoint(Integer.parseInt(text.substring(i + 1, close), 16));
                            i = close + 1;
                        } else {
                            value.append('u');
                        }
                    }
                    default -> value.append(e);
                }
                continue;
            }
            if (text.startsWith("$([char]", i)) {
                int close = text.indexOf(')', i);
                String code = close < 0 ? "" : text.substring(i + 8, close);
                if (code.matches("[0-9]{1,5}")) {
                    value.append((char) Integer.parseInt(code));
                    i = close + 1;
                    continue;
                }
            }
            value.append(c);
            i++;
        }
        throw unclosed("double quote", open);
    }

    private RequestFileException unclosed(String what, int at) {
        return new RequestFileException(file + " line " + line(at) + ": an unclosed " + what + " that opens at column "
                + column(at) + ".");
    }

    private int line(int offset) {
        return (int) text.substring(0, Math.min(offset, text.length())).chars().filter(c -> c == '\n').count() + 1;
    }

    private int column(int offset) {
        return offset - text.lastIndexOf('\n', offset - 1);
    }

    private String at(Token token) {
        return file + " line " + line(token.offset()) + " (column " + column(token.offset()) + ")";
    }
}
