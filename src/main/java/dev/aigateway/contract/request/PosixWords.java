package dev.aigateway.contract.request;

import dev.aigateway.contract.request.CommandText.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands of a file as a POSIX shell splits them into words, without running or expanding anything:
 * {@code \} line continuations, single quotes, double quotes (where {@code \} escapes only {@code $ ` " \} and a
 * newline), Chrome's {@code $'...'} quotes, comments, redirections dropped; {@code $VAR} and {@code ${VAR}} stay as
 * written.
 */
final class PosixWords {

    private final CommandText source;

    PosixWords(CommandText source) {
        this.source = source;
    }

    List<List<Word>> commands() {
        List<List<Word>> commands = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        StringBuilder word = null;
        int wordStart = -1;
        boolean dropNext = false;
        int i = 0;
        int n = source.text.length();
        while (i < n) {
            char c = source.text.charAt(i);
            if (word == null) {
                if (c == ' ' || c == '\t') {
                    i++;
                } else if (c == '\\' && i + 1 < n && source.text.charAt(i + 1) == '\n') {
                    i += 2;
                } else if (c == '\n' || c == ';' || c == '&' || c == '|') {
                    if (!current.isEmpty()) {
                        commands.add(current);
                        current = new ArrayList<>();
                    }
                    i++;
                } else if (c == '#') {
                    while (i < n && source.text.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '>' || c == '<') {
                    i++;
                    while (i < n && (source.text.charAt(i) == '>' || source.text.charAt(i) == '&')) {
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
                boolean descriptor = (c == '>' || c == '<') && word.toString().matches("[0-9]+") && source.text.charAt(i - 1) != '\'';
                if (!dropNext && !descriptor) {
                    current.add(new Word(word.toString(), wordStart));
                }
                dropNext = false;
                word = null;
            } else if (c == '\'') {
                int close = source.text.indexOf('\'', i + 1);
                if (close < 0) {
                    throw source.unclosed("single quote", i);
                }
                word.append(source.text, i + 1, close);
                i = close + 1;
            } else if (c == '$' && i + 1 < n && source.text.charAt(i + 1) == '\'') {
                i = ansiC(i, word);
            } else if (c == '"') {
                i = doubleQuoted(i, word);
            } else if (c == '\\') {
                if (i + 1 < n && source.text.charAt(i + 1) != '\n') {
                    word.append(source.text.charAt(i + 1));
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

    private int doubleQuoted(int open, StringBuilder word) {
        int i = open + 1;
        while (i < source.text.length()) {
            char c = source.text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < source.text.length()) {
                char next = source.text.charAt(i + 1);
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
        throw source.unclosed("double quote", open);
    }

    /** Bash's {@code $'...'}, which Chrome's "Copy as cURL" writes for a body with a quote, a newline or non-ASCII source.text. */
    private int ansiC(int dollar, StringBuilder word) {
        int i = dollar + 2;
        while (i < source.text.length()) {
            char c = source.text.charAt(i);
            if (c == '\'') {
                return i + 1;
            }
            if (c != '\\' || i + 1 >= source.text.length()) {
                word.append(c);
                i++;
                continue;
            }
            char e = source.text.charAt(i + 1);
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
                        while (end < source.text.length() && end < i + 2 && source.text.charAt(end) >= '0' && source.text.charAt(end) <= '7') {
                            end++;
                        }
                        word.append((char) Integer.parseInt(source.text.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        word.append(e);
                    }
                }
            }
        }
        throw source.unclosed("$' quote", dollar);
    }

    private int hex(int at, int most, StringBuilder word) {
        int end = at;
        while (end < source.text.length() && end < at + most && Character.digit(source.text.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == at) {
            throw new RequestFileException(source.file + " line " + source.line(at) + ": a \\x, \\u or \\U escape at column "
                    + source.column(at - 2) + " with no hexadecimal digits after it.");
        }
        word.appendCodePoint(Integer.parseInt(source.text.substring(at, end), 16));
        return end;
    }
}
