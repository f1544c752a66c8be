package dev.aigateway.contract.request;

import dev.aigateway.contract.request.ApplicationRequest.Header;
import dev.aigateway.contract.request.CommandText.Word;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one curl command of a file the way a shell and curl would, without running or expanding anything: the
 * file split into commands and words ({@link PosixWords}, or {@link CmdWords} for one copied for Windows' {@code cmd}),
 * the curl command found among them, its options read ({@link CurlOptions}). Other commands in the file
 * ({@code export KEY=...}) are read only for the keys they hold.
 */
final class CurlCommand {

    /** What the command sends, before credentials are taken out; {@code fileSecrets} are keys found elsewhere in the file. */
    record Parsed(String method, String url, List<Header> headers, String body, Map<String, String> fileSecrets) {}

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|token|secret|password).*");

    /**
     * A line ending in {@code ^}, a word opening with {@code ^"}, or a quote written {@code ""} inside a word
     * ({@code {""model""}, Firefox's older "Copy as cURL (Windows)"): Windows' cmd, where a POSIX shell has none of these.
     */
    private static final Pattern CMD = Pattern.compile("(?m)\\^[ \t]*$|(?:^|[ \t])\\^\"|(?<=\\S)\"\"(?=[A-Za-z_])");
    /** A line ending in a POSIX shell's continuation {@code \}. */
    private static final Pattern POSIX_CONTINUATION = Pattern.compile("(?m)\\\\[ \t]*$");

    private final CommandText source;
    /** Whether the command is written for Windows' cmd rather than a POSIX shell. */
    private final boolean cmd;

    private CurlCommand(String text, String file) {
        this.source = new CommandText(text, file);
        this.cmd = CMD.matcher(text).find() && !POSIX_CONTINUATION.matcher(text).find();
    }

    /** Reads the one curl command of {@code text}; {@code file} names the file in the sentence of a problem. */
    static Parsed parse(String text, String file) {
        return new CurlCommand(text.replace("\r\n", "\n"), file).parse();
    }

    private Parsed parse() {
        List<List<Word>> commands = commands();
        List<List<Word>> curls = commands.stream().filter(CurlCommand::isCurl).toList();
        if (curls.isEmpty()) {
            throw new RequestFileException(source.file + ": expected " + RequestFile.FORMS + "; it holds none of these.");
        }
        if (curls.size() > 1) {
            throw new RequestFileException(source.file + " holds " + curls.size() + " curl commands (lines "
                    + String.join(", ", curls.stream().map(words -> String.valueOf(source.line(words.get(0).offset()))).toList())
                    + "); keep only the one your application sends.");
        }
        List<Word> curl = curls.get(0);
        int after = commands.indexOf(curl) + 1;
        if (after < commands.size() && commands.get(after).get(0).text().startsWith("-")
                && source.line(commands.get(after).get(0).offset()) >= 2) {
            Word stray = commands.get(after).get(0);
            int line = source.line(stray.offset());
            String before = source.lineText(line - 1);
            String continuation = cmd ? "^" : "\\";
            throw new RequestFileException(source.file + " line " + line + ": this line's " + CurlOptions.optionName(stray.text())
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
        return new CurlOptions(source).read(curl.subList(commandStart(curl) + 1, curl.size()), fileSecrets);
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

    private List<List<Word>> commands() {
        return cmd ? new CmdWords(source).commands() : new PosixWords(source).commands();
    }
}
