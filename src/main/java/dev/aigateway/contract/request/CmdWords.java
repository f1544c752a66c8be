package dev.aigateway.contract.request;

import dev.aigateway.contract.request.CommandText.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The commands of a file copied for Windows' {@code cmd} ("Copy as cURL (cmd)": {@code ^} at the end of each line,
 * words in {@code ^"...^"}), split into words the way {@code cmd.exe} and then curl.exe's C runtime split them:
 * {@code ^} escapes the next character outside double quotes, then {@code \"} is a quote and {@code ""} inside
 * quotes is one. {@code %VAR%} stays as written. See {@link #commands()} and {@link #chromesOlderWord(int)} for the
 * liberties taken, both to read what Chrome meant.
 */
final class CmdWords {

    /** What Chrome's cmd escaping writes inside a word ({@code ^\^"} for a quote, {@code ^{}, {@code ^%^}, {@code ^^}). */
    private static final Pattern CARETS = Pattern.compile("\\^\\\\\\^\"|\\^[{}\\[\\]%^]");

    private final CommandText source;

    CmdWords(CommandText source) {
        this.source = source;
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
    List<List<Word>> commands() {
        List<StringBuilder> lines = new ArrayList<>();
        List<List<Integer>> origins = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        boolean quoted = false;
        boolean caretsInQuotes = false;
        int quoteOpened = -1;
        int i = 0;
        int n = source.text.length();
        while (i < n) {
            char c = source.text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                quoteOpened = i;
                caretsInQuotes = quoted && chromesOlderWord(i);
                line.append(c);
                origin.add(i++);
            } else if (quoted && !(caretsInQuotes && c == '^')) {
                if (c == '\n') {
                    throw source.unclosed("double quote", quoteOpened);
                }
                line.append(c);
                origin.add(i++);
            } else if (c == '^') {
                int taken = i + 1 < n && source.text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                if (taken < n) {
                    line.append(source.text.charAt(taken));
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
                while (i < n && source.text.charAt(i) != '\n' && source.text.charAt(i) != '&' && source.text.charAt(i) != '|') {
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
        while (end < source.text.length() && source.text.charAt(end) != '\n' && (source.text.charAt(end) != '"' || source.text.charAt(end - 1) == '^')) {
            end++;
        }
        return CARETS.matcher(source.text.substring(open + 1, end)).find();
    }

    /** The words of one command line as the Microsoft C runtime splits it (see {@link #commands()}). */
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
            throw source.unclosed("double quote", quoteOpened);
        }
        if (word != null) {
            words.add(new Word(word.toString(), start));
        }
        return words;
    }
}
