package dev.aigateway.contract.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Allure's one-file report: {@code index.html} carries each of the report's data files (test cases,
 * widgets, attachments, {@code history/*.json}) as a call {@code d('path','base64 of the file')}.
 */
public final class SingleFileReport {

    private static final Pattern DATA_FILE = Pattern.compile("d\\('([^']+)','([A-Za-z0-9+/=]*)'\\)");

    private SingleFileReport() {}

    /** Every data file of the report, by its path in the report ({@code history/history.json}). */
    public static Map<String, byte[]> dataFiles(String html) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Matcher file = DATA_FILE.matcher(html);
        while (file.find()) {
            files.put(file.group(1), Base64.getDecoder().decode(file.group(2)));
        }
        return files;
    }

    /**
     * The same report with {@code change} applied to the text of every data file. Text here is one
     * char per byte (ISO-8859-1), so a binary attachment a change does not touch comes back byte for byte.
     */
    public static String rewrite(String html, UnaryOperator<String> change) {
        Matcher file = DATA_FILE.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (file.find()) {
            String text = new String(Base64.getDecoder().decode(file.group(2)), StandardCharsets.ISO_8859_1);
            String changed = change.apply(text);
            String data = changed.equals(text) ? file.group(2)
                    : Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.ISO_8859_1));
            file.appendReplacement(out, Matcher.quoteReplacement("d('" + file.group(1) + "','" + data + "')"));
        }
        file.appendTail(out);
        return out.toString();
    }
}
