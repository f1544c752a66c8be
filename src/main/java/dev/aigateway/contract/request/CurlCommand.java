package dev.aigateway.contract.request;

import dev.aigateway.contract.request.ApplicationRequest.Header;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a curl command line the way a POSIX shell and curl would, without running or expanding
 * anything: {@code \} line continuations, single quotes, double quotes (where {@code \} escapes only
 * {@code $ ` " \} and a newline), Chrome's {@code $'...'} quotes, comments; {@code $VAR} and
 * {@code ${VAR}} stay as written. Other commands in the file ({@code export KEY=...}) are read only for
 * the keys they hold. The options are those browsers' "Copy as cURL", Vercel's docs and support use.
 *
 * <p>A command copied for Windows' {@code cmd} ("Copy as cURL (cmd)": {@code ^} at the end of each line,
 * words in {@code ^"...^"}) is read the way {@code cmd.exe} and then curl.exe's C runtime split it: {@code ^}
 * escapes the next character outside double quotes, then {@code \"} is a quote and {@code ""} inside
 * quotes is one. {@code %VAR%} stays as written. See {@link #cmdCommands()} and {@link #chromesOlderWord(int)} for the
 * liberties taken, both to read what Chrome meant.
 */
final class CurlCommand {

    /** One shell word and the offset in the text where it starts. */
    record Word(String text, int offset) {}

    /** What the command sends, before credentials are taken out; {@code fileSecrets} are keys found elsewhere in the file. */
    record Parsed(String method, String url, List<Header> headers, String body, Map<String, String> fileSecrets) {}

    private static final Set<String> FLAGS = Set.of("silent", "show-error", "verbose", "include", "location",
            "location-trusted", "insecure", "fail", "fail-with-body", "fail-early", "compressed", "no-buffer",
            "http1.0", "http1.1", "http2", "http2-prior-knowledge", "http3", "progress-bar", "globoff",
            "no-progress-meter", "raw", "tr-encoding", "ipv4", "ipv6", "remote-name", "remote-header-name",
            "no-keepalive", "tcp-nodelay", "path-as-is", "ssl-no-revoke", "tlsv1.2", "tlsv1.3", "get", "head",
            "styled-output", "no-styled-output", "no-progress-bar", "no-compressed", "no-silent", "no-verbose");
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("output", "write-out", "max-time", "connect-timeout",
            "retry", "retry-delay", "retry-max-time", "proxy", "resolve", "cacert", "capath", "cert", "key",
            "cert-type", "key-type", "limit-rate", "speed-time", "speed-limit", "interface", "dns-servers",
            "cookie-jar", "dump-header", "trace", "trace-ascii", "stderr", "max-filesize", "keepalive-time",
            "expect100-timeout", "unix-socket", "abstract-unix-socket", "noproxy", "connect-to", "ciphers",
            "tls-max", "proxy-user", "max-redirs", "retry-all-errors");
    private static final Set<String> WITH_VALUE = Set.of("request", "header", "data", "data-raw", "data-binary",
            "data-ascii", "data-urlencode", "json", "url", "user-agent", "referer", "cookie", "user", "oauth2-bearer",
            "form", "form-string", "upload-file", "config");
    private static final Map<Character, String> SHORT = Map.ofEntries(Map.entry('s', "silent"), Map.entry('S', "show-error"),
            Map.entry('v', "verbose"), Map.entry('i', "include"), Map.entry('L', "location"), Map.entry('k', "insecure"),
            Map.entry('f', "fail"), Map.entry('N', "no-buffer"), Map.entry('#', "progress-bar"), Map.entry('g', "globoff"),
            Map.entry('4', "ipv4"), Map.entry('6', "ipv6"), Map.entry('O', "remote-name"), Map.entry('J', "remote-header-name"),
            Map.entry('G', "get"), Map.entry('I', "head"), Map.entry('X', "request"), Map.entry('H', "header"),
            Map.entry('d', "data"), Map.entry('A', "user-agent"), Map.entry('e', "referer"), Map.entry('b', "cookie"),
            Map.entry('u', "user"), Map.entry('F', "form"), Map.entry('T', "upload-file"), Map.entry('K', "config"),
            Map.entry('o', "output"), Map.entry('w', "write-out"), Map.entry('m', "max-time"), Map.entry('x', "proxy"),
            Map.entry('E', "cert"), Map.entry('c', "cookie-jar"), Map.entry('D', "dump-header"), Map.entry('y', "speed-time"),
            Map.entry('Y', "speed-limit"), Map.entry('U', "proxy-user"));
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|token|secret|password).*");

    /**
     * A line ending in {@code ^}, a word opening with {@code ^"}, or a quote written {@code ""} inside a word
     * ({@code {""model""}, Firefox's older "Copy as cURL (Windows)"): Windows' cmd, where a POSIX shell has none of these.
     */
    private static final Pattern CMD = Pattern.compile("(?m)\\^[ \t]*$|(?:^|[ \t])\\^\"|(?<=\\S)\"\"(?=[A-Za-z_])");
    /** What Chrome's cmd escaping writes inside a word ({@code ^\^"} for a quote, {@code ^{}, {@code ^%^}, {@code ^^}). */
    private static final Pattern CARETS = Pattern.compile("\\^\\\\\\^\"|\\^[{}\\[\\]%^]");
    /** A line ending in a POSIX shell's continuation {@code \}. */
    private static final Pattern POSIX_CONTINUATION = Pattern.compile("(?m)\\\\[ \t]*$");

    private final String text;
    private final String file;
    private final int[] lineStarts;
    /** Whether the command is written for Windows' cmd rather than a POSIX shell. */
    private final boolean cmd;

    private CurlCommand(String text, String file) {
        this.text = text;
        this.file = file;
        this.cmd = CMD.matcher(text).find() && !POSIX_CONTINUATION.matcher(text).find();
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Reads the one curl command of {@code text}; {@code file} names the file in the sentence of a problem. */
    static Parsed parse(String text, String file) {
        return new CurlCommand(text.replace("\r\n", "\n"), file).parse();
    }

    private Parsed parse() {
        List<List<Word>> commands = commands();
        List<List<Word>> curls = commands.stream().filter(CurlCommand::isCurl).toList();
        if (curls.isEmpty()) {
            throw new RequestFileException(file + ": expected " + RequestFile.FORMS + "; it holds none of these.");
        }
        if (curls.size() > 1) {
            throw new RequestFileException(file + " holds " + curls.size() + " curl commands (lines "
                    + String.join(", ", curls.stream().map(words -> String.valueOf(line(words.get(0).offset()))).toList())
                    + "); keep only the one your application sends.");
        }
        List<Word> curl = curls.get(0);
        int after = commands.indexOf(curl) + 1;
        if (after < commands.size() && commands.get(after).get(0).text().startsWith("-")
                && line(commands.get(after).get(0).offset()) >= 2) {
            Word stray = commands.get(after).get(0);
            int line = line(stray.offset());
            String before = text.substring(lineStarts[line - 2], lineStarts[line - 1] - 1);
            String continuation = cmd ? "^" : "\\";
            throw new RequestFileException(file + " line " + line + ": this line's " + optionName(stray.text())
                    + " belongs to the curl command above, but line " + (line - 1)
                    + (before.matches("(?s).*" + Pattern.quote(continuation) + "[ \\t]+") ? " has a space after its closing "
                    + continuation + ", which ends the command" : " does not end with " + continuation + ", so the command ends there")
                    + ".");
        }
        java.util.LinkedHashMap<String, String> fileSecrets = new java.util.LinkedHashMap<>();
        for (List<Word> other : commands) {
            if (other != curl) {
                otherCommandSecrets(other, fileSecrets);
            }
        }
        return options(curl.subList(commandStart(curl) + 1, curl.size()), fileSecrets);
    }

    private static boolean isCurl(List<Word> command) {
        int start = commandStart(command);
        if (start >= command.size()) {
            return false;
        }
        String name = command.get(start).text();
        return name.equals("curl") || name.endsWith("/curl") || name.equalsIgnoreCase("curl.exe");
    }

    /** Where the command's name is: after a {@code $} prompt and {@code VAR=value} assignments. */
    private static int commandStart(List<Word> command) {
        int start = 0;
        while (start < command.size() && (command.get(start).text().equals("$")
                || ASSIGNMENT.matcher(command.get(start).text()).matches())) {
            start++;
        }
        return start;
    }

    /** {@code export AI_GATEWAY_API_KEY=vck_...} before the command: the key is the file's, so it is a secret too. */
    private static void otherCommandSecrets(List<Word> command, Map<String, String> secrets) {
        for (Word word : command) {
            Matcher assignment = ASSIGNMENT.matcher(word.text());
            if (assignment.matches() && !assignment.group(2).isEmpty() && !KeyShapes.isReference(assignment.group(2))
                    && (SECRET_NAME.matcher(assignment.group(1)).matches() || KeyShapes.looksLikeKey(assignment.group(2)))) {
                secrets.putIfAbsent(assignment.group(2), assignment.group(1));
            } else if (KeyShapes.looksLikeKey(word.text())) {
                secrets.putIfAbsent(word.text(), "FILE_KEY");
            }
        }
    }

    // ---- the shell's words -------------------------------------------------------------------

    private List<List<Word>> commands() {
        return cmd ? cmdCommands() : posixCommands();
    }

    private List<List<Word>> posixCommands() {
        List<List<Word>> commands = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        StringBuilder word = null;
        int wordStart = -1;
        boolean dropNext = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (word == null) {
                if (c == ' ' || c == '\t') {
                    i++;
                } else if (c == '\\' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i += 2;
                } else if (c == '\n' || c == ';' || c == '&' || c == '|') {
                    if (!current.isEmpty()) {
                        commands.add(current);
                        current = new ArrayList<>();
                    }
                    i++;
                } else if (c == '#') {
                    while (i < n && text.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '>' || c == '<') {
                    i++;
                    while (i < n && (text.charAt(i) == '>' || text.charAt(i) == '&')) {
                        i++;
                    }
                    dropNext = true;
                } else {
                    word = new StringBuilder();
                    wordStart = i;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>') {
                boolean descriptor = (c == '>' || c == '<') && word.toString().matches("[0-9]+") && text.charAt(i - 1) != '\'';
                if (!dropNext && !descriptor) {
                    current.add(new Word(word.toString(), wordStart));
                }
                dropNext = false;
                word = null;
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) {
                    throw unclosed("single quote", i);
                }
                word.append(text, i + 1, close);
                i = close + 1;
            } else if (c == '$' && i + 1 < n && text.charAt(i + 1) == '\'') {
                i = ansiC(i, word);
            } else if (c == '"') {
                i = doubleQuoted(i, word);
            } else if (c == '\\') {
                if (i + 1 < n && text.charAt(i + 1) != '\n') {
                    word.append(text.charAt(i + 1));
                }
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null && !dropNext) {
            current.add(new Word(word.toString(), wordStart));
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }

    /**
     * The commands of a file written for Windows' cmd, in two passes as Windows reads them. cmd.exe: outside
     * double quotes {@code ^} takes the next character as it is (a {@code ^} at a line's end joins the next line,
     * whose first character it takes as it is: Chrome writes a newline in a value as {@code ^} and two newlines),
     * a newline, {@code &} or {@code |} ends the command, and a redirection ({@code > answer.json}) is dropped to its end; {@code "} opens and closes its quotes, and an escaped
     * {@code ^"} does not. Then curl.exe's C runtime splits the command line: spaces and tabs outside quotes
     * separate words, {@code "} opens and closes quotes, {@code ""} inside quotes is one {@code "}, and a run of
     * {@code \} before a {@code "} is halved, an odd one making that {@code "} a character.
     *
     * <p>The liberty: an even run of {@code \} before anything else is halved too, where the C runtime would keep
     * it. Chrome's and Firefox's "Copy as cURL (cmd)" double every backslash of the request (Chromium DevTools,
     * front_end/panels/network/NetworkLogView.ts, {@code escapeStringWin}), so this reads a body's {@code \n}
     * as the browser sent it; curl.exe itself would send {@code \\n}.
     */
    private List<List<Word>> cmdCommands() {
        List<StringBuilder> lines = new ArrayList<>();
        List<List<Integer>> origins = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        boolean quoted = false;
        boolean caretsInQuotes = false;
        int quoteOpened = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                quoteOpened = i;
                caretsInQuotes = quoted && chromesOlderWord(i);
                line.append(c);
                origin.add(i++);
            } else if (quoted && !(caretsInQuotes && c == '^')) {
                if (c == '\n') {
                    throw unclosed("double quote", quoteOpened);
                }
                line.append(c);
                origin.add(i++);
            } else if (c == '^') {
                int taken = i + 1 < n && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                if (taken < n) {
                    line.append(text.charAt(taken));
                    origin.add(taken);
                }
                i = taken + 1;
            } else if (c == '\n' || c == '&' || c == '|') {
                lines.add(line);
                origins.add(origin);
                line = new StringBuilder();
                origin = new ArrayList<>();
                i++;
            } else if (c == '>' || c == '<') {
                // A redirection ("> answer.json", "2>nul") and its file: nothing of the request.
                if (line.toString().matches("(?s).*[ \t][0-9]")) {
                    line.setLength(line.length() - 1);
                    origin.remove(origin.size() - 1);
                }
                while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '&' && text.charAt(i) != '|') {
                    i++;
                }
            } else {
                line.append(c);
                origin.add(i++);
            }
        }
        lines.add(line);
        origins.add(origin);
        List<List<Word>> commands = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            List<Word> words = runtimeWords(lines.get(k), origins.get(k));
            boolean remark = !words.isEmpty() && (words.get(0).text().equalsIgnoreCase("rem") || words.get(0).text().startsWith("::"));
            if (!words.isEmpty() && !remark) {
                commands.add(words);
            }
        }
        return commands;
    }

    /**
     * Whether the {@code "} at {@code open} starts a word as Chrome's older "Copy as cURL (cmd)" wrote it: plain quotes with
     * {@code ^} escapes inside ({@code ^\^"} for a quote, {@code ^{}, {@code ^%^}), which cmd.exe itself would keep
     * inside quotes (why Chrome changed it); such a word is read as Chrome meant it, every {@code ^} an escape.
     */
    private boolean chromesOlderWord(int open) {
        int end = open + 1;
        while (end < text.length() && text.charAt(end) != '\n' && (text.charAt(end) != '"' || text.charAt(end - 1) == '^')) {
            end++;
        }
        return CARETS.matcher(text.substring(open + 1, end)).find();
    }

    /** The words of one command line as the Microsoft C runtime splits it (see {@link #cmdCommands()}). */
    private List<Word> runtimeWords(CharSequence line, List<Integer> origin) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = null;
        int start = -1;
        boolean quoted = false;
        int quoteOpened = -1;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if ((c == ' ' || c == '\t') && !quoted) {
                if (word != null) {
                    words.add(new Word(word.toString(), start));
                    word = null;
                }
                i++;
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
                start = origin.get(i);
            }
            if (c == '\\') {
                int end = i;
                while (end < n && line.charAt(end) == '\\') {
                    end++;
                }
                int run = end - i;
                boolean beforeQuote = end < n && line.charAt(end) == '"';
                word.append("\\".repeat(beforeQuote || run % 2 == 0 ? run / 2 : run));
                if (beforeQuote && run % 2 == 1) {
                    word.append('"');
                    end++;
                }
                i = end;
            } else if (c == '"') {
                if (quoted && i + 1 < n && line.charAt(i + 1) == '"') {
                    word.append('"');
                    i += 2;
                } else {
                    quoted = !quoted;
                    quoteOpened = origin.get(i);
                    i++;
                }
            } else {
                word.append(c);
                i++;
            }
        }
        if (quoted) {
            throw unclosed("double quote", quoteOpened);
        }
        if (word != null) {
            words.add(new Word(word.toString(), start));
        }
        return words;
    }

    private int doubleQuoted(int open, StringBuilder word) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == '\n') {
                    i += 2;
                    continue;
                }
                if (next == '$' || next == '`' || next == '"' || next == '\\') {
                    word.append(next);
                    i += 2;
                    continue;
                }
            }
            word.append(c);
            i++;
        }
        throw unclosed("double quote", open);
    }

    /** Bash's {@code $'...'}, which Chrome's "Copy as cURL" writes for a body with a quote, a newline or non-ASCII text. */
    private int ansiC(int dollar, StringBuilder word) {
        int i = dollar + 2;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                return i + 1;
            }
            if (c != '\\' || i + 1 >= text.length()) {
                word.append(c);
                i++;
                continue;
            }
            char e = text.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> word.append('\n');
                case 't' -> word.append('\t');
                case 'r' -> word.append('\r');
                case 'a' -> word.append('\u0007');
                case 'b' -> word.append('\b');
                case 'e', 'E' -> word.append('\u001b');
                case 'f' -> word.append('\f');
                case 'v' -> word.append('\u000b');
                case 'x' -> i = hex(i, 2, word);
                case 'u' -> i = hex(i, 4, word);
                case 'U' -> i = hex(i, 8, word);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i - 1;
                        while (end < text.length() && end < i + 2 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                            end++;
                        }
                        word.append((char) Integer.parseInt(text.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        word.append(e);
                    }
                }
            }
        }
        throw unclosed("$' quote", dollar);
    }

    private int hex(int at, int most, StringBuilder word) {
        int end = at;
        while (end < text.length() && end < at + most && Character.digit(text.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == at) {
            throw new RequestFileException(file + " line " + line(at) + ": a \\x, \\u or \\U escape at column "
                    + column(at - 2) + " with no hexadecimal digits after it.");
        }
        word.appendCodePoint(Integer.parseInt(text.substring(at, end), 16));
        return end;
    }

    private RequestFileException unclosed(String quote, int at) {
        return new RequestFileException(file + " line " + line(at) + ": an unclosed " + quote + " that opens at column "
                + column(at) + ".");
    }

    private int line(int offset) {
        int index = java.util.Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    private String at(Word word) {
        return file + " line " + line(word.offset()) + " (column " + column(word.offset()) + ")";
    }

    // ---- curl's options ----------------------------------------------------------------------

    private Parsed options(List<Word> words, Map<String, String> fileSecrets) {
        String method = null;
        String url = null;
        boolean get = false;
        boolean head = false;
        boolean json = false;
        List<String> data = new ArrayList<>();
        List<Header> headers = new ArrayList<>();
        boolean optionsEnded = false;
        for (int k = 0; k < words.size(); k++) {
            Word word = words.get(k);
            String t = word.text();
            List<String[]> found = new ArrayList<>();
            if (!optionsEnded && t.equals("--")) {
                optionsEnded = true;
                continue;
            } else if (!optionsEnded && t.startsWith("--")) {
                String name = t.substring(2);
                if (!FLAGS.contains(name) && !IGNORED_WITH_VALUE.contains(name) && !WITH_VALUE.contains(name)) {
                    throw unknown(word, t);
                }
                String value = null;
                if (!FLAGS.contains(name)) {
                    value = valueAfter(words, k++, t);
                }
                found.add(new String[] {name, value});
            } else if (!optionsEnded && t.startsWith("-") && t.length() > 1) {
                for (int j = 1; j < t.length(); j++) {
                    String name = SHORT.get(t.charAt(j));
                    if (name == null) {
                        throw unknown(word, "-" + t.charAt(j));
                    }
                    if (FLAGS.contains(name)) {
                        found.add(new String[] {name, null});
                        continue;
                    }
                    String value = j + 1 < t.length() ? t.substring(j + 1) : valueAfter(words, k++, "-" + t.charAt(j));
                    found.add(new String[] {name, value});
                    break;
                }
            } else {
                if (url != null) {
                    throw new RequestFileException(at(word) + ": a second URL; a request file holds one request, so keep one URL.");
                }
                url = t;
                continue;
            }
            for (String[] option : found) {
                String name = option[0];
                String value = option[1];
                switch (name) {
                    case "request" -> method = value.toUpperCase(Locale.ROOT);
                    case "get" -> get = true;
                    case "head" -> head = true;
                    case "url" -> {
                        if (url != null) {
                            throw new RequestFileException(at(word) + ": a second URL; a request file holds one request, so keep one URL.");
                        }
                        url = value;
                    }
                    case "header" -> header(word, value, headers);
                    case "data", "data-binary", "data-ascii" -> {
                        if (value.startsWith("@")) {
                            throw new RequestFileException(at(word) + ": the body is read from a file (" + optionName(t)
                                    + " @...); put the body itself in the command, or use a HAR or JSON request file.");
                        }
                        data.add(value);
                    }
                    case "data-raw" -> data.add(value);
                    case "data-urlencode" -> data.add(urlEncoded(word, value));
                    case "json" -> {
                        if (value.startsWith("@")) {
                            throw new RequestFileException(at(word) + ": the body is read from a file (--json @...); put the"
                                    + " body itself in the command, or use a HAR or JSON request file.");
                        }
                        json = true;
                        data.add(value);
                    }
                    case "user-agent" -> headers.add(new Header("User-Agent", value));
                    case "referer" -> headers.add(new Header("Referer", value));
                    case "cookie" -> {
                        if (value.contains("=")) {
                            headers.add(new Header("Cookie", value));
                        }
                    }
                    case "user" -> headers.add(new Header("Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
                    case "oauth2-bearer" -> headers.add(new Header("Authorization", "Bearer " + value));
                    case "form", "form-string", "upload-file", "config" -> throw new RequestFileException(at(word) + ": "
                            + optionName(t) + " (" + name + ") is not something a request file can replay; give the"
                            + " request as a HAR or JSON request file instead.");
                    default -> {
                        // A setting of curl's own (output, timeouts, TLS): nothing of the request.
                    }
                }
            }
        }
        if (url == null) {
            throw new RequestFileException(file + " line " + line(words.isEmpty() ? 0 : words.get(0).offset())
                    + ": the curl command has no URL.");
        }
        String body = null;
        if (!data.isEmpty()) {
            body = json && data.size() > 1 ? String.join("", data) : String.join("&", data);
        }
        if (get && body != null) {
            url = url + (url.contains("?") ? "&" : "?") + body;
            body = null;
        }
        if (json) {
            addIfAbsent(headers, "Content-Type", "application/json");
            addIfAbsent(headers, "Accept", "application/json");
        } else if (body != null) {
            addIfAbsent(headers, "Content-Type", "application/x-www-form-urlencoded");
        }
        if (method == null) {
            method = head ? "HEAD" : get || body == null ? "GET" : "POST";
        }
        return new Parsed(method, url, headers, body, fileSecrets);
    }

    private String valueAfter(List<Word> words, int k, String option) {
        if (k + 1 >= words.size()) {
            throw new RequestFileException(at(words.get(k)) + ": " + option + " needs a value after it.");
        }
        return words.get(k + 1).text();
    }

    private void header(Word word, String value, List<Header> headers) {
        if (value.startsWith("@")) {
            throw new RequestFileException(at(word) + ": the headers are read from a file (-H @...); write each"
                    + " header in the command as -H 'Name: value'.");
        }
        int colon = value.indexOf(':');
        if (colon <= 0) {
            if (value.endsWith(";") && value.length() > 1) {
                headers.add(new Header(value.substring(0, value.length() - 1).strip(), ""));
                return;
            }
            throw new RequestFileException(at(word) + ": a header is written 'Name: value', and this one has no colon.");
        }
        String headerValue = value.substring(colon + 1).strip();
        if (!headerValue.isEmpty()) {
            headers.add(new Header(value.substring(0, colon).strip(), headerValue));
        }
    }

    private String urlEncoded(Word word, String value) {
        int equals = value.indexOf('=');
        if (value.startsWith("@") || (equals > 0 && value.charAt(equals - 1) == '@') || (equals < 0 && value.contains("@"))) {
            throw new RequestFileException(at(word) + ": --data-urlencode reads from a file here; put the value itself in the command.");
        }
        if (equals < 0) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
        return (equals == 0 ? "" : value.substring(0, equals) + "=")
                + URLEncoder.encode(value.substring(equals + 1), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void addIfAbsent(List<Header> headers, String name, String value) {
        if (headers.stream().noneMatch(header -> header.name().equalsIgnoreCase(name))) {
            headers.add(new Header(name, value));
        }
    }

    private RequestFileException unknown(Word word, String option) {
        return new RequestFileException(at(word) + ": curl option " + optionName(option) + " is not one this reader knows;"
                + " it reads -X, -H, -d, --data-raw, --data-binary, --json, --url and curl's output and connection settings.");
    }

    /** The option as written, when it looks like one; never a value that might be a key. */
    private static String optionName(String text) {
        return text.matches("--?[A-Za-z0-9#][A-Za-z0-9.-]{0,30}") ? text : "an option";
    }
}
